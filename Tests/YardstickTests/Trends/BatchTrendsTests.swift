import Foundation
import Testing
@testable import Yardstick

/// Batched fits must equal the one-series path (TrendSpecification.fit) to 1e-12 relative.
@Suite("Batched trends equal single-series fits")
struct BatchTrendsTests {
    /// `series` trending series over 1990–2019 (positive, for the log-linear model), a share of years missing.
    static func panel(series: Int, missing: Double, seed: UInt64) -> (years: [Int], values: Matrix) {
        var rng = SplitMix64(seed: seed)
        let years = Array(1990...2019)
        var values = Matrix(rows: years.count, columns: series)
        for j in 0..<series {
            let level = Double.random(in: 50...5000, using: &rng)
            let growth = Double.random(in: 0.01...0.08, using: &rng)
            for (i, _) in years.enumerated() {
                let noise = 1 + 0.03 * (Double.random(in: -1...1, using: &rng) + Double.random(in: -1...1, using: &rng))
                values[i, j] = Double.random(in: 0..<1, using: &rng) < missing ? .nan : level * pow(1 + growth, Double(i)) * noise
            }
        }
        return (years, values)
    }

    static let arguments: [(TrendModelKind, Double)] = [
        (.linear, 0), (.linear, 0.1), (.loglinear, 0), (.loglinear, 0.1), (.quadratic, 0), (.quadratic, 0.1),
    ]

    @Test(arguments: arguments)
    func agreesWithTheSingleSeriesPath(_ model: TrendModelKind, _ missing: Double) throws {
        let count = model == .linear ? 10_000 : 2_000
        let (years, values) = BatchTrendsTests.panel(series: count, missing: missing, seed: 42)
        let batch = try BatchTrends.fit(model, years: years, values: values)
        #expect(batch.count == count)
        var worst = 0.0
        for j in 0..<count {
            let present = years.indices.filter { !values[$0, j].isNaN }
            let series = Series(years: present.map { years[$0] }, values: present.map { values[$0, j] })
            let single = try TrendSpecification(model).fit(series)
            let fit = try #require(batch.fit(j))
            worst = max(worst, relativeError(fit.sigma, single.sigma))
            for year in [2020, 2025] {
                let a = fit.forecast(year: year, levels: [95]), b = single.forecast(year: year, levels: [95])
                worst = max(worst, relativeError(a.mean, b.mean), relativeError(a.intervals[0].lower, b.intervals[0].lower),
                            relativeError(a.intervals[0].upper, b.intervals[0].upper))
            }
            if model != .quadratic {
                worst = max(worst, relativeError(fit.parameter("slope")!, single.parameter("slope")!))
            }
        }
        print("batched \(model.rawValue), \(Int(missing * 100))% missing, \(count) series: worst relative difference \(worst)")
        #expect(worst < 1e-12)
    }

    @Test func seriesWithTooFewPointsAreSkippedAndListed() throws {
        var values = Matrix(rows: 5, columns: 2, repeating: .nan)
        for i in 0..<5 { values[i, 0] = Double(i) * 2 + 1 + (i == 2 ? 0.5 : 0) }
        values[0, 1] = 3; values[4, 1] = 4          // two points: not enough for a line with an interval
        let batch = try BatchTrends.fit(.linear, years: Array(2001...2005), values: values)
        #expect(batch.skipped == [1])
        #expect(batch.fit(1) == nil)
        #expect(batch.fit(0) != nil)
    }

    @Test func nonPositiveValuesAreRejectedForLogLinear() {
        let values = Matrix(columns: [[1, 2, -3, 4]])
        #expect(throws: TrendError.nonPositive(year: 2003, value: -3)) {
            try BatchTrends.fit(.loglinear, years: [2001, 2002, 2003, 2004], values: values)
        }
    }
}
