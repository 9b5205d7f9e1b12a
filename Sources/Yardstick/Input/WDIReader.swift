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
        var b = PanelBuilder(file: table.file, expectedRows: table.rowCount * 32)
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
        var regionCache = LongCSV.FieldCache(), indicatorCache = LongCSV.FieldCache()
        for row in 0..<table.rowCount {
            let line = table.line(row)
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: line, column: c + 1, columnName: table.header[c], found: table.field(row, c), expected: expected)
            }
            let region = regionCache.value(table, row, regionC)
            let indicator = indicatorCache.value(table, row, indC)
            guard !region.isEmpty else { throw bad(regionC, "a country code") }
            guard !indicator.isEmpty else { throw bad(indC, "an indicator code") }
            if let nameC, names[indicator] == nil { names[indicator] = table.field(row, nameC) }
            var any = false
            for (c, period) in years {
                let value: Double
                var unit = ""
                if let fast = FastParse.number(table, row, c) {
                    value = fast
                } else {
                    switch NumberText.parse(table.field(row, c)) {
                    case let .number(x, magnitude, _): value = x; unit = Units.attach(magnitude: magnitude, to: "")
                    case .missing: b.missing(); continue
                    case .invalid: throw bad(c, "a number or empty")
                    }
                }
                any = true
                let o = Observation(region: region, indicator: indicator, period: period, value: value, unit: unit)
                try b.add(o, line: line, unitCell: .init(line: line, column: c + 1, name: table.header[c], text: table.field(row, c)))
            }
            if !any { emptyRows += 1 }
        }
        if emptyRows > 0 {
            b.warn("\(table.file): \(emptyRows) row\(emptyRows == 1 ? " has" : "s have") no value in any year (their regions do not appear)")
        }
        var panel = b.finish()
        for (id, name) in names { panel.indicators[id] = Indicator(id: id, name: name) }
        return panel
    }
}
