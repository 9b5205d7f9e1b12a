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
        #expect(failed["code"] as! String == "too_few_points")
        #expect(failed["reason"] as! String == "the linear model needs at least 3 observations, the series has 1")
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
        #expect(text.contains("  warning: 4 observations are too few to compare models by AICc; used the linear model\n"))
        let warning = ((try JSONSerialization.jsonObject(with: Data(TrendRenderer.json(outcomes).rendered().utf8)) as! [String: Any])["series"]
            as! [[String: Any]])[0]["warnings"] as! [[String: Any]]
        #expect(warning[0]["code"] as! String == "too_short_for_selection")
        let params = warning[0]["params"] as! [String: Any]
        #expect(params["found"] as? Int == 4 && params["chosen"] as? String == "linear")
    }

    /// Every note, verdict and warning has a sentence in both languages and a distinct code (the one table).
    @Test func everyTypedFindingIsWordedInBothLanguages() throws {
        let notes: [AssessmentNote] = [
            .comparedOnYear(period: .quarter(2024, 2)), .stretchTarget, .derivedFromGrowth(year: 2022, value: 242.1, level: 445, growth: 83.8),
            .latestIsBound(kind: .lowerBound, value: 1200, year: 2023), .latestIsBound(kind: .upperBound, value: 3, year: 2023),
            .latestIsPreliminary(year: 2023), .logitScale(lower: 0, upper: 100), .trend(.noResidualDegreesOfFreedom),
            .noTrend(.nonFinite(year: 2020)), .twoValuesOnly, .oneValueOnly, .noActualBefore(year: 2024), .growthUndefined(requiredChange: 3),
            .outcomeIsBoundBelowTarget(year: 2023, value: 5), .ambition(measure: .rate, seen: 2, of: 5), .relativeTooShort(points: 1),
            .relativeToProjection(region: "B", indicator: "gdp", year: 2024), .relativeToTarget(region: "A", indicator: "gdp", year: 2024, value: 5),
            .relativeWithoutSeries(region: "B", indicator: "gdp"),
        ]
        let en = ReportLabels(language: .en), zh = ReportLabels(language: .zh)
        #expect(Set(notes.map(\.code)).count == notes.count - 1)            // the two bound notes share a code
        for n in notes {
            let e = en.note(n, home: "A"), z = zh.note(n, home: "A")
            #expect(!e.isEmpty && !z.isEmpty && e != z)
            #expect(z.range(of: "[A-Za-z]{2,} [A-Za-z]{2,}", options: .regularExpression) == nil, "\(z)")
        }
        #expect(en.note(.relativeToProjection(region: "B", indicator: "gdp", year: 2024), home: "A") == "compared with the projection of B gdp for 2024")
        #expect(zh.note(.relativeToProjection(region: "A", indicator: "gdp", year: 2024), home: "A") == "与gdp2024年的预测值比较")
        #expect(zh.note(.relativeToProjection(region: "B", indicator: "gdp", year: 2024), home: "A") == "与B gdp2024年的预测值比较")
        let named = ReportLabels(language: .zh, panel: try PanelReader().readEmbedded())
        #expect(named.note(.relativeWithoutSeries(region: "Hunan", indicator: "urban_unemployment_rate"), home: "Zhuzhou")
                == "无法评估：湖南省城镇调查失业率没有可比较的历史数据或当年目标")
        let verdicts: [PresetVerdict] = [.targetReached, .significantProgress, .moderateProgress, .insufficientProgress, .movementAway,
                                         .metOrAlmostMet, .onTrack, .fairProgress, .limitedProgress, .deterioration, .maintainProgress,
                                         .accelerateProgress, .reverseTrend, .maintainingAchievement, .moderatelyImproving, .stagnating,
                                         .decreasing, .sunTargetReached, .sun, .slightlyCloudy, .cloudy, .thunderstorm, .notAssessable(.needsTrend)]
        #expect(Set(verdicts.map(\.code)).count == verdicts.count)
        #expect(Set(verdicts.map { en.verdict($0) }).count == verdicts.count && Set(verdicts.map { zh.verdict($0) }).count == verdicts.count)
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
