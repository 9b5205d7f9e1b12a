import Foundation

/// Which probabilities a backtest scores: the trend's own, or one that uses the indicator's record.
public enum ForecastAdjustment: String, Sendable, CaseIterable {
    /// The trend's predictive distribution as ``GapAnalysis`` gives it.
    case none
    /// Shifted and widened by the record of the trend's earlier forecasts for the indicator (``ForecastRecord``).
    case record
    /// From the record of the indicator's earlier targets against their outcomes (``TargetRecord``), or, while the
    /// indicator has fewer than ``TargetRecord/minimum``, the share of every earlier target met.
    case targets
}

/// The three predictors a backtest compares.
public enum Predictor: String, Sendable, CaseIterable {
    case trend, record, targets
}

/// What a backtest does: the gap analysis's settings, the first year scored and the probabilities scored.
public struct BacktestSettings: Sendable {
    public var gap: GapSettings
    /// Targets of earlier years are not scored (they still make the base rates and the records).
    public var from: Int?
    public var adjustment: ForecastAdjustment
    /// The number of equal-width probability bins of the calibration table.
    public var bins: Int

    public init(gap: GapSettings = GapSettings(), from: Int? = nil, adjustment: ForecastAdjustment = .none, bins: Int = 10) {
        self.gap = gap
        self.from = from
        self.adjustment = adjustment
        self.bins = bins
    }
}

/// Are the probabilities of meeting a target calibrated? For every target whose year has an outcome in the data:
/// the target assessed with only the observations before its year (``Panel/asOf(targetsOf:)``: as the
/// target-setter knew them), scored against whether it was met, decided exactly as ``GapAnalysis`` decides it for
/// an observed year (the target's comparator, tolerance and the indicator's direction).
///
/// Baselines, also known before the year: the base rate, (m + ½)/(n + 1) for the n earlier targets of the same
/// indicator (any region) of which m were met (½ with none: Jeffreys' prior, so that no baseline is certain), and
/// each published method's verdict read as a prediction (its on-track class as met).
///
/// - Complexity: one gap analysis of the whole panel (the outcomes) and one per target year Y of the panel as of Y,
///   O(Y·n) for n observations; scoring is linear in the targets.
public struct Backtest: Sendable {
    public var settings: BacktestSettings

    public init(settings: BacktestSettings = BacktestSettings()) { self.settings = settings }

    public func run(_ panel: Panel, scope: Scope = .everything) -> BacktestResult {
        var gap = settings.gap
        gap.keepsPaths = false
        gap.targetRecord = false            // the predictors are the backtest's own (``BacktestSettings/adjustment``)
        let analysis = GapAnalysis(settings: gap)
        // Outcomes: the whole panel's verdict on each target whose year is observed.
        let decided = analysis.assess(PanelIndex(panel)).filter { $0.observed != nil && ($0.ownStatus == .met || $0.ownStatus == .missed) }
        var byYear: [Int: [TargetAssessment]] = [:]
        for a in decided { byYear[a.target.period.year, default: []].append(a) }
        var items: [BacktestItem] = []
        // Running records per indicator, filled year by year so that a target sees only earlier years.
        var state: [String: IndicatorRecord] = [:]
        var pooled = IndicatorRecord()          // every indicator's earlier targets together
        for year in byYear.keys.sorted() {
            let asOf = PanelIndex(panel.asOf(targetsOf: year))
            var yearScope = Scope.everything
            yearScope.targetYears = [year]
            var prior: [TargetKey: TargetAssessment] = [:]
            for a in analysis.assess(asOf, scope: yearScope) { prior[TargetKey(a.target)] = a }
            var made: [BacktestItem] = []
            for outcome in byYear[year]! {
                guard let before = prior[TargetKey(outcome.target)] else { continue }
                made.append(item(outcome: outcome, before: before, settings: gap, record: state[outcome.indicator.id] ?? IndicatorRecord(),
                                 pooled: pooled))
            }
            for m in made {
                state[m.indicator.id, default: IndicatorRecord()].add(m, year: year)
                pooled.outcomes += 1
                pooled.met += m.met ? 1 : 0
            }
            items += made
        }
        let shown = items.filter { scope.contains(region: $0.target.region, indicator: $0.indicator.id) && $0.target.period.year >= (settings.from ?? .min) }
        return BacktestResult(items: shown, settings: settings)
    }

