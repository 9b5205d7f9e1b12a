import Foundation

/// A composite index built step by step as the JRC/OECD Handbook on Constructing Composite Indicators (2008) lays
/// out, each step a documented choice: screening regions by data availability, imputation (``Imputation``), the
/// structure's transforms, outlier treatment (``OutlierRule``), normalisation (``Normalisation``), weights and
/// aggregation over a hierarchy of any depth (``IndexStructure``, ``Aggregation``). The default is min-max 0–100 and
/// the equal-weight arithmetic mean; an indicator with goalposts in the structure is normalised by them unless a
/// normalisation is chosen for all.
///
/// ```swift
/// let spec = CompositeSpecification(structure: .flat(["lifeExp", "gdpPercap"]))
/// let result = try CompositeIndex(spec).compute(data)   // scores and ranks of every region
/// ```
public struct CompositeSpecification: Sendable {
    public var structure: IndexStructure
    /// One normalisation for every indicator; nil: goalposts where the structure gives them, min-max otherwise.
    public var normalisation: Normalisation?
    /// One aggregation for every group; nil: each group's own.
    public var aggregation: Aggregation?
    public var imputation: Imputation = .none
    public var outliers: OutlierRule = .none
    /// A region is scored only with at least this share of the indicators (screening), and a group only with at
    /// least this share of its children's weight present. Default two thirds.
    public var minimumCoverage = 2.0 / 3

    public init(structure: IndexStructure, normalisation: Normalisation? = nil, aggregation: Aggregation? = nil) {
        self.structure = structure
        self.normalisation = normalisation
        self.aggregation = aggregation
    }
}

/// Why a composite could not be built: each names what to change.
public enum CompositeError: Error, Equatable, Sendable, CustomStringConvertible {
    case indicatorsNotInData([String])
    case noDirection([String])
    case noGoalposts([String])
    case noTarget([String])
    case nonPositiveForLog(indicator: String, region: String, value: Double)
    case negativeForMean(Aggregation)
    case noRegions(minimumCoverage: Double)
    case noIndicators
    case linearAlgebra(LinearAlgebraError)
    case convergence(indicator: String, RegressionError)
    case incompatibleAlternatives(Normalisation, Aggregation)
    case unknownWeights([String])
    case targetDirection([String])
    case noData(year: Int, first: Int?, last: Int?)
    case noPeers(region: String)
    case notALevel(String)
    case unknownIndicators([String], known: [String])
    case since(Int, year: Int)
    case tooLarge(String)

    public var description: String {
        switch self {
        case let .indicatorsNotInData(ids): "the data has no values of \(ids.joined(separator: ", ")) in the period chosen"
        case let .noDirection(ids): "no direction for \(ids.joined(separator: ", ")): give --direction ID=higher|lower or a metadata file with a direction column"
        case let .noGoalposts(ids): "goalposts normalisation needs lower and upper in the structure file for \(ids.joined(separator: ", "))"
        case let .noTarget(ids): "target normalisation needs a target in the structure file for \(ids.joined(separator: ", "))"
        case let .nonPositiveForLog(ind, region, v): "\(ind) is log-transformed but \(region) has \(v); the log needs positive values"
        case let .negativeForMean(a): "the \(a.rawValue) mean needs non-negative normalised values; z-scores can be negative: choose another normalisation"
        case let .noRegions(c): "no region has at least \(Int((c * 100).rounded()))% of the indicators; lower --min-coverage"
        case .noIndicators: "the index has no indicators"
        case let .linearAlgebra(e): e.description
        case let .convergence(ind, e): "convergence of \(ind): \(e)"
        case let .noData(year, first, last):
            "no values of the indicators in \(year)" + (first.map { f in "; the data has \(f)–\(last!)" } ?? "")
        case let .noPeers(region): "\(region)'s group in the region metadata has no other region to compare it with"
        case let .notALevel(id): "convergence needs a positive level (GDP per capita, income); \(id) is a rate, share or rank"
        case let .unknownIndicators(ids, known):
            "no indicator \(ids.map { "'\($0)'" }.joined(separator: ", ")); " + NameSuggestions.sentence(for: ids[0], known: known)
        case let .since(since, year): "--since \(since) must be a year before the period (\(year)) with values"
        case let .tooLarge(what): what
        case let .targetDirection(ids): "\(ids.joined(separator: ", ")): 'closest to a target is best' cannot rank regions; give --direction ID=higher or lower"
        case let .unknownWeights(ids): "weights given for \(ids.joined(separator: ", ")), which the index does not have"
        case let .incompatibleAlternatives(n, a): "the \(a.rawValue) mean cannot combine \(n.rawValue) values (they can be negative); leave one of them out of the alternatives"
        }
    }
}

