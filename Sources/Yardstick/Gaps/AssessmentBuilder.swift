import Foundation

/// Collects the parts of a ``TargetAssessment`` as ``GapAnalysis`` computes them.
struct Builder {
    let target: Observation
    let indicator: Indicator
    let history: TargetHistory
    let trend: TargetTrend
    var notes: [AssessmentNote]
    var targetHigh: Double?
    var gapAbsolute: Double?, gapRelative: Double?, completion: Double?
    var alreadyMet = false
    var requiredGrowth: Double?, requiredChange: Double?
    var trendGrowth: AnnualChange?
    var probability: Double?
    var observedStatus: TargetStatus?
    var observedMargin: Double?
    var ambitionPercentile: Double?, ambitionSeen: (count: Int, of: Int)?
    var trackRecord: TrackRecord?
    var basis: AssessmentBasis?
    var unassessed: UnassessedReason?

    init(target: Observation, indicator: Indicator, history: TargetHistory, trend: TargetTrend, notes: [AssessmentNote]) {
        self.target = target
        self.indicator = indicator
        self.history = history
        self.trend = trend
        self.notes = indicator.assumptions.map(AssessmentNote.assumed) + notes
    }

    /// Where the required growth sits among the history's own annual rates: for growth-rate indicators the rates
    /// themselves against the target rate; for levels and counts the compound growth of consecutive years against
    /// the required growth; otherwise the consecutive changes against the required change, all in the direction of
    /// improvement.
    mutating func ambition(compound: Bool, reference: Double, sense: Double, history: TargetHistory) {
        let pts = history.points.filter { $0.kind != .derived }
        var sample: [Double] = [], required: Double?
        if indicator.kind == .growthRate {
            sample = pts.map { sense * $0.value }
            required = sense * reference
        } else {
            for (a, b) in zip(pts, pts.dropFirst()) where b.year == a.year + 1 {
                if compound { if a.value > 0 { sample.append(sense * (b.value / a.value - 1)) } } else { sample.append(sense * (b.value - a.value)) }
            }
            required = compound ? requiredGrowth.map { sense * $0 } : requiredChange.map { sense * $0 }
        }
        guard let required, !sample.isEmpty else { return }
        ambitionPercentile = Double(sample.filter { $0 < required }.count) / Double(sample.count)
        let seen = sample.filter { $0 >= required }.count
        ambitionSeen = (seen, sample.count)
        notes.append(.ambition(measure: indicator.kind == .growthRate ? .rate : compound ? .growth : .change, seen: seen, of: sample.count))
    }

    /// With fewer than three values of its own: the probability from a ``ReferenceClass`` when one has enough
    /// changes, otherwise why there is none.
    mutating func referenceClass(from classes: ReferenceClassFinder, latest: HistoryPoint, comparison: Comparison,
                                 settings: GapSettings, points: Int, trendTried: Bool) {
        if trendTried { unassessed = .trendFailed; return }
        guard points < 3 else { return }
        guard settings.referenceClasses else { unassessed = .referenceClassOff(points: points); return }
        switch classes.find(region: target.region, indicator: indicator, year: target.period.year) {
        case let .success(c):
            guard let d = c.predictive(latest: latest.value, years: target.period.year - latest.year) else {
                unassessed = .trendFailed
                return
            }
            probability = d.scale > 0 ? comparison.probability(cdf: d.cdf, survival: d.survival)
                : comparison.isMet(by: c.logGrowth ? exp(d.location) : d.location) ? 1 : 0
            basis = .referenceClass(c)
            notes.removeAll { $0 == .oneValueOnly || $0 == .twoValuesOnly }     // they say there is no probability
            if trendGrowth == nil {
                trendGrowth = AnnualChange(value: c.meanChange, interval: nil, isGrowthRate: c.logGrowth)
            }
        case let .failure(short):
            unassessed = .tooFewPoints(points: points, peerChanges: short.peerChanges, kindChanges: short.kindChanges,
                                       minimum: classes.minimum)
        }
    }

    func build(settings: GapSettings, presets computed: [PresetResult]) -> TargetAssessment {
        // Once the target year is observed, every method's class is the observation (met or missed).
        let presets = observedStatus.map { s in
            computed.map { PresetResult(method: $0.method, verdict: .targetYearObserved, status: s, value: nil) }
        } ?? computed
        let own = observedStatus ?? settings.ownStatus(probability)
        let chosen: TargetStatus
        if let observedStatus { chosen = observedStatus } else if settings.method == .own { chosen = own } else {
            chosen = presets.first { $0.method == settings.method }?.status ?? .notAssessable
        }
        let value: Double? = target.value.isFinite ? target.value : nil
        return TargetAssessment(
            target: target, indicator: indicator, targetValue: value, targetHigh: targetHigh,
            baseline: history.points.first, latest: history.latest, gapAbsolute: gapAbsolute, gapRelative: gapRelative,
            completion: completion, alreadyMet: alreadyMet, requiredGrowth: requiredGrowth, requiredChange: requiredChange,
            trendGrowth: trendGrowth, projection: trend.projection, path: settings.keepsPaths ? trend.path : nil, history: history.points, bounds: history.bounds,
            probability: probability, status: chosen, ownStatus: own, methodStatuses: presets,
            ambitionPercentile: ambitionPercentile, ambitionSeen: ambitionSeen, trackRecord: trackRecord,
            observed: history.observed, observedMargin: observedMargin,
            basis: observedStatus != nil ? .observed : probability != nil ? basis : nil,
            unassessed: observedStatus == nil && probability == nil ? unassessed ?? .trendFailed : nil, notes: notes)
    }
}
