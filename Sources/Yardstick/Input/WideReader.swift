/// A tidy wide table: one row per region and period, one column per indicator (like gapminder). The region and
/// period columns are named by the caller; the indicator columns too, or by default every other column whose
/// values are all numbers or missing. Cells of columns left out are counted in ``Panel/skipped``.
public enum WideReader {
    public static func read(_ table: CSVTable, regionColumn: String, periodColumn: String,
                            indicatorColumns: [String]? = nil) throws(InputError) -> Panel {
        var b = PanelBuilder(file: table.file)
        let r = try table.column(regionColumn), p = try table.column(periodColumn)
        var chosen: [Int] = []
        if let indicatorColumns {
            for name in indicatorColumns { chosen.append(try table.column(name)) }
        } else {
            chosen = table.header.indices.filter { c in
                c != r && c != p && table.rows.allSatisfy { row in
                    if case .invalid = NumberText.parse(row.fields[c]) { return false }
                    return true
                }
            }
        }
        let leftOut = table.header.count - 2 - chosen.count
        b.skip(leftOut * table.rows.count)
        if leftOut > 0 {
            let names = table.header.indices.filter { $0 != r && $0 != p && !chosen.contains($0) }.map { table.header[$0] }
            b.warn(.columnsNotRead(file: table.file, columns: names, cells: leftOut * table.rows.count))
        }
        for row in table.rows {
            let f = row.fields
            let region = f[r].trimmingCharacters(in: .whitespaces)
            guard !region.isEmpty else {
                throw .invalidCell(file: table.file, line: row.line, column: r + 1, columnName: table.header[r], found: f[r], expected: "a region name")
            }
            guard let period = Period(NumberText.halfWidth(f[p])) else {
                throw .invalidCell(file: table.file, line: row.line, column: p + 1, columnName: table.header[p], found: f[p],
                                   expected: "a year (2023), quarter (2023-Q1) or month (2023-01)")
            }
            for c in chosen {
                switch NumberText.parse(f[c]) {
                case let .number(x, magnitude, percent):
                    let unit = percent ? "%" : Units.attach(magnitude: magnitude, to: "")
                    let o = Observation(region: region, indicator: table.header[c], period: period, value: x, unit: unit)
                    try b.add(o, line: row.line, unitCell: .init(file: table.file, line: row.line, column: c + 1, name: table.header[c], text: f[c]))
                case .missing: b.missing()
                case .invalid:
                    throw .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c], found: f[c], expected: "a number or empty")
                }
            }
        }
        return try b.finish()
    }
}
