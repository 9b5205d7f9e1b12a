/// Ranks of regions on one measure, the direction taken into account.
///
/// **Ties.** A region's rank is 1 + the number of regions strictly better: tied regions share the best rank of their
/// group and the next rank is skipped (1, 2, 2, 4), as R's `rank(ties.method = "min")` on the values in the
/// direction of improvement. Missing values (NaN) have no rank.
///
/// ```swift
/// Ranking.ranks([3, 7, 7, 1], direction: .higher)   // [3, 1, 1, 4]
/// ```
public enum Ranking {
    /// The rank of every value, 1 the best; nil for NaN.
    ///
    /// - Complexity: O(n log n).
    public static func ranks(_ values: [Double], direction: Direction) -> [Int?] {
        let s = sign(direction)
        let order = values.indices.filter { !values[$0].isNaN }.sorted { s * values[$0] > s * values[$1] }
        var out = [Int?](repeating: nil, count: values.count)
        for (k, i) in order.enumerated() {
            if k > 0, values[order[k - 1]] == values[i] { out[i] = out[order[k - 1]] } else { out[i] = k + 1 }
        }
        return out
    }

    /// The share of the other regions that are strictly worse, in percent (100 for the single best, 0 for the
    /// worst); nil for NaN or when there is no other region.
    public static func percentiles(_ values: [Double], direction: Direction) -> [Double?] {
        let s = sign(direction)
        let present = values.filter { !$0.isNaN }.map { s * $0 }.sorted()
        guard present.count > 1 else { return values.map { _ in nil } }
        return values.map { v in
            guard !v.isNaN else { return nil }
            // Values strictly below s·v: the first index not less than it.
            var lo = 0, hi = present.count
            while lo < hi { let mid = (lo + hi) / 2; if present[mid] < s * v { lo = mid + 1 } else { hi = mid } }
            return 100 * Double(lo) / Double(present.count - 1)
        }
    }

    /// +1 when higher is better, −1 when lower is better (a target direction ranks as higher).
    static func sign(_ d: Direction) -> Double { d == .lower ? -1 : 1 }
}

/// Descriptive statistics of the values present (NaN left out), as composite-index methods use them.
public enum Describe {
    public static func mean(_ x: [Double]) -> Double {
        let v = x.filter { !$0.isNaN }
        return v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
    }

    /// The sample standard deviation (n − 1).
    public static func standardDeviation(_ x: [Double]) -> Double {
        let v = x.filter { !$0.isNaN }
        guard v.count > 1 else { return .nan }
        let m = v.reduce(0, +) / Double(v.count)
        return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
    }

    /// The median (the mean of the two middle values for an even count).
    public static func median(_ x: [Double]) -> Double {
        let v = x.filter { !$0.isNaN }.sorted()
        guard !v.isEmpty else { return .nan }
        return v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
    }

    /// Sample skewness G₁ = √(n(n − 1))/(n − 2) · g₁, g₁ = m₃/m₂^{3/2} (Excel's SKEW, e1071 type 2, COINr's `skew`);
    /// NaN below three values.
    public static func skewness(_ x: [Double]) -> Double {
        let v = x.filter { !$0.isNaN }, n = Double(v.count)
        guard v.count >= 3 else { return .nan }
        let m = v.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0
        for y in v { let d = y - m; m2 += d * d; m3 += d * d * d }
        guard m2 > 0 else { return .nan }
        return n.squareRoot() * m3 / (m2 * m2.squareRoot()) * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// Sample excess kurtosis G₂ = ((n + 1)(r − 3) + 6)(n − 1)/((n − 2)(n − 3)), r = n·m₄/m₂² (Excel's KURT, e1071
    /// type 2, COINr's `kurt`); NaN below four values.
    public static func kurtosis(_ x: [Double]) -> Double {
        let v = x.filter { !$0.isNaN }, n = Double(v.count)
        guard v.count >= 4 else { return .nan }
        let m = v.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for y in v { let d2 = (y - m) * (y - m); m2 += d2; m4 += d2 * d2 }
        guard m2 > 0 else { return .nan }
        let r = n * m4 / (m2 * m2)
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    }
}
