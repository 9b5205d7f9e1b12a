/// Indicator metadata from a CSV: `id` (required), `name`, `name_en`, `unit`, `direction` (higher, lower, target),
/// `lower` and `upper` (natural bounds), `kind` (level, growth_rate, share, count, rank), `growth_of` (the indicator
/// whose growth rate this one is, ``Indicator/growthOf``). `source` and `note` columns may be kept for readers and
/// are not read; any other column is an error (a misspelt `direction` would otherwise leave every indicator
/// "higher is better").
public enum MetadataReader {
    static let columns = ["id", "name", "name_en", "unit", "direction", "lower", "upper", "kind", "growth_of", "breaks"]

    public static func read(_ table: CSVTable) throws(InputError) -> [Indicator] {
        guard table.rowCount > 0 else { throw .empty(file: table.file) }
        let unknown = try HeaderCheck.unknownColumns(table, known: columns).filter { !["source", "note", "notes"].contains($0.lowercased()) }
        if let name = unknown.first, let c = table.header.firstIndex(of: name) {
            throw .invalidCell(file: table.file, line: 1, column: c + 1, columnName: name, found: name,
                               expected: "one of \(columns.joined(separator: ", ")) (or source, note: kept, not read)")
        }
        let idC = try table.column("id")
        let nameC = table.optionalColumn("name"), enC = table.optionalColumn("name_en"), unitC = table.optionalColumn("unit")
        let dirC = table.optionalColumn("direction"), loC = table.optionalColumn("lower"), hiC = table.optionalColumn("upper")
        let kindC = table.optionalColumn("kind"), growthC = table.optionalColumn("growth_of"), breaksC = table.optionalColumn("breaks")
        var out: [Indicator] = [], seen: [String: Int] = [:]
        var growthCells: [(indicator: Int, line: Int, text: String)] = []
        for row in table.rows {
            let f = row.fields
            func text(_ c: Int?) -> String { c.map { f[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c], found: f[c], expected: expected)
            }
            let id = text(idC)
            guard !id.isEmpty else { throw bad(idC, "an indicator id") }
            if let first = seen[id] { throw .duplicateEntry(file: table.file, line: row.line, firstLine: first, what: "metadata for \(id)") }
            seen[id] = row.line
            let dirText = text(dirC).lowercased()
            guard let direction = dirText.isEmpty ? .higher : Direction(rawValue: dirText) else { throw bad(dirC!, "higher, lower or target") }
            let kindText = text(kindC).lowercased()
            guard let kind = kindText.isEmpty ? .level : IndicatorKind(rawValue: kindText) else {
                throw bad(kindC!, "level, growth_rate, share, count or rank")
            }
            func bound(_ c: Int?) throws(InputError) -> Double? {
                guard let c, !text(c).isEmpty else { return nil }
                switch NumberText.parse(f[c]) {
                case let .number(x, _, _): return x
                case .outOfRange: throw bad(c, NumberText.inRange)
                case .missing, .invalid: throw bad(c, "a number or empty")
                }
            }
            let lo = try bound(loC), hi = try bound(hiC)
            var bounds: ClosedRange<Double>?
            if lo != nil || hi != nil {
                let l = lo ?? -.infinity, h = hi ?? .infinity
                guard l < h else { throw bad(hiC ?? loC!, "an upper bound above the lower bound") }
                bounds = l...h
            } else if kind == .share {
                bounds = 0...100
            }
            if let growthC, !text(growthC).isEmpty { growthCells.append((out.count, row.line, f[growthC])) }
            // Breaks: years separated by ';' or spaces ("2018;2023").
            var breaks: [Int] = []
            for part in text(breaksC).split(whereSeparator: { $0 == ";" || $0 == " " }) {
                guard let y = Int(part), (1000...9999).contains(y) else { throw bad(breaksC!, "years separated by ';' (2018;2023) or empty") }
                breaks.append(y)
            }
            out.append(Indicator(id: id, name: text(nameC).isEmpty ? id : text(nameC),
                                 englishName: text(enC).isEmpty ? nil : text(enC), unit: text(unitC),
                                 direction: kind == .rank && dirText.isEmpty ? .lower : direction, bounds: bounds, kind: kind,
                                 growthOf: text(growthC).isEmpty ? nil : text(growthC), directionStated: !dirText.isEmpty || kind == .rank,
                                 kindStated: !kindText.isEmpty))
            out[out.count - 1].breaks = breaks.sorted()
        }
        try checkGrowthSeries(out, cells: growthCells, table: table, column: growthC)
        return out
    }

    /// A `growth_of` must name another indicator of the file that is not a growth rate, from an indicator that is
    /// one, and each level may have one growth series.
    static func checkGrowthSeries(_ indicators: [Indicator], cells: [(indicator: Int, line: Int, text: String)],
                                  table: CSVTable, column: Int?) throws(InputError) {
        guard let column else { return }
        let byID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var declared: [String: Int] = [:]
        for c in cells {
            let i = indicators[c.indicator], level = i.growthOf!
            func bad(_ expected: String) -> InputError {
                .invalidCell(file: table.file, line: c.line, column: column + 1, columnName: table.header[column], found: c.text, expected: expected)
            }
            guard let target = byID[level] else { throw bad("the id of another indicator in this file") }
            guard level != i.id else { throw bad("another indicator than \(i.id) itself") }
            guard i.kind == .growthRate else { throw bad("nothing: growth_of is for indicators of kind growth_rate, and \(i.id) is \(i.kind.rawValue)") }
            guard target.kind != .growthRate else { throw bad("a level or count, not the growth rate \(level)") }
            if let first = declared[level] {
                throw .duplicateEntry(file: table.file, line: c.line, firstLine: first, what: "a growth series of \(level)")
            }
            declared[level] = c.line
        }
    }
}

extension MetadataReader {
    /// Region names from a CSV: `id` (required, as the data names the region), `name` (in the source's language),
    /// `name_en`, `group` (the peers a benchmark compares the region with: `city`, `province`).
    public static func regionNames(_ table: CSVTable) throws(InputError) -> [String: RegionNames] {
        guard table.rowCount > 0 else { throw .empty(file: table.file) }
        let idC = try table.column("id")
        let nameC = table.optionalColumn("name"), enC = table.optionalColumn("name_en"), groupC = table.optionalColumn("group")
        var out: [String: RegionNames] = [:], seen: [String: Int] = [:]
        for row in table.rows {
            func text(_ c: Int?) -> String? {
                let t = c.map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
                return t.isEmpty ? nil : t
            }
            guard let id = text(idC) else {
                throw .invalidCell(file: table.file, line: row.line, column: idC + 1, columnName: table.header[idC],
                                   found: row.fields[idC], expected: "a region id")
            }
            if let first = seen[id] { throw .duplicateEntry(file: table.file, line: row.line, firstLine: first, what: "the names of region \(id)") }
            seen[id] = row.line
            out[id] = RegionNames(name: text(nameC), englishName: text(enC), group: text(groupC))
        }
        return out
    }
}
