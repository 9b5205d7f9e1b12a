import Foundation

/// The fits of a batch (``BatchTrends/fit(_:years:values:threads:)``), one per series, or the reason a series has
/// none. Each fit is what the one-series path gives for that series' observed years.
public struct BatchTrendResult: Sendable {
    public let model: TrendModelKind
    /// The grid's years.
    public let years: [Int]
    /// The grid (kept for the observed years and fitted values of ``fit(_:)``; not copied).
    let values: Matrix
    let storage: Storage

    /// Why series `j` has no fit, as the one-series path would throw it; nil when it has one.
    public func failure(_ j: Int) -> TrendError? {
        let s = storage
        switch s.status[j] {
        case Storage.Status.fitted.rawValue: return nil
        case Storage.Status.tooFewPoints.rawValue:
            let needed = model == .quadratic ? 4 : 3
            return .tooFewPoints(model: model, needed: needed, found: Int(s.ints[3 * j]))
        case Storage.Status.nonFinite.rawValue: return .nonFinite(year: Int(s.doubles[Storage.stride * j]))
        case Storage.Status.nonPositive.rawValue:
            return .nonPositive(year: Int(s.doubles[Storage.stride * j]), value: s.doubles[Storage.stride * j + 1])
        default: return .linearAlgebra(.singular(routine: "batched normal equations", index: 1))
        }
    }

    /// Indices of the series without a fit.
    public var skipped: [Int] { (0..<count).filter { storage.status[$0] != 0 } }

    /// Number of series.
    public var count: Int { storage.series }

    /// The number of observed years of series `j`, and its first and last (nil when it has none).
    public func observed(_ j: Int) -> (count: Int, first: Int, last: Int)? {
        let n = Int(storage.ints[3 * j])
        return n == 0 ? nil : (n, Int(storage.ints[3 * j + 1]), Int(storage.ints[3 * j + 2]))
    }

    private var parameterCount: Int { model == .quadratic ? 3 : 2 }

    /// σ̂ of series `j` (log scale for log-linear; weighted for the weighted model); nil without a fit.
    public func sigma(_ j: Int) -> Double? {
        guard storage.status[j] == 0 else { return nil }
        return (storage.doubles[Storage.stride * j + Storage.rss] / Double(Int(storage.ints[3 * j]) - parameterCount)).squareRoot()
    }

    /// The Gaussian log-likelihood of series `j` on the data's scale, with σ² = SSE/n (the log-linear Jacobian
    /// −Σ ln y included), and its AICc; as ``TrendFit/logLikelihood`` and ``TrendFit/aicc``.
    public func likelihood(_ j: Int) -> (logLikelihood: Double, aicc: Double?)? {
        guard storage.status[j] == 0 else { return nil }
        let d = Storage.stride * j, n = Double(storage.ints[3 * j])
        let logLik = -0.5 * n * (log(2 * Double.pi * storage.doubles[d + Storage.raw] / n) + 1) - storage.doubles[d + Storage.jacobian]
        let k = Double(model.aiccParameters)
        return (logLik, n - k - 1 > 0 ? -2 * logLik + 2 * k + 2 * k * (k + 1) / (n - k - 1) : nil)
    }

    /// The projection state of series `j`: centre, scale, γ and Cov(γ) = σ²(XᵀWX)⁻¹.
    func state(_ j: Int) -> (centre: Double, scale: Double, gamma: [Double], covariance: Matrix, sigma: Double, df: Int)? {
        guard let sigma = sigma(j) else { return nil }
        let d = Storage.stride * j, p = parameterCount, s = storage.doubles
        let v = (s[d + 3], s[d + 4], s[d + 5], s[d + 6], s[d + 7], s[d + 8]), s2 = sigma * sigma
        let covariance = p == 2
            ? Matrix(rows: 2, columns: 2, elements: [v.0 * s2, v.1 * s2, v.1 * s2, v.3 * s2])
            : Matrix(rows: 3, columns: 3, elements: [v.0, v.1, v.2, v.1, v.3, v.4, v.2, v.4, v.5].map { $0 * s2 })
        return (s[d + Storage.centre], s[d + Storage.scale], Array((0..<p).map { s[d + $0] }), covariance, sigma,
                Int(storage.ints[3 * j]) - p)
    }

