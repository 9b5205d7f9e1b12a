/// The canonical long CSV: one observation per row.
///
/// Required columns, in any order: `region`, `indicator`, `year` (or `period`: `2023`, `2023-Q1`, `2023-01`),
/// `value`. Optional: `kind` (`actual`, `preliminary`, `target`; empty is actual), `qualifier` (`=`, `~`, `>=`, `>`,
/// `<=`, `<`, `range`, `relative`; the words exact, approx, at_least, more_than, at_most, less_than and the Chinese
/// 左右, 以上, 不低于, 突破, 超过, 以内, 以下 are accepted), `value_high` (for `range`), `relative_to` (for
/// `relative`: `indicator` or `region:indicator`), `unit`, `source`, `note`, `stretch` (a stretch target, 力争: `yes`,
/// `true`, `1` or `力争`; empty, `no`, `false` or `0` otherwise), `field_size` (for a rank, the number of places in
/// the ranking: 100 for a top-100 list), `indicator_kind` (level, growth_rate, share, count, rank) and `direction`
/// (higher, lower, target) for files that carry their indicators' kind and direction (`extract` writes them); a
/// metadata file, applied after, overrides them, and two rows that disagree are an error.
///
/// Values may carry thousands separators, full-width digits, a `%` sign and 万/亿 (moved into the unit); missing
/// markers (empty, `NA`, `..`, `:`, `-`, `—`) are counted, not errors.
public enum LongCSV {
    /// The qualifier each word names; `range` and `relative` get their high value and series from their columns.
    static let qualifierWords: [String: Qualifier] = {
        let words: [Qualifier: [String]] = [
            .exact: ["=", "exact", ""],
            .approximately: ["~", "approx", "approximately", "about", "左右", "约"],
            .atLeast: [">=", "at_least", "以上", "不低于", "≥"],
            .moreThan: [">", "more_than", "突破", "超过", "超"],
            .atMost: ["<=", "at_most", "以内", "以下", "不高于", "≤"],
            .lessThan: ["<", "less_than", "低于"],
            .range(high: 0): ["range"],
            .relative(to: ""): ["relative"],
        ]
        return Dictionary(uniqueKeysWithValues: words.flatMap { q, ws in ws.map { ($0, q) } })
    }()

    /// Every column the reader knows.
    static let columns = ["region", "indicator", "year", "period", "time_period", "value", "kind", "qualifier", "value_high",
                          "relative_to", "unit", "source", "note", "stretch", "field_size", "indicator_kind", "direction"]

    /// What the `stretch` column's words mean.
    static let stretchWords: [String: Bool] = ["": false, "no": false, "false": false, "0": false,
                                               "yes": true, "true": true, "1": true, "力争": true]

    /// Reads a long CSV table into a panel.
    ///
    /// Complexity: O(rows); a row whose region, indicator, kind, qualifier, unit, source and note repeat the row
    /// before (the usual case) makes no string.
    public static func read(_ table: CSVTable) throws(InputError) -> Panel { try Reader.read(table) }

    /// The state of reading one table: its columns, the panel so far, and the last string of each column.
    struct Reader: PartReader {
        /// The header (and file name); the data come from `rows`.
        let table: CSVTable
        var rows: CSVCursor
        let r: Int, ind: Int, y: Int, v: Int
        let kindC: Int?, qualC: Int?, highC: Int?, relC: Int?, unitC: Int?, srcC: Int?, noteC: Int?, stretchC: Int?, fieldC: Int?
        let indicatorKindC: Int?, directionC: Int?
        /// The kind and direction the rows give each indicator (by string number), with the line that gave them.
        var stated: [Int32: (kind: IndicatorKind?, direction: Direction?, line: Int)] = [:]
        var builder: PanelBuilder
        var caches: [FieldCache]
        /// The last kind and qualifier column texts, by string number, and what they mean (for the qualifier, also
        /// its number, except for a range or relative target, whose qualifier varies by row).
        var kinds: (key: Int32, value: ObservationKind?) = (-1, nil)
        var qualifiers: (key: Int32, value: Qualifier?, id: Int32) = (-1, nil, 0)
        /// The last stretch column text, by string number, and what it means.
        var stretches: (key: Int32, value: Bool?) = (0, false)

        static func observations(rows: Int, columns: Int) -> Int { rows }

