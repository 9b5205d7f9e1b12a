/// World Bank tables with one column per year: the bulk `WDICSV.csv` layout (`Country Name,Country Code,Indicator
/// Name,Indicator Code,1960,…`), the single-indicator API download (four preamble lines, a trailing comma on every
/// row), and the same shape with other names for the region and indicator columns (`country,indicator,2000,…`).
public enum WDIReader {
    /// Lines before the header in an API download (`"Data Source","World Development Indicators",` …).
    static func preambleLines(_ text: String) -> Int {
        let lines = text.split(separator: "\n", maxSplits: 8, omittingEmptySubsequences: false)
        guard lines.first?.contains("Data Source") == true else { return 0 }
        return lines.firstIndex { $0.contains("Country Name") || $0.contains("Country Code") } ?? 0
    }

    public static func read(_ table: CSVTable) throws(InputError) -> Panel {
        var b = PanelBuilder(file: table.file)
        guard let regionC = table.optionalColumn("Country Code", "country", "region", "Country Name", "geo") else {
            throw .missingColumn(file: table.file, name: "Country Code", header: table.header)
        }
        guard let indC = table.optionalColumn("Indicator Code", "indicator") else {
            throw .missingColumn(file: table.file, name: "Indicator Code", header: table.header)
        }
        let nameC = table.optionalColumn("Indicator Name")
        let years = table.header.enumerated().compactMap { i, h -> (Int, Period)? in
            guard let p = Period(h), p.isAnnual, h.trimmingCharacters(in: .whitespaces).count == 4 else { return nil }
            return (i, p)
        }
        guard !years.isEmpty else { throw .missingColumn(file: table.file, name: "a year column (1960, …)", header: table.header) }
        var names: [String: String] = [:]
        var emptyRows = 0
        for row in table.rows {
            let f = row.fields
            let region = f[regionC].trimmingCharacters(in: .whitespaces)
            let indicator = f[indC].trimmingCharacters(in: .whitespaces)
            guard !region.isEmpty else {
                throw .invalidCell(file: table.file, line: row.line, column: regionC + 1, columnName: table.header[regionC], found: f[regionC], expected: "a country code")
            }
            guard !indicator.isEmpty else {
                throw .invalidCell(file: table.file, line: row.line, column: indC + 1, columnName: table.header[indC], found: f[indC], expected: "an indicator code")
            }
            if let nameC { names[indicator] = f[nameC] }
            if years.allSatisfy({ NumberText.parse(f[$0.0]) == .missing }) { emptyRows += 1 }
            for (c, period) in years {
                switch NumberText.parse(f[c]) {
                case let .number(x, magnitude, _):
                    let o = Observation(region: region, indicator: indicator, period: period, value: x,
                                        unit: Units.attach(magnitude: magnitude, to: ""))
                    try b.add(o, line: row.line, unitCell: .init(line: row.line, column: c + 1, name: table.header[c], text: f[c]))
                case .missing: b.missing()
                case .invalid:
                    throw .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c],
                                       found: f[c], expected: "a number or empty")
                }
            }
        }
        if emptyRows > 0 {
            b.warn("\(table.file): \(emptyRows) row\(emptyRows == 1 ? " has" : "s have") no value in any year (their regions do not appear)")
        }
        var panel = b.finish()
        for (id, name) in names { panel.indicators[id] = Indicator(id: id, name: name) }
        return panel
    }
}
