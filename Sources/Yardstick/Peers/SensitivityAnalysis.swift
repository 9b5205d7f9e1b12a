import Foundation

/// Variance-based sensitivity indices by the Saltelli scheme: two independent samples A and B (N × k, uniform on
/// [0, 1)) and, for each input i, A with its column i taken from B (A_B⁽ⁱ⁾); N·(k + 2) evaluations of the model.
/// With V the variance of f over A and B together:
///
/// - first order Sᵢ = (1/N)·Σⱼ f(B)ⱼ·(f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / V (Saltelli et al., "Variance based sensitivity analysis of
///   model output", Computer Physics Communications 181, 2010, table 2 (b));
/// - total Sᵀᵢ = (1/2N)·Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / V (Jansen, 1999; the same table, (f)).
///
/// Sᵢ is the share of the output's variance due to input i alone; Sᵀᵢ includes its interactions. When V is 0 (the
/// output never changes) the indices are 0.
public enum Sobol {
    /// The sample: rows of A, then of B, then of each A_B⁽ⁱ⁾; `count` = N·(k + 2) rows of k inputs.
    public static func sample(inputs k: Int, base n: Int, seed: UInt64) -> [[Double]] {
        var rng = SplitMix64(seed: seed)
        let a = (0..<n).map { _ in (0..<k).map { _ in Double.random(in: 0..<1, using: &rng) } }
        let b = (0..<n).map { _ in (0..<k).map { _ in Double.random(in: 0..<1, using: &rng) } }
        var rows = a + b
        for i in 0..<k { for j in 0..<n { var row = a[j]; row[i] = b[j][i]; rows.append(row) } }
        return rows
    }

    /// First-order and total indices of each input from the outputs of ``sample(inputs:base:seed:)``'s rows.
    ///
    /// - Complexity: O(N·k).
    public static func indices(_ y: [Double], inputs k: Int, base n: Int) -> (first: [Double], total: [Double]) {
        precondition(y.count == n * (k + 2), "one output per sample row")
        let fa = y[0..<n], fb = y[n..<(2 * n)]
        let both = y[0..<(2 * n)]
        let mean = both.reduce(0, +) / Double(2 * n)
        let variance = both.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(2 * n - 1)
        guard variance > 0 else { return (Array(repeating: 0, count: k), Array(repeating: 0, count: k)) }
        var first: [Double] = [], total: [Double] = []
        for i in 0..<k {
            let fab = y[((2 + i) * n)..<((3 + i) * n)]
            var s = 0.0, t = 0.0
            for j in 0..<n {
                let a = fa[fa.startIndex + j], b = fb[fb.startIndex + j], ab = fab[fab.startIndex + j]
                s += b * (ab - a)
                t += (a - ab) * (a - ab)
            }
            first.append(s / Double(n) / variance)
            total.append(t / Double(2 * n) / variance)
        }
        return (first, total)
    }
}

/// What a composite's sensitivity analysis varies: the weight of each of the index's components (its pillars, or
/// its indicators when flat), each times U(0.5, 1.5); and, where alternatives are given, the normalisation, the
/// aggregation and the imputation, each chosen uniformly.
public enum SensitivityInput: Sendable, Equatable {
    case weight(String)
    case normalisation, aggregation, imputation

    public var code: String {
        switch self {
        case let .weight(id): "weight:" + id
        case .normalisation: "normalisation"
        case .aggregation: "aggregation"
        case .imputation: "imputation"
        }
    }
}

public struct SensitivityResult: Sendable {
    public let regions: [String]
    public let inputs: [SensitivityInput]
    /// regions × inputs: first-order and total indices of each region's rank and score.
    public let rankFirst: Matrix, rankTotal: Matrix, scoreFirst: Matrix, scoreTotal: Matrix
    /// N·(k + 2).
    public let evaluations: Int
}

public struct SensitivityAnalysis: Sendable {
    public let specification: CompositeSpecification
    /// The alternatives (as for ``UncertaintySettings``) and the base sample size N.
    public var normalisations: [Normalisation?] = [nil]
    public var aggregations: [Aggregation?] = [nil]
    public var imputations: [Imputation?] = [nil]
    public var weightRange: ClosedRange<Double> = 0.5...1.5
    public var base = 512
    public var seed: UInt64 = 1

