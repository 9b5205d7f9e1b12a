import Foundation
import Testing
@testable import Yardstick

/// Each step of a composite on values worked by hand (the arithmetic is in the comments).
@Suite("Composite steps")
struct CompositeStepsTests {
    static let x: [Double] = [2, 4, 10, .nan]

    func close(_ a: [Double]?, _ b: [Double], _ tol: Double = 1e-12) -> Bool {
        guard let a, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || abs($0 - $1) <= tol * max(1, abs($1)) }
    }

    @Test func normalisations() {
        let x = Self.x
        // min 2, max 10: 100·(x − 2)/8.
        #expect(close(Normalisation.minMax.apply(x, direction: .higher), [0, 25, 100, .nan]))
        #expect(close(Normalisation.minMax.apply(x, direction: .lower), [100, 75, 0, .nan]))
        // mean 16/3, sample sd √(104/6) = √17.333…
        let sd = (104.0 / 6).squareRoot(), m = 16.0 / 3
        #expect(close(Normalisation.zScore.apply(x, direction: .higher), [(2 - m) / sd, (4 - m) / sd, (10 - m) / sd, .nan]))
        #expect(close(Normalisation.zScore.apply(x, direction: .lower), [(m - 2) / sd, (m - 4) / sd, (m - 10) / sd, .nan]))
        // Goalposts 0–8: 100·x/8 capped; lower is better: 100·(8 − x)/8 capped.
        #expect(close(Normalisation.goalposts.apply(x, direction: .higher, goalposts: 0...8), [25, 50, 100, .nan]))
        #expect(close(Normalisation.goalposts.apply(x, direction: .lower, goalposts: 0...8), [75, 50, 0, .nan]))
        #expect(Normalisation.goalposts.apply(x, direction: .higher) == nil)
        // Target 8: 100·(x − 2)/(8 − 2) capped at 100; lower is better with target 3: 100·(10 − x)/(10 − 3).
        #expect(close(Normalisation.target.apply(x, direction: .higher, target: 8), [0, 100.0 / 3, 100, .nan]))
        #expect(close(Normalisation.target.apply(x, direction: .lower, target: 3), [100, 600.0 / 7, 0, .nan]))
        // Distance to the leader: 100·x/10; lower is better: 100·2/x.
        #expect(close(Normalisation.distanceToMaximum.apply(x, direction: .higher), [20, 40, 100, .nan]))
        let leaderLower: [Double] = [100, 50, 20, .nan]
        #expect(close(Normalisation.distanceToMaximum.apply(x, direction: .lower), leaderLower))
    }

    /// Ties share the best rank: 3, 7, 7, 1 ranks 3, 1, 1, 4 (R: rank(-x, ties.method = "min")).
    @Test func ranksTiesAndPercentRanks() {
        let v: [Double] = [3, 7, 7, 1, .nan]
        #expect(Ranking.ranks(v, direction: .higher) == [3, 1, 1, 4, nil])
        #expect(Ranking.ranks(v, direction: .lower) == [2, 3, 3, 1, nil])
        let third = 100.0 / 3, twoThirds = 200.0 / 3
        let percentiles: [Double?] = [third, twoThirds, twoThirds, 0, nil]
        #expect(Ranking.percentiles(v, direction: .higher) == percentiles)
        // rank: 100·(n − r)/(n − 1) with n = 4; prank: 100·(strictly worse)/(n − 1).
        let byRank: [Double] = [third, 100, 100, 0, .nan], byPercentRank: [Double] = [third, twoThirds, twoThirds, 0, .nan]
        #expect(close(Normalisation.rank.apply(v, direction: .higher), byRank))
        #expect(close(Normalisation.percentRank.apply(v, direction: .higher), byPercentRank))
        #expect(Ranking.ranks([], direction: .higher).isEmpty && Ranking.ranks([5], direction: .higher) == [1])
        #expect(Ranking.percentiles([5], direction: .higher) == [nil])
    }

    @Test func noSpreadIsNaNNotAGuess() {
        let flat = Normalisation.minMax.apply([3, 3, 3], direction: .higher) ?? [], one = Normalisation.zScore.apply([3], direction: .higher) ?? []
        #expect(flat.count == 3 && flat.allSatisfy { $0.isNaN })
        #expect(one.count == 1 && one.allSatisfy { $0.isNaN })
    }

    @Test func aggregations() {
        // Weights 1 and 3: (50 + 3·80)/4; 50^¼·80^¾; 4/(1/50 + 3/80).
        #expect(abs(Aggregation.arithmetic.combine([50, 80], weights: [1, 3], minimumCoverage: 0.5) - 72.5) < 1e-12)
        #expect(abs(Aggregation.geometric.combine([50, 80], weights: [1, 3], minimumCoverage: 0.5) - pow(50, 0.25) * pow(80, 0.75)) < 1e-12)
        #expect(abs(Aggregation.harmonic.combine([50, 80], weights: [1, 3], minimumCoverage: 0.5) - 4 / (1.0 / 50 + 3.0 / 80)) < 1e-12)
        // A missing child: its weight leaves the denominator while the present weight (3 of 4) is enough.
        #expect(abs(Aggregation.arithmetic.combine([50, .nan, 80], weights: [1, 1, 2], minimumCoverage: 0.5) - 70) < 1e-12)
        #expect(Aggregation.arithmetic.combine([50, .nan, 80], weights: [1, 1, 2], minimumCoverage: 0.8).isNaN)
        #expect(Aggregation.geometric.combine([0, 80], weights: [1, 1], minimumCoverage: 0.5) == 0)
        #expect(Aggregation.harmonic.combine([0, 80], weights: [1, 1], minimumCoverage: 0.5) == 0)
        #expect(Aggregation.geometric.combine([-1, 80], weights: [1, 1], minimumCoverage: 0.5).isNaN)
        #expect(Aggregation.arithmetic.combine([], weights: [], minimumCoverage: 0.5).isNaN)
    }

    /// Skewness and kurtosis as Excel's SKEW and KURT: for 1, 2, 3, 4, 10, G₁ = 1.697056… and G₂ = 3.152.
    @Test func skewnessAndKurtosis() {
        #expect(abs(Describe.skewness([1, 2, 3, 4, 10]) - 1.697056274847714) < 1e-12)
        #expect(abs(Describe.kurtosis([1, 2, 3, 4, 10]) - 3.152) < 1e-12)
        #expect(Describe.skewness([1, 2]).isNaN && Describe.kurtosis([1, 2, 3]).isNaN)
        #expect(Describe.median([5, 1, .nan, 3, 2]) == 2.5 && Describe.mean([1, .nan, 3]) == 2)
    }

    /// COINr's rule: 1…9 and 100 (skew 3.12, kurtosis 9.80) passes once 100 is set to 9; 1…40 and 1000…1004 after
    /// five points (each step sets the top group to the next value: 1004, then 1003 twice, …, then five to 40);
    /// 1…60 and 1000…1005 still fails after five and is log-transformed, ln(x − 1 + 0.01·1004).
    @Test func outlierTreatmentWinsorisesOrFallsThroughToTheLog() {
        let a = Array(1...9).map(Double.init) + [100]
        let ta = OutlierRule.coinr.apply(a)
        #expect(ta.treatment == .winsorised(rows: [9]) && ta.values.last == 9)
        let b = Array(1...40).map(Double.init) + (0..<5).map { 1000 + Double($0) }
        let tb = OutlierRule.coinr.apply(b)
        #expect(tb.treatment == .winsorised(rows: [40, 41, 42, 43, 44]))
        #expect(tb.values.suffix(5).allSatisfy { $0 == 40 })
        let c = Array(1...60).map(Double.init) + (0..<6).map { 1000 + Double($0) }
        let tc = OutlierRule.coinr.apply(c)
        #expect(tc.treatment == .logTransformed)
        #expect(zip(tc.values, c).allSatisfy { abs($0 - log($1 - 1 + 10.04)) < 1e-12 })
        #expect(OutlierRule.coinr.apply([1, 2, 3, 4, 5]).treatment == .untouched)
        #expect(OutlierRule.none.apply(a).values == a)
    }
}
