/// Eurostat's TSV: the first column holds the dimensions, comma-separated, named in its header
/// (`freq,unit,geo\TIME_PERIOD`); then one tab-separated column per period. Cells carry flags after the value
/// (`628 e`, `1.2 p`, `: c`); `:` is missing. The region is `geo`; the indicator is the other dimensions except
/// `freq`, joined by `.`; `unit` (if present) is also the unit.
public enum EurostatReader {
    public static func read(_ table: CSVTable) throws(InputError) -> Panel {
        var b = PanelBuilder(file: table.file)
        let first = table.header[0]
        guard let slash = first.firstIndex(of: "\\") else {
            throw .invalidCell(file: table.file, line: 1, column: 1, columnName: first, found: first, expected: "dimension names ending in \\TIME_PERIOD, e.g. freq,unit,geo\\TIME_PERIOD")
        }
        let dimNames = first[..<slash].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let geo = dimNames.firstIndex(where: { $0.lowercased() == "geo" }) else {
            throw .invalidCell(file: table.file, line: 1, column: 1, columnName: first, found: first, expected: "a geo dimension")
        }
        let unitDim = dimNames.firstIndex { $0.lowercased() == "unit" }
        let indicatorDims = dimNames.indices.filter { $0 != geo && dimNames[$0].lowercased() != "freq" }
        var periods: [(Int, Period)] = []
        for c in 1..<table.header.count {
            guard let p = Period(table.header[c]) else {
                throw .invalidCell(file: table.file, line: 1, column: c + 1, columnName: table.header[c], found: table.header[c], expected: "a period such as 2023 or 2023-Q1")
            }
            periods.append((c, p))
        }
        for row in table.rows {
            let f = row.fields
            let dims = f[0].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard dims.count == dimNames.count else {
                throw .invalidCell(file: table.file, line: row.line, column: 1, columnName: first, found: f[0], expected: "\(dimNames.count) comma-separated dimension codes")
            }
            let indicator = indicatorDims.map { dims[$0] }.joined(separator: ".")
            for (c, period) in periods {
                var cell = f[c].trimmingCharacters(in: .whitespaces)
                // Flags: letters after the number (e, p, b, c, d, f, n, r, s, u, z) separated by a space.
                if let space = cell.lastIndex(of: " "), cell[cell.index(after: space)...].allSatisfy({ $0.isLetter }) {
                    cell = String(cell[..<space]).trimmingCharacters(in: .whitespaces)
                }
                switch NumberText.parse(cell) {
                case let .number(x, _, _):
                    let o = Observation(region: dims[geo], indicator: indicator.isEmpty ? "value" : indicator, period: period,
                                        value: x, unit: unitDim.map { dims[$0] } ?? "")
                    try b.add(o, line: row.line, unitCell: .init(file: table.file, line: row.line, column: 1, name: first, text: f[0]))
                case .missing: b.missing()
                case .invalid:
                    throw .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c], found: f[c],
                                       expected: "a number, optionally followed by flags (628 e), or : for missing")
                }
            }
        }
        return try b.finish()
    }
}
