/// Weights from a CSV: `id,weight`, one row per group or indicator (relative within its group; a positive number).
public enum WeightsReader {
    public static func read(_ table: CSVTable) throws(InputError) -> [String: Double] {
        guard table.rowCount > 0 else { throw .empty(file: table.file) }
        let idC = try table.column("id"), weightC = try table.column("weight")
        var out: [String: Double] = [:], lines: [String: Int] = [:]
        for row in table.rows {
            let id = row.fields[idC].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                throw .invalidCell(file: table.file, line: row.line, column: idC + 1, columnName: table.header[idC], found: row.fields[idC], expected: "a group or indicator id")
            }
            if let first = lines[id] { throw .duplicateEntry(file: table.file, line: row.line, firstLine: first, what: "the weight of \(id)") }
            lines[id] = row.line
            guard case let .number(w, _, _) = NumberText.parse(row.fields[weightC]), w > 0, w.isFinite else {
                throw .invalidCell(file: table.file, line: row.line, column: weightC + 1, columnName: table.header[weightC],
                                   found: row.fields[weightC], expected: "a positive number")
            }
            out[id] = w
        }
        return out
    }
}
