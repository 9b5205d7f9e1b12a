import Foundation
import Testing
import Yardstick
@testable import YardstickReport

@Suite("Renderers")
struct RenderersTests {
    static let series = Series(region: "株洲", indicator: "gdp", years: [2017, 2018, 2019, 2020, 2021],
                               values: [2580, 2631, 3003.13, 3105.8, 3420.3])

    @Test func trendJSONCarriesFitsAndFailures() throws {
        let spec = TrendSpecification(.linear)
        let outcomes = spec.forecastAll([RenderersTests.series, Series(region: "株洲", indicator: "x", years: [2023], values: [1])],
                                       horizon: 2, levels: [80, 95])
        let text = TrendRenderer.json(outcomes, missing: 1, notTrendPoints: 2).rendered()
        let o = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let s = (o["series"] as! [[String: Any]])[0]
        #expect(s["region"] as! String == "株洲")
        #expect((s["fitted"] as! [[String: Any]]).count == 5)
        let f = (s["forecast"] as! [[String: Any]])[1]
        #expect(f["year"] as! Int == 2023)
        let fit = try spec.fit(RenderersTests.series)
        #expect(f["mean"] as! Double == fit.forecast(year: 2023).mean)
        let failed = (o["not_fitted"] as! [[String: Any]])[0]
        #expect(failed["points"] as! Int == 1)
        #expect((failed["reason"] as! String).contains("linear model needs at least 3"))
        #expect((o["skipped"] as! [String: Int]) == ["missing": 1, "not_trend_points": 2])
    }

    @Test func trendCSVHasOneRowPerYear() throws {
        let outcomes = TrendSpecification(.linear).forecastAll([RenderersTests.series], horizon: 3, levels: [95])
        let lines = TrendRenderer.csv(outcomes).split(separator: "\n")
        #expect(lines[0] == "region,indicator,model,year,type,value,lower_95,upper_95")
        #expect(lines.count == 1 + 5 + 3)
        #expect(lines[6].hasPrefix("株洲,gdp,linear,2022,forecast,"))
    }

    @Test func trendTextShowsForecastTableAndWarnings() throws {
        let four = Series(region: "株洲", indicator: "gdp", years: [2018, 2019, 2020, 2021], values: [2631, 3003.13, 3105.8, 3420.3])
        let outcomes = TrendSpecification(nil).forecastAll([four], horizon: 1, levels: [95])
        let text = TrendRenderer.text(outcomes)
        #expect(text.contains("株洲 · gdp: linear, n = 4"))
        #expect(text.contains("95% interval"))
        #expect(text.contains("too few to compare models by AICc"))
    }

    @Test func regressionTextAndJSON() throws {
        let r = try LinearRegression(response: DataColumn(name: "y", values: [1.1, 1.9, 3.2, 3.9, 5.1, 6.2]),
                                     terms: .columns([DataColumn(name: "x", values: [1, 2, 3, 4, 5, 6])])).fit()
        let text = RegressionRenderer.text(r)
        #expect(text.contains("(Intercept)"))
        #expect(text.contains("on 4 degrees of freedom (n = 6)"))
        let o = try JSONSerialization.jsonObject(with: Data(RegressionRenderer.json(r).rendered().utf8)) as! [String: Any]
        #expect((o["coefficients"] as! [[String: Any]]).map { $0["term"] as! String } == ["(Intercept)", "x"])
        #expect(o["n"] as! Int == 6)
        #expect(o["residual_sd"] as! Double == r.residualStandardDeviation)
    }
}

extension RenderersTests {
    @Test func growthRateIndicatorsShowAChangeInPercentagePoints() throws {
        let s = Series(region: "A", indicator: "gdp_growth", years: [2019, 2020, 2021, 2022], values: [6, 5.5, 6.2, 5.8])
        let outcomes = TrendSpecification(.linear).forecastAll([s], horizon: 1, levels: [95])
        let text = TrendRenderer.text(outcomes, indicators: ["gdp_growth": Indicator(id: "gdp_growth", unit: "%", kind: .growthRate)])
        #expect(text.contains("change +0.01 pp a year (slope of the trend)"))     // OLS slope 0.05/5 by hand
        #expect(!text.contains("annual growth"))
    }
}
