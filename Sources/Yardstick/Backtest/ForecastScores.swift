import Foundation

/// How well probabilities foretold outcomes: the Brier score and the logarithmic score over `count` pairs.
///
/// - Brier score: (1/n) Σ (pᵢ − oᵢ)², oᵢ = 1 when the target was met, 0 otherwise; 0 is perfect, 0.25 is what
///   p = ½ always scores (Brier, 1950).
/// - Logarithmic score: −(1/n) Σ ln(oᵢ pᵢ + (1 − oᵢ)(1 − pᵢ)), the probabilities kept within
///   [``clip``, 1 − ``clip``] so that a certainty proved wrong costs ln(1000) ≈ 6.9 instead of infinity; lower is
///   better (Good, 1952).
public struct ForecastScore: Sendable, Equatable {
    public let count: Int
    public let brier: Double
    public let logScore: Double
    /// How many probabilities lay outside [clip, 1 − clip] and were moved to its edge for the logarithmic score.
    public let clipped: Int

    /// The bound of probabilities for the logarithmic score.
    public static let clip = 0.001

    /// - Complexity: O(n).
    public init(probabilities p: [Double], outcomes o: [Bool]) {
        precondition(p.count == o.count, "one outcome per probability")
        var brier = 0.0, log = 0.0, clipped = 0
        for (pi, oi) in zip(p, o) {
            let y = oi ? 1.0 : 0.0
            brier += (pi - y) * (pi - y)
            let q = min(1 - Self.clip, max(Self.clip, pi))
            if q != pi { clipped += 1 }
            log -= Foundation.log(oi ? q : 1 - q)
        }
        count = p.count
        self.brier = p.isEmpty ? .nan : brier / Double(p.count)
        logScore = p.isEmpty ? .nan : log / Double(p.count)
        self.clipped = clipped
    }
}

/// One bin of a reliability diagram: the pairs whose probability lies in [low, high) (the last bin includes 1),
/// their mean probability, the share met, and the band the share falls in nine times in ten if the probabilities
/// are calibrated: the 5% and 95% quantiles of Binomial(count, mean probability) over count (the consistency band
/// of Bröcker and Smith, 2007, with the binomial for their resampling).
public struct CalibrationBin: Sendable, Equatable {
    public let low: Double
    public let high: Double
    public let count: Int
    public let meanProbability: Double
    public let observed: Double
    public let band: ClosedRange<Double>

    /// Whether the share met lies inside the band.
    public var inBand: Bool { band.contains(observed) }

    /// Bins of width 1/`bins` over [0, 1]; empty bins are left out.
    ///
    /// - Complexity: O(n + Σ count) (the binomial quantiles sum the probability mass).
    public static func bins(probabilities p: [Double], outcomes o: [Bool], bins: Int = 10) -> [CalibrationBin] {
        precondition(bins > 0 && p.count == o.count)
        var count = [Int](repeating: 0, count: bins), met = count, sum = [Double](repeating: 0, count: bins)
        for (pi, oi) in zip(p, o) where pi.isFinite {
            let b = min(bins - 1, max(0, Int((pi * Double(bins)).rounded(.down))))
            count[b] += 1; sum[b] += pi; met[b] += oi ? 1 : 0
        }
        return (0..<bins).compactMap { b in
            guard count[b] > 0 else { return nil }
            let n = count[b], mean = sum[b] / Double(n)
            let lo = Binomial.quantile(0.05, n: n, p: mean), hi = Binomial.quantile(0.95, n: n, p: mean)
            return CalibrationBin(low: Double(b) / Double(bins), high: Double(b + 1) / Double(bins), count: n,
                                  meanProbability: mean, observed: Double(met[b]) / Double(n),
                                  band: Double(lo) / Double(n)...Double(hi) / Double(n))
        }
    }
}

/// The binomial distribution's quantiles, as R's `qbinom`: the smallest k with P(X ≤ k) ≥ q.
enum Binomial {
    /// - Complexity: O(n), the probability mass summed term by term in logs.
    static func quantile(_ q: Double, n: Int, p: Double) -> Int {
        if p <= 0 { return 0 }
        if p >= 1 { return n }
        let lp = Foundation.log(p), lq = log1p(-p), ln: Double = lgamma(Double(n) + 1)
        var cdf = 0.0
        for k in 0...n {
            let lk: Double = lgamma(Double(k) + 1), lnk: Double = lgamma(Double(n - k) + 1)
            cdf += exp(ln - lk - lnk + Double(k) * lp + Double(n - k) * lq)
            if cdf >= q * (1 - 64 * .ulpOfOne) { return k }
        }
        return n
    }
}
