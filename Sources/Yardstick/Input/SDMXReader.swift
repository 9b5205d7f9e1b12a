/// SDMX-CSV 1.0 (`DATAFLOW,…,TIME_PERIOD,OBS_VALUE,…`) and 2.0 (`STRUCTURE,STRUCTURE_ID,ACTION,…`), with `,` or
/// `;` as separator and `labels=both` cells (`CHN: China`, of which the code is kept).
///
/// The region is the `REF_AREA` (or `GEO`, `COUNTRY`, `AREA`) dimension; the indicator is the remaining dimensions'
/// codes joined by `.` (attributes such as `OBS_STATUS`, `UNIT_MULT`, `DECIMALS` and `UNIT_MEASURE` are not
/// dimensions; `UNIT_MEASURE` becomes the unit).
public enum SDMXReader {
    static let structural: Set<String> = ["DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "ACTION", "TIME_PERIOD", "OBS_VALUE"]
    static let attributes: Set<String> = ["OBS_STATUS", "OBS_FLAG", "OBS_CONF", "CONF_STATUS", "UNIT_MULT", "DECIMALS",
                                          "UNIT_MEASURE", "UNIT", "COMMENT", "OBS_COMMENT", "TIME_FORMAT", "BASE_PER",
                                          "TITLE", "SOURCE", "NOTE"]
    static let regionNames = ["REF_AREA", "GEO", "COUNTRY", "AREA", "LOCATION"]

    /// The code of a `labels=both` cell: `CHN: China` → `CHN`.
    static func code(_ cell: String) -> String {
        let t = cell.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: ": ") { return String(t[..<r.lowerBound]) }
        return t
    }

    public static func read(_ table: CSVTable) throws(InputError) -> Panel {
        var b = PanelBuilder(file: table.file)
        let upper = table.header.map { code($0).uppercased() }
        func col(_ name: String) -> Int? { upper.firstIndex(of: name) }
        guard let timeC = col("TIME_PERIOD") else { throw .missingColumn(file: table.file, name: "TIME_PERIOD", header: table.header) }
        guard let valueC = col("OBS_VALUE") else { throw .missingColumn(file: table.file, name: "OBS_VALUE", header: table.header) }
        guard let regionC = regionNames.lazy.compactMap(col).first else {
            throw .missingColumn(file: table.file, name: "REF_AREA", header: table.header)
        }
        let unitC = col("UNIT_MEASURE") ?? col("UNIT")
        let dims = upper.indices.filter { !structural.contains(upper[$0]) && !attributes.contains(upper[$0]) && $0 != regionC }
        for row in table.rows {
            let f = row.fields
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c], found: f[c], expected: expected)
            }
            let region = code(f[regionC])
            guard !region.isEmpty else { throw bad(regionC, "an area code") }
            guard let period = Period(f[timeC]) else { throw bad(timeC, "a period such as 2023, 2023-Q1 or 2023-01") }
            let indicator = dims.isEmpty ? "OBS_VALUE" : dims.map { code(f[$0]) }.joined(separator: ".")
            switch NumberText.parse(f[valueC]) {
            case let .number(x, magnitude, _):
                let unit = Units.attach(magnitude: magnitude, to: unitC.map { code(f[$0]) } ?? "")
                let o = Observation(region: region, indicator: indicator, period: period, value: x, unit: unit)
                let uc = unitC ?? valueC
                try b.add(o, line: row.line, unitCell: .init(file: table.file, line: row.line, column: uc + 1, name: table.header[uc], text: f[uc]))
            case .missing: b.missing()
            case .invalid: throw bad(valueC, "a number or empty")
            }
        }
        return try b.finish()
    }
}
