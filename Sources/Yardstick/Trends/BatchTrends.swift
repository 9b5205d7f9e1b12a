import Foundation

/// Fits one polynomial trend model (linear, log-linear or quadratic) to many series on a shared year grid at once.
///
/// ```swift
/// let batch = try BatchTrends.fit(.linear, years: Array(1990...2019), values: panel)  // panel: 30 × 100 000
/// batch.fit(17).forecast(horizon: 5)                                                  // one series' projection
/// ```
///
/// **Method.** Time is t = (year − c)/s on the grid (c the grid's mean year, s half its span).
/// - Series observed in every year share one design X: it is factorised once (LAPACK `dgeqp3`), P = R⁻¹Qᵀ is formed
///   once, and all their coefficients come from one GEMM, Γ = P·Y; fitted values from a second, X·Γ.
/// - Series with missing years use masked moments in the same centred basis: with mask M (1 where observed) and
///   each series centred on its observed mean, Σᵢ mᵢⱼ tᵢᵏ and Σᵢ mᵢⱼ tᵢᵏ yᵢⱼ for all series come from two GEMMs,
///   and each series then solves its own (d+1)×(d+1) system by Cholesky — O(d³) per series, no factorisation of
///   an n-row matrix. In this centred, scaled basis the moment matrix has a condition number below about 10³ for
///   d ≤ 2 unless nearly all years are missing, so the results agree with the one-series path
///   (``TrendSpecification/fit(_:)``) to 1e-12 relative (tested on 10 000 series).
///
/// Complexity: O(n·m·d) for m series of n years, dominated by the GEMMs.
public enum BatchTrends {
    /// Fits `model` to every column of `values` (`years.count × series`; NaN marks a missing year).
    /// Series with fewer points than the model needs are not fitted: ``BatchTrendResult/skipped`` lists them.
    public static func fit(_ model: TrendModelKind, years: [Int], values: Matrix) throws(TrendError) -> BatchTrendResult {
        let degree: Int
        switch model {
        case .linear, .loglinear: degree = 1
        case .quadratic: degree = 2
        default: throw .notBatchable(model)
        }
        let n = years.count, m = values.columns, p = degree + 1
        guard values.rows == n else { throw .linearAlgebra(.dimensionMismatch("\(n) years but \(values.rows) rows")) }
        for i in years.indices.dropFirst() where years[i] <= years[i - 1] { throw .yearsNotIncreasing(year: years[i]) }
        guard n > 0 else {
            return BatchTrendResult(model: model, years: years, centre: 0, scale: 1, storage: .init(parameters: p, series: 0))
        }
        let centre = Double(years.reduce(0, +)) / Double(n)
        let scale = max(1, Double(years[n - 1] - years[0]) / 2)
        let t = years.map { (Double($0) - centre) / scale }

        var y = values
        var complete: [Int] = [], partial: [Int] = []
        var failure: TrendError?
        y.elements.withUnsafeMutableBufferPointer { yb in
            for j in 0..<m {
                var full = true
                for i in 0..<n {
                    let v = yb[j * n + i]
                    if v.isNaN { full = false; continue }
                    if !v.isFinite { failure = .nonFinite(year: years[i]); return }
                    if model == .loglinear {
                        guard v > 0 else { failure = .nonPositive(year: years[i], value: v); return }
                        yb[j * n + i] = log(v)
                    }
                }
                if full { complete.append(j) } else { partial.append(j) }
            }
        }
        if let failure { throw failure }
        var basis = Matrix(rows: n, columns: p)
        for i in 0..<n { var pw = 1.0; for k in 0..<p { basis[i, k] = pw; pw *= t[i] } }

        var out = BatchTrendResult.Storage(parameters: p, series: m)
        do {
            try fitComplete(complete, y: y, basis: basis, into: &out)
            try fitPartial(partial, y: y, basis: basis, degree: degree, into: &out)
        } catch { throw .linearAlgebra(error) }
        return BatchTrendResult(model: model, years: years, centre: centre, scale: scale, storage: out)
    }

    /// Complete series: one pivoted QR of X, P = R⁻¹Qᵀ formed once, and Γ = P·Y by one GEMM; the residual sums
    /// of squares are accumulated in the same pass that reads Y, without forming X·Γ.
    static func fitComplete(_ cols: [Int], y: Matrix, basis: Matrix, into out: inout BatchTrendResult.Storage) throws(LinearAlgebraError) {
        let n = basis.rows, p = basis.columns, m = cols.count
        guard m > 0, n >= p + 1 else { return }
        let qr = try PivotedQR(basis)
        guard qr.rank == p else { return }
        var identity = Matrix(rows: n, columns: n)
        for i in 0..<n { identity[i, i] = 1 }
        let pseudoInverse = try qr.solve(identity)             // p × n: (XᵀX)⁻¹Xᵀ
        let ys: Matrix
        if m == y.columns {
            ys = y
        } else {
            var gathered = Matrix(rows: n, columns: m)
            for (c, j) in cols.enumerated() {
                gathered.elements.replaceSubrange((c * n)..<((c + 1) * n), with: y.elements[(j * n)..<((j + 1) * n)])
            }
            ys = gathered
        }
        let gamma = try pseudoInverse.multiplied(by: ys)           // p × m
        let cov = try qr.unscaledCovariance()
        out.accumulate(cols, gamma: gamma, y: ys, basis: basis, covariance: { _ in cov.elements }, count: { _ in n })
    }