    /// Series `j` as a ``TrendFit``, equal to the one-series path's for its observed years; nil without a fit.
    public func fit(_ j: Int) -> TrendFit? {
        guard let st = state(j), let (logLik, aicc) = likelihood(j) else { return nil }
        let n = years.count
        var observedYears: [Int] = [], fitted: [Double] = []
        for i in 0..<n where !values[i, j].isNaN {
            observedYears.append(years[i])
            let t = (Double(years[i]) - st.centre) / st.scale
            var v = 0.0, pw = 1.0
            for g in st.gamma { v += g * pw; pw *= t }
            fitted.append(model == .loglinear ? exp(v) : v)
        }
        let d = Storage.stride * j
        let lastT = (Double(observedYears[observedYears.count - 1]) - st.centre) / st.scale
        return TrendFit(
            model: model,
            parameters: RegressionTrend.reportedParameters(model: model, gamma: st.gamma, cov: st.covariance,
                                                          centre: st.centre, scale: st.scale),
            sigma: st.sigma, fitted: fitted, years: observedYears, observationCount: observedYears.count,
            rSquared: 1 - storage.doubles[d + Storage.rss] / storage.doubles[d + Storage.tss],
            logLikelihood: logLik, aicc: aicc,
            growth: RegressionTrend.growthEstimate(model: model, gamma: st.gamma, cov: st.covariance, scale: st.scale,
                                                   lastT: lastT, df: st.df),
            warnings: [],
            state: .regression(centre: st.centre, scale: st.scale, coefficients: st.gamma, covariance: st.covariance,
                               sigma: st.sigma, df: st.df))
    }

    /// Series `j`'s row of `trend --summary`, straight from the batch (no fitted values are made): equal to
    /// ``TrendSummary/init(_:horizon:levels:)`` of ``fit(_:)``.
    public func summary(_ j: Int, horizon: Int, levels: [Double]) -> TrendSummary? {
        guard let st = state(j), let (_, aicc) = likelihood(j), let seen = observed(j) else { return nil }
        let d = Storage.stride * j
        let lastT = (Double(seen.last) - st.centre) / st.scale
        let projection = ForecastState.regression(centre: st.centre, scale: st.scale, coefficients: st.gamma,
                                                  covariance: st.covariance, sigma: st.sigma, df: st.df)
            .point(year: seen.last + horizon, lastYear: seen.last, levels: levels, logScale: model == .loglinear)
        return TrendSummary(
            model: model, count: seen.count, firstYear: seen.first, lastYear: seen.last,
            parameters: RegressionTrend.reportedParameters(model: model, gamma: st.gamma, cov: st.covariance,
                                                          centre: st.centre, scale: st.scale),
            sigma: st.sigma, rSquared: 1 - storage.doubles[d + Storage.rss] / storage.doubles[d + Storage.tss], aicc: aicc,
            growth: RegressionTrend.growthEstimate(model: model, gamma: st.gamma, cov: st.covariance, scale: st.scale,
                                                   lastT: lastT, df: st.df),
            projection: projection, warnings: [])
    }

    /// Flat per-series storage, written by the threads of a batch (each series by one thread) and read after.
    final class Storage: @unchecked Sendable {
        enum Status: UInt8 { case fitted, tooFewPoints, nonFinite, nonPositive, singular }
        /// Doubles per series: γ (3), (XᵀWX)⁻¹ packed (6), centre, scale, RSS, raw SSE, TSS, Σ ln y.
        /// A failed series keeps its year and value in the first two.
        static let stride = 15
        static let centre = 9, scale = 10, rss = 11, raw = 12, tss = 13, jacobian = 14
        let series: Int
        let status: UnsafeMutablePointer<UInt8>
        /// Count, first and last observed year per series.
        let ints: UnsafeMutablePointer<Int32>
        let doubles: UnsafeMutablePointer<Double>

        init(model: TrendModelKind, series m: Int) {
            series = m
            status = .allocate(capacity: max(m, 1))
            status.initialize(repeating: 0, count: max(m, 1))
            ints = .allocate(capacity: 3 * max(m, 1))
            ints.initialize(repeating: 0, count: 3 * max(m, 1))
            doubles = .allocate(capacity: Self.stride * max(m, 1))
            doubles.initialize(repeating: 0, count: Self.stride * max(m, 1))
        }

        deinit {
            status.deallocate()
            ints.deallocate()
            doubles.deallocate()
        }

        func fail(_ j: Int, _ s: Status, year: Double, value: Double) {
            status[j] = s.rawValue
            doubles[Self.stride * j] = year
            doubles[Self.stride * j + 1] = value
        }

        func setCount(_ j: Int, _ n: Int, first: Double, last: Double) {
            ints[3 * j] = Int32(n); ints[3 * j + 1] = Int32(first); ints[3 * j + 2] = Int32(last)
        }

        func setBasis(_ j: Int, centre: Double, scale: Double) {
            doubles[Self.stride * j + Self.centre] = centre
            doubles[Self.stride * j + Self.scale] = scale
        }

        func setFit(_ j: Int, _ g0: Double, _ g1: Double, _ g2: Double,
                    covariance v: (Double, Double, Double, Double, Double, Double),
                    rss: Double, raw: Double, tss: Double, jacobian: Double) {
            let d = doubles + Self.stride * j
            d[0] = g0; d[1] = g1; d[2] = g2
            d[3] = v.0; d[4] = v.1; d[5] = v.2; d[6] = v.3; d[7] = v.4; d[8] = v.5
            d[Self.rss] = rss; d[Self.raw] = raw; d[Self.tss] = tss; d[Self.jacobian] = jacobian
            status[j] = 0
        }
    }
}
