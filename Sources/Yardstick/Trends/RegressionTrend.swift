import Foundation

/// Linear, log-linear, quadratic and recency-weighted trends: least squares on centred, scaled time through
/// LAPACK's pivoted QR (``PivotedQR``).
///
/// Time enters as t = (year − c)/s with c the mean observed year and s half the observed span (at least 1), so the
/// design is well conditioned whatever the calendar years; reported parameters are converted back to calendar
/// years (`intercept` is the value at year 0, as R's `lm(y ~ year)`).
///
/// Complexity: O(n) for n observations.
enum RegressionTrend {
    static func fit(_ series: Series, model: TrendModelKind) throws(TrendError) -> TrendFit {
        let n = series.count
        let degree = model == .quadratic ? 2 : 1
        var y = series.values
        if model == .loglinear {
            for (i, v) in y.enumerated() where v <= 0 { throw .nonPositive(year: series.years[i], value: v) }
            y = y.map { log($0) }
        }
        let years = series.years.map(Double.init)
        let centre = years.reduce(0, +) / Double(n)
        let scale = max(1, ((years.last ?? 0) - (years.first ?? 0)) / 2)
        let t = years.map { ($0 - centre) / scale }
        let weights: [Double] = model == .weighted
            ? years.map { ($0 - years[0] + 1) / (years[n - 1] - years[0] + 1) }
            : Array(repeating: 1, count: n)
        let roots = weights.map { $0.squareRoot() }

        var design = Matrix(rows: n, columns: degree + 1)
        for i in 0..<n {
            var power = 1.0
            for j in 0...degree { design[i, j] = power * roots[i]; power *= t[i] }
        }
        let rhs = Matrix(rows: n, columns: 1, elements: (0..<n).map { y[$0] * roots[$0] })
        let qr: PivotedQR, gamma: Matrix, unscaled: Matrix
        do {
            qr = try PivotedQR(design)
            gamma = try qr.solve(rhs)
            unscaled = try qr.unscaledCovariance()
        } catch { throw .linearAlgebra(error) }
        let coefficients = gamma.column(0)

        var fitted = [Double](repeating: 0, count: n)
        var rss = 0.0, rawSSE = 0.0
        for i in 0..<n {
            var f = 0.0, power = 1.0
            for j in 0...degree { f += coefficients[j] * power; power *= t[i] }
            fitted[i] = f
            rss += weights[i] * (y[i] - f) * (y[i] - f)
            rawSSE += (y[i] - f) * (y[i] - f)
        }
        let df = n - qr.rank
        let sigma = df > 0 ? (rss / Double(df)).squareRoot() : .nan
        var cov = unscaled
        for k in cov.elements.indices { cov.elements[k] *= sigma * sigma }

        // Log-likelihood on the data's scale with σ² = SSE/n (Jacobian −Σ ln y for the log-linear model).
        let nn = Double(n)
        var logLik = -0.5 * nn * (log(2 * Double.pi * rawSSE / nn) + 1)
        if model == .loglinear { logLik -= y.reduce(0, +) }
        let k = Double(model.aiccParameters)
        let aicc: Double? = nn - k - 1 > 0 ? -2 * logLik + 2 * k + 2 * k * (k + 1) / (nn - k - 1) : nil

        let parameters = reportedParameters(model: model, gamma: coefficients, cov: cov, centre: centre, scale: scale)
        var tss = 0.0, sw = 0.0, swy = 0.0
        for i in 0..<n { sw += weights[i]; swy += weights[i] * y[i] }
        for i in 0..<n { tss += weights[i] * (y[i] - swy / sw) * (y[i] - swy / sw) }
        let state = ForecastState.regression(
            centre: centre, scale: scale, coefficients: coefficients, covariance: cov, sigma: sigma, df: df)
        let growth = growthEstimate(
            model: model, gamma: coefficients, cov: cov, scale: scale, lastT: t[n - 1], df: df)
        return TrendFit(
            model: model, parameters: parameters, sigma: sigma,
            fitted: model == .loglinear ? fitted.map { exp($0) } : fitted,
            years: series.years, observationCount: n, rSquared: 1 - rss / tss, logLikelihood: logLik, aicc: aicc, growth: growth,
            warnings: df > 0 ? [] : [.noResidualDegreesOfFreedom], state: state)
    }

    /// Parameters in calendar years: intercept (at year 0) and slope per year; for the quadratic the coefficients
    /// of (year − centre): level, slope and curvature at the centre year.
    static func reportedParameters(
        model: TrendModelKind, gamma: [Double], cov: Matrix, centre: Double, scale: Double
    ) -> [TrendParameter] {
        if model == .quadratic {
            return [TrendParameter(name: "centre_year", value: centre),
                    TrendParameter(name: "level", value: gamma[0], standardError: cov[0, 0].squareRoot()),
                    TrendParameter(name: "slope", value: gamma[1] / scale, standardError: cov[1, 1].squareRoot() / scale),
                    TrendParameter(name: "curvature", value: gamma[2] / (scale * scale),
                                   standardError: cov[2, 2].squareRoot() / (scale * scale))]
        }
        // intercept = γ₀ − (c/s)·γ₁, slope = γ₁/s; Var(intercept) = V₀₀ + (c/s)²V₁₁ − 2(c/s)V₀₁.
        let slope = gamma[1] / scale, r = centre / scale
        let interceptVariance = cov[0, 0] + r * r * cov[1, 1] - 2 * r * cov[0, 1]
        var p = [TrendParameter(name: "intercept", value: gamma[0] - slope * centre,
                                standardError: interceptVariance.squareRoot()),
                 TrendParameter(name: "slope", value: slope, standardError: cov[1, 1].squareRoot() / scale)]
        if model == .loglinear { p.append(TrendParameter(name: "growth_rate", value: expm1(slope))) }
        return p
    }

    /// Annual growth with a 95% interval: e^b − 1 for log-linear; slope ÷ fitted level at the latest year otherwise
    /// (its interval from the slope's interval, the level held fixed).
    static func growthEstimate(
        model: TrendModelKind, gamma: [Double], cov: Matrix, scale: Double, lastT: Double, df: Int
    ) -> GrowthEstimate? {
        guard df > 0 else { return nil }
        let q = StudentT(degreesOfFreedom: Double(df)).quantile(0.975)
        // d/dyear of the fitted curve at the latest year, and its standard error.
        var grad = [0.0, 1 / scale]
        if gamma.count == 3 { grad.append(2 * lastT / scale) }
        var slope = 0.0, v = 0.0
        for j in 0..<gamma.count {
            slope += grad[j] * gamma[j]
            for k in 0..<gamma.count { v += grad[j] * cov[j, k] * grad[k] }
        }
        let se = v.squareRoot()
        if model == .loglinear {
            return GrowthEstimate(rate: expm1(slope), interval: .between(expm1(slope - q * se), expm1(slope + q * se)))
        }
        var level = 0.0, power = 1.0
        for g in gamma { level += g * power; power *= lastT }
        guard level != 0 else { return nil }
        let a = (slope - q * se) / level, b = (slope + q * se) / level
        return GrowthEstimate(rate: slope / level, interval: .between(a, b))
    }
}
