import Foundation
import Testing
@testable import Yardstick

/// The censored (Tobit) trend: against SciPy's maximisation of the same likelihood
/// (Tests/Fixtures/reference/tobit/make_reference.py), and against ordinary least squares where no bound binds.
@Suite("Censored trend")
struct CensoredTrendTests {
    static func fit(_ rows: [[String: Any]], _ model: TrendModelKind) throws -> CensoredTrend {
        try CensoredTrend.fit(
            years: rows.map { $0["year"] as! Int }, values: rows.map { ($0["value"] as! NSNumber).doubleValue },
            censoring: rows.map { r -> CensoredTrend.Censoring in
                switch r["censoring"] as! String { case ">": .lowerBound; case "<": .upperBound; default: .value }
            }, model: model)
    }

    @Test(arguments: [("linear_mixed", TrendModelKind.linear), ("loglinear_counts", .loglinear)])
    func matchesSciPy(_ name: String, _ model: TrendModelKind) throws {
        let reference = try #require(try Fixtures.json("reference/tobit/reference.json")[name] as? [String: Any])
        let fit = try Self.fit(reference["rows"] as! [[String: Any]], model)
        let d = fit.predictive(year: 2024)
        func ref(_ key: String) -> Double { (reference[key] as! NSNumber).doubleValue }
        // The maximum itself (Newton's method converges to machine precision; SciPy's BFGS to about 1e-9).
        #expect(relativeError(fit.coefficients.1 / fit.scale, ref("slope")) < 1e-6)
        #expect(relativeError(d.location, ref("mean_2024")) < 1e-7)
        #expect(relativeError(fit.sigma, ref("sigma")) < 1e-6)
        #expect(relativeError(fit.logLikelihood, ref("loglik")) < 1e-9)
        // The covariance: SciPy's from a central-difference Hessian (step 1e-4), so agreement to about 1e-5.
        #expect(relativeError(d.scale, ref("predictive_sd_2024")) < 1e-4)
        #expect(d.logScale == (model == .loglinear))
    }

    /// Bounds that the line clears by far contribute ln 1 = 0: the fit is the maximum-likelihood line of the values
    /// alone, which is least squares with σ² = SSE/n, worked here by hand.
    @Test func boundsThatDoNotBindGiveLeastSquares() throws {
        let years = [2016, 2017, 2018, 2019, 2020], values = [10.0, 12.0, 13.0, 15.0, 16.0]
        let fit = try CensoredTrend.fit(years: years + [2021], values: values + [0.0], censoring: Array(repeating: .value, count: 5) + [.lowerBound],
                                        model: .linear)
        // Least squares by hand: mean year 2018, mean value 13.2; Sxy = 15, Sxx = 10, so slope 1.5.
        let slope = 1.5, level2018 = 13.2
        let residuals = zip(years, values).map { $1 - (level2018 + slope * Double($0 - 2018)) }
        let sigma = (residuals.map { $0 * $0 }.reduce(0, +) / 5).squareRoot()
        #expect(relativeError(fit.coefficients.1 / fit.scale, slope) < 1e-9)
        #expect(relativeError(fit.value(year: 2024), level2018 + 6 * slope) < 1e-9)
        #expect(relativeError(fit.sigma, sigma) < 1e-8)
    }

    @Test func aBoundThatBindsPullsTheLine() throws {
        let years = [2016, 2017, 2018, 2019], values = [10.0, 12.0, 13.0, 15.0]
        let plain = try CensoredTrend.fit(years: years, values: values, censoring: [.value, .value, .value, .value], model: .linear)
        let bound = try CensoredTrend.fit(years: years + [2020], values: values + [20], censoring: [.value, .value, .value, .value, .lowerBound], model: .linear)
        #expect(bound.value(year: 2020) > plain.value(year: 2020))
    }

    @Test func fewerThanThreeValuesOrACollapsedSpreadAreErrors() {
        #expect(throws: TrendError.tooFewPoints(model: .linear, needed: 3, found: 2)) {
            try CensoredTrend.fit(years: [2019, 2020, 2021], values: [1, 2, 5], censoring: [.value, .value, .lowerBound], model: .linear)
        }
        // Three values on a line that clears the bound: the likelihood grows without end as σ → 0.
        #expect(throws: TrendError.self) {
            try CensoredTrend.fit(years: [2019, 2020, 2021, 2022], values: [1, 2, 3, 1], censoring: [.value, .value, .value, .lowerBound], model: .linear)
        }
        #expect(throws: TrendError.nonPositive(year: 2020, value: 0)) {
            try CensoredTrend.fit(years: [2019, 2020, 2021, 2022], values: [1, 0, 3, 1], censoring: [.value, .value, .value, .lowerBound], model: .loglinear)
        }
    }

    @Test(arguments: [40.0, 1e3, -1e3])
    func farTailsStayFinite(_ w: Double) {
        let (logSurvival, hazard) = CensoredTrend.tail(w)
        #expect(logSurvival.isFinite && hazard.isFinite && hazard >= 0)
        if w == 40 { #expect(relativeError(logSurvival, -804.6084420137538) < 1e-10) }   // SciPy: norm.logsf(40)
    }
}
