import Foundation

/// Outlier treatment by COINr's default rule (`Treat()`: Becker, Caperna, Del Sorbo, Norlén, Papadimitriou and
/// Saisana, "COINr: an R package for developing composite indicators", JOSS 2022): an indicator passes when
/// |skewness| < 2 or kurtosis < 3.5 (``Describe/skewness(_:)``, ``Describe/kurtosis(_:)``). One that fails is
/// winsorised: while it fails and fewer than five points are treated, the highest values (positive skew) are set to
/// the next highest, or the lowest (negative skew) to the next lowest. If it still fails, the winsorisation is
/// undone and the original values are log-transformed instead: ln(x − min + 0.01·(max − min)) (COINr's `log_CT`).
public enum OutlierRule: String, Sendable, CaseIterable, Codable {
    case none
    case coinr

    /// What was done to one indicator.
    public enum Treatment: Sendable, Equatable {
        case untouched
        /// Winsorised: the rows whose values were changed.
        case winsorised(rows: [Int])
        /// Log-transformed after winsorising five points did not make it pass.
        case logTransformed
    }

    /// The treated values and what was done.
    ///
    /// - Complexity: O(n) per winsorising step, at most five steps.
    public func apply(_ values: [Double]) -> (values: [Double], treatment: Treatment) {
        guard self == .coinr, !Self.passes(values) else { return (values, .untouched) }
        var x = values, high: [Int] = [], low: [Int] = [], treated = Set<Int>()
        var passing = false
        while !passing, high.count + low.count < 5 {
            let present = x.indices.filter { !x[$0].isNaN }
            guard present.count > 1 else { break }
            if Describe.skewness(x) >= 0 {
                let top = present.map { x[$0] }.max()!
                high = present.filter { x[$0] == top }
                guard let next = present.filter({ x[$0] < top }).map({ x[$0] }).max() else { break }
                for i in high { x[i] = next; treated.insert(i) }
            } else {
                let bottom = present.map { x[$0] }.min()!
                low = present.filter { x[$0] == bottom }
                guard let next = present.filter({ x[$0] > bottom }).map({ x[$0] }).min() else { break }
                for i in low { x[i] = next; treated.insert(i) }
            }
            passing = Self.passes(x)
        }
        if passing { return (x, .winsorised(rows: treated.sorted())) }
        let present = values.filter { !$0.isNaN }
        let lo = present.min() ?? 0, hi = present.max() ?? 0
        return (values.map { $0.isNaN ? .nan : log($0 - lo + 0.01 * (hi - lo)) }, .logTransformed)
    }

    /// COINr's `check_SkewKurt`: |skewness| < 2 or kurtosis < 3.5 (too few values to tell count as passing).
    static func passes(_ x: [Double]) -> Bool {
        let sk = Describe.skewness(x), kt = Describe.kurtosis(x)
        if sk.isNaN || kt.isNaN { return true }
        return abs(sk) < 2 || kt < 3.5
    }
}
