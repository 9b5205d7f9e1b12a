import Foundation

/// A named parameter of a fitted trend (intercept, slope, alpha, …).
public struct TrendParameter: Sendable, Equatable {
    public let name: String
    public let value: Double
    /// Its standard error, where the model gives one (regression models).
    public let standardError: Double?

    public init(name: String, value: Double, standardError: Double? = nil) {
        self.name = name
        self.value = value
        self.standardError = standardError
    }
}

/// A prediction interval at a confidence level given in percent (80 means the 10%–90% quantiles).
public struct PredictionInterval: Sendable, Equatable {
    public let level: Double
    public let lower: Double
    public let upper: Double
}

/// The projection for one future year.
public struct ForecastPoint: Sendable, Equatable {
    public let year: Int
    /// The point forecast (for the log-linear model, the back-transformed median exp(ŷ)).
    public let mean: Double
    /// Standard deviation of the forecast error on the model's scale (the log scale for log-linear).
    public let standardError: Double
    public let intervals: [PredictionInterval]
    /// Confidence intervals of the trend line itself (ŷ ± t·se_fit, R's `interval = "confidence"`), at the same
    /// levels; empty for smoothing models.
    public let confidenceIntervals: [PredictionInterval]
}

/// An annual growth rate with its confidence interval where the model gives one, as fractions (0.05 is 5%).
public struct GrowthEstimate: Sendable, Equatable {
    public let rate: Double
    /// The 95% confidence interval of the rate; nil for smoothing models, which give none.
    public let interval: ClosedRange<Double>?
}

/// A fitted trend: its parameters, in-sample fit and the means to project it.
///
/// Prediction intervals (level L, q = (1 + L/100)/2):
/// - regression models: ŷ ± t_{ν,q}·√(σ̂²/w₀ + x₀ᵀ·Cov(β̂)·x₀), as R's `predict.lm(interval = "prediction")`,
///   with w₀ = 1 (the weight of the latest year) for the weighted model;
/// - log-linear: the same on the log scale, then exponentiated;
/// - exponential smoothing: ŷ ± z_q·√v_h with the ETS analytic variances (Hyndman et al. 2008, Table 6.1):
///   SES v_h = σ²[1 + α²(h − 1)]; Holt v_h = σ²[1 + (h − 1)(α² + αβh + β²h(2h − 1)/6)];
///   damped v_h = σ²[1 + α²(h − 1) + βφh(2α(1 − φ) + βφ)/(1 − φ)²
///   − βφ(1 − φʰ)(2α(1 − φ²) + βφ(1 + 2φ − φʰ))/((1 − φ)²(1 − φ²))], β = α·β*; with `simple` initial
///   values β = β*, the convention of R's `forecast::holt(initial = "simple")`, which Yardstick reproduces.
public struct TrendFit: Sendable {
    public let model: TrendModelKind
    public let parameters: [TrendParameter]
    /// σ̂: the residual standard deviation (log scale for log-linear; √σ² of the one-step errors for smoothing).
    public let sigma: Double
    /// In-sample fitted values (one-step-ahead forecasts for smoothing models), one per observation.
    public let fitted: [Double]
    /// The observation years.
    public let years: [Int]
    public let observationCount: Int
    /// R² = 1 − RSS/TSS (weighted for the weighted model; on the log scale for log-linear); nil for smoothing.
    public let rSquared: Double?
    /// Gaussian log-likelihood with σ² = SSE/n (on the data's scale: the log-linear Jacobian is included).
    public let logLikelihood: Double
    /// AICc = −2 ln L + 2k + 2k(k + 1)/(n − k − 1); nil when n ≤ k + 1.
    public let aicc: Double?
    /// Annual growth: e^b − 1 for log-linear (with its interval); for other models the slope at the latest year
    /// relative to the fitted level there.
    public let growth: GrowthEstimate?
    public let warnings: [TrendWarning]
    let state: ForecastState

    /// Projects `horizon` years past the last observation with intervals at each of `levels` (percent).
    public func forecast(horizon: Int, levels: [Double] = [80, 95]) -> [ForecastPoint] {
        guard let last = years.last, horizon >= 1 else { return [] }
        return (1...horizon).map { forecast(year: last + $0, levels: levels) }
    }

    /// The forecast for a given year after the last observation.
    public func forecast(year: Int, levels: [Double] = [80, 95]) -> ForecastPoint {
        state.point(year: year, lastYear: years.last ?? year, levels: levels, logScale: model == .loglinear)
    }

    /// The predictive distribution of the value in `year` (after the last observation): P(Y ≤ y) on the data's
    /// scale, as behind ``forecast(year:levels:)``'s intervals (Student t for regression models, normal for
    /// smoothing; for log-linear, of ln Y).
    public func predictive(year: Int) -> PredictiveDistribution {
        let (mean, se, _, _) = state.predict(year: year, lastYear: years.last ?? year)
        var df: Double?
        if case let .regression(_, _, _, _, _, d) = state { df = Double(d) }
        return PredictiveDistribution(location: mean, scale: se, degreesOfFreedom: df, logScale: model == .loglinear)
    }

