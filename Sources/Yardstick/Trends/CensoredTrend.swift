import Foundation

/// A straight-line trend (linear, or log-linear on ln y) fitted by maximum likelihood to values and bounds: a
/// value known only as "more than c" contributes the probability of exceeding c, "less than c" the probability
/// of falling below it (the Tobit likelihood; Tobin 1958, *Econometrica* 26(1); Amemiya 1984, *Journal of
/// Econometrics* 24).
///
/// Model: y_i = β₀ + β₁·t_i + ε_i, ε_i ~ N(0, σ²), t = (year − c)/s centred and scaled as in ``RegressionTrend``.
/// Log-likelihood, with z_i = (y_i − μ_i)/σ for a value and w_i = s_i·(c_i − μ_i)/σ for a bound (s = +1 for a
/// lower bound, −1 for an upper one):
///
///     ℓ(β, σ) = Σ_values [−ln σ − ½ ln 2π − ½ z_i²] + Σ_bounds ln(1 − Φ(w_i))
///
/// maximised over (β₀, β₁, η = ln σ) by Newton's method with the analytic gradient and Hessian (steps solved with
/// LAPACK's pivoted QR, damped where needed, halved until ℓ rises), from the least-squares line through the values. The covariance of
/// (β₀, β₁) is the inverse of the observed information; the predictive distribution of year Y is normal with mean
/// β₀ + β₁·t_Y and variance σ² + x_Yᵀ·V·x_Y. It needs three values: with fewer, the likelihood grows without end
/// as σ → 0 on a line through the values that clears every bound.
///
/// - Complexity: O(n) a Newton step for n values and bounds; at most 200 steps.
struct CensoredTrend: Sendable {
    /// How an observation is known.
    enum Censoring: Sendable, Equatable { case value, lowerBound, upperBound }

    let model: TrendModelKind
    let centre: Double, scale: Double
    /// β₀, β₁ on scaled time, and their covariance (V₀₀, V₀₁, V₁₁).
    let coefficients: (Double, Double)
    let covariance: (Double, Double, Double)
    let sigma: Double
    /// ℓ on the data's scale (the log-linear one with the Jacobian −Σ ln y over the values), and AICc with 3
    /// parameters and n observations.
    let logLikelihood: Double
    let aicc: Double?
    let iterations: Int

