/// Reads a composite index's structure: a CSV with one row per group or indicator,
/// `id,parent,weight,aggregate,transform,lower,upper,direction` (and optionally `target`):
///
/// - `id` (required): an indicator id of the data, or a group's name; `parent` the group it belongs to, empty for
///   the index itself (exactly one row);
/// - `weight`: relative within its parent (default 1); `aggregate` (arithmetic, geometric, harmonic; default
///   arithmetic) combines a group's children;
/// - for indicators: `transform` (none, log), `lower` and `upper` (goalposts, in the indicator's own units before
///   any transform), `target`, `direction` (higher, lower, target).
///
/// Errors name the file, line and column: a missing or unknown parent, a second root, a cycle, a duplicate id, a
/// weight that is not a positive number, goalposts upside down, an unknown word.
public enum StructureReader {
    public static func read(_ table: CSVTable) throws(InputError) -> IndexStructure {
        guard table.rowCount > 0 else { throw .empty(file: table.file) }
        let idC = try table.column("id"), parentC = try table.column("parent")
        let weightC = table.optionalColumn("weight"), aggC = table.optionalColumn("aggregate")
        let transformC = table.optionalColumn("transform"), lowC = table.optionalColumn("lower"), highC = table.optionalColumn("upper")
        let dirC = table.optionalColumn("direction"), targetC = table.optionalColumn("target")
        var nodes: [IndexStructure.Node] = [], parents: [(text: String, line: Int)] = [], lines: [String: Int] = [:]
        for row in table.rows {
            let f = row.fields
            func text(_ c: Int?) -> String { c.map { f[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func bad(_ c: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: row.line, column: c + 1, columnName: table.header[c], found: f[c], expected: expected)
            }
            func number(_ c: Int?) throws(InputError) -> Double? {
                guard let c, !text(c).isEmpty else { return nil }
                guard case let .number(x, _, _) = NumberText.parse(f[c]), x.isFinite else { throw bad(c, "a number or empty") }
                return x
            }
            let id = text(idC)
            guard !id.isEmpty else { throw bad(idC, "a group or indicator id") }
            if let first = lines[id] { throw .duplicateEntry(file: table.file, line: row.line, firstLine: first, what: "\(id)") }
            lines[id] = row.line
            let weight = try number(weightC) ?? 1
            guard weight > 0 else { throw bad(weightC!, "a positive weight") }
            let aggText = text(aggC).lowercased()
            guard let aggregation = aggText.isEmpty ? .arithmetic : Aggregation(rawValue: aggText) else {
                throw bad(aggC!, "arithmetic, geometric or harmonic")
            }
            let tText = text(transformC).lowercased()
            guard let transform = tText.isEmpty ? IndexStructure.Transform.none : IndexStructure.Transform(rawValue: tText) else {
                throw bad(transformC!, "none or log")
            }
            let dText = text(dirC).lowercased()
            let direction = Direction(rawValue: dText)
            if direction == nil && !dText.isEmpty { throw bad(dirC!, "higher, lower or target") }
            let low = try number(lowC), high = try number(highC)
            var goalposts: ClosedRange<Double>?
            if low != nil || high != nil {
                guard let low, let high else { throw bad((low == nil ? lowC : highC)!, "a number: goalposts need both lower and upper") }
                guard low < high else { throw bad(highC!, "an upper goalpost above the lower, \(low)") }
                if transform == .log && low <= 0 { throw bad(lowC!, "a positive lower goalpost for a log transform") }
                goalposts = low...high
            }
            nodes.append(IndexStructure.Node(id: id, parent: nil, weight: weight, aggregation: aggregation, transform: transform,
                                             goalposts: goalposts, target: try number(targetC), direction: direction))
            parents.append((text(parentC), row.line))
        }
        // Parents by position, one root, no cycle.
        var positions: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { positions[n.id] = i }
        var resolved: [IndexStructure.Node] = [], rootLine: Int?
        for (i, n) in nodes.enumerated() {
            let p = parents[i]
            var parent: Int?
            if p.text.isEmpty {
                if let first = rootLine { throw .duplicateEntry(file: table.file, line: p.line, firstLine: first, what: "a row with no parent (the index itself)") }
                rootLine = p.line
            } else {
                guard let q = positions[p.text], q != i else {
                    throw .invalidCell(file: table.file, line: p.line, column: parentC + 1, columnName: table.header[parentC], found: p.text,
                                       expected: "the id of another row (a group), or empty for the index itself")
                }
                parent = q
            }
            resolved.append(IndexStructure.Node(id: n.id, parent: parent, weight: n.weight, aggregation: n.aggregation, transform: n.transform,
                                                goalposts: n.goalposts, target: n.target, direction: n.direction))
        }
        guard rootLine != nil else {
            throw .invalidCell(file: table.file, line: 1, column: parentC + 1, columnName: table.header[parentC], found: "",
                               expected: "one row with an empty parent: the index itself")
        }
        for i in resolved.indices {
            var seen = Set([i]), p = resolved[i].parent
            while let q = p {
                guard seen.insert(q).inserted else {
                    throw .invalidCell(file: table.file, line: parents[i].line, column: parentC + 1, columnName: table.header[parentC],
                                       found: parents[i].text, expected: "a parent that does not lead back to \(resolved[i].id) (a cycle)")
                }
                p = resolved[q].parent
            }
        }
        return IndexStructure(nodes: resolved)
    }
}
