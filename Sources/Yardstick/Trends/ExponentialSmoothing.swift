import Foundation

/// Simple exponential smoothing, Holt's linear trend and Holt's damped trend in the additive-error state-space
/// form (ETS(A,N,N), ETS(A,A,N), ETS(A,Ad,N); Hyndman, Koehler, Ord & Snyder, *Forecasting with Exponential
/// Smoothing*, 2008):
///
///     ŷ_t = ℓ_{t−1} + φ·b_{t−1},  e_t = y_t − ŷ_t,  ℓ_t = ŷ_t + α·e_t,  b_t = φ·b_{t−1} + α·β*·e_t
///
/// (SES: b ≡ 0; Holt: φ = 1). A missing year carries the states forward with e_t = 0 and adds nothing to the
/// sum of squared errors. Parameters not given are estimated by minimising SSE (Nelder–Mead from a grid of starts, on logit-scaled
/// parameters: α, β* ∈ (0.0001, 0.9999), φ ∈ [0.8, 0.98] as R's `ets`); with `optimal` initialisation ℓ₀ and b₀
/// are profiled out exactly, since the one-step errors are affine in them.
///
/// Complexity: O(n) per evaluation; estimation takes a few hundred evaluations.
enum ExponentialSmoothing {
    struct Parameters { var alpha: Double; var beta: Double; var phi: Double }

    /// One pass of the recursions over `y` (nil for a missing year): errors, one-step forecasts, final states.
    static func run(_ y: [Double?], _ p: Parameters, level l0: Double, trend b0: Double, hasTrend: Bool)
        -> (errors: [Double], forecasts: [Double], level: Double, trend: Double) {
        var l = l0, b = hasTrend ? b0 : 0
        var errors: [Double] = [], forecasts: [Double] = []
        errors.reserveCapacity(y.count); forecasts.reserveCapacity(y.count)
        let phi = hasTrend ? p.phi : 1
        for v in y {
            let yhat = l + phi * b
            forecasts.append(yhat)
            let e = v.map { $0 - yhat } ?? 0
            errors.append(e)
            l = yhat + p.alpha * e
            if hasTrend { b = phi * b + p.alpha * p.beta * e }
        }
        return (errors, forecasts, l, b)
    }

    /// Least-squares ℓ₀ (and b₀) for given smoothing parameters: the forecasts are linear in (y, ℓ₀, b₀).
    static func optimalInitialStates(_ y: [Double?], _ p: Parameters, hasTrend: Bool) throws(LinearAlgebraError) -> (Double, Double) {
        let base = run(y, p, level: 0, trend: 0, hasTrend: hasTrend).errors
        let zeros = y.map { $0.map { _ in 0.0 } }
        let present = y.indices.filter { y[$0] != nil }
        let levelEffect = run(zeros, p, level: 1, trend: 0, hasTrend: hasTrend).forecasts
        var columns = [present.map { levelEffect[$0] }]
        if hasTrend {
            let trendEffect = run(zeros, p, level: 0, trend: 1, hasTrend: hasTrend).forecasts
            columns.append(present.map { trendEffect[$0] })
        }
        let qr = try PivotedQR(Matrix(columns: columns))
        let sol = try qr.solve(Matrix(rows: present.count, columns: 1, elements: present.map { base[$0] }))
        return (sol[0, 0], hasTrend ? sol[1, 0] : 0)
    }

