import Foundation
import Testing
@testable import Yardstick

@Suite("Uncertainty and sensitivity")
struct UncertaintyTests {
    /// Four regions, a two-pillar hierarchy with a geometric pillar and a missing value.
    static func data() -> (CompositeSpecification, CompositeData) {
        let nan = Double.nan
        let structure = IndexStructure(nodes: [
            .init(id: "index", parent: nil), .init(id: "p1", parent: 0, aggregation: .geometric), .init(id: "p2", parent: 0, weight: 2),
            .init(id: "a", parent: 1), .init(id: "b", parent: 1, weight: 3), .init(id: "c", parent: 2), .init(id: "d", parent: 2),
        ])
        let values = Matrix(columns: [[1, 5, 3, 9], [7, 2, nan, 4], [0.5, 0.9, 0.7, 0.1], [10, 30, 20, 40]])
        return (CompositeSpecification(structure: structure),
                CompositeData(year: 2020, regions: ["A", "B", "C", "D"], indicators: ["a", "b", "c", "d"], values: values,
                              directions: [.higher, .lower, .higher, .higher]))
    }

    /// The GEMM engine scores the nominal draw exactly as the one-region-at-a-time composite, for every
    /// normalisation and aggregation.
    @Test(arguments: [Normalisation.minMax, .goalposts, .rank, .percentRank, .distanceToMaximum], [Aggregation?.none, .arithmetic, .geometric, .harmonic])
    func engineEqualsTheComposite(_ n: Normalisation, _ a: Aggregation?) throws {
        var (spec, data) = Self.data()
        for leaf in spec.structure.leaves { spec.structure.setGoalpostsForTests(leaf, 0...50) }
        spec.normalisation = n
        spec.aggregation = a
        let nominal = try CompositeIndex(spec).compute(data)
        let engine = try CompositeEngine(try CompositePreparation(spec, data: data), normalisations: [n], aggregations: [a], imputations: [.none])
        let scores = try engine.scores([CompositeDraw(weights: spec.structure.nodes.map(\.weight))][...])
        for i in 0..<4 {
            let x = scores[i, 0], y = nominal.scores[i]
            #expect((x.isNaN && y.isNaN) || abs(x - y) <= 1e-12 * max(1, abs(y)), "\(i): \(x) against \(y)")
        }
        #expect(CompositeEngine.ranks(scores).map { $0 == 0 ? nil : Int($0) } == nominal.ranks)
    }

    @Test func withoutVariationEveryDrawHasTheNominalRank() throws {
        let (spec, data) = Self.data()
        var settings = UncertaintySettings(draws: 600)
        settings.weights = .uniform(1...1)
        let r = try UncertaintyAnalysis(spec, settings: settings).run(data)
        #expect(r.medianRanks == r.nominalRanks && r.lowRanks == r.nominalRanks && r.highRanks == r.nominalRanks)
    }

    /// A region better on every indicator ranks first in every draw; results repeat with the seed.
    @Test func dominanceAndReproducibility() throws {
        let values = Matrix(columns: [[9, 5, 1], [8, 4, 2], [7, 6, 3]])
        let data = CompositeData(year: 2020, regions: ["top", "mid", "low"], indicators: ["x", "y", "z"], values: values,
                                 directions: [.higher, .higher, .higher])
        var settings = UncertaintySettings(draws: 2000)
        settings.aggregations = [.arithmetic, .geometric, .harmonic]
        settings.normalisations = [.minMax, .percentRank, .distanceToMaximum]
        let spec = CompositeSpecification(structure: .flat(["x", "y", "z"]))
        let a = try UncertaintyAnalysis(spec, settings: settings).run(data)
        #expect(a.highRanks[0] == 1 && a.lowRanks[0] == 1)
        let b = try UncertaintyAnalysis(spec, settings: settings).run(data)
        #expect(a.medianRanks == b.medianRanks && a.meanScores == b.meanScores)
        settings.weights = .dirichlet(concentration: 20)
        let c = try UncertaintyAnalysis(spec, settings: settings).run(data)
        #expect(c.highRanks[0] == 1)
    }

    /// The Ishigami function (Ishigami and Homma, 1990), a = 7, b = 0.1, inputs U(−π, π): analytic indices
    /// S = (0.3139, 0.4424, 0), Sᵀ = (0.5576, 0.4424, 0.2437) (Saltelli et al. 2008, Global Sensitivity Analysis, §4).
    @Test func sobolIndicesOfTheIshigamiFunction() {
        let a = 7.0, b = 0.1, n = 1 << 16
        let rows = Sobol.sample(inputs: 3, base: n, seed: 42)
        let y = rows.map { u -> Double in
            let x = u.map { -Double.pi + 2 * Double.pi * $0 }
            return sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
        }
        let e = Sobol.indices(y, inputs: 3, base: n)
        let (first, total) = (e.first, e.total)
        // The standard errors cover the distance to the analytic values (within three of them).
        for i in 0..<3 { #expect(abs(e.total[i] - [0.5576, 0.4424, 0.2437][i]) < 3 * e.totalError[i] + 1e-3) }
        let pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = 8 * b * b * pi8 / 225
        let exactFirst = [v1 / v, v2 / v, 0], exactTotal = [(v1 + v13) / v, v2 / v, v13 / v]
        #expect(abs(exactFirst[0] - 0.3139) < 1e-4 && abs(exactTotal[2] - 0.2437) < 1e-4)
        for i in 0..<3 {
            #expect(abs(first[i] - exactFirst[i]) < 0.02, "S\(i + 1) \(first[i]) against \(exactFirst[i])")
            #expect(abs(total[i] - exactTotal[i]) < 0.02, "ST\(i + 1) \(total[i]) against \(exactTotal[i])")
        }
    }

    /// On a composite: an input that cannot change anything has indices 0; the pillar weights and the choice of
    /// aggregation share the variance of the scores.
    @Test func compositeSensitivity() throws {
        let (spec, data) = Self.data()
        var analysis = SensitivityAnalysis(spec)
        analysis.aggregations = [.arithmetic, .harmonic]
        analysis.imputations = [.none, .mean]
        analysis.base = 256
        let r = try analysis.run(data)
        #expect(r.inputs == [.weight("p1"), .weight("p2"), .aggregation, .imputation])
        #expect(r.evaluations == 256 * 6)
        // Imputation touches only C's missing value: the other regions' scores do not depend on it.
        let a = try #require(r.regions.firstIndex(of: "A"))
        #expect(r.scoreFirst[a, 3] == 0 && r.scoreTotal[a, 3] == 0)
        #expect(r.scoreTotal[a, 0] > 0 && r.scoreTotal[a, 2] > 0)
    }
}

extension IndexStructure {
    mutating func setGoalpostsForTests(_ node: Int, _ g: ClosedRange<Double>) {
        var n = nodes
        n[node].goalposts = g
        self = IndexStructure(nodes: n.map { var c = $0; c.children = []; return c })
    }
}
