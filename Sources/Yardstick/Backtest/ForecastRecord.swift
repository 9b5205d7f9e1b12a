import Foundation

/// The record of a trend's earlier forecasts for one indicator, and the correction it implies: the trend's
/// predictive distribution shifted and widened by how its earlier forecasts erred.
///
/// Each earlier forecast k with predictive CDF Fₖ and outcome yₖ gives its probability integral transform
/// uₖ = Fₖ(yₖ) and the normal score zₖ = Φ⁻¹(uₖ) (uₖ kept within [0.001, 0.999]). Calibrated forecasts give zₖ
/// distributed N(0, 1). With n ≥ ``minimum`` scores of mean b and standard deviation s, the next score is predicted
/// as b + s·√(1 + 1/n)·t(n − 1) (the same predictive rule as a reference class), so that the corrected
/// CDF of a new forecast F is
///
///     G(F(y)),   G(u) = T_{n−1}((Φ⁻¹(u) − b) / (s·√(1 + 1/n))).
///
/// A record of targets beaten (outcomes above the trend's forecasts: b > 0) moves the distribution up; forecasts
/// too sure of themselves (s > 1) widen it. This is recalibration by the probability integral transform (Dawid,
/// 1984; Gneiting, Balabdaoui and Raftery, 2007), with a Student t for the few scores a target record has.
public struct ForecastRecord: Sendable, Equatable {
    /// The number of earlier forecasts, the mean and standard deviation of their normal scores, and their years.
    public let count: Int
    public let bias: Double
    public let spread: Double
    public let years: ClosedRange<Int>

    /// The fewest earlier forecasts a correction rests on.
    public static let minimum = 5
    /// The bound of a transform before its normal score.
    static let clip = 0.001

    /// The record of earlier transforms `u` from `years`; nil with fewer than ``minimum`` or without spread.
    ///
    /// - Complexity: O(n).
    init?(transforms u: [Double], years: [Int]) {
        guard u.count >= Self.minimum, u.count == years.count else { return nil }
        let z = u.map { Normal.quantile(min(1 - Self.clip, max(Self.clip, $0))) }
        let sd = Describe.standardDeviation(z)
        guard sd > 0, sd.isFinite else { return nil }
        count = z.count
        bias = Describe.mean(z)
        spread = sd
        self.years = years.min()!...years.max()!
    }

    /// G(u): the corrected probability of falling below a value the plain forecast puts at quantile u.
    public func corrected(_ u: Double) -> Double {
        if u <= 0 { return 0 }
        if u >= 1 { return 1 }
        let n = Double(count)
        let t = (Normal.quantile(u) - bias) / (spread * (1 + 1 / n).squareRoot())
        return StudentT(degreesOfFreedom: n - 1).cdf(t)
    }

    /// P(met) under the corrected distribution of `projection`, for the comparison `c`.
    func probability(_ c: Comparison, _ projection: Projection) -> Double {
        c.probability(cdf: { corrected(projection.cdf($0)) }, survival: { 1 - corrected(projection.cdf($0)) })
    }
}