    static func fit(_ series: Series, model: TrendModelKind, spec: TrendSpecification) throws(TrendError) -> TrendFit {
        let hasTrend = model != .ses
        let damped = model == .damped
        // The yearly grid from first to last year, nil where a year is missing.
        let first = series.years[0], last = series.years[series.count - 1]
        var y = [Double?](repeating: nil, count: last - first + 1)
        for (year, v) in zip(series.years, series.values) { y[year - first] = v }
        let n = series.count

        for (name, value, range) in [("alpha", spec.alpha, 0.0...1.0), ("beta", spec.beta, 0.0...1.0),
                                     ("phi", spec.phi, 0.0...1.0)] {
            if let v = value, !range.contains(v) { throw .parameterOutOfRange(name: name, value: v, range: range) }
        }
        let simple = spec.initialization == .simple
        let fixedStates: (Double, Double)? = spec.initialLevel.map { ($0, spec.initialTrend ?? 0) }
            ?? (simple ? (series.values[0], hasTrend && n > 1 ? series.values[1] - series.values[0] : 0) : nil)

        func states(_ p: Parameters) -> (Double, Double) {
            if let s = fixedStates { return s }
            return (try? optimalInitialStates(y, p, hasTrend: hasTrend)) ?? (series.values[0], 0)
        }
        func sse(_ p: Parameters) -> Double {
            let (l0, b0) = states(p)
            return run(y, p, level: l0, trend: b0, hasTrend: hasTrend).errors.reduce(0) { $0 + $1 * $1 }
        }

        // Free parameters on an unbounded scale: x ↦ lo + (hi − lo)·logistic(x).
        var free: [(name: String, lo: Double, hi: Double)] = []
        if spec.alpha == nil { free.append(("alpha", 1e-4, 0.9999)) }
        if hasTrend && spec.beta == nil { free.append(("beta", 1e-4, 0.9999)) }
        if damped && spec.phi == nil { free.append(("phi", 0.8, 0.98)) }
        func parameters(_ x: [Double]) -> Parameters {
            var p = Parameters(alpha: spec.alpha ?? 0.5, beta: hasTrend ? (spec.beta ?? 0.1) : 0,
                               phi: damped ? (spec.phi ?? 0.9) : 1)
            for (i, f) in free.enumerated() {
                let v = f.lo + (f.hi - f.lo) / (1 + exp(-x[i]))
                switch f.name { case "alpha": p.alpha = v; case "beta": p.beta = v; default: p.phi = v }
            }
            return p
        }
        var warnings: [TrendWarning] = []
        var x: [Double] = []
        if !free.isEmpty {
            // Several starts (a small grid over each free parameter), Nelder–Mead from each, the best kept:
            // the SSE surface of short series often has more than one local minimum.
            let grid: [String: [Double]] = ["alpha": [0.1, 0.5, 0.9], "beta": [0.01, 0.2, 0.8], "phi": [0.85, 0.95]]
            var starts: [[Double]] = [[]]
            for f in free {
                starts = starts.flatMap { prefix in
                    grid[f.name]!.map { target -> [Double] in
                        let u = (target - f.lo) / (f.hi - f.lo)
                        return prefix + [log(u / (1 - u))]
                    }
                }
            }
            var best: NelderMead.Result?
            for start in starts {
                let result = NelderMead.minimise(start: start, step: 1) { sse(parameters($0)) }
                if best == nil || result.value < best!.value { best = result }
            }
            x = best!.point
            if !best!.converged { warnings.append(.optimiserDidNotConverge(iterations: best!.iterations)) }
        }
        let p = parameters(x)
        for f in free {
            let v = f.name == "alpha" ? p.alpha : f.name == "beta" ? p.beta : p.phi
            if v - f.lo < 1e-3 * (f.hi - f.lo) || f.hi - v < 1e-3 * (f.hi - f.lo) {
                warnings.append(.parameterAtBound(name: f.name, value: v))
            }
        }
        let (l0, b0) = states(p)
        let pass = run(y, p, level: l0, trend: b0, hasTrend: hasTrend)
        let sse = pass.errors.reduce(0) { $0 + $1 * $1 }
        let k = 1 + (hasTrend ? 1 : 0) + (damped ? 1 : 0) + (hasTrend ? 2 : 1)   // smoothing + initial states
        let variance = fixedStates != nil && spec.initialLevel == nil ? sse / Double(n) : sse / Double(n - k)
        let nn = Double(n)
        let logLik = -0.5 * nn * (log(2 * Double.pi * sse / nn) + 1)
        let kk = Double(model.aiccParameters)
        let aicc: Double? = nn - kk - 1 > 0 ? -2 * logLik + 2 * kk + 2 * kk * (kk + 1) / (nn - kk - 1) : nil

        // The β in the forecast variance: ETS β = α·β* in general; with simple initial values R's
        // `forecast::holt(initial = "simple")` (the HoltWinters path) puts β* itself there, giving wider intervals,
        // and Yardstick reproduces it so that its numbers match that reference.
        let varianceBeta = fixedStates != nil && spec.initialLevel == nil ? p.beta : p.alpha * p.beta
        var params = [TrendParameter(name: "alpha", value: p.alpha)]
        if hasTrend { params.append(TrendParameter(name: "beta", value: p.beta)) }
        if damped { params.append(TrendParameter(name: "phi", value: p.phi)) }
        params.append(TrendParameter(name: "initial_level", value: l0))
        if hasTrend { params.append(TrendParameter(name: "initial_trend", value: b0)) }
        params.append(TrendParameter(name: "final_level", value: pass.level))
        if hasTrend { params.append(TrendParameter(name: "final_trend", value: pass.trend)) }

        let fitted = series.years.map { pass.forecasts[$0 - first] }
        let growth = pass.level != 0
            ? GrowthEstimate(rate: (hasTrend ? p.phi * pass.trend : 0) / pass.level, interval: nil) : nil
        return TrendFit(
            model: model, parameters: params, sigma: variance.squareRoot(), fitted: fitted, years: series.years,
            observationCount: n, rSquared: nil, logLikelihood: logLik, aicc: aicc, growth: growth, warnings: warnings,
            state: .smoothing(level: pass.level, trend: pass.trend, alpha: p.alpha, beta: varianceBeta,
                                  phi: hasTrend ? p.phi : 1, variance: variance))
    }
}
