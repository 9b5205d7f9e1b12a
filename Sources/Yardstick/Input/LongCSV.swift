/// The canonical long CSV: one observation per row, columns `region,indicator,year,value` in any order, plus
/// optional `kind` (actual, preliminary, target) and `qualifier` (`=`, `~`, `>=`, `>`, `<=`, `<`, `range`,
/// `relative`; the words exact, approx, at_least, more_than, at_most, less_than also accepted). Other columns
/// (unit, source, note, …) are carried by the data issue's full model and ignored here.
///
/// Only actual or preliminary values that are exact or approximate become trend points; targets and bounds
/// (`>=`, `>`, …) are counted in ``Result/notTrendPoints`` and missing values (empty, `NA`, `..`, `:`, `-`, `—`) in
/// ``Result/missing``, never dropped silently.
public enum LongCSV {
    public struct Result: Sendable {
        /// One series per region and indicator, in order of first appearance, years increasing.
        public let series: [Series]
        /// Rows whose value is a missing-value marker.
        public let missing: Int
        /// Rows that are targets or bounds, not trend points.
        public let notTrendPoints: Int
    }

    static let missingMarkers: Set<String> = ["", "NA", "N/A", "..", ":", "-", "—", "NaN"]
    static let pointQualifiers: Set<String> = ["=", "~", "exact", "approx", "approximately"]
    static let knownQualifiers: Set<String> = pointQualifiers.union([
        ">=", ">", "<=", "<", "range", "relative", "at_least", "more_than", "at_most", "less_than"])

    public static func read(_ table: CSVTable) throws(InputError) -> Result {
        let r = try table.column("region"), ind = try table.column("indicator")
        let y = try table.column("year"), v = try table.column("value")
        let kindColumn = table.header.firstIndex(of: "kind")
        let qualifierColumn = table.header.firstIndex(of: "qualifier")
        var order: [String] = []
        var points: [String: [(year: Int, value: Double, line: Int)]] = [:]
        var names: [String: (String, String)] = [:]
        var missing = 0, other = 0
        for row in table.rows {
            let f = row.fields
            func bad(_ column: Int, _ expected: String) -> InputError {
                .invalidCell(file: table.file, line: row.line, column: column + 1, columnName: table.header[column],
                             found: f[column], expected: expected)
            }
            let yearText = f[y].trimmingCharacters(in: .whitespaces)
            guard let year = Int(yearText), (1000...9999).contains(year) else {
                throw bad(y, "a four-digit year such as 2023")
            }
            let valueText = f[v].trimmingCharacters(in: .whitespaces)
            if missingMarkers.contains(valueText) { missing += 1; continue }
            guard let value = Double(valueText), value.isFinite else { throw bad(v, "a number or a missing-value marker (empty, NA, ..)") }
            if let k = kindColumn {
                let kind = f[k].trimmingCharacters(in: .whitespaces).lowercased()
                guard ["", "actual", "preliminary", "target"].contains(kind) else { throw bad(k, "actual, preliminary or target") }
                if kind == "target" { other += 1; continue }
            }
            if let q = qualifierColumn {
                let qualifier = f[q].trimmingCharacters(in: .whitespaces)
                guard qualifier.isEmpty || knownQualifiers.contains(qualifier) else {
                    throw bad(q, "one of =, ~, >=, >, <=, <, range, relative")
                }
                if !qualifier.isEmpty && !pointQualifiers.contains(qualifier) { other += 1; continue }
            }
            let key = f[r] + "\u{1F}" + f[ind]
            if points[key] == nil { order.append(key); names[key] = (f[r], f[ind]) }
            if let first = points[key]?.first(where: { $0.year == year }) {
                throw .duplicate(file: table.file, line: row.line, firstLine: first.line,
                                 what: "for \(f[r]) / \(f[ind]) / \(year)")
            }
            points[key, default: []].append((year, value, row.line))
        }
        let series = order.map { key -> Series in
            let p = points[key]!.sorted { $0.year < $1.year }
            return Series(region: names[key]!.0, indicator: names[key]!.1, years: p.map(\.year), values: p.map(\.value))
        }
        return Result(series: series, missing: missing, notTrendPoints: other)
    }
}
