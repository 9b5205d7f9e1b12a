/// Indicator metadata from a CSV: `id` (required), `name`, `name_en`, `unit`, `direction` (higher, lower, target),
/// `lower` and `upper` (natural bounds), `kind` (level, growth_rate, share, count, rank), `growth_of` (the indicator
/// whose growth rate this one is, ``Indicator/growthOf``).
public enum MetadataReader {
    public static func read(_ table: CSVTable) throws(InputError) -> [Indicator] {
        let idC = try table.column("id")
        let nameC = table.optionalColumn("name"), enC = table.optionalColumn("name_en"), unitC = table.optionalColumn("unit")
        let dirC = table.optionalColumn("direction"), loC = table.optionalColumn("lower"), hiC = table.optionalColumn("upper")
        let kindC = table.optionalColumn("kind"), growthC = table.optionalColumn("growth_of")
        var out: [Indicator] = [], seen: [String: Int] = [:]
        for row in table.rows {
            let f = row.fields
            func text(_ c: Int?) -> String { c.map { f[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c], found: f[c], expected: expected)
            }
            let id = text(idC)
            guard !id.isEmpty else { throw bad(idC, "an indicator id") }
            if let first = seen[id] { throw .duplicate(file: table.file, line: row.line, firstLine: first, what: "metadata for \(id)") }
            seen[id] = row.line
            let dirText = text(dirC).lowercased()
            guard let direction = dirText.isEmpty ? .higher : Direction(rawValue: dirText) else { throw bad(dirC!, "higher, lower or target") }
            let kindText = text(kindC).lowercased()
            guard let kind = kindText.isEmpty ? .level : IndicatorKind(rawValue: kindText) else {
                throw bad(kindC!, "level, growth_rate, share, count or rank")
            }
            func bound(_ c: Int?) throws(InputError) -> Double? {
                guard let c, !text(c).isEmpty else { return nil }
                guard case let .number(x, _, _) = NumberText.parse(f[c]) else { throw bad(c, "a number or empty") }
                return x
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
            out.append(Indicator(id: id, name: text(nameC).isEmpty ? id : text(nameC),
                                 englishName: text(enC).isEmpty ? nil : text(enC), unit: text(unitC),
                                 direction: kind == .rank && dirText.isEmpty ? .lower : direction, bounds: bounds, kind: kind,
                                 growthOf: text(growthC).isEmpty ? nil : text(growthC)))
        }
        return out
    }
}

extension MetadataReader {
    /// Region names from a CSV: `id` (required, as the data names the region), `name` (in the source's language),
    /// `name_en`.
    public static func regionNames(_ table: CSVTable) throws(InputError) -> [String: RegionNames] {
        let idC = try table.column("id")
        let nameC = table.optionalColumn("name"), enC = table.optionalColumn("name_en")
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
            if let first = seen[id] { throw .duplicate(file: table.file, line: row.line, firstLine: first, what: "names of region \(id)") }
            seen[id] = row.line
            out[id] = RegionNames(name: text(nameC), englishName: text(enC))
        }
        return out
    }
}