    /// One target: its outcome, its assessment as of its year, and each predictor's probability.
    func item(outcome: TargetAssessment, before: TargetAssessment, settings gap: GapSettings, record: IndicatorRecord,
              pooled: IndicatorRecord) -> BacktestItem {
        let pooledRate = pooled.baseRate
        let observed = outcome.observed!
        let comparison = Comparison(qualifier: before.target.qualifier, value: before.target.value, indicator: before.indicator, settings: gap)
        let reference = TargetRecord.reference(before.target)
        var corrected: Double? = nil, transform: Double? = nil, fromTargets: Double? = nil
        let forecasts = ForecastRecord(transforms: record.transforms.map(\.u), years: record.transforms.map(\.year))
        if let projection = before.projection, before.probability != nil, let comparison {
            transform = projection.cdf(observed.value)
            if let forecasts { corrected = forecasts.probability(comparison, projection) }
        }
        let targets = TargetRecord(margins: record.margins.map(\.d), years: record.margins.map(\.year), logScale: TargetRecord.logScale(before.indicator))
        var usedRecord: TargetRecord? = nil
        if let targets, let comparison, let reference, let p = targets.probability(comparison, reference: reference) {
            fromTargets = p
            usedRecord = targets
        } else if comparison != nil {
            fromTargets = pooledRate        // no record of its own to go by: the share of all earlier targets met
        }
        let margin = TargetRecord.margin(of: before.target, indicator: before.indicator, outcome: observed.value)
        let plain = before.probability
        let candidates: [Predictor: Double] = [.trend: plain, .record: corrected, .targets: fromTargets].compactMapValues { $0 }
        // Every predictor is scored on the targets the trend assesses; the others stand in for it where they can.
        let preferred: Predictor = switch settings.adjustment {
        case .none: .trend
        case .record: corrected != nil ? .record : .trend
        case .targets: fromTargets != nil ? .targets : .trend
        }
        let chosen: Predictor? = plain == nil ? nil : preferred
        let probability = chosen.flatMap { candidates[$0] }
        // The status and basis the scored probability gives (the trend's own when it is the trend's).
        var status = before.status, basis = before.basis
        if let probability, chosen != .trend {
            if gap.method == .own { status = gap.ownStatus(probability) }
            if chosen == .targets { basis = usedRecord.map { .targetRecord($0) } ?? .earlierTargets(met: pooled.met, of: pooled.outcomes) }
        }
        return BacktestItem(target: outcome.target, indicator: outcome.indicator, outcome: observed,
                            met: outcome.ownStatus == .met, before: before, plainProbability: plain,
                            record: corrected != nil ? forecasts : nil, correctedProbability: corrected,
                            targetRecord: usedRecord, targetRecordProbability: fromTargets,
                            predictor: chosen, probability: probability, status: status, basis: basis,
                            baseRate: record.baseRate, pooledRate: pooledRate, earlierTargets: record.outcomes,
                            transform: transform, margin: margin)
    }
}

/// What a backtest knows of an indicator from the targets of earlier years: outcomes, the trend's transforms and
/// the targets' margins.
struct IndicatorRecord {
    var met = 0, outcomes = 0
    var transforms: [(year: Int, u: Double)] = []
    var margins: [(year: Int, d: Double)] = []

    /// (m + ½)/(n + 1): Jeffreys' prior, ½ with no earlier target.
    var baseRate: Double { (Double(met) + 0.5) / (Double(outcomes) + 1) }

    mutating func add(_ i: BacktestItem, year: Int) {
        outcomes += 1
        met += i.met ? 1 : 0
        if let u = i.transform { transforms.append((year, u)) }
        if let d = i.margin { margins.append((year, d)) }
    }
}

/// A target's identity across panels: region, indicator, period, where it was read, and its value.
struct TargetKey: Hashable {
    let region: String, indicator: String, period: Period, file: String, line: Int, value: Double
    init(_ o: Observation) {
        region = o.region; indicator = o.indicator; period = o.period; file = o.file; line = o.line; value = o.value
    }
}
