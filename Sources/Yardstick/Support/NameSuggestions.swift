/// The names a mistyped one may have meant, for messages: "no indicator 'gpd_growth'; did you mean gdp_growth? (the
/// data has 82: gdp_growth, …)".
enum NameSuggestions {
    /// The known names nearest to `name` within a small edit distance (1 for names of up to four letters, else 2 or
    /// a quarter of its length; case and separators ignored): those at the smallest distance found, at most three.
    ///
    /// - Complexity: O(k·|name|·|known name|) for k known names.
    static func close(to name: String, in known: [String]) -> [String] {
        func key(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " } }
        let target = key(name), limit = target.count <= 4 ? 1 : max(2, target.count / 4)
        let near = known.map { ($0, distance(key($0), target)) }.filter { $0.1 <= limit }
        guard let best = near.map(\.1).min() else { return [] }
        return near.filter { $0.1 == best }.map(\.0).sorted().prefix(3).map { $0 }
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours each
    /// count 1 (`gpd` is one step from `gdp`).
    ///
    /// - Complexity: O(|a|·|b|).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// "did you mean A or B? (the data has N: the first twelve, …)", or the list alone.
    static func sentence(for name: String, known: [String]) -> String {
        let near = close(to: name, in: known)
        let list = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", … (\(known.count) in all)" : "")
        guard !near.isEmpty else { return "the data has \(list)" }
        return "did you mean \(near.joined(separator: " or "))? (the data has \(list))"
    }
}