    /// Fits `model` (``TrendModelKind/linear`` or ``TrendModelKind/loglinear``) to `values` of `years`, each
    /// known as `censoring` says.
    static func fit(years: [Int], values: [Double], censoring: [Censoring], model: TrendModelKind) throws(TrendError) -> CensoredTrend {
        precondition(years.count == values.count && values.count == censoring.count && (model == .linear || model == .loglinear))
        let n = years.count, exact = censoring.indices.filter { censoring[$0] == .value }
        guard exact.count >= 3 else { throw .tooFewPoints(model: model, needed: 3, found: exact.count) }
        for (y, v) in zip(years, values) where !v.isFinite { throw .nonFinite(year: y) }
        for k in 1..<n where years[k] < years[k - 1] { throw .yearsNotIncreasing(year: years[k]) }
        var y = values
        if model == .loglinear {
            for (i, v) in y.enumerated() where v <= 0 { throw .nonPositive(year: years[i], value: v) }
            y = y.map { log($0) }
        }
        let ys = years.map(Double.init)
        let centre = ys.reduce(0, +) / Double(n), scale = max(1, (ys[n - 1] - ys[0]) / 2)
        let t = ys.map { ($0 - centre) / scale }

        // Start: least squares through the values.
        var start = Matrix(rows: exact.count, columns: 2)
        for (r, i) in exact.enumerated() { start[r, 0] = 1; start[r, 1] = t[i] }
        let b: [Double]
        do { b = try PivotedQR(start).solve(Matrix(rows: exact.count, columns: 1, elements: exact.map { y[$0] })).column(0) } catch {
            throw .linearAlgebra(error)
        }
        var sse = 0.0
        for i in exact { sse += (y[i] - b[0] - b[1] * t[i]) * (y[i] - b[0] - b[1] * t[i]) }
        let spread = max(sse / Double(exact.count), 1e-12 * max(1, exact.map { y[$0] * y[$0] }.max() ?? 1))
        var theta = [b[0], b[1], 0.5 * log(spread)]

        func evaluate(_ p: [Double]) -> (value: Double, gradient: [Double], hessian: [Double]) {
            let sigma = exp(p[2])
            var l = 0.0, g = [0.0, 0.0, 0.0], h = [Double](repeating: 0, count: 9)
            func addOuter(_ x: [Double], _ f: Double) { for a in 0..<3 { for c in 0..<3 { h[a * 3 + c] += f * x[a] * x[c] } } }
            for i in 0..<n {
                let mu = p[0] + p[1] * t[i]
                switch censoring[i] {
                case .value:
                    let z = (y[i] - mu) / sigma
                    l += -p[2] - 0.5 * log(2 * Double.pi) - 0.5 * z * z
                    g[0] += z / sigma; g[1] += z / sigma * t[i]; g[2] += -1 + z * z
                    // ∂²ℓ/∂β∂βᵀ = −xxᵀ/σ², ∂²ℓ/∂β∂η = −2z·x/σ, ∂²ℓ/∂η² = −2z².
                    h[0] -= 1 / (sigma * sigma); h[1] -= t[i] / (sigma * sigma); h[3] -= t[i] / (sigma * sigma)
                    h[4] -= t[i] * t[i] / (sigma * sigma)
                    h[2] -= 2 * z / sigma; h[6] -= 2 * z / sigma
                    h[5] -= 2 * z / sigma * t[i]; h[7] -= 2 * z / sigma * t[i]
                    h[8] -= 2 * z * z
                case .lowerBound, .upperBound:
                    let s: Double = censoring[i] == .lowerBound ? 1 : -1
                    let w = s * (y[i] - mu) / sigma
                    let (logSurvival, lambda) = CensoredTrend.tail(w)
                    l += logSurvival
                    // ∂ℓ/∂β = s·λ·x/σ, ∂ℓ/∂η = λ·w; with λ' = λ(λ − w) and q = λ'·w + λ:
                    // ∂²ℓ/∂β∂βᵀ = −λ'·xxᵀ/σ², ∂²ℓ/∂β∂η = −s·q·x/σ, ∂²ℓ/∂η² = −w·q.
                    let d = lambda * (lambda - w), q = d * w + lambda
                    g[0] += s * lambda / sigma; g[1] += s * lambda / sigma * t[i]; g[2] += lambda * w
                    addOuter([1 / sigma, t[i] / sigma, 0], -d)
                    h[2] -= s * q / sigma; h[6] -= s * q / sigma
                    h[5] -= s * q / sigma * t[i]; h[7] -= s * q / sigma * t[i]
                    h[8] -= w * q
                }
            }
            return (l, g, h)
        }

        // Newton's method, damped as Levenberg–Marquardt where −H is not positive definite (far from the maximum,
        // where the likelihood in (β, ln σ) is not concave): the step solves (−H + μ·d·I)·s = g, with μ the smallest
        // of 0, 1e-8, …, 1e4 (d the largest diagonal of −H) that gives a rise in ℓ along s after at most 30 halvings.
        var current = evaluate(theta), iterations = 0, converged = false
        while iterations < 200 {
            iterations += 1
            let g = current.gradient, information = current.hessian.map { -$0 }
            let diagonal = max(1e-300, abs(information[0]), abs(information[4]), abs(information[8]))
            var moved = false
            for mu in [0, 1e-8, 1e-6, 1e-4, 1e-2, 1, 1e2, 1e4] where !moved {
                var a = information
                for k in [0, 4, 8] { a[k] += mu * diagonal }
                guard let qr = try? PivotedQR(Matrix(rows: 3, columns: 3, elements: a)), qr.rank == 3,
                      let d = try? qr.solve(Matrix(rows: 3, columns: 1, elements: g)).column(0),
                      zip(d, g).map(*).reduce(0, +) > 0 else { continue }
                var factor = 1.0
                for _ in 0..<30 {
                    let trial = zip(theta, d).map { $0 + factor * $1 }
                    let next = evaluate(trial)
                    if next.value.isFinite && next.value >= current.value {
                        theta = trial; current = next; moved = true
                        break
                    }
                    factor /= 2
                }
            }
            let size = current.gradient.map { $0 * $0 }.reduce(0, +).squareRoot()
            if size < 1e-9 * max(1, abs(current.value)) || !moved { converged = size < 1e-5 * max(1, abs(current.value)); break }
        }
        // A σ that collapsed (values on a line that clears every bound) has no maximum: no fit.
        let magnitude = max(1, y.map(abs).max() ?? 1)
        guard converged, theta.allSatisfy(\.isFinite), exp(theta[2]) > 1e-9 * magnitude else {
            throw .notConverged(iterations: iterations)
        }
        // Covariance of (β₀, β₁, η): the inverse of −H (LAPACK, through the pivoted QR of −H on the identity).
        let information = Matrix(rows: 3, columns: 3, elements: current.hessian.map { -$0 })
        let v: Matrix
        do throws(LinearAlgebraError) {
            let qr = try PivotedQR(information)
            guard qr.rank == 3 else { throw .singular(routine: "dgeqp3", index: qr.rank + 1) }
            v = try qr.solve(Matrix(rows: 3, columns: 3, elements: [1, 0, 0, 0, 1, 0, 0, 0, 1]))
        } catch { throw .linearAlgebra(error) }
        guard v[0, 0] >= 0, v[1, 1] >= 0 else { throw .notConverged(iterations: iterations) }

        var logLik = current.value
        if model == .loglinear { for i in exact { logLik -= y[i] } }
        let nn = Double(n)
        return CensoredTrend(model: model, centre: centre, scale: scale, coefficients: (theta[0], theta[1]),
                             covariance: (v[0, 0], v[0, 1], v[1, 1]), sigma: exp(theta[2]), logLikelihood: logLik,
                             aicc: nn - 4 > 0 ? -2 * logLik + 6 + 24 / (nn - 4) : nil, iterations: iterations)
    }

