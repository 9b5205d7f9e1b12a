import Foundation

/// Monte Carlo uncertainty analysis of a composite's ranks (Handbook §7; Saisana, Saltelli and Tarantola, "Uncertainty
/// and sensitivity analysis techniques as tools for the quality assessment of composite indicators", JRSS A 168,
/// 2005): every draw multiplies each weight by U(0.5, 1.5) (or draws the weights of each group from a Dirichlet
/// distribution around the nominal ones, concentration `concentration`), and picks the normalisation, the
/// aggregation and the imputation uniformly among the alternatives given; weights are relative within their group,
/// so they are renormalised there. All draws are scored by GEMM (``CompositeEngine``) and ranked; for every region
/// the result gives its nominal rank and the 5th, 50th and 95th percentiles of its rank over the draws (the smallest
/// rank whose share of draws at or above it reaches the level: the inverted empirical distribution).
///
/// Draw d's choices come from a generator seeded by the seed and d alone, so results are identical whatever the
/// number of threads or the block size.
public struct UncertaintySettings: Sendable {
    public enum WeightDraws: Sendable, Equatable {
        /// Each weight times U(low, high) (default 0.5…1.5).
        case uniform(ClosedRange<Double>)
        /// Each group's weights from Dirichlet(concentration × nominal shares).
        case dirichlet(concentration: Double)
    }

    public var draws: Int
    public var seed: UInt64 = 1
    public var weights: WeightDraws = .uniform(0.5...1.5)
    /// Alternatives drawn uniformly; a single one keeps that step fixed. nil stands for the specification's own.
    public var normalisations: [Normalisation?] = [nil]
    public var aggregations: [Aggregation?] = [nil]
    public var imputations: [Imputation?] = [nil]

    public init(draws: Int) { self.draws = draws }
}

public struct UncertaintyResult: Sendable {
    public let regions: [String]
    public let nominalRanks: [Int?]
    public let medianRanks: [Int?]
    public let lowRanks: [Int?]
    public let highRanks: [Int?]
    /// Mean score over the draws where the region was scored.
    public let meanScores: [Double]
    public let draws: Int
    /// What was drawn (for the output to state).
    public let settings: UncertaintySettings
}

public struct UncertaintyAnalysis: Sendable {
    public let specification: CompositeSpecification
    public let settings: UncertaintySettings

    public init(_ specification: CompositeSpecification, settings: UncertaintySettings) {
        self.specification = specification
        self.settings = settings
    }

