import Foundation

/// The fitted regression: estimates, their uncertainty, and fit statistics (the `summary.lm` of R).
public struct RegressionResult: Sendable {
    /// One estimated coefficient.
    public struct Coefficient: Sendable, Equatable {
        /// The term's name: `(Intercept)`, a column name, or `x^k` for a polynomial power.
        public let term: String
        /// β̂.
        public let estimate: Double
        /// se(β̂) = σ̂·√[(XᵀWX)⁻¹]ⱼⱼ; NaN when there are no residual degrees of freedom (announced by a warning).
        public let standardError: Double
        /// t = β̂ / se(β̂).
        public let t: Double
        /// Two-sided p = 2·P(T_ν > |t|), ν the residual degrees of freedom.
        public let p: Double
        /// Whether the term was dropped as collinear (its estimate, standard error, t and p are then NaN: R's NA).
        public let isAliased: Bool
    }

    public let coefficients: [Coefficient]
    /// n, the number of observations.
    public let observationCount: Int
    /// The numerical rank, the number of estimated coefficients.
    public let rank: Int
    /// ν = n − rank.
    public let residualDegreesOfFreedom: Int
    /// rank − i (i = 1 with an intercept): the numerator degrees of freedom of F.
    public let modelDegreesOfFreedom: Int
    /// σ̂ = √(RSS/ν), RSS = Σ wᵢeᵢ².
    public let residualStandardDeviation: Double
    /// RSS = Σ wᵢeᵢ².
    public let residualSumOfSquares: Double
    /// R² = 1 − RSS/TSS, TSS = Σ wᵢ(yᵢ − ȳ_w)² with an intercept and Σ wᵢyᵢ² (uncentred) without.
    public let rSquared: Double
    /// 1 − (1 − R²)(n − i)/ν, with i = 1 with an intercept and 0 without.
    public let adjustedRSquared: Double
    /// F = [(TSS − RSS)/(rank − i)] / (RSS/ν) and its p-value, for the terms other than the intercept.
    public let fStatistic: Double
    public let fPValue: Double
    /// ln L = ½[Σ ln wᵢ − n(ln 2π + 1 − ln n + ln RSS)], as R's `logLik.lm`.
    public let logLikelihood: Double
    /// AIC = −2 ln L + 2k, k = rank + 1 (σ counts).
    public let aic: Double
    /// AICc = AIC + 2k(k + 1)/(n − k − 1); nil when n ≤ k + 1.
    public let aicc: Double?
    /// BIC = −2 ln L + k·ln n.
    public let bic: Double
    /// The 1-norm condition number of the centred, scaled design actually factorised (LAPACK `dtrcon`).
    public let conditionNumber: Double
    /// eᵢ = yᵢ − ŷᵢ (unweighted).
    public let residuals: [Double]
    /// ŷᵢ.
    public let fitted: [Double]
    public let warnings: [RegressionWarning]

    /// The `level` (e.g. 0.95) confidence interval of coefficient `index`: β̂ ± t_{ν,(1+level)/2}·se; nil where the
    /// standard error is not a number (a dropped term).
    public func confidenceInterval(_ index: Int, level: Double) -> ClosedRange<Double>? {
        let c = coefficients[index]
        let q = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).quantile(0.5 + level / 2)
        return .between(c.estimate - q * c.standardError, c.estimate + q * c.standardError)
    }

    init(
        design: RegressionDesign, gamma: [DoubleDouble], kept: [Int], rInverse: [DoubleDouble],
        residuals e: [DoubleDouble], rank: Int, conditionNumber: Double, dropped: [String], tolerance: Double
    ) {
        let n = design.rows, p = design.columns
        var rss = DoubleDouble.zero
        for v in e { rss += v * v }
        let df = n - rank
        let sigma = df > 0 ? (rss / DoubleDouble(Double(df))).squareRoot() : DoubleDouble(Double.nan)

        // TSS: weighted, about the weighted mean with an intercept, about zero without.
        var tss = DoubleDouble.zero
        if design.hasIntercept {
            var sw = DoubleDouble.zero, swy = DoubleDouble.zero
            for i in 0..<n {
                let w = design.rootWeights[i] * design.rootWeights[i]
                sw += w
                swy += design.response[i] * design.rootWeights[i]
            }
            let mean = swy / sw
            for i in 0..<n {
                let d = design.response[i] - mean * design.rootWeights[i]
                tss += d * d
            }
        } else {
            for v in design.response { tss += v * v }
        }

        var coefficients: [Coefficient] = []
        let tDist = StudentT(degreesOfFreedom: Double(df))
        for j in 0..<p {
            var beta = DoubleDouble.zero
            for k in 0..<p { beta += design.m(j, k) * gamma[k] }
            // se² = σ²·Σ_c (Σ_a M[j, kept[a]]·F[a, c])², F any square root of (XᵀX)⁻¹ on the kept columns (R⁻¹).
            var variance = DoubleDouble.zero
            for c in 0..<rank {
                var s = DoubleDouble.zero
                for a in 0..<rank { s += design.m(j, kept[a]) * rInverse[a + c * rank] }
                variance += s * s
            }
            let aliased = !kept.contains(j) && design.m(j, j).hi != 0 && dropped.contains(design.termNames[j])
            // A dropped term has no estimate (R's NA): not the 0 of its scaled column, which the back-transformation
            // can turn into a number beside the other terms'.
            let se = aliased ? .nan : (variance.squareRoot() * sigma).double
            let estimate = aliased ? .nan : beta.double
            let t = estimate / se
            coefficients.append(Coefficient(
                term: design.termNames[j], estimate: estimate, standardError: se, t: t,
                p: t.isNaN ? .nan : 2 * tDist.survival(abs(t)), isAliased: aliased))
        }
        self.coefficients = coefficients
        observationCount = n
        self.rank = rank
        residualDegreesOfFreedom = df
        residualStandardDeviation = sigma.double
        residualSumOfSquares = rss.double
        let interceptDF = design.hasIntercept ? 1 : 0
        let r2 = (DoubleDouble.one - rss / tss).double
        rSquared = r2
        adjustedRSquared = 1 - (1 - r2) * Double(n - interceptDF) / Double(df)
        modelDegreesOfFreedom = rank - interceptDF
        let modelDF = Double(rank - interceptDF)
        fStatistic = ((tss - rss).double / modelDF) / (rss.double / Double(df))
        fPValue = FDistribution(numeratorDegrees: modelDF, denominatorDegrees: Double(df)).survival(fStatistic)
        var sumLogW = 0.0
        for r in design.rootWeights { sumLogW += 2 * log(r.double) }
        let nn = Double(n)
        logLikelihood = 0.5 * (sumLogW - nn * (log(2 * Double.pi) + 1 - log(nn) + log(rss.double)))
        let k = Double(rank + 1)
        aic = -2 * logLikelihood + 2 * k
        aicc = nn - k - 1 > 0 ? aic + 2 * k * (k + 1) / (nn - k - 1) : nil
        bic = -2 * logLikelihood + k * log(nn)
        self.conditionNumber = conditionNumber
        residuals = (0..<n).map { (e[$0] / design.rootWeights[$0]).double }
        fitted = (0..<n).map { ((design.response[$0] - e[$0]) / design.rootWeights[$0]).double }
        var warnings: [RegressionWarning] = []
        if !dropped.isEmpty { warnings.append(.rankDeficient(droppedTerms: dropped, tolerance: tolerance)) }
        if df == 0 { warnings.append(.noResidualDegreesOfFreedom) } else if rss.hi == 0 { warnings.append(.perfectFit) }
        self.warnings = warnings
    }
}
