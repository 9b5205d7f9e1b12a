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
        default: throw .invalidProjection("batched fitting supports linear, loglinear and quadratic, not \(model.rawValue)")
        }
        let n = years.count, m = values.columns, p = degree + 1
        guard values.rows == n else { throw .linearAlgebra(.dimensionMismatch("\(n) years but \(values.rows) rows")) }
        for i in years.indices.dropFirst() where years[i] <= years[i - 1] { throw .yearsNotIncreasing(year: years[i]) }
        guard n > 0 else { return BatchTrendResult(model: model, years: years, centre: 0, scale: 1, series: []) }
        let centre = Double(years.reduce(0, +)) / Double(n)
        let scale = max(1, Double(years[n - 1] - years[0]) / 2)
        let t = years.map { (Double($0) - centre) / scale }

        var y = values
        var complete: [Int] = [], partial: [Int] = []
        for j in 0..<m {
            var full = true
            for i in 0..<n {
                let v = y[i, j]
                if v.isNaN { full = false; continue }
                if !v.isFinite { throw .nonFinite(year: years[i]) }
                if model == .loglinear {
                    guard v > 0 else { throw .nonPositive(year: years[i], value: v) }
                    y[i, j] = log(v)
                }
            }
            if full { complete.append(j) } else { partial.append(j) }
        }
        var basis = Matrix(rows: n, columns: p)
        for i in 0..<n { var pw = 1.0; for k in 0..<p { basis[i, k] = pw; pw *= t[i] } }

        var out = [BatchTrendResult.Fit?](repeating: nil, count: m)
        do {
            try fitComplete(complete, y: y, basis: basis, into: &out)
            try fitPartial(partial, y: y, basis: basis, degree: degree, into: &out)
        } catch { throw .linearAlgebra(error) }
        return BatchTrendResult(model: model, years: years, centre: centre, scale: scale, series: out)
    }

    /// Complete series: one pivoted QR of X, P = R⁻¹Qᵀ, Γ = P·Y and X·Γ by GEMM.
    static func fitComplete(_ cols: [Int], y: Matrix, basis: Matrix, into out: inout [BatchTrendResult.Fit?]) throws(LinearAlgebraError) {
        let n = basis.rows, p = basis.columns, m = cols.count
        guard m > 0, n >= p + 1 else { return }
        let qr = try PivotedQR(basis)
        guard qr.rank == p else { return }
        var identity = Matrix(rows: n, columns: n)
        for i in 0..<n { identity[i, i] = 1 }
        let projector = try qr.solve(identity)                 // p × n: (XᵀX)⁻¹Xᵀ = P·R⁻¹Qᵀ
        var ys = Matrix(rows: n, columns: m)
        for (c, j) in cols.enumerated() {
            ys.elements.replaceSubrange((c * n)..<((c + 1) * n), with: y.elements[(j * n)..<((j + 1) * n)])
        }
        let gamma = try projector.multiplied(by: ys)           // p × m
        let fitted = try basis.multiplied(by: gamma)           // n × m
        let cov = try qr.unscaledCovariance()
        for (c, j) in cols.enumerated() {
            var rss = 0.0
            for i in 0..<n { let e = ys[i, c] - fitted[i, c]; rss += e * e }
            out[j] = BatchTrendResult.Fit(coefficients: gamma.column(c), unscaledCovariance: cov, rss: rss, count: n)
        }
    }

    /// Series with missing years: masked moments by GEMM, then a (d+1)×(d+1) Cholesky solve per series.
    static func fitPartial(_ cols: [Int], y: Matrix, basis: Matrix, degree: Int, into out: inout [BatchTrendResult.Fit?]) throws(LinearAlgebraError) {
        let n = basis.rows, p = degree + 1, m = cols.count
        guard m > 0 else { return }
        var mask = Matrix(rows: n, columns: m), centred = Matrix(rows: n, columns: m)
        var means = [Double](repeating: 0, count: m)
        for (c, j) in cols.enumerated() {
            var s = 0.0, k = 0.0
            for i in 0..<n where !y[i, j].isNaN { s += y[i, j]; k += 1 }
            means[c] = k > 0 ? s / k : 0
            for i in 0..<n where !y[i, j].isNaN { mask[i, c] = 1; centred[i, c] = y[i, j] - means[c] }
        }
        var powers = Matrix(rows: n, columns: 2 * degree + 1)        // tᵏ, k = 0…2d
        for i in 0..<n { var pw = 1.0; for k in 0...(2 * degree) { powers[i, k] = pw; pw *= basis[i, 1] } }
        let moments = try powers.transposeMultiplied(by: mask)       // (2d+1) × m
        let cross = try basis.transposeMultiplied(by: centred)       // (d+1) × m
        var gamma = Matrix(rows: p, columns: m)
        var inverses: [Matrix?] = Array(repeating: nil, count: m)
        for c in 0..<m {
            let count = Int(moments[0, c].rounded())
            guard count >= p + 1 else { continue }
            var g = Matrix(rows: p, columns: p)
            for a in 0..<p { for b in 0..<p { g[a, b] = moments[a + b, c] } }
            guard let inverse = SmallSPD.inverse(g) else { continue }
            inverses[c] = inverse
            for a in 0..<p {
                var s = 0.0
                for b in 0..<p { s += inverse[a, b] * cross[b, c] }
                gamma[a, c] = s
            }
            gamma[0, c] += means[c]        // centring moved the mean into the constant term
        }
        let fitted = try basis.multiplied(by: gamma)
        for (c, j) in cols.enumerated() {
            guard let inverse = inverses[c] else { continue }
            var rss = 0.0
            for i in 0..<n where mask[i, c] == 1 { let e = y[i, j] - fitted[i, c]; rss += e * e }
            out[j] = BatchTrendResult.Fit(
                coefficients: gamma.column(c), unscaledCovariance: inverse, rss: rss, count: Int(moments[0, c].rounded()))
        }
    }
}

