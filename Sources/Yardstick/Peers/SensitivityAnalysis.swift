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

    /// Indices with their standard errors.
    public struct Estimates: Sendable, Equatable {
        public var first: [Double], total: [Double]
        /// The standard errors of the means the estimators are (the sample standard deviation of the N terms over
        /// √N, V held fixed): a 95% interval is about ±1.96 of them.
        public var firstError: [Double], totalError: [Double]
    }

    /// First-order and total indices of each input from the outputs of ``sample(inputs:base:seed:)``'s rows.
    ///
    /// - Complexity: O(N·k).
    public static func indices<C: RandomAccessCollection>(_ y: C, inputs k: Int, base n: Int) -> Estimates
    where C.Element: BinaryFloatingPoint, C.Index == Int {
        precondition(y.count == n * (k + 2), "one output per sample row")
        let o = y.startIndex
        func f(_ i: Int) -> Double { Double(y[o + i]) }
        var mean = 0.0
        for j in 0..<(2 * n) { mean += f(j) }
        mean /= Double(2 * n)
        var variance = 0.0
        for j in 0..<(2 * n) { variance += (f(j) - mean) * (f(j) - mean) }
        variance /= Double(2 * n - 1)
        let zero = Array(repeating: 0.0, count: k)
        guard variance > 0 else { return Estimates(first: zero, total: zero, firstError: zero, totalError: zero) }
        var e = Estimates(first: [], total: [], firstError: [], totalError: [])
        for i in 0..<k {
            var s = 0.0, s2 = 0.0, t = 0.0, t2 = 0.0
            for j in 0..<n {
                let a = f(j), b = f(n + j), ab = f((2 + i) * n + j)
                let u = b * (ab - a) / variance, v = (a - ab) * (a - ab) / (2 * variance)
                s += u; s2 += u * u; t += v; t2 += v * v
            }
            let nn = Double(n)
            func error(_ sum: Double, _ squares: Double) -> Double { ((squares - sum * sum / nn) / (nn - 1)).squareRoot() / nn.squareRoot() }
            e.first.append(s / nn); e.total.append(t / nn)
            e.firstError.append(error(s, s2)); e.totalError.append(error(t, t2))
        }
        return e
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
    /// regions × inputs: first-order and total indices of each region's rank and score, and their standard errors.
    public let rankFirst: Matrix, rankTotal: Matrix, scoreFirst: Matrix, scoreTotal: Matrix
    public let rankFirstError: Matrix, rankTotalError: Matrix, scoreFirstError: Matrix, scoreTotalError: Matrix
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
    public var base = 1024
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
            var scores: [Float], ranks: [Float]
            let lock = NSLock()
            init(_ count: Int) { scores = Array(repeating: .nan, count: count); ranks = scores }
        }
        let total = rows.count
        // Two outputs a region and evaluation, in single precision (ranks are exact, scores to 1e-7).
        guard Double(total) * Double(r) * 8 <= 4 * 1_073_741_824 else {
            throw .tooLarge("a sensitivity analysis of \(total) evaluations of \(r) regions needs more than 4 GiB; lower --sensitivity-samples")
        }
        let outputs = Outputs(total * r)
        do throws(LinearAlgebraError) {
            try engine.evaluate(count: total, draw: draw) { _, draws, scores, ranks in
                outputs.lock.lock()
                for (c, j) in draws.enumerated() {
                    for i in 0..<r {
                        outputs.scores[i * total + j] = Float(scores[i, c])
                        let rank = ranks[i + c * r]
                        outputs.ranks[i * total + j] = rank > 0 ? Float(rank) : .nan
                    }
                }
                outputs.lock.unlock()
            }
        } catch { throw .linearAlgebra(error) }
        var m = [Matrix](repeating: Matrix(rows: r, columns: k), count: 8)
        let both = [outputs.ranks, outputs.scores]
        for i in 0..<r {
            for (slot, series) in both.enumerated() {
                let y = series[(i * total)..<((i + 1) * total)]
                // A region unscored in some evaluation has no indices (NaN).
                let e = y.contains { $0.isNaN } ? nil : Sobol.indices(y, inputs: k, base: n)
                for q in 0..<k {
                    m[slot * 4 + 0][i, q] = e?.first[q] ?? .nan
                    m[slot * 4 + 1][i, q] = e?.total[q] ?? .nan
                    m[slot * 4 + 2][i, q] = e?.firstError[q] ?? .nan
                    m[slot * 4 + 3][i, q] = e?.totalError[q] ?? .nan
                }
            }
        }
        return SensitivityResult(regions: preparation.regions, inputs: inputs, rankFirst: m[0], rankTotal: m[1], scoreFirst: m[4],
                                 scoreTotal: m[5], rankFirstError: m[2], rankTotalError: m[3], scoreFirstError: m[6],
                                 scoreTotalError: m[7], evaluations: total)
    }
}
