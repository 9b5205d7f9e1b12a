/// The header of a table whose columns Yardstick names (the long CSV, the metadata file): a name given twice is an
/// error, a name one or two letters away from a column Yardstick reads (`qualifer`), or a common other word for one
/// (`type` for `kind`), is an error that names the column meant, and any other name is returned, to be said in a
/// warning. A misspelt optional column would otherwise be passed over, and every row read as if it were absent (a
/// range target 4.5–5 read as exactly 4.5).
enum HeaderCheck {
    /// Other words analysts use for a column, and the column they mean.
    static let synonyms: [String: String] = [
        "type": "kind", "obs_kind": "kind", "status": "kind", "country": "region", "geo": "region", "area": "region",
        "series": "indicator", "obs_value": "value", "time": "year", "date": "year", "qualifiers": "qualifier",
        "comparator": "qualifier", "upper": "value_high", "high": "value_high", "units": "unit", "notes": "note",
    ]

    /// The names of `table`'s header that are none of `known` (compared without case, width and surrounding spaces).
    ///
    /// - Throws: ``InputError/invalidCell(file:line:column:columnName:found:expected:)`` on line 1 for a name given
    ///   twice, or one close to a known name that the header does not already have.
    /// - Complexity: O(h² + h·k·ℓ²) for h header names, k known names of length ℓ: nothing per row.
    static func unknownColumns(_ table: CSVTable, known: [String]) throws(InputError) -> [String] {
        let names = table.header.map { NumberText.halfWidth($0).trimmingCharacters(in: .whitespaces).lowercased() }
        var seen: [String: Int] = [:], unknown: [String] = []
        for (c, name) in names.enumerated() {
            func bad(_ expected: String) -> InputError {
                .invalidCell(file: table.file, line: 1, column: c + 1, columnName: table.header[c], found: table.header[c], expected: expected)
            }
            if let first = seen[name] { throw bad(alreadyUsed(column: first)) }
            seen[name] = c
            guard !name.isEmpty || c < names.count - 1 else { continue }       // a trailing delimiter
            if known.contains(name) { continue }
            let near = known.map { ($0, editDistance($0, name)) }.filter { $0.1 <= (name.count <= 4 ? 1 : 2) }
            let meant = synonyms[name].flatMap { known.contains($0) ? $0 : nil } ?? near.min { $0.1 < $1.1 }?.0
            if let meant, !names.contains(meant) {
                throw bad("a column Yardstick reads: did you mean '\(meant)'? (rename it, or remove the column)")
            }
            unknown.append(table.header[c])
        }
        return unknown
    }

    /// What a header cell that repeats column `first` (zero-based) should be, for messages.
    static func alreadyUsed(column first: Int) -> String { "a name not already used (column \(first + 1) has it)" }

    /// The Levenshtein distance between two names (insertions, deletions and substitutions of characters).
    ///
    /// - Complexity: O(|a|·|b|).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

import Foundation
