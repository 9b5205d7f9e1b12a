import Foundation
import Testing
@testable import Yardstick

/// Numeric edge cases of issue #13: every model on series that are constant, one point, two points, zero or
/// negative (for the growth models), at the largest and smallest magnitudes read (±1e150, 1e-150), shares at 0% and
/// 100%, and a target in the latest year's own year (horizon zero). None may trap; every number of an assessment is
/// finite or absent, and a probability lies in [0, 1].
@Suite("Numeric edge cases")
struct NumericEdgeTests {
    static let series: [(name: String, unit: String, values: [Double], target: Double)] = [
        ("constant", "t", [5, 5, 5, 5, 5], 6),
        ("constantOnTarget", "t", [5, 5, 5, 5, 5], 5),
        ("onePoint", "t", [3], 4),
        ("twoPoints", "t", [3, 3.3], 4),
        ("zeros", "t", [0, 0, 0, 0], 1),
        ("signs", "t", [0, -1, 2, 0, 1], 1),
        ("largest", "t", [1e150, 9e149, 9.5e149, 1e150], 1e150),
        ("smallest", "t", [1e-150, 2e-150, 3e-150, 2.5e-150], 4e-150),
        ("shareAtZero", "%", [0, 0, 0, 0], 1),
        ("shareAtHundred", "%", [100, 100, 100, 100], 100),
        ("steep", "t", [1, 10, 100, 1000, 10000], 1e6),
    ]

    static let models: [TrendModelKind?] = [nil, .linear, .loglinear, .quadratic, .weighted, .ses, .holt, .damped]   // nil: auto

    @Test(arguments: models)
    func everyAssessmentIsFiniteOrAbsent(_ model: TrendModelKind?) throws {
        var rows = ""
        for s in Self.series {
            for (k, v) in s.values.enumerated() { rows += "R,\(s.name),\(2016 + k),\(v),,actual,=,,\(s.unit)\n" }
            rows += "R,\(s.name),2024,\(s.target),,target,>=,,\(s.unit)\n"
            rows += "R,\(s.name),\(2015 + s.values.count),\(s.target),,target,>=,,\(s.unit)\n"     // horizon zero
        }
        let metadata = "id,direction,kind\n" + Self.series.map { "\($0.name),higher,\($0.unit == "%" ? "share" : "level")\n" }.joined()
        let index = try Panels.gapIndex(rows, metadata: metadata)
        let assessments = GapAnalysis(settings: GapSettings(model: model)).assess(index)
        #expect(assessments.count == 2 * Self.series.count)
        for a in assessments {
            let numbers: [Double?] = [a.gapAbsolute, a.gapRelative, a.completion, a.requiredGrowth, a.requiredChange,
                                      a.trendGrowth?.value, a.trendGrowth?.interval?.lowerBound, a.trendGrowth?.interval?.upperBound,
                                      a.projection?.mean, a.probability, a.ambitionPercentile]
            for (k, x) in numbers.enumerated() { if let x { #expect(x.isFinite, "\(String(describing: model)) \(a.indicator.id) \(a.target.period) field \(k)") } }
            if let p = a.probability { #expect((0...1).contains(p)) }
            for b in a.projection?.intervals ?? [] { #expect(b.lower.isFinite && b.upper.isFinite || b.lower <= b.upper) }
        }
    }

    /// A constant series projects a point: probability 1 when the point meets the target, 0 when it does not.
    @Test func aConstantSeriesGivesZeroOrOne() throws {
        let rows = (2016...2020).map { "R,c,\($0),5,,actual,=,,t\n" }.joined()
        func p(_ target: Double) throws -> Double? {
            let index = try Panels.gapIndex(rows + "R,c,2024,\(target),,target,>=,,t\n", metadata: "id,direction,kind\nc,higher,level\n")
            return GapAnalysis(settings: GapSettings(model: .linear)).assess(index).first?.probability
        }
        #expect(try p(6) == 0)
        #expect(try p(5) == 1)
        #expect(try p(4) == 1)
    }
}