        init(_ table: CSVTable, rows: CSVCursor, records: RecordStore, settings: Void = ()) throws(InputError) {
            self.table = table
            self.rows = rows
            builder = PanelBuilder(file: table.file, records: records)
            r = try table.column("region")
            ind = try table.column("indicator")
            guard let y = table.optionalColumn("year", "period", "time_period") else {
                throw .missingColumn(file: table.file, name: "year", header: table.header)
            }
            self.y = y
            v = try table.column("value")
            kindC = table.optionalColumn("kind"); qualC = table.optionalColumn("qualifier")
            highC = table.optionalColumn("value_high"); relC = table.optionalColumn("relative_to")
            unitC = table.optionalColumn("unit"); srcC = table.optionalColumn("source"); noteC = table.optionalColumn("note")
            stretchC = table.optionalColumn("stretch"); fieldC = table.optionalColumn("field_size")
            indicatorKindC = table.optionalColumn("indicator_kind"); directionC = table.optionalColumn("direction")
            caches = [FieldCache](repeating: FieldCache(), count: table.header.count)
            let unknown = try HeaderCheck.unknownColumns(table, known: LongCSV.columns)
            if !unknown.isEmpty { builder.warn(.unknownColumns(file: table.file, columns: unknown)) }
        }

        mutating func readRows() throws(InputError) {
            while try rows.next() { try read() }
        }

        mutating func absorb(_ other: Reader, lineOffset: Int) -> Bool {
            guard other.stated.isEmpty else { return false }        // rare: read in one pass, so that a conflict is named
            return builder.absorb(other.builder, lineOffset: lineOffset)
        }

        func finish() throws(InputError) -> Panel {
            var panel = try builder.finish()
            for (id, s) in stated {
                let name = panel.table.strings[id: id]
                var i = panel.indicator(name)
                if let k = s.kind { i.kind = k; i.kindStated = true }
                if let d = s.direction { i.direction = d; i.directionStated = true }
                panel.indicators[name] = i
            }
            return panel
        }