    /// Series with missing years: masked moments by GEMM, then a (d+1)×(d+1) Cholesky solve per series.
    static func fitPartial(_ cols: [Int], y: Matrix, basis: Matrix, degree: Int, into out: inout BatchTrendResult.Storage) throws(LinearAlgebraError) {
        let n = basis.rows, p = degree + 1, m = cols.count
        guard m > 0 else { return }
        var mask = Matrix(rows: n, columns: m), centred = Matrix(rows: n, columns: m)
        var means = [Double](repeating: 0, count: m)
        y.elements.withUnsafeBufferPointer { yb in
            mask.elements.withUnsafeMutableBufferPointer { mb in
                centred.elements.withUnsafeMutableBufferPointer { cb in
                    for (c, j) in cols.enumerated() {
                        var s = 0.0, k = 0.0
                        for i in 0..<n where !yb[j * n + i].isNaN { s += yb[j * n + i]; k += 1 }
                        let mean = k > 0 ? s / k : 0
                        means[c] = mean
                        for i in 0..<n where !yb[j * n + i].isNaN { mb[c * n + i] = 1; cb[c * n + i] = yb[j * n + i] - mean }
                    }
                }
            }
        }
        var powers = Matrix(rows: n, columns: 2 * degree + 1)        // tᵏ, k = 0…2d
        for i in 0..<n { var pw = 1.0; for k in 0...(2 * degree) { powers[i, k] = pw; pw *= basis[i, 1] } }
        let moments = try powers.transposeMultiplied(by: mask)       // (2d+1) × m
        let cross = try basis.transposeMultiplied(by: centred)       // (d+1) × m
        var gamma = Matrix(rows: p, columns: m)
        var inverses = [Double](repeating: 0, count: p * p * m)
        var counts = [Int](repeating: 0, count: m)
        var g = [Double](repeating: 0, count: p * p)
        for c in 0..<m {
            let count = Int(moments[0, c].rounded())
            guard count >= p + 1 else { continue }
            for a in 0..<p { for b in 0..<p { g[a + b * p] = moments[a + b, c] } }
            guard SmallSPD.invert(&g, order: p) else { continue }
            counts[c] = count
            for a in 0..<p {
                var s = 0.0
                for b in 0..<p { s += g[a + b * p] * cross[b, c] }
                gamma[a, c] = s
            }
            gamma[0, c] += means[c]        // centring moved the mean into the constant term
            for k in 0..<(p * p) { inverses[c * p * p + k] = g[k] }
        }
        let fitted = cols.indices.filter { counts[$0] > 0 }
        out.accumulate(fitted.map { cols[$0] }, gamma: gamma, columnsOfGamma: fitted, y: y, sourceColumns: true,
                       basis: basis, covariance: { c in inverses[(c * p * p)..<((c + 1) * p * p)] }, count: { counts[$0] })
    }
}

/// In-place inverse of a small symmetric positive-definite matrix (column-major, order ≤ 3 here) by Cholesky,
/// A⁻¹ = L⁻ᵀL⁻¹; false (and `a` unspecified) when it is not positive definite.
enum SmallSPD {
    static func invert(_ a: inout [Double], order p: Int) -> Bool {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * p * p) { scratch in
            scratch.initialize(repeating: 0)
            let l = UnsafeMutableBufferPointer(rebasing: scratch[0..<(p * p)])
            let li = UnsafeMutableBufferPointer(rebasing: scratch[(p * p)...])
            for j in 0..<p {
                var d = a[j + j * p]
                for k in 0..<j { d -= l[j + k * p] * l[j + k * p] }
                guard d > 0 else { return false }
                l[j + j * p] = d.squareRoot()
                for i in (j + 1)..<max(j + 1, p) {
                    var s = a[i + j * p]
                    for k in 0..<j { s -= l[i + k * p] * l[j + k * p] }
                    l[i + j * p] = s / l[j + j * p]
                }
            }
            for j in 0..<p {                                    // L⁻¹, lower triangular
                li[j + j * p] = 1 / l[j + j * p]
                for i in (j + 1)..<max(j + 1, p) {
                    var s = 0.0
                    for k in j..<i { s -= l[i + k * p] * li[k + j * p] }
                    li[i + j * p] = s / l[i + i * p]
                }
            }
            for i in 0..<p { for j in 0..<p {
                var s = 0.0
                for k in max(i, j)..<p { s += li[k + i * p] * li[k + j * p] }
                a[i + j * p] = s
            } }
            return true
        }
    }
}