/// Inverse of a small symmetric positive-definite matrix by Cholesky (d ≤ 3 here); nil if not positive definite.
enum SmallSPD {
    static func inverse(_ a: Matrix) -> Matrix? {
        let p = a.rows
        var l = Matrix(rows: p, columns: p)
        for j in 0..<p {
            var d = a[j, j]
            for k in 0..<j { d -= l[j, k] * l[j, k] }
            guard d > 0 else { return nil }
            l[j, j] = d.squareRoot()
            for i in (j + 1)..<max(j + 1, p) {
                var s = a[i, j]
                for k in 0..<j { s -= l[i, k] * l[j, k] }
                l[i, j] = s / l[j, j]
            }
        }
        // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀL⁻¹.
        var li = Matrix(rows: p, columns: p)
        for j in 0..<p {
            li[j, j] = 1 / l[j, j]
            for i in (j + 1)..<max(j + 1, p) {
                var s = 0.0
                for k in j..<i { s -= l[i, k] * li[k, j] }
                li[i, j] = s / l[i, i]
            }
        }
        var inv = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p {
            var s = 0.0
            for k in max(i, j)..<p { s += li[k, i] * li[k, j] }
            inv[i, j] = s
        } }
        return inv
    }
}

/// The fits of a batch, one per series (nil where a series had too few points).
public struct BatchTrendResult: Sendable {
    struct Fit: Sendable {
        let coefficients: [Double]
        let unscaledCovariance: Matrix
        let rss: Double
        let count: Int
    }
    public let model: TrendModelKind
    public let years: [Int]
    let centre: Double
    let scale: Double
    let series: [Fit?]

    /// Indices of the series that could not be fitted (fewer than degree + 2 observed years).
    public var skipped: [Int] { series.indices.filter { series[$0] == nil } }

    /// Number of series.
    public var count: Int { series.count }

    /// σ̂ of series `j` (log scale for log-linear); nil if it was skipped.
    public func sigma(_ j: Int) -> Double? {
        series[j].map { ($0.rss / Double($0.count - $0.coefficients.count)).squareRoot() }
    }

    /// Series `j` as a ``TrendFit`` (parameters, projection with intervals), without refitting; nil if skipped.
    /// In-sample fitted values cover the grid's years.
    public func fit(_ j: Int) -> TrendFit? {
        guard let f = series[j], let sigma = sigma(j) else { return nil }
        var cov = f.unscaledCovariance
        for k in cov.elements.indices { cov.elements[k] *= sigma * sigma }
        let fitted = years.map { year -> Double in
            let t = (Double(year) - centre) / scale
            var v = 0.0, pw = 1.0
            for g in f.coefficients { v += g * pw; pw *= t }
            return model == .loglinear ? exp(v) : v
        }
        let df = f.count - f.coefficients.count
        return TrendFit(
            model: model,
            parameters: RegressionTrend.reportedParameters(model: model, gamma: f.coefficients, cov: cov, centre: centre, scale: scale),
            sigma: sigma, fitted: fitted, years: years, observationCount: f.count, rSquared: nil,
            logLikelihood: .nan, aicc: nil,
            growth: RegressionTrend.growthEstimate(model: model, gamma: f.coefficients, cov: cov, scale: scale,
                                                   lastT: (Double(years[years.count - 1]) - centre) / scale, df: df),
            warnings: [],
            projector: .regression(centre: centre, scale: scale, coefficients: f.coefficients, covariance: cov,
                                   sigma: sigma, df: df))
    }
}