        /// The indicator's kind and direction on this row, if the file has those columns; rows must agree.
        mutating func readStated(_ indicator: Int32) throws(InputError) {
            let kindText = indicatorKindC.map { text($0).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let dirText = directionC.map { text($0).trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard !kindText.isEmpty || !dirText.isEmpty else { return }
            let kind = kindText.isEmpty ? nil : IndicatorKind(rawValue: kindText)
            if !kindText.isEmpty && kind == nil { throw bad(indicatorKindC!, "level, growth_rate, share, count or rank") }
            let direction = dirText.isEmpty ? nil : Direction(rawValue: dirText)
            if !dirText.isEmpty && direction == nil { throw bad(directionC!, "higher, lower or target") }
            if let before = stated[indicator] {
                if let kind, let k = before.kind, k != kind { throw bad(indicatorKindC!, "\(k.rawValue), as on line \(before.line)") }
                if let direction, let d = before.direction, d != direction { throw bad(directionC!, "\(d.rawValue), as on line \(before.line)") }
                stated[indicator] = (kind ?? before.kind, direction ?? before.direction, before.line)
            } else {
                stated[indicator] = (kind, direction, rows.line)
            }
        }

        func text(_ c: Int) -> String { rows.text(c) }



        /// The string number of a column's trimmed text (0, the empty string, for an absent column).
        @inline(__always) mutating func id(_ c: Int?) -> Int32 {
            guard let c else { return 0 }
            return caches[c].id(rows, c, &builder)
        }

        mutating func read() throws(InputError) {
            let region = id(r), indicator = id(ind)
            guard region != 0 else { throw bad(r, "a region name") }
            guard indicator != 0 else { throw bad(ind, "an indicator id") }
            if indicatorKindC != nil || directionC != nil { try readStated(indicator) }
            guard let period = FastParse.year(rows.raw(y)) ?? Period(NumberText.halfWidth(text(y))) else {
                throw bad(y, "a year (2023), quarter (2023-Q1) or month (2023-01)")
            }
            let kindID = id(kindC)
            if kindID != kinds.key {
                let t = builder.panel.table.strings[id: kindID]
                kinds = (kindID, t.isEmpty ? .actual : ObservationKind(rawValue: t.lowercased()))
            }
            guard let kind = kinds.value else { throw bad(kindC!, "actual, preliminary or target") }
            let qualifierText = id(qualC)
            if qualifierText != qualifiers.key {
                let t = builder.panel.table.strings[id: qualifierText]
                let q = qualifierWords[t] ?? qualifierWords[t.lowercased()]
                var id: Int32 = 0
                switch q {
                case .range?, .relative?, nil: break                  // numbered row by row, below
                case let fixed?: id = builder.qualifierID(fixed)
                }
                qualifiers = (qualifierText, q, id)
            }
            guard let stated = qualifiers.value else { throw bad(qualC!, "one of =, ~, >=, >, <=, <, range, relative") }
            var unit = id(unitC)
            var value = Double.nan
            if let fast = FastParse.number(rows.raw(v)) {
                value = fast
            } else {
                switch NumberText.parse(text(v)) {
                case let .number(x, magnitude, percent):
                    value = x
                    var text = Units.attach(magnitude: magnitude, to: builder.panel.table.strings[id: unit])
                    if percent && text.isEmpty { text = "%" }
                    unit = builder.intern(text)
                case .missing:
                    guard case .relative = stated else { builder.missing(); return }
                case .invalid:
                    throw bad(v, "a number or a missing-value marker (empty, NA, ..)")
                case .outOfRange: throw bad(v, NumberText.inRange)
                }
            }
            var qualifier = qualifiers.id
            switch stated {
            case .range:
                guard let hc = highC, case let .number(high, _, _) = NumberText.parse(text(hc)) else {
                    throw highC.map { bad($0, "the upper end of the range, a number") }
                        ?? .missingColumn(file: table.file, name: "value_high", header: table.header)
                }
                guard high >= value else { throw bad(hc, "a number at least the value \(value)") }
                qualifier = builder.qualifierID(.range(high: high))
            case .relative:
                let to = relC.map { text($0).trimmingCharacters(in: .whitespaces) } ?? ""
                guard !to.isEmpty else {
                    throw relC.map { bad($0, "the series the target is relative to: indicator or region:indicator") }
                        ?? .missingColumn(file: table.file, name: "relative_to", header: table.header)
                }
                qualifier = builder.qualifierID(.relative(to: to))
            default: break
            }
            let source = id(srcC), note = id(noteC), stretchID = id(stretchC)
            if stretchID != stretches.key {
                stretches = (stretchID, LongCSV.stretchWords[builder.panel.table.strings[id: stretchID].lowercased()])
            }
            guard let stretch = stretches.value else { throw bad(stretchC!, "yes, no, true, false, 1, 0, 力争 or empty") }
            if stretch && kind != .target { throw bad(stretchC!, "empty: only a target can be a stretch target") }
            var fieldSize: Int32 = 0
            if let fieldC, !text(fieldC).trimmingCharacters(in: .whitespaces).isEmpty {
                guard let n = Int32(text(fieldC).trimmingCharacters(in: .whitespaces)), n > 0, value.isNaN || (value >= 1 && value <= Double(n)) else {
                    throw bad(fieldC, "the number of places in the ranking, a whole number at least the rank")
                }
                fieldSize = n
            }
            if let conflict = builder.add(region: region, indicator: indicator, period: ObservationTable.code(period),
                                          value: value, kind: kind, qualifier: qualifier, unit: unit, source: source,
                                          note: note, stretch: stretch, fieldSize: fieldSize, line: rows.line) {
                throw conflict.error(at: cell(unitC ?? v))
            }
        }
    }

    /// Writes observations as a canonical long CSV (every column, RFC 4180 quoting); reading it back gives the
    /// same observations.
    public static func write(_ panel: Panel) -> String { write(observations: panel.observations) }

    /// ``write(_:)`` for observations not in a panel (an extraction's).
    public static func write<C: Collection<Observation>>(observations: C) -> String {
        var lines = ["region,indicator,year,value,kind,qualifier,value_high,relative_to,unit,source,note,stretch,field_size"]
        for o in observations {
            var high = "", rel = ""
            if case let .range(h) = o.qualifier { high = shortest(h) }
            if case let .relative(to) = o.qualifier { rel = to }
            lines.append([o.region, o.indicator, o.period.description, o.value.isNaN ? "" : shortest(o.value), o.kind.rawValue,
                          o.qualifier.symbol, high, rel, o.unit, o.source, o.note, o.stretch ? "yes" : "",
                          o.fieldSize.map(String.init) ?? ""].map(CSVTable.escape).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func shortest(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

}

import Foundation