    /// Runs the analysis on `data`.
    ///
    /// - Complexity: O(d·r·k) for the GEMMs and O(d·r log r) for the ranks, d draws over r regions and k indicators;
    ///   memory O(r²) for the rank counts and O(r·b) for a block of b draws.
    public func run(_ data: CompositeData) throws(CompositeError) -> UncertaintyResult {
        let preparation = try CompositePreparation(specification, data: data)
        try CompositeEngine.checkAlternatives(settings.normalisations.map { $0 ?? specification.normalisation },
                                              settings.aggregations.map { $0 ?? specification.aggregation }, structure: specification.structure)
        let imputations = settings.imputations.map { $0 ?? specification.imputation }
        let engine = try CompositeEngine(preparation, normalisations: settings.normalisations.map { $0 ?? specification.normalisation },
                                         aggregations: settings.aggregations, imputations: imputations)
        let nominal = try CompositeIndex(specification).compute(data)
        let r = engine.regionCount, n = settings.draws
        final class Tally: @unchecked Sendable {
            var counts: [Int64], scored: [Int64]
            /// Score sums per block, added up in block order at the end (the same sum whatever the threads).
            var sums: [Int: [Double]] = [:]
            let lock = NSLock()
            init(_ r: Int) { counts = Array(repeating: 0, count: r * (r + 1)); scored = Array(repeating: 0, count: r) }
        }
        let tally = Tally(r)
        do throws(LinearAlgebraError) {
            try engine.evaluate(count: n, draw: draw, key: { choices($0).key }) { block, draws, scores, ranks in
                var counts = [Int64](repeating: 0, count: r * (r + 1)), sums = [Double](repeating: 0, count: r), scored = [Int64](repeating: 0, count: r)
                for d in draws.indices {
                    for i in 0..<r {
                        let k = Int(ranks[i + d * r])
                        counts[i * (r + 1) + k] += 1
                        if k > 0 { sums[i] += scores[i, d]; scored[i] += 1 }
                    }
                }
                tally.lock.lock()
                for i in counts.indices { tally.counts[i] += counts[i] }
                for i in 0..<r { tally.scored[i] += scored[i] }
                tally.sums[block] = sums
                tally.lock.unlock()
            }
        } catch { throw .linearAlgebra(error) }
        // Percentiles from the rank counts (ranks 1…r; 0 counts draws without a score).
        func percentile(_ i: Int, _ level: Double) -> Int? {
            let row = tally.counts[(i * (r + 1))..<((i + 1) * (r + 1))]
            let scored = row.dropFirst().reduce(0, +)
            guard scored > 0 else { return nil }
            let need = level * Double(scored)
            var acc: Int64 = 0
            for k in 1...r {
                acc += row[row.startIndex + k]
                if Double(acc) >= need - 1e-9 { return k }
            }
            return r
        }
        return UncertaintyResult(
            regions: preparation.regions, nominalRanks: nominal.ranks,
            medianRanks: (0..<r).map { percentile($0, 0.5) }, lowRanks: (0..<r).map { percentile($0, 0.05) },
            highRanks: (0..<r).map { percentile($0, 0.95) },
            meanScores: (0..<r).map { i in
                tally.scored[i] > 0 ? tally.sums.keys.sorted().reduce(0) { $0 + tally.sums[$1]![i] } / Double(tally.scored[i]) : .nan
            },
            draws: n, settings: settings)
    }

    /// Draw `d`'s choices (its weights nominal), and the generator after them: seeded by (seed, d) alone.
    func choices(_ d: Int) -> (draw: CompositeDraw, rng: SplitMix64, key: Int) {
        var rng = SplitMix64(seed: settings.seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(d) &* 0xD1B5_4A32_D192_ED03)
        var draw = CompositeDraw(weights: [])
        draw.normalisation = settings.normalisations.count > 1 ? Int.random(in: 0..<settings.normalisations.count, using: &rng) : 0
        draw.aggregation = settings.aggregations.count > 1 ? Int.random(in: 0..<settings.aggregations.count, using: &rng) : 0
        draw.imputation = settings.imputations.count > 1 ? Int.random(in: 0..<settings.imputations.count, using: &rng) : 0
        return (draw, rng, draw.key)
    }

    /// Draw `d`: its choices, then its weights, from a generator seeded by (seed, d) alone.
    func draw(_ d: Int) -> CompositeDraw {
        var (draw, rng, _) = choices(d)
        let s = specification.structure
        draw.weights = s.nodes.map(\.weight)
        switch settings.weights {
        case let .uniform(range):
            for i in draw.weights.indices where i != s.root { draw.weights[i] *= Double.random(in: range, using: &rng) }
        case let .dirichlet(concentration):
            for g in s.groupsBottomUp {
                let children = s.nodes[g].children
                let total = children.reduce(0) { $0 + s.nodes[$1].weight }
                for c in children { draw.weights[c] = Gamma.sample(shape: concentration * s.nodes[c].weight / total, using: &rng) }
            }
        }
        return draw
    }
}

/// Gamma variates (Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS 26, 2000; for a
/// shape below 1, Gamma(a + 1)·U^(1/a)), for Dirichlet weights.
enum Gamma {
    static func sample<G: RandomNumberGenerator>(shape a: Double, using rng: inout G) -> Double {
        if a < 1 {
            let u = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng)
            return sample(shape: a + 1, using: &rng) * Foundation.pow(u, 1 / a)
        }
        let d = a - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                // A standard normal by Box–Muller.
                let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng), u2 = Double.random(in: 0..<1, using: &rng)
                x = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * .pi * u2)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng)
            if Foundation.log(u) < 0.5 * x * x + d - d * v + d * Foundation.log(v) { return d * v }
        }
    }
}
