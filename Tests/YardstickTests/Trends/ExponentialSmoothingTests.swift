import Foundation
import Testing
@testable import Yardstick

/// SES, Holt and damped Holt against R `forecast` (fpp version-1 data; Tests/Fixtures/smoothing).
@Suite("Exponential smoothing against R forecast")
struct ExponentialSmoothingTests {
    static func series(_ file: String) throws -> Series {
        let rows = try Fixtures.csv("smoothing/\(file)")
        return Series(years: rows.map { Int($0["period"]!)! }, values: rows.map { Double($0["value"]!)! })
    }

    static func param(_ caseName: String, _ row: String) throws -> Double {
        let rows = try Fixtures.csv("smoothing/exponential_smoothing_params.csv")
        return Double(rows.first { $0[""] == row }![caseName]!)!
    }

    /// (case, input file, specification, horizon)
    static let cases: [(String, String, TrendSpecification, Int)] = [
        ("oil_fpp1", "fpp1_oildata_1996_2007.csv", TrendSpecification(.ses, alpha: 0.2, initialization: .simple), 17),
        ("oil_fpp2", "fpp1_oildata_1996_2007.csv", TrendSpecification(.ses, alpha: 0.6, initialization: .simple), 17),
        ("air_fpp1", "ausair_1990_2004.csv", TrendSpecification(.holt, alpha: 0.8, beta: 0.2, initialization: .simple), 14),
    ]

    @Test(arguments: 0..<3)
    func forecastsAndBoundsMatchR(_ index: Int) throws {
        let (name, file, spec, h) = ExponentialSmoothingTests.cases[index]
        try check(name: name, series: try ExponentialSmoothingTests.series(file), spec: spec, horizon: h)
    }

    /// Damped Holt with R's α = 0.8, ETS β = 0.2 (β* = 0.25) and its estimated φ, ℓ₀, b₀.
    @Test func dampedMatchesR() throws {
        let p = { (row: String) in try ExponentialSmoothingTests.param("air_fpp2", row) }
        let spec = TrendSpecification(.damped, alpha: try p("alpha"), beta: try p("beta") / (try p("alpha")),
                                      phi: try p("phi"), initialLevel: try p("l0"), initialTrend: try p("b0"))
        try check(name: "air_fpp2", series: try ExponentialSmoothingTests.series("ausair_1990_2004.csv"), spec: spec, horizon: 14)
    }

    /// With ℓ₀ and b₀ estimated by Yardstick's exact least squares instead of R's optimiser: R's values are an
    /// optimiser's approximation to the same minimum, so the SSE must be no larger than R's.
    @Test func optimalInitialStatesReachRsMinimum() throws {
        let s = try ExponentialSmoothingTests.series("ausair_1990_2004.csv")
        let p = { (row: String) in try ExponentialSmoothingTests.param("air_fpp2", row) }
        let ours = try TrendSpecification(.damped, alpha: p("alpha"), beta: p("beta") / p("alpha"), phi: p("phi")).fit(s)
        let r = try TrendSpecification(.damped, alpha: p("alpha"), beta: p("beta") / p("alpha"), phi: p("phi"),
                                       initialLevel: p("l0"), initialTrend: p("b0")).fit(s)
        func sse(_ f: TrendFit) -> Double { zip(f.fitted, s.values).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) } }
        #expect(sse(ours) <= sse(r) * (1 + 1e-9))
        #expect(relativeError(ours.parameter("initial_level")!, try p("l0")) < 1e-3)
    }

    func check(name: String, series: Series, spec: TrendSpecification, horizon: Int) throws {
        let pred = try Fixtures.csv("smoothing/exponential_smoothing_predict.csv")
        let fit = try spec.fit(series)
        let n = series.count
        for (i, v) in fit.fitted.enumerated() {
            #expect(relativeError(v, Double(pred[i]["\(name)_mean"]!)!) < 1e-6, "\(name) fitted \(i)")
        }
        let forecast = fit.forecast(horizon: horizon, levels: [95])
        #expect(forecast.count == horizon)
        for (i, f) in forecast.enumerated() {
            let row = pred[n + i]
            #expect(relativeError(f.mean, Double(row["\(name)_mean"]!)!) < 1e-6, "\(name) mean h=\(i + 1)")
            #expect(relativeError(f.intervals[0].lower, Double(row["\(name)_lower"]!)!) < 1e-6, "\(name) lower h=\(i + 1)")
            #expect(relativeError(f.intervals[0].upper, Double(row["\(name)_upper"]!)!) < 1e-6, "\(name) upper h=\(i + 1)")
        }
    }
}