    /// The value of a named parameter.
    public func parameter(_ name: String) -> Double? { parameters.first { $0.name == name }?.value }
}

/// A location-scale predictive distribution: Y (or ln Y) = location + scale·Z, Z Student t with the given degrees
/// of freedom (normal when nil).
public struct PredictiveDistribution: Sendable, Equatable {
    public let location: Double
    public let scale: Double
    public let degreesOfFreedom: Double?
    /// Whether the distribution is of ln Y (log-linear model).
    public let logScale: Bool

    /// P(Y ≤ y).
    public func cdf(_ y: Double) -> Double {
        var x = y
        if logScale {
            guard y > 0 else { return 0 }
            x = Foundation.log(y)
        }
        guard scale > 0 else { return x >= location ? 1 : 0 }
        let z = (x - location) / scale
        return degreesOfFreedom.map { StudentT(degreesOfFreedom: $0).cdf(z) } ?? Normal.cdf(z)
    }

    /// P(Y > y), accurate in the upper tail.
    public func survival(_ y: Double) -> Double {
        var x = y
        if logScale {
            guard y > 0 else { return 1 }
            x = Foundation.log(y)
        }
        guard scale > 0 else { return x < location ? 1 : 0 }
        let z = (x - location) / scale
        return degreesOfFreedom.map { StudentT(degreesOfFreedom: $0).survival(z) } ?? Normal.survival(z)
    }
}

/// How a fitted model projects: regression (basis, coefficients, covariance, t) or smoothing (states, variances).
enum ForecastState: Sendable {
    /// Polynomial in t = (year − centre)/scale; coefficients γ and Cov(γ) = σ²(XᵀWX)⁻¹.
    case regression(centre: Double, scale: Double, coefficients: [Double], covariance: Matrix, sigma: Double, df: Int)
    /// Final level and trend, smoothing parameters (β is ETS β = α·β*), σ².
    case smoothing(level: Double, trend: Double, alpha: Double, beta: Double, phi: Double, variance: Double)

    /// The forecast for `year` with its intervals at `levels` (back-transformed from the log scale when
    /// `logScale`).
    func point(year: Int, lastYear: Int, levels: [Double], logScale: Bool) -> ForecastPoint {
        let (mean, se, fitSE, quantile) = predict(year: year, lastYear: lastYear)
        func band(_ width: Double) -> [PredictionInterval] {
            levels.map { level in
                let q = quantile(0.5 + level / 200)
                var lo = mean - q * width, hi = mean + q * width
                if logScale { lo = exp(lo); hi = exp(hi) }
                return PredictionInterval(level: level, lower: lo, upper: hi)
            }
        }
        return ForecastPoint(
            year: year, mean: logScale ? exp(mean) : mean, standardError: se, intervals: band(se),
            confidenceIntervals: fitSE.map(band) ?? [])
    }

    /// (point forecast, forecast standard error, standard error of the trend line where defined, quantile
    /// function), on the model's scale.
    func predict(year: Int, lastYear: Int) -> (Double, Double, Double?, @Sendable (Double) -> Double) {
        switch self {
        case let .regression(centre, scale, gamma, cov, sigma, df):
            let t = (Double(year) - centre) / scale
            var x = [1.0]
            for _ in 1..<gamma.count { x.append(x.last! * t) }
            var mean = 0.0, v = 0.0
            for j in 0..<gamma.count {
                mean += x[j] * gamma[j]
                for k in 0..<gamma.count { v += x[j] * cov[j, k] * x[k] }
            }
            let dist = StudentT(degreesOfFreedom: Double(df))
            return (mean, (sigma * sigma + v).squareRoot(), v.squareRoot(), { dist.quantile($0) })
        case let .smoothing(level, trend, alpha, beta, phi, variance):
            let h = Double(year - lastYear)
            let hi = year - lastYear
            var damp = 0.0, power = 1.0
            for _ in 0..<max(0, hi) { power *= phi; damp += power }
            let mean = level + damp * trend
            let v: Double
            if phi == 1 {   // Holt; with β = 0 this is SES's σ²[1 + α²(h − 1)]
                v = variance * (1 + (h - 1) * (alpha * alpha + alpha * beta * h + beta * beta * h * (2 * h - 1) / 6))
            } else {
                let phiH = power, omp = 1 - phi
                let a = beta * phi * h / (omp * omp) * (2 * alpha * omp + beta * phi)
                let b = beta * phi * (1 - phiH) / (omp * omp * (1 - phi * phi))
                    * (2 * alpha * (1 - phi * phi) + beta * phi * (1 + 2 * phi - phiH))
                v = variance * (1 + alpha * alpha * (h - 1) + a - b)
            }
            return (mean, v.squareRoot(), nil, { Normal.quantile($0) })
        }
    }
}
