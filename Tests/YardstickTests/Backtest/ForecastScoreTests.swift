import Foundation
import Testing
@testable import Yardstick

/// Scores, bins and the two records, against values worked by hand and SciPy's (`scipy.stats` 1.17).
@Suite("Backtest scores and records")
struct ForecastScoreTests {
    @Test func brierAndLogScoreByHand() {
        let s = ForecastScore(probabilities: [0.9, 0.8, 0.3, 0.6], outcomes: [true, false, false, true])
        #expect(s.count == 4)
        #expect(abs(s.brier - (0.01 + 0.64 + 0.09 + 0.16) / 4) < 1e-15)
        #expect(abs(s.logScore - -(log(0.9) + log(0.2) + log(0.7) + log(0.6)) / 4) < 1e-15)
        #expect(s.clipped == 0)
        // A certainty proved wrong costs ln(1000), not infinity.
        let sure = ForecastScore(probabilities: [1, 0], outcomes: [false, false])
        #expect(sure.brier == 0.5)
        #expect(abs(sure.logScore - (-log(0.001) - log(0.999)) / 2) < 1e-12)
        #expect(sure.clipped == 2)
    }

    @Test func emptyScoresAreNaN() {
        let s = ForecastScore(probabilities: [], outcomes: [])
        #expect(s.count == 0 && s.brier.isNaN && s.logScore.isNaN)
        #expect(CalibrationBin.bins(probabilities: [], outcomes: []).isEmpty)
    }

    /// scipy.stats.binom.ppf, which is R's qbinom.
    @Test(arguments: [(0.05, 20, 0.7, 11), (0.95, 20, 0.7, 17), (0.05, 7, 0.86, 4), (0.95, 7, 0.86, 7),
                      (0.05, 103, 0.95, 94), (0.95, 103, 0.95, 101), (0.05, 1, 0.9, 0), (0.95, 1, 0.9, 1), (0.5, 10, 0.0, 0), (0.5, 10, 1.0, 10)])
    func binomialQuantiles(_ q: Double, _ n: Int, _ p: Double, _ expected: Int) {
        #expect(Binomial.quantile(q, n: n, p: p) == expected)
    }

    @Test func binsByHand() {
        let p = [0.05, 0.12, 0.15, 0.62, 0.68, 0.66, 1.0, 0.95]
        let o = [false, false, true, true, true, false, true, true]
        let bins = CalibrationBin.bins(probabilities: p, outcomes: o)
        #expect(bins.map(\.low) == [0.0, 0.1, 0.6, 0.9])
        #expect(bins.map(\.count) == [1, 2, 3, 2])
        #expect(abs(bins[1].meanProbability - 0.135) < 1e-15)
        #expect(bins[1].observed == 0.5)
        #expect(abs(bins[2].observed - 2.0 / 3) < 1e-15)
        #expect(bins[3].observed == 1)                               // 1.0 falls in the last bin
        // Band of bin 0.6–0.7: Binomial(3, 0.6533…): qbinom 0.05 → 1, 0.95 → 3.
        #expect(bins[2].band == (1.0 / 3)...1.0)
        #expect(bins[2].inBand)
    }

    /// The targets' record: margins in percentage points, t predictive (SciPy: 1 − t.cdf((x − m)/(s·√(1 + 1/n)), n − 1)).
    @Test func targetRecordOnRates() throws {
        let rate = Indicator(id: "g", unit: "%", direction: .higher, kind: .growthRate)
        let r = try #require(TargetRecord(margins: [1.2, 0.8, 2.0, -0.3, 1.5, 0.9], years: Array(2001...2006), logScale: false))
        let atLeast = try #require(Comparison(qualifier: .atLeast, value: 7, indicator: rate, settings: GapSettings()))
        #expect(abs(r.probability(atLeast, reference: 7)! - 0.8597247079230054) < 1e-12)
        let about = try #require(Comparison(qualifier: .approximately, value: 7, indicator: rate, settings: GapSettings()))
        #expect(abs(r.probability(about, reference: 7)! - 0.9344817813630031) < 1e-12)
        #expect(TargetRecord(margins: [1, 1, 1, 1, 1], years: Array(1...5), logScale: false) == nil)     // no spread
        #expect(TargetRecord(margins: [1, 2, 3, 4], years: Array(1...4), logScale: false) == nil)        // too short
    }

    @Test func targetRecordOnLevels() throws {
        let jobs = Indicator(id: "jobs", unit: "万人", direction: .higher, kind: .level)
        let margins = [(980.0, 900.0), (1100, 1000), (1200, 1000), (1280, 1100), (1351, 1100)].map { TargetRecord.margin(outcome: $0.0, reference: $0.1, logScale: true)! }
        let r = try #require(TargetRecord(margins: margins, years: Array(2004...2008), logScale: true))
        #expect(abs(r.mean - 0.14397486444790483) < 1e-14)
        #expect(abs(r.spread - 0.05278537435406032) < 1e-14)
        let c = try #require(Comparison(qualifier: .atLeast, value: 1100, indicator: jobs, settings: GapSettings()))
        #expect(abs(r.probability(c, reference: 1100)! - 0.9662542876038972) < 1e-12)
        #expect(TargetRecord.margin(outcome: -1, reference: 5, logScale: true) == nil)
        #expect(r.probability(c, reference: 0) == nil)                          // no log ratio from a reference of 0
        let below = try #require(Comparison(qualifier: .atMost, value: -5, indicator: jobs, settings: GapSettings()))
        #expect(r.probability(below, reference: 1100) == 0)                     // a level at or below 0 is never reached
    }

    /// The forecasts' record: G(u) = T_{n−1}((Φ⁻¹(u) − b)/(s·√(1 + 1/n))) from the normal scores of earlier transforms.
    @Test func forecastRecordCorrection() throws {
        let r = try #require(ForecastRecord(transforms: [0.9, 0.7, 0.95, 0.6, 0.8], years: Array(2001...2005)))
        #expect(abs(r.bias - 0.9091548083825653) < 1e-9)
        #expect(abs(r.spread - 0.5618301554776327) < 1e-9)
        #expect(abs(r.corrected(0.5) - 0.10683905261247635) < 1e-9)
        #expect(abs(r.corrected(0.2) - 0.023322829767443955) < 1e-9)
        #expect(r.corrected(0) == 0 && r.corrected(1) == 1)
        #expect(ForecastRecord(transforms: [0.5, 0.5, 0.5, 0.5], years: Array(1...4)) == nil)
    }
}
