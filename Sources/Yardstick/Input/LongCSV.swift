/// The canonical long CSV: one observation per row.
///
/// Required columns, in any order: `region`, `indicator`, `year` (or `period`: `2023`, `2023-Q1`, `2023-01`),
/// `value`. Optional: `kind` (`actual`, `preliminary`, `target`; empty is actual), `qualifier` (`=`, `~`, `>=`, `>`,
/// `<=`, `<`, `range`, `relative`; the words exact, approx, at_least, more_than, at_most, less_than and the Chinese
/// 左右, 以上, 不低于, 突破, 超过, 以内, 以下 are accepted), `value_high` (for `range`), `relative_to` (for
/// `relative`: `indicator` or `region:indicator`), `unit`, `source`, `note`.
///
/// Values may carry thousands separators, full-width digits, a `%` sign and 万/亿 (moved into the unit); missing
/// markers (empty, `NA`, `..`, `:`, `-`, `—`) are counted, not errors.
public enum LongCSV {
    static let qualifierWords: [String: String] = [
        "=": "=", "exact": "=", "": "=",
        "~": "~", "approx": "~", "approximately": "~", "about": "~", "左右": "~", "约": "~",
        ">=": ">=", "at_least": ">=", "以上": ">=", "不低于": ">=", "≥": ">=",
        ">": ">", "more_than": ">", "突破": ">", "超过": ">", "超": ">",
        "<=": "<=", "at_most": "<=", "以内": "<=", "以下": "<=", "不高于": "<=", "≤": "<=",
        "<": "<", "less_than": "<", "低于": "<",
        "range": "range", "relative": "relative",
    ]

    /// Reads a long CSV table into a panel.
    public static func read(_ table: CSVTable) throws(InputError) -> Panel {
        var b = PanelBuilder(file: table.file, expectedRows: table.rowCount)
        let r = try table.column("region"), ind = try table.column("indicator")
        guard let y = table.optionalColumn("year", "period", "time_period") else { throw .missingColumn(file: table.file, name: "year", header: table.header) }
        let v = try table.column("value")
        let kindC = table.optionalColumn("kind"), qualC = table.optionalColumn("qualifier")
        let highC = table.optionalColumn("value_high"), relC = table.optionalColumn("relative_to")
        let unitC = table.optionalColumn("unit"), srcC = table.optionalColumn("source"), noteC = table.optionalColumn("note")
        var cache = [FieldCache](repeating: FieldCache(), count: table.header.count)
        for row in 0..<table.rowCount {
            let line = table.line(row)
            func raw(_ c: Int) -> String { table.field(row, c) }
            func cell(_ c: Int) -> PanelBuilder.Cell { .init(line: line, column: c + 1, name: table.header[c], text: raw(c)) }
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: line, column: c + 1, columnName: table.header[c], found: raw(c), expected: expected)
            }
            func text(_ c: Int?) -> String { c.map { cache[$0].value(table, row, $0) } ?? "" }
            let region = text(r), indicator = text(ind)
            guard !region.isEmpty else { throw bad(r, "a region name") }
            guard !indicator.isEmpty else { throw bad(ind, "an indicator id") }
            guard let period = FastParse.year(table, row, y) ?? Period(NumberText.halfWidth(raw(y))) else {
                throw bad(y, "a year (2023), quarter (2023-Q1) or month (2023-01)")
            }
            let kindText = text(kindC)
            guard let kind = kindText.isEmpty ? .actual : ObservationKind(rawValue: kindText.lowercased()) else {
                throw bad(kindC!, "actual, preliminary or target")
            }
            let qualifierText = text(qualC)
            guard let symbol = qualifierWords[qualifierText] ?? qualifierWords[qualifierText.lowercased()] else {
                throw bad(qualC!, "one of =, ~, >=, >, <=, <, range, relative")
            }
            var unit = text(unitC)
            var value = Double.nan
            if let fast = FastParse.number(table, row, v) {
                value = fast
            } else {
                switch NumberText.parse(raw(v)) {
                case let .number(x, magnitude, percent):
                    value = x
                    unit = Units.attach(magnitude: magnitude, to: unit)
                    if percent && unit.isEmpty { unit = "%" }
                case .missing:
                    if symbol != "relative" { b.missing(); continue }
                case .invalid:
                    throw bad(v, "a number or a missing-value marker (empty, NA, ..)")
                }
            }
            let qualifier: Qualifier
            switch symbol {
            case "=": qualifier = .exact
            case "~": qualifier = .approximately
            case ">=": qualifier = .atLeast
            case ">": qualifier = .moreThan
            case "<=": qualifier = .atMost
            case "<": qualifier = .lessThan
            case "range":
                guard let hc = highC, case let .number(high, _, _) = NumberText.parse(raw(hc)) else {
                    throw highC.map { bad($0, "the upper end of the range, a number") }
                        ?? .missingColumn(file: table.file, name: "value_high", header: table.header)
                }
                guard high >= value else { throw bad(highC!, "a number at least the value \(value)") }
                qualifier = .range(high: high)
            default:
                let to = text(relC)
                guard !to.isEmpty else {
                    throw relC.map { bad($0, "the series the target is relative to: indicator or region:indicator") }
                        ?? .missingColumn(file: table.file, name: "relative_to", header: table.header)
                }
                qualifier = .relative(to: to)
            }
            let o = Observation(region: region, indicator: indicator, period: period, value: value, kind: kind,
                                qualifier: qualifier, unit: unit, source: text(srcC), note: text(noteC))
            try b.add(o, line: line, unitCell: unitC.map(cell) ?? cell(v))
        }
        return b.finish()
    }

    /// Writes observations as a canonical long CSV (every column, RFC 4180 quoting); reading it back gives the
    /// same observations.
    public static func write(_ panel: Panel) -> String {
        var lines = ["region,indicator,year,value,kind,qualifier,value_high,relative_to,unit,source,note"]
        for o in panel.observations {
            var high = "", rel = ""
            if case let .range(h) = o.qualifier { high = shortest(h) }
            if case let .relative(to) = o.qualifier { rel = to }
            lines.append([o.region, o.indicator, o.period.description, o.value.isNaN ? "" : shortest(o.value), o.kind.rawValue,
                          o.qualifier.symbol, high, rel, o.unit, o.source, o.note].map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The trimmed text of a column, reusing the previous row's String when the bytes are the same (long files
    /// repeat region, indicator, unit and source on consecutive rows), so that most rows allocate nothing.
    struct FieldCache {
        private var bytes: ArraySlice<UInt8> = []
        private var text = ""
        private var filled = false

        mutating func value(_ table: CSVTable, _ row: Int, _ column: Int) -> String {
            let same = table.withField(row, column) { field in filled && field.elementsEqual(bytes) }
            if same { return text }
            bytes = table.withField(row, column) { $0 }
            text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            filled = true
            return text
        }
    }

    static func shortest(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

}

import Foundation