/// The fits of a batch, one per series (none for a series with too few points).
public struct BatchTrendResult: Sendable {
    /// Flat storage: coefficients (p per series), (XᵀX)⁻¹ (p² per series), RSS and observation count; a count of 0
    /// marks a series that was not fitted.
    struct Storage: Sendable {
        let parameters: Int
        var coefficients: [Double], covariances: [Double], rss: [Double], counts: [Int]
        init(parameters p: Int, series m: Int) {
            parameters = p
            coefficients = Array(repeating: 0, count: p * m)
            covariances = Array(repeating: 0, count: p * p * m)
            rss = Array(repeating: 0, count: m)
            counts = Array(repeating: 0, count: m)
        }
        /// Stores the fits of the series `targets`: coefficients from `gamma`'s columns (`columnsOfGamma`, or
        /// 0, 1, …), covariance and count per gamma column, and RSS = Σ (y − Xγ)² over the observed years, read from
        /// `y`'s column `targets[k]` (when `sourceColumns`) or `k`. One pass over Y; X·Γ is never formed.
        mutating func accumulate<V: Collection>(
            _ targets: [Int], gamma: Matrix, columnsOfGamma: [Int]? = nil, y: Matrix, sourceColumns: Bool = false,
            basis: Matrix, covariance: (Int) -> V, count: (Int) -> Int
        ) where V.Element == Double {
            let p = parameters, n = basis.rows
            let rowMajorBasis = (0..<n).flatMap { i in (0..<p).map { basis[i, $0] } }
            var rssOut = [Double](repeating: 0, count: targets.count)
            gamma.elements.withUnsafeBufferPointer { gb in
                y.elements.withUnsafeBufferPointer { yb in
                    for (k, j) in targets.enumerated() {
                        let c = columnsOfGamma?[k] ?? k, col = sourceColumns ? j : k
                        var rss = 0.0
                        for i in 0..<n {
                            let v = yb[col * n + i]
                            if v.isNaN { continue }
                            var f = 0.0
                            for a in 0..<p { f += rowMajorBasis[i * p + a] * gb[c * p + a] }
                            rss += (v - f) * (v - f)
                        }
                        rssOut[k] = rss
                    }
                }
            }
            for (k, j) in targets.enumerated() {
                let c = columnsOfGamma?[k] ?? k
                for a in 0..<p { coefficients[j * p + a] = gamma.elements[c * p + a] }
                var a = 0
                for v in covariance(c) { covariances[j * p * p + a] = v; a += 1 }
                rss[j] = rssOut[k]
                counts[j] = count(c)
            }
        }
    }
    public let model: TrendModelKind
    public let years: [Int]
    let centre: Double
    let scale: Double
    let storage: Storage

    /// Indices of the series that could not be fitted (fewer than degree + 2 observed years).
    public var skipped: [Int] { storage.counts.indices.filter { storage.counts[$0] == 0 } }

    /// Number of series.
    public var count: Int { storage.counts.count }

    /// σ̂ of series `j` (log scale for log-linear); nil if it was skipped.
    public func sigma(_ j: Int) -> Double? {
        let n = storage.counts[j], p = storage.parameters
        return n == 0 ? nil : (storage.rss[j] / Double(n - p)).squareRoot()
    }

    /// Series `j` as a ``TrendFit`` (parameters, projection with intervals), without refitting; nil if skipped.
    /// In-sample fitted values cover the grid's years.
    public func fit(_ j: Int) -> TrendFit? {
        guard let sigma = sigma(j) else { return nil }
        let p = storage.parameters
        let gamma = Array(storage.coefficients[(j * p)..<((j + 1) * p)])
        var cov = Matrix(rows: p, columns: p, elements: Array(storage.covariances[(j * p * p)..<((j + 1) * p * p)]))
        for k in cov.elements.indices { cov.elements[k] *= sigma * sigma }
        let fitted = years.map { year -> Double in
            let t = (Double(year) - centre) / scale
            var v = 0.0, pw = 1.0
            for g in gamma { v += g * pw; pw *= t }
            return model == .loglinear ? exp(v) : v
        }
        let df = storage.counts[j] - p
        return TrendFit(
            model: model,
            parameters: RegressionTrend.reportedParameters(model: model, gamma: gamma, cov: cov, centre: centre, scale: scale),
            sigma: sigma, fitted: fitted, years: years, observationCount: storage.counts[j], rSquared: nil,
            logLikelihood: .nan, aicc: nil,
            growth: RegressionTrend.growthEstimate(model: model, gamma: gamma, cov: cov, scale: scale,
                                                   lastT: (Double(years[years.count - 1]) - centre) / scale, df: df),
            warnings: [],
            state: .regression(centre: centre, scale: scale, coefficients: gamma, covariance: cov, sigma: sigma, df: df))
    }
}