    /// ln(1 − Φ(w)) and the hazard λ(w) = φ(w)/(1 − Φ(w)), accurate far in the upper tail (Mills' ratio series
    /// beyond w = 30, where 1 − Φ underflows).
    static func tail(_ w: Double) -> (logSurvival: Double, hazard: Double) {
        if w < 30 {
            let s = Normal.survival(w)
            return (log(s), Normal.density(w) / s)
        }
        // 1 − Φ(w) = φ(w)/w·(1 − 1/w² + 3/w⁴ − …)
        let w2 = w * w, series = 1 - 1 / w2 + 3 / (w2 * w2)
        let logSurvival = -0.5 * w2 - 0.5 * log(2 * Double.pi) - log(w) + log(series)
        return (logSurvival, w / series)
    }

    /// The predictive distribution of `year` on the fitted scale (of ln y for the log-linear model).
    func predictive(year: Int) -> PredictiveDistribution {
        let t = (Double(year) - centre) / scale
        let mean = coefficients.0 + coefficients.1 * t
        let variance = covariance.0 + 2 * t * covariance.1 + t * t * covariance.2
        return PredictiveDistribution(location: mean, scale: (sigma * sigma + max(0, variance)).squareRoot(),
                                      degreesOfFreedom: nil, logScale: model == .loglinear)
    }

    /// The fitted value of `year` on the data's scale.
    func value(year: Int) -> Double {
        let m = coefficients.0 + coefficients.1 * (Double(year) - centre) / scale
        return model == .loglinear ? exp(m) : m
    }
}
