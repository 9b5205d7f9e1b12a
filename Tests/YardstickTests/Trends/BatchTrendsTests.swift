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
        (.weighted, 0), (.weighted, 0.3),
    ]

    /// Every number of a batched fit (parameters with their standard errors, σ, R², log-likelihood, AICc, growth
    /// with its interval, fitted values, projections with intervals) equals the one-series path's to 1e-12, relative
    /// to the number or, for one that may pass through 0, to its natural scale.
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
            #expect(fit.years == single.years && fit.observationCount == single.observationCount)
            // Each difference against the quantity's natural scale: a value's own size, or for one that may cross 0
            // the series' size (fitted values, projections), the parameter's standard error, the interval's width.
            let size = series.values.map(abs).max()!
            let growth = fit.growth!, other = single.growth!
            let width = other.interval!.upperBound - other.interval!.lowerBound
            var pairs: [(Double, Double, Double)] = [
                (fit.sigma, single.sigma, 0), (fit.rSquared!, single.rSquared!, 1), (fit.logLikelihood, single.logLikelihood, 0),
                (fit.aicc!, single.aicc!, 0), (growth.rate, other.rate, width),
                (growth.interval!.lowerBound, other.interval!.lowerBound, width),
                (growth.interval!.upperBound, other.interval!.upperBound, width)]
            for (a, b) in zip(fit.parameters, single.parameters) {
                #expect(a.name == b.name)
                pairs.append((a.value, b.value, b.standardError ?? 0))
                if let sa = a.standardError, let sb = b.standardError { pairs.append((sa, sb, 0)) }
            }
            let logScale = model == .loglinear ? 1.0 : size
            pairs += zip(fit.fitted, single.fitted).map { ($0, $1, size) }
            for year in [2020, 2025] {
                let a = fit.forecast(year: year, levels: [95]), b = single.forecast(year: year, levels: [95])
                pairs += [(a.mean, b.mean, logScale), (a.intervals[0].lower, b.intervals[0].lower, logScale),
                          (a.intervals[0].upper, b.intervals[0].upper, logScale), (a.standardError, b.standardError, 0)]
            }
            for (a, b, scale) in pairs { worst = max(worst, abs(a - b) / max(abs(b), scale, Double.leastNormalMagnitude)) }
        }
        print("batched \(model.rawValue), \(Int(missing * 100))% missing, \(count) series: worst relative difference \(worst)")
        #expect(worst < 1e-12)
    }

    /// Each series' arithmetic is the same whatever the threads: the results are identical bit for bit.
    @Test func identicalWhateverTheThreads() throws {
        let (years, values) = BatchTrendsTests.panel(series: 5_000, missing: 0.1, seed: 3)
        let one = try BatchTrends.fit(.linear, years: years, values: values, threads: 1)
        let two = try BatchTrends.fit(.linear, years: years, values: values, threads: 2)
        for j in 0..<5_000 {
            #expect(one.fit(j)!.parameters == two.fit(j)!.parameters && one.sigma(j) == two.sigma(j))
        }
    }

    /// The kernel fits four series at a time: each series' numbers are identical bit for bit whoever its neighbours
    /// are (the panel shifted by one to three series, so that every series meets other neighbours, complete ones
    /// among series with gaps and the reverse).
    @Test(arguments: [0.0, 0.02, 0.1], [TrendModelKind.linear, .loglinear])
    func identicalWhateverTheNeighbours(_ missing: Double, _ model: TrendModelKind) throws {
        let (years, values) = BatchTrendsTests.panel(series: 403, missing: missing, seed: 5)
        let plain = try BatchTrends.fit(model, years: years, values: values)
        for shift in 1...3 {
            var columns = (0..<shift).map { _ in [Double](repeating: 1, count: years.count) }
            columns += (0..<values.columns).map { j in (0..<years.count).map { values[$0, j] } }
            let shifted = try BatchTrends.fit(model, years: years, values: Matrix(columns: columns))
            for j in 0..<values.columns {
                #expect(plain.fit(j)!.parameters == shifted.fit(j + shift)!.parameters && plain.sigma(j) == shifted.sigma(j + shift))
            }
        }
    }

    /// A series that cannot be fitted keeps the reason the one-series path would throw; the others are fitted.
    @Test func failuresStayWithTheirSeries() throws {
        let nan = Double.nan
        let columns: [[Double]] = [
            [1, 2.5, 3, 4.5, 5],          // fitted
            [3, nan, nan, nan, 4],        // two points: too few for a line with an interval
            [1, 2, -3, 4, 5],             // non-positive, for the log-linear model
            [1, .infinity, 3, 4, 5],      // non-finite
            [nan, nan, nan, nan, nan],    // nothing
        ]
        let years = Array(2001...2005)
        let values = Matrix(columns: columns)
        let linear = try BatchTrends.fit(.linear, years: years, values: values)
        let log = try BatchTrends.fit(.loglinear, years: years, values: values)
        #expect(linear.skipped == [1, 3, 4] && log.skipped == [1, 2, 3, 4])
        for (j, column) in columns.enumerated() {
            let present = years.indices.filter { !column[$0].isNaN }
            let series = Series(years: present.map { years[$0] }, values: present.map { column[$0] })
            for (batch, model) in [(linear, TrendModelKind.linear), (log, .loglinear)] {
                do {
                    let single = try TrendSpecification(model).fit(series)
                    #expect(batch.failure(j) == nil && batch.fit(j)!.parameters.map(\.name) == single.parameters.map(\.name))
                } catch {
                    #expect(batch.failure(j) == error, "series \(j), \(model)")
                    #expect(batch.fit(j) == nil)
                }
            }
        }
        #expect(throws: TrendError.notBatchable(.holt)) { try BatchTrends.fit(.holt, years: years, values: values) }
        #expect(throws: TrendError.yearsNotIncreasing(year: 2001)) {
            try BatchTrends.fit(.linear, years: [2001, 2001, 2003, 2004, 2005], values: values)
        }
        let empty = try BatchTrends.fit(.linear, years: years, values: Matrix(rows: 5, columns: 0))
        #expect(empty.count == 0 && empty.skipped.isEmpty)
    }
}