    public init(_ specification: CompositeSpecification) { self.specification = specification }

    /// The inputs varied.
    public var inputs: [SensitivityInput] {
        let s = specification.structure
        return s.nodes[s.root].children.map { .weight(s.nodes[$0].id) }
            + (normalisations.count > 1 ? [.normalisation] : []) + (aggregations.count > 1 ? [.aggregation] : [])
            + (imputations.count > 1 ? [.imputation] : [])
    }

    /// Runs the analysis on `data`.
    ///
    /// - Complexity: N·(k + 2) evaluations of the composite, scored by GEMM in blocks.
    public func run(_ data: CompositeData) throws(CompositeError) -> SensitivityResult {
        let preparation = try CompositePreparation(specification, data: data)
        try CompositeEngine.checkAlternatives(normalisations.map { $0 ?? specification.normalisation },
                                              aggregations.map { $0 ?? specification.aggregation }, structure: specification.structure)
        let engine = try CompositeEngine(preparation, normalisations: normalisations.map { $0 ?? specification.normalisation },
                                         aggregations: aggregations, imputations: imputations.map { $0 ?? specification.imputation })
        let inputs = self.inputs, k = inputs.count, n = base, r = engine.regionCount
        let rows = Sobol.sample(inputs: k, base: n, seed: seed)
        let s = specification.structure, pillars = s.nodes[s.root].children
        let counts = (normalisations.count, aggregations.count, imputations.count), range = weightRange
        let draw: @Sendable (Int) -> CompositeDraw = { j in
            var d = CompositeDraw(weights: s.nodes.map(\.weight))
            for (q, input) in inputs.enumerated() {
                let u = rows[j][q]
                switch input {
                case .weight: d.weights[pillars[q]] *= range.lowerBound + u * (range.upperBound - range.lowerBound)
                case .normalisation: d.normalisation = min(counts.0 - 1, Int(u * Double(counts.0)))
                case .aggregation: d.aggregation = min(counts.1 - 1, Int(u * Double(counts.1)))
                case .imputation: d.imputation = min(counts.2 - 1, Int(u * Double(counts.2)))
                }
            }
            return d
        }
        final class Outputs: @unchecked Sendable {
            var scores: [Double], ranks: [Double]
            let lock = NSLock()
            init(_ count: Int) { scores = Array(repeating: .nan, count: count); ranks = scores }
        }
        let total = rows.count, outputs = Outputs(total * r)
        do throws(LinearAlgebraError) {
            try engine.evaluate(count: total, draw: draw) { _, draws, scores, ranks in
                outputs.lock.lock()
                for (c, j) in draws.enumerated() {
                    for i in 0..<r {
                        outputs.scores[i * total + j] = scores[i, c]
                        let rank = ranks[i + c * r]
                        outputs.ranks[i * total + j] = rank > 0 ? Double(rank) : .nan
                    }
                }
                outputs.lock.unlock()
            }
        } catch { throw .linearAlgebra(error) }
        var m = (Matrix(rows: r, columns: k), Matrix(rows: r, columns: k), Matrix(rows: r, columns: k), Matrix(rows: r, columns: k))
        for i in 0..<r {
            let score = Array(outputs.scores[(i * total)..<((i + 1) * total)]), rank = Array(outputs.ranks[(i * total)..<((i + 1) * total)])
            // A region unscored in some evaluation has no indices (NaN).
            let (rf, rt) = rank.contains { $0.isNaN } ? (Array(repeating: Double.nan, count: k), Array(repeating: Double.nan, count: k))
                : Sobol.indices(rank, inputs: k, base: n)
            let (sf, st) = score.contains { $0.isNaN } ? (Array(repeating: Double.nan, count: k), Array(repeating: Double.nan, count: k))
                : Sobol.indices(score, inputs: k, base: n)
            for q in 0..<k { m.0[i, q] = rf[q]; m.1[i, q] = rt[q]; m.2[i, q] = sf[q]; m.3[i, q] = st[q] }
        }
        return SensitivityResult(regions: preparation.regions, inputs: inputs, rankFirst: m.0, rankTotal: m.1, scoreFirst: m.2,
                                 scoreTotal: m.3, evaluations: total)
    }
}
