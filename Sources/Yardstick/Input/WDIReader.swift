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
        var b = PanelBuilder(file: table.file, expectedRows: table.rowCount * (table.header.count - 4))
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
        var names: [Int32: String] = [:]
        var emptyRows = 0
        var regionCache = FieldCache(), indicatorCache = FieldCache()
        let codes = years.map { ObservationTable.code($0.1) }
        for row in 0..<table.rowCount {
            let line = table.line(row)
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: line, column: c + 1, columnName: table.header[c], found: table.field(row, c), expected: expected)
            }
            let region = regionCache.id(table.raw(row, regionC), table, row, regionC, &b)
            let indicator = indicatorCache.id(table.raw(row, indC), table, row, indC, &b)
            guard region != 0 else { throw bad(regionC, "a country code") }
            guard indicator != 0 else { throw bad(indC, "an indicator code") }
            if let nameC, names[indicator] == nil { names[indicator] = table.field(row, nameC) }
            var any = false
            for (k, (c, _)) in years.enumerated() {
                let value: Double
                var unit: Int32 = 0
                let f = table.raw(row, c)
                if f.isEmpty { b.missing(); continue }
                if let fast = FastParse.number(f) {
                    value = fast
                } else {
                    switch NumberText.parse(table.field(row, c)) {
                    case let .number(x, magnitude, _): value = x; unit = b.intern(Units.attach(magnitude: magnitude, to: ""))
                    case .missing: b.missing(); continue
                    case .invalid: throw bad(c, "a number or empty")
                    }
                }
                any = true
                if let conflict = b.add(region: region, indicator: indicator, period: codes[k], value: value, unit: unit, line: line) {
                    throw conflict.error(at: .init(file: table.file, line: line, column: c + 1, name: table.header[c], text: table.field(row, c)))
                }
            }
            if !any { emptyRows += 1 }
        }
        if emptyRows > 0 {
            b.warn("\(table.file): \(emptyRows) row\(emptyRows == 1 ? " has" : "s have") no value in any year (their regions do not appear)")
        }
        var panel = try b.finish()
        for (id, name) in names {
            let code = panel.table.strings[id: id]
            panel.indicators[code] = Indicator(id: code, name: name)
        }
        return panel
    }
}