/// Something about a composite its reader should know (the report module words it).
public enum CompositeNote: Sendable, Equatable {
    case screenedOut(region: String, coverage: Double)
    /// A region scored with some indicators missing (their weight renormalised over the rest).
    case partial(region: String, present: Int, of: Int)
    /// Regions whose geometric or harmonic mean of a group is 0 because a child is 0 (min-max, rank and percent
    /// rank give the worst region 0; goalposts or `max` keep values positive).
    case zeroInMean(group: String, regions: Int)
    /// Only one region has a value: the indicator tells no region apart.
    case singleValue(indicator: String)
    /// The structure states a direction other than the metadata's; the structure's is used.
    case directionFromStructure(indicator: String, direction: Direction)
    /// Nodes a weights file does not name keep the structure's weight.
    case weightsKept([String])
    case imputed(indicator: String, count: Int, method: Imputation)
    case treated(indicator: String, treatment: OutlierRule.Treatment)
    case noSpread(indicator: String)

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .screenedOut: "screened_out"
        case .partial: "partial_coverage"
        case .imputed: "imputed"
        case .treated: "outliers_treated"
        case .noSpread: "no_spread"
        case .zeroInMean: "zero_in_mean"
        case .singleValue: "single_value"
        case .directionFromStructure: "direction_from_structure"
        case .weightsKept: "weights_kept"
        }
    }
}

/// A composite's scores: for every region kept, each indicator's raw and normalised value and the score of every
/// group, the index's score and rank.
public struct CompositeResult: Sendable {
    public let year: Int
    public let regions: [String]
    public let indicators: [String]
    /// `regions × indicators`: the values used (after imputation), and their years.
    public let values: Matrix
    public let years: [Int?]
    public let imputed: [Bool]
    /// `regions × indicators`: after transforms, treatment and normalisation.
    public let normalised: Matrix
    /// Scores by node id (groups and the index), one per region.
    public let groupScores: [String: [Double]]
    /// The index's score and rank (1 the best; ties share the best rank).
    public let scores: [Double]
    public let ranks: [Int?]
    public let notes: [CompositeNote]

    public func year(_ i: Int, _ j: Int) -> Int? { years[i + j * regions.count] }

    /// The same result with more notes.
    func adding(_ more: [CompositeNote]) -> CompositeResult {
        CompositeResult(year: year, regions: regions, indicators: indicators, values: values, years: years, imputed: imputed,
                        normalised: normalised, groupScores: groupScores, scores: scores, ranks: ranks, notes: more + notes)
    }
}

public struct CompositeIndex: Sendable {
    public let specification: CompositeSpecification

    public init(_ specification: CompositeSpecification) { self.specification = specification }

    /// Builds the index on `data` (its indicators in any order; every indicator of the structure must be there).
    ///
    /// - Complexity: O(r·k) for r regions and k indicators, plus O(r log r) per indicator for rank normalisations.
    public func compute(_ data: CompositeData) throws(CompositeError) -> CompositeResult {
        let prepared = try CompositePreparation(specification, data: data)
        let variant = try prepared.variant(imputation: specification.imputation, normalisation: specification.normalisation)
        let s = specification.structure, r = prepared.regions.count
        var scores: [Int: [Double]] = [:], zeroNotes: [CompositeNote] = []
        func column(_ node: Int) -> [Double] {
            if let k = prepared.leafColumn[node] { return variant.normalised.column(k) }
            return scores[node] ?? Array(repeating: .nan, count: r)
        }
        for g in s.groupsBottomUp {
            let children = s.nodes[g].children, weights = children.map { s.nodes[$0].weight }
            let aggregation = specification.aggregation ?? s.nodes[g].aggregation
            let columns = children.map(column)
            let bounded = specification.normalisation?.isBounded ?? true
            scores[g] = (0..<r).map { i in
                let x = aggregation.combine(columns.map { $0[i] }, weights: weights, minimumCoverage: specification.minimumCoverage)
                return bounded && !x.isNaN ? min(100, max(0, x)) : x        // a mean of 0–100 values, float noise aside
            }
            if aggregation != .arithmetic {
                let zeroed = (0..<r).count { i in zip(columns, weights).contains { $0[i] == 0 && $1 > 0 } }
                if zeroed > 0 { zeroNotes.append(.zeroInMean(group: s.nodes[g].id, regions: zeroed)) }
            }
        }
        let root = scores[s.root] ?? Array(repeating: .nan, count: r)
        var groups: [String: [Double]] = [:]
        for (g, v) in scores { groups[s.nodes[g].id] = v }
        return CompositeResult(
            year: data.year, regions: prepared.regions, indicators: s.indicators, values: variant.values, years: variant.years,
            imputed: variant.imputed, normalised: variant.normalised, groupScores: groups, scores: root,
            ranks: Ranking.ranks(root, direction: .higher), notes: prepared.notes + variant.notes + zeroNotes)
    }
}
