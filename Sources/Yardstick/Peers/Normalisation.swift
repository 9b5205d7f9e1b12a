import Foundation

/// How an indicator's values are brought to a common scale before aggregation (JRC/OECD Handbook on Constructing
/// Composite Indicators, 2008, §5). Every method gives 0–100, 100 the best, except z-scores. With `s` = +1 when
/// higher is better and −1 when lower is better (values NaN stay NaN):
///
/// | method | formula |
/// | --- | --- |
/// | `minmax` | 100·(x − min)/(max − min), or 100·(max − x)/(max − min) when lower is better |
/// | `zscore` | s·(x − mean)/sd (sample sd) |
/// | `goalposts` | 100·(x − L)/(U − L) (or 100·(U − x)/(U − L)) with the indicator's goalposts L < U, capped to 0–100 |
/// | `target` | 100·(x − min)/(T − min) (or 100·(max − x)/(max − T)) with the indicator's target T, capped at 100 |
/// | `max` | distance to the leader: 100·x/max (or 100·min/x when lower is better) |
/// | `rank` | 100·(n − r)/(n − 1), r the rank (1 best, ties sharing the best rank) |
/// | `prank` | percent rank: 100·(number strictly worse)/(n − 1) |
///
/// Without spread (one value, or all equal) `minmax` and `zscore` give NaN: the indicator cannot tell regions
/// apart, and the composite says so. `minmax` and `prank` match COINr's `n_minmax` and `n_prank` (ties "min") on values multiplied by s; `goalposts`
/// its `n_goalposts` with truncation.
public enum Normalisation: String, Sendable, CaseIterable, Codable {
    case minMax = "minmax", zScore = "zscore", goalposts, target, distanceToMaximum = "max", rank, percentRank = "prank"

    /// Whether values come on the 0–100 scale (all but z-scores).
    public var isBounded: Bool { self != .zScore }

    /// Normalises one indicator's values.
    ///
    /// - Parameters:
    ///   - goalposts: L and U, required by `goalposts` (in the units of `values`, after any transform).
    ///   - target: T, required by `target`.
    /// - Returns: the normalised values, or nil when a required parameter is missing.
    /// - Complexity: O(n log n) for the ranks, O(n) otherwise.
    public func apply(_ values: [Double], direction: Direction, goalposts: ClosedRange<Double>? = nil,
                      target: Double? = nil) -> [Double]? {
        let s = Ranking.sign(direction)
        let present = values.filter { !$0.isNaN }
        let lo = present.min() ?? .nan, hi = present.max() ?? .nan
        switch self {
        case .minMax:
            return values.map { x in hi > lo ? 100 * (s > 0 ? x - lo : hi - x) / (hi - lo) : .nan }
        case .zScore:
            let m = Describe.mean(values), sd = Describe.standardDeviation(values)
            return values.map { x in sd > 0 ? s * (x - m) / sd : .nan }
        case .goalposts:
            guard let g = goalposts, g.upperBound > g.lowerBound else { return nil }
            let span = g.upperBound - g.lowerBound
            return values.map { x in
                guard !x.isNaN else { return .nan }
                return 100 * min(1, max(0, (s > 0 ? x - g.lowerBound : g.upperBound - x) / span))
            }
        case .target:
            guard let t = target else { return nil }
            return values.map { x in
                guard !x.isNaN else { return .nan }
                let d = s > 0 ? (x - lo) / (t - lo) : (hi - x) / (hi - t)
                return d.isFinite ? 100 * min(1, d) : 100
            }
        case .distanceToMaximum:
            return values.map { x in
                guard !x.isNaN else { return .nan }
                return s > 0 ? (hi != 0 ? 100 * x / hi : .nan) : (x != 0 ? 100 * lo / x : .nan)
            }
        case .rank:
            let n = Double(present.count)
            return Ranking.ranks(values, direction: direction).map { r in
                guard let r else { return .nan }
                return n > 1 ? 100 * (n - Double(r)) / (n - 1) : 100
            }
        case .percentRank:
            return Ranking.percentiles(values, direction: direction).enumerated().map { i, p in
                p ?? (values[i].isNaN ? .nan : 100)
            }
        }
    }
}
