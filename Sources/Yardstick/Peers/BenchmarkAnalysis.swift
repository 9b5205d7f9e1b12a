/// A region against its peers, in one run: per-indicator comparisons, a composite index with its uncertainty and
/// sensitivity, rank changes, published rank histories and convergence. What the `benchmark` command and the
/// report's peer section show.
///
/// Every region of the data is a peer, whatever a ``Scope`` shows; the period is a year, or each region's latest.
public struct BenchmarkSettings: Sendable {
    public enum Period: Sendable, Equatable {
        case year(Int)
        /// Each region's latest value (the year is kept with every value).
        case latest
    }

    /// The indicators compared; nil: the structure's, or every indicator that at least two regions, and at least
    /// `chosenShare` of the peers (default half), have in the period (ranks left out unless `choosesRanks`: they are
    /// shown as rank histories).
    public var indicators: [String]?
    public var chosenShare = 0.5
    public var choosesRanks = false
    public var period: Period = .latest
    /// The composite's hierarchy; nil: the indicators under the index with equal weights.
    public var structure: IndexStructure?
    /// Weights by node id (relative within each group), replacing the structure's.
    public var weights: [String: Double] = [:]
    public var normalisation: Normalisation?
    public var aggregation: Aggregation?
    public var imputation: Imputation = .none
    public var outliers: OutlierRule = .none
    public var minimumCoverage = 2.0 / 3
    /// The mean of the best `frontierTop` values is the frontier.
    public var frontierTop = 1
    /// Rank changes from this year to the period.
    public var since: Int?
    /// Monte Carlo draws (0: no uncertainty analysis), how weights are drawn, and the seed.
    public var uncertaintyDraws = 0
    public var weightDraws: UncertaintySettings.WeightDraws = .uniform(0.5...1.5)
    public var seed: UInt64 = 1
    /// The base sample size of the sensitivity analysis (nil: none).
    public var sensitivitySamples: Int?
    /// Alternatives the uncertainty and sensitivity analyses draw from besides the nominal choice.
    public var normalisations: [Normalisation] = [.minMax, .percentRank]
    public var aggregations: [Aggregation] = []
    public var imputations: [Imputation] = [.none, .mean, .median]
    /// Indicators for β- and σ-convergence, from the first year three regions have to the period.
    public var convergence: [String] = []

    public init() {}

    /// What a target report shows of its region's peers: the defaults (each region's latest values of the
    /// indicators at least half the peers have, ranks apart), with 1000 draws for the rank intervals.
    public static var report: BenchmarkSettings {
        var s = BenchmarkSettings()
        s.uncertaintyDraws = 1000
        return s
    }
}

/// A published rank of the focal region over the years, with the field where known, and its peers' ranks in the
/// same editions.
public struct RankHistory: Sendable {
    public struct Entry: Sendable, Equatable {
        public let region: String
        public let year: Int
        public let rank: Int
        public let of: Int?
    }
    public let indicator: String
    public let focus: [Entry]
    public let peers: [Entry]
}

public struct BenchmarkFindings: Sendable {
    public let year: Int
    public let latest: Bool
    public let focus: String?
    public let data: CompositeData
    public let peers: PeerComparison
    public let composite: CompositeResult
    public let rankChanges: [[Int?]]?
    public let since: Int?
    public let uncertainty: UncertaintyResult?
    public let sensitivity: SensitivityResult?
    public let convergence: [ConvergenceResult]
    public let rankHistories: [RankHistory]
    /// True when the indicators were chosen by the data (none given): the output says which, and by what share.
    public let indicatorsChosenByData: Bool
    public let chosenShare: Double
    /// The composite as built (structure, weights and choices), for the output to state.
    public let specification: CompositeSpecification
    /// The peers: the regions of the focal region's group (region metadata), or every region; and that group.
    public let peerGroup: String?
}

public struct BenchmarkAnalysis: Sendable {
    public var settings: BenchmarkSettings

    public init(_ settings: BenchmarkSettings) { self.settings = settings }

