import Foundation
import Testing
@testable import Yardstick

/// Linear and log-linear trends against R 4.2.2 `lm` / `predict.lm` (Tests/Fixtures/ols-trend).
@Suite("Regression trends against R lm")
struct RegressionTrendTests {
    static let cases = ["ausair_1990_2004_linear", "ausair_1990_2004_linear_t",
                        "ausair_1990_2004_loglinear", "livestock_1970_2000_linear"]

    @Test(arguments: cases)
    func matchesR(_ name: String) throws {
        let ref = (try Fixtures.json("ols-trend/lm_trend_reference.json")["cases"] as! [String: Any])[name] as! [String: Any]
        let rows = try Fixtures.csv("ols-trend/\(name).csv")
        let series = Series(years: rows.map { Int(Double($0["x"]!)!) }, values: rows.map { Double($0["y"]!)! })
        let log = name.hasSuffix("loglinear")
        let fit = try TrendSpecification(log ? .loglinear : .linear).fit(series)
        let tol = 1e-9
        func num(_ k: String) -> Double { ref[k] as! Double }
        func list(_ k: String) -> [Double] { ref[k] as! [Double] }
        func onScale(_ v: Double) -> Double { log ? Foundation.log(v) : v }
        for (key, name) in [("intercept", "intercept"), ("slope", "slope")] {
            let c = ref[key] as! [String: Double]
            let p = try #require(fit.parameters.first { $0.name == name })
            #expect(relativeError(p.value, c["estimate"]!) < tol, "\(key)")
            #expect(relativeError(p.standardError!, c["std_error"]!) < tol, "\(key) se")
        }
        #expect(relativeError(fit.sigma, num("sigma")) < tol)
        #expect(relativeError(fit.rSquared!, num("r_squared")) < tol)
        for (a, b) in zip(fit.fitted, list("fitted")) { #expect(relativeError(onScale(a), b) < tol) }
        let newx = list("newx").map { Int($0) }
        for (i, year) in newx.enumerated() {
            let f = fit.forecast(year: year, levels: [80, 95])
            #expect(relativeError(onScale(f.mean), list("predicted")[i]) < tol)
            #expect(relativeError(onScale(f.intervals[0].lower), list("pred80_lower")[i]) < tol)
            #expect(relativeError(onScale(f.intervals[0].upper), list("pred80_upper")[i]) < tol)
            #expect(relativeError(onScale(f.intervals[1].lower), list("pred95_lower")[i]) < tol)
            #expect(relativeError(onScale(f.intervals[1].upper), list("pred95_upper")[i]) < tol)
            #expect(relativeError(onScale(f.confidenceIntervals[1].lower), list("conf95_lower")[i]) < tol)
            #expect(relativeError(onScale(f.confidenceIntervals[1].upper), list("conf95_upper")[i]) < tol)
        }
    }

    @Test func logLinearGrowthIsExpOfTheSlope() throws {
        // ausair log-linear slope from R: growth = e^b − 1.
        let ref = (try Fixtures.json("ols-trend/lm_trend_reference.json")["cases"] as! [String: Any])["ausair_1990_2004_loglinear"] as! [String: Any]
        let b = (ref["slope"] as! [String: Double])["estimate"]!
        let rows = try Fixtures.csv("ols-trend/ausair_1990_2004_loglinear.csv")
        let series = Series(years: rows.map { Int(Double($0["x"]!)!) }, values: rows.map { Double($0["y"]!)! })
        let fit = try TrendSpecification(.loglinear).fit(series)
        #expect(relativeError(fit.growth!.rate, expm1(b)) < 1e-9)
        #expect(fit.growth!.interval!.contains(fit.growth!.rate))
    }
}
