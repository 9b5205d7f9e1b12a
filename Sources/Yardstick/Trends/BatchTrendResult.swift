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
        if s.isFitted(j) { return nil }
        switch s.status[j] {
        case Storage.Status.tooFewPoints.rawValue:
            let needed = model == .quadratic ? 4 : 3
            return .tooFewPoints(model: model, needed: needed, found: Int(s.ints[j]))
        case Storage.Status.nonFinite.rawValue: return .nonFinite(year: Int(s[0, j]))
        case Storage.Status.nonPositive.rawValue:
            return .nonPositive(year: Int(s[0, j]), value: s[1, j])
        default: return .linearAlgebra(.singular(routine: "batched normal equations", index: 1))
        }
    }

    /// Indices of the series without a fit.
    public var skipped: [Int] { (0..<count).filter { !storage.isFitted($0) } }

    /// Number of series.
    public var count: Int { storage.series }

    /// The number of observed years of series `j`, and its first and last (nil when it has none).
    public func observed(_ j: Int) -> (count: Int, first: Int, last: Int)? {
        let c = storage.counts(j)
        return c.count == 0 ? nil : c
    }

    private var parameterCount: Int { model == .quadratic ? 3 : 2 }

    /// σ̂ of series `j` (log scale for log-linear; weighted for the weighted model); nil without a fit.
    public func sigma(_ j: Int) -> Double? {
        guard storage.isFitted(j) else { return nil }
        return (storage[storage.rss, j] / Double(storage.counts(j).count - parameterCount)).squareRoot()
    }

    /// The Gaussian log-likelihood of series `j` on the data's scale, with σ² = SSE/n (the log-linear Jacobian
    /// −Σ ln y included), and its AICc; as ``TrendFit/logLikelihood`` and ``TrendFit/aicc``.
    public func likelihood(_ j: Int) -> (logLikelihood: Double, aicc: Double?)? {
        guard storage.isFitted(j) else { return nil }
        let n = Double(storage.counts(j).count)
        // The extra number is written only by the models that have one (the linear model's is never stored).
        let rss = storage[storage.rss, j], extra = model == .weighted || model == .loglinear ? storage[storage.extra, j] : 0
        let raw = model == .weighted ? extra : rss, jacobian = model == .loglinear ? extra : 0
        let logLik = -0.5 * n * (log(2 * Double.pi * raw / n) + 1) - jacobian
        let k = Double(model.aiccParameters)
        return (logLik, n - k - 1 > 0 ? -2 * logLik + 2 * k + 2 * k * (k + 1) / (n - k - 1) : nil)
    }

    /// The projection state of series `j`: centre, scale, γ and Cov(γ) = σ²(XᵀWX)⁻¹.
    func state(_ j: Int) -> (centre: Double, scale: Double, gamma: [Double], covariance: Matrix, sigma: Double, df: Int)? {
        guard let sigma = sigma(j) else { return nil }
        let p = parameterCount
        let basis = storage.basis(j), v = basis.v, s2 = sigma * sigma
        let covariance = p == 2
            ? Matrix(rows: 2, columns: 2, elements: [v[0] * s2, v[1] * s2, v[1] * s2, v[2] * s2])
            : Matrix(rows: 3, columns: 3, elements: [v[0], v[1], v[2], v[1], v[3], v[4], v[2], v[4], v[5]].map { $0 * s2 })
        return (basis.centre, basis.scale, Array((0..<p).map { storage[$0, j] }), covariance, sigma, storage.counts(j).count - p)
    }

    /// TSS of series `j`: stored for the quadratic; for a line, RSS + b²/v₁₁ (the fitted sum of squares).
    private func tss(_ j: Int) -> Double {
        if model == .quadratic { return storage[storage.extra, j] }
        let b = storage[1, j], v11 = storage.basis(j).v[2]
        return storage[storage.rss, j] + b * b / v11
    }

    /// Series `j` as a ``TrendFit``, equal to the one-series path's for its observed years; nil without a fit.
    public func fit(_ j: Int) -> TrendFit? {
        guard let st = state(j), let (logLik, aicc) = likelihood(j) else { return nil }
        let n = years.count, onGrid = storage.status[j] == Storage.Status.fittedOnGrid.rawValue
        // A complete series' years are the grid's (shared, not copied).
        var observedYears: [Int] = onGrid ? years : [], fitted: [Double] = []
        fitted.reserveCapacity(storage.counts(j).count)
        if !onGrid { observedYears.reserveCapacity(storage.counts(j).count) }
        let g0 = st.gamma[0], g1 = st.gamma[1], g2 = st.gamma.count > 2 ? st.gamma[2] : 0
        values.elements.withUnsafeBufferPointer { v in
            for i in 0..<n where !v[j * n + i].isNaN {
                if !onGrid { observedYears.append(years[i]) }
                let t = (Double(years[i]) - st.centre) / st.scale
                let f = g0 + t * (g1 + t * g2)
                fitted.append(model == .loglinear ? exp(f) : f)
            }
        }
        let lastT = (Double(observedYears[observedYears.count - 1]) - st.centre) / st.scale
        return TrendFit(
            model: model,
            parameters: RegressionTrend.reportedParameters(model: model, gamma: st.gamma, cov: st.covariance,
                                                          centre: st.centre, scale: st.scale),
            sigma: st.sigma, fitted: fitted, years: observedYears, observationCount: observedYears.count,
            rSquared: 1 - storage[storage.rss, j] / tss(j),
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
        let lastT = (Double(seen.last) - st.centre) / st.scale
        let projection = ForecastState.regression(centre: st.centre, scale: st.scale, coefficients: st.gamma,
                                                  covariance: st.covariance, sigma: st.sigma, df: st.df)
            .point(year: seen.last + horizon, lastYear: seen.last, levels: levels, logScale: model == .loglinear)
        return TrendSummary(
            model: model, count: seen.count, firstYear: seen.first, lastYear: seen.last,
            parameters: RegressionTrend.reportedParameters(model: model, gamma: st.gamma, cov: st.covariance,
                                                          centre: st.centre, scale: st.scale),
            sigma: st.sigma, rSquared: 1 - storage[storage.rss, j] / tss(j), aicc: aicc,
            growth: RegressionTrend.growthEstimate(model: model, gamma: st.gamma, cov: st.covariance, scale: st.scale,
                                                   lastT: lastT, df: st.df),
            projection: projection, warnings: [])
    }

    /// Flat per-series storage, written by the threads of a batch (each series by one thread) and read after.
    /// Field by field (each field an array over the series), per series: γ, (XᵀWX)⁻¹ packed, centre, scale, RSS and
    /// one more number (the raw SSE of the weighted model,
    /// Σ ln y of the log-linear one, TSS of the quadratic): 9 numbers for a line, 13 for the quadratic. A complete
    /// series fitted on the grid's basis (``Status/fittedOnGrid``) writes only γ, RSS and that number; its basis,
    /// (XᵀX)⁻¹, count and years are the grid's, kept once. The numbers live in 2 MiB pages (``PageMemory``) and are
    /// not cleared first: every series writes what is read of it.
    final class Storage: @unchecked Sendable {
        /// `fittedLine`: a line in its own basis, whose (XᵀX)⁻¹ is diagonal with 1/n first, so that only its last
        /// entry is stored (24 bytes less a series with gaps).
        enum Status: UInt8 { case fitted, tooFewPoints, nonFinite, nonPositive, singular, fittedOnGrid, fittedLine }
        let series: Int
        let parameters: Int
        let stride: Int
        /// Offsets within a series' numbers.
        let covariance: Int, centre: Int, scale: Int, rss: Int, extra: Int
        let status: UnsafeMutablePointer<UInt8>
        /// Counts, then first and then last observed years, each over the series (not written for a series fitted on
        /// the grid).
        let ints: UnsafeMutablePointer<Int32>
        let doubles: UnsafeMutablePointer<Double>
        private let blocks: [PageMemory.Block]
        /// The grid's basis, for series fitted on it: count, first and last year, centre, scale, (XᵀX)⁻¹ packed.
        var grid: (count: Int, first: Int, last: Int, centre: Double, scale: Double, v: [Double]) = (0, 0, 0, 0, 1, [])

        init(model: TrendModelKind, series m: Int) {
            series = m
            parameters = model == .quadratic ? 3 : 2
            let packed = parameters * (parameters + 1) / 2
            covariance = parameters; centre = parameters + packed; scale = centre + 1; rss = centre + 2; extra = centre + 3
            stride = extra + 1
            let k = max(m, 1)
            let b = [PageMemory.allocate(bytes: k), PageMemory.allocate(bytes: 3 * k * 4),
                     PageMemory.allocate(bytes: stride * k * 8)]
            blocks = b
            // Every series writes its status, and its counts unless fitted on the grid: nothing is cleared first.
            status = b[0].pointer.bindMemory(to: UInt8.self, capacity: k)
            ints = b[1].pointer.bindMemory(to: Int32.self, capacity: 3 * k)
            doubles = b[2].pointer.bindMemory(to: Double.self, capacity: stride * k)
        }

        deinit { blocks.forEach(PageMemory.free) }

        /// Number `field` of series `j` (field by field: the fields a series leaves unwritten are never touched).
        @inline(__always) subscript(field: Int, j: Int) -> Double {
            get { doubles[field * series + j] }
            set { doubles[field * series + j] = newValue }
        }

        func fail(_ j: Int, _ s: Status, year: Double, value: Double) {
            status[j] = s.rawValue
            self[0, j] = year
            self[1, j] = value
        }

        @inline(__always) func setCount(_ j: Int, _ n: Int, first: Double, last: Double) {
            ints[j] = Int32(n); ints[series + j] = Int32(first); ints[2 * series + j] = Int32(last)
        }

        @inline(__always) func setBasis(_ j: Int, centre c: Double, scale s: Double) {
            self[centre, j] = c
            self[scale, j] = s
        }

        /// A fit in the series' own basis (set with ``setBasis(_:centre:scale:)`` and ``setCount(_:_:first:last:)``).
        @inline(__always) func setFit(_ j: Int, _ g0: Double, _ g1: Double, _ g2: Double,
                    covariance v: (Double, Double, Double, Double, Double, Double),
                    rss r: Double, extra x: Double) {
            self[0, j] = g0; self[1, j] = g1
            if parameters == 3 {
                self[2, j] = g2
                self[covariance, j] = v.0; self[covariance + 1, j] = v.1; self[covariance + 2, j] = v.2
                self[covariance + 3, j] = v.3; self[covariance + 4, j] = v.4; self[covariance + 5, j] = v.5
            } else {
                self[covariance, j] = v.0; self[covariance + 1, j] = v.1; self[covariance + 2, j] = v.3
            }
            self[rss, j] = r; self[extra, j] = x
            status[j] = Status.fitted.rawValue
        }

        /// A line with gaps in its own basis (set with ``setBasis(_:centre:scale:)`` and
        /// ``setCount(_:_:first:last:)``): (XᵀX)⁻¹ = diag(1/n, `v11`); `extra` only where the model has one.
        @inline(__always) func setLineFit(_ j: Int, _ g0: Double, _ g1: Double, v11: Double, rss r: Double, extra x: Double?) {
            self[0, j] = g0; self[1, j] = g1; self[covariance + 2, j] = v11; self[rss, j] = r
            if let x { self[extra, j] = x }
            status[j] = Status.fittedLine.rawValue
        }

        /// A complete series fitted on the grid's basis.
        @inline(__always) func setGridFit(_ j: Int, _ g0: Double, _ g1: Double, rss r: Double, extra x: Double?) {
            self[0, j] = g0; self[1, j] = g1; self[rss, j] = r
            if let x { self[extra, j] = x }
            status[j] = Status.fittedOnGrid.rawValue
        }

        /// The fields a run of the C line kernel writes (``LineSums/Output``).
        var lineOutput: LineSums.Output {
            func field(_ f: Int) -> UnsafeMutablePointer<Double> { doubles + f * series }
            return LineSums.Output(status: status, count: ints, first: ints + series, last: ints + 2 * series,
                                   g0: field(0), g1: field(1), v11: field(covariance + 2), centre: field(centre),
                                   scale: field(scale), rss: field(rss), extra: field(extra))
        }

        func isFitted(_ j: Int) -> Bool {
            status[j] == Status.fitted.rawValue || status[j] == Status.fittedOnGrid.rawValue || status[j] == Status.fittedLine.rawValue
        }

        /// Count, first and last year of series `j`.
        func counts(_ j: Int) -> (count: Int, first: Int, last: Int) {
            status[j] == Status.fittedOnGrid.rawValue ? (grid.count, grid.first, grid.last)
                : (Int(ints[j]), Int(ints[series + j]), Int(ints[2 * series + j]))
        }

        /// Centre, scale and (XᵀWX)⁻¹ (packed, upper triangle by rows) of series `j`.
        func basis(_ j: Int) -> (centre: Double, scale: Double, v: [Double]) {
            if status[j] == Status.fittedOnGrid.rawValue { return (grid.centre, grid.scale, grid.v) }
            if status[j] == Status.fittedLine.rawValue { return (self[centre, j], self[scale, j], [1 / Double(ints[j]), 0, self[covariance + 2, j]]) }
            let packed = parameters * (parameters + 1) / 2
            return (self[centre, j], self[scale, j], (0..<packed).map { self[covariance + $0, j] })
        }
    }
}