    /// Runs every part asked for on the whole index; `focus` is the region the output is about (its rank
    /// histories are collected).
    ///
    /// - Complexity: two cross-sections, a composite, and the Monte Carlo and Sobol evaluations asked for.
    public func run(_ index: PanelIndex, focus: String? = nil) throws(CompositeError) -> BenchmarkFindings {
        let latest = settings.period == .latest
        let chosen = settings.indicators ?? settings.structure?.indicators
        if let chosen {
            let unknown = chosen.filter { !index.contains(indicator: $0) }
            guard unknown.isEmpty else { throw .unknownIndicators(unknown, known: index.indicatorIDs) }
        }
        let all = chosen ?? index.indicatorIDs
        let spans = all.map { index.grid(indicator: $0).years }
        let year: Int = {
            if case let .year(y) = settings.period { return y }
            // The latest year any of the indicators has.
            return spans.compactMap(\.last).max() ?? 0
        }()
        // Peers: the regions of the focal region's group where the region metadata gives one; without a focus, the
        // largest group (ties: the first in the data).
        let names = index.panel.regionNames
        var group = focus.flatMap { names[$0]?.group }
        if focus == nil {
            let groups = index.regions.compactMap { names[$0]?.group }
            let sizes = Dictionary(groups.map { ($0, 1) }, uniquingKeysWith: +)
            group = groups.first { sizes[$0] == sizes.values.max() }
        }
        let peerRegions = group.map { g in Set(index.regions.filter { names[$0]?.group == g }) }
        if let focus, let peerRegions, peerRegions.count < 2 { throw .noPeers(region: focus) }
        let need = max(2, Int((settings.chosenShare * Double(peerRegions?.count ?? index.regions.count)).rounded(.up)))
        let indicators = chosen ?? all.filter { id in
            (settings.choosesRanks || index.indicator(id).kind != .rank)
                && index.crossSection(indicators: [id], year: year, latest: latest).keeping(peerRegions).regions.count >= need
        }
        let first = spans.compactMap(\.first).min(), last = spans.compactMap(\.last).max()
        guard !indicators.isEmpty else { throw .noData(year: year, first: first, last: last) }
        var structure = settings.structure ?? .flat(indicators)
        let unknownWeights = structure.setWeights(settings.weights)
        guard unknownWeights.isEmpty else { throw .unknownWeights(unknownWeights) }
        var notes: [CompositeNote] = []
        if !settings.weights.isEmpty {
            let kept = structure.nodes.indices.filter { $0 != structure.root && settings.weights[structure.nodes[$0].id] == nil }
            if !kept.isEmpty { notes.append(.weightsKept(kept.map { structure.nodes[$0].id })) }
        }
        let directions: [Direction?] = indicators.map { id in
            let i = index.indicator(id)
            if let d = structure.position(of: id).flatMap({ structure.nodes[$0].direction }) {
                if i.directionStated && i.direction != d { notes.append(.directionFromStructure(indicator: id, direction: d)) }
                return d
            }
            return i.directionStated ? i.direction : nil
        }
        let unknown = indicators.indices.filter { directions[$0] == nil }.map { indicators[$0] }
        guard unknown.isEmpty else { throw .noDirection(unknown) }
        // "Closest to a target is best" cannot rank regions without the target's value.
        let onTarget = indicators.indices.filter { directions[$0] == .target }.map { indicators[$0] }
        guard onTarget.isEmpty else { throw .targetDirection(onTarget) }
        let data = CompositeData(index: index, indicators: indicators, year: year, latest: latest, directions: directions,
                                 regions: peerRegions)
        guard !data.regions.isEmpty else { throw .noData(year: year, first: first, last: last) }
        let resolved = directions.map { $0! }
        let peers = PeerComparison(data, directions: resolved, frontierTop: settings.frontierTop)
        var spec = CompositeSpecification(structure: structure, normalisation: settings.normalisation, aggregation: settings.aggregation)
        spec.imputation = settings.imputation
        spec.outliers = settings.outliers
        spec.minimumCoverage = settings.minimumCoverage
        let composite = try CompositeIndex(spec).compute(data).adding(notes)
        var changes: [[Int?]]?
        if let since = settings.since {
            let earlier = CompositeData(index: index, indicators: indicators, year: since, latest: false, directions: directions,
                                        regions: peerRegions)
            guard since < year, !earlier.regions.isEmpty else { throw .since(since, year: year) }
            changes = peers.rankChanges(since: PeerComparison(earlier, directions: resolved, frontierTop: settings.frontierTop))
        }
        let normalisations = [nil] + settings.normalisations.filter { $0 != spec.normalisation }.map(Optional.some)
        let aggregations = [nil] + settings.aggregations.filter { $0 != spec.aggregation }.map(Optional.some)
        let imputations = [nil] + settings.imputations.filter { $0 != spec.imputation }.map(Optional.some)
        var uncertainty: UncertaintyResult?
        if settings.uncertaintyDraws > 0 {
            var u = UncertaintySettings(draws: settings.uncertaintyDraws)
            (u.seed, u.weights) = (settings.seed, settings.weightDraws)
            (u.normalisations, u.aggregations, u.imputations) = (normalisations, aggregations, imputations)
            uncertainty = try UncertaintyAnalysis(spec, settings: u).run(data)
        }
        var sensitivity: SensitivityResult?
        if let n = settings.sensitivitySamples {
            var s = SensitivityAnalysis(spec)
            (s.normalisations, s.aggregations, s.imputations, s.base, s.seed) = (normalisations, aggregations, imputations, n, settings.seed)
            sensitivity = try s.run(data)
        }
        var convergence: [ConvergenceResult] = []
        for id in settings.convergence {
            guard index.contains(indicator: id) else { throw .unknownIndicators([id], known: index.indicatorIDs) }
            guard [.level, .count].contains(index.indicator(id).kind) else { throw .notALevel(id) }
            // From the first to the last year (up to the period) at least three peers have.
            let years = index.grid(indicator: id).years.filter { y in
                y <= year && index.crossSection(indicators: [id], year: y).keeping(peerRegions).regions.count >= 3
            }
            guard let from = years.first, let to = years.last, from < to else { throw .noData(year: year, first: years.first, last: years.last) }
            do {
                convergence.append(try Convergence.analyse(index, indicator: id, from: from, to: to,
                                                           scope: Scope(regions: peerRegions)))
            } catch { throw .convergence(indicator: id, error) }
        }
        return BenchmarkFindings(year: year, latest: latest, focus: focus, data: data, peers: peers, composite: composite,
                                 rankChanges: changes, since: settings.since, uncertainty: uncertainty, sensitivity: sensitivity,
                                 convergence: convergence, rankHistories: focus.map { rankHistories(index, focus: $0) } ?? [],
                                 indicatorsChosenByData: chosen == nil, chosenShare: settings.chosenShare, specification: spec,
                                 peerGroup: group)
    }

    /// Every rank indicator the focal region has, with the peers' ranks in the same years.
    func rankHistories(_ index: PanelIndex, focus: String) -> [RankHistory] {
        index.indicatorIDs.filter { index.indicator($0).kind == .rank }.compactMap { id in
            let mine = index.historyObservations(region: focus, indicator: id)
            guard !mine.isEmpty else { return nil }
            let years = Set(mine.map(\.period.year))
            func entry(_ o: Observation) -> RankHistory.Entry {
                .init(region: o.region, year: o.period.year, rank: Int(o.value.rounded()), of: o.fieldSize)
            }
            let peers = index.regions.filter { $0 != focus }.flatMap { r in
                index.historyObservations(region: r, indicator: id).filter { years.contains($0.period.year) }.map(entry)
            }
            return RankHistory(indicator: id, focus: mine.map(entry), peers: peers.sorted { ($0.year, $0.rank) < ($1.year, $1.rank) })
        }
    }
}
