import Foundation

/// Target-versus-actual analysis: for every target, the gap, the growth it requires against the growth the trend
/// delivers, the probability of meeting it, Yardstick's status and the five published ones.
///
/// ```swift
/// let panel = try PanelReader().readEmbedded()
/// for a in GapAnalysis(settings: GapSettings()).assess(panel) { print(a.indicator.id, a.status) }
/// ```
///
/// Formulas (T* the stated target, or for a bound or range the threshold seen from the latest value; latest value
/// L in year l; target year Y; h = Y − l):
/// - gap = T* − L; relative gap = (T* − L)/|L|; completion = (L − B)/(T* − B), B the first value;
/// - required growth = (T*/L)^(1/h) − 1 for levels and counts (undefined for non-positive values, said in a note);
///   required change = (T* − L)/h for every kind (percentage points for rates);
/// - the projection is the trend model's (auto by AICc unless chosen) at Y; shares strictly inside their bounds
///   are projected on the logit scale; trend growth = (P/L)^(1/h) − 1 (or (P − L)/h), its interval from the
///   projection's 95% interval;
/// - probability = P(Y meets the comparison) under the predictive distribution (Student t for regression trends,
///   normal for smoothing); relative targets compare two projections (normal approximation of their difference)
///   or a projection with the other series' target;
/// - own status: on track when the probability ≥ 0.75, at risk ≥ 0.25, off track below; met or missed when the
///   target year is observed; not assessable without a probability (fewer than three values, or a relative
///   target without its series).
///
/// Complexity: one trend fit per target (two for ESCAP's time-weighted projection).
public struct GapAnalysis: Sendable {
    public var settings: GapSettings

    public init(settings: GapSettings = GapSettings()) { self.settings = settings }

    /// Assesses every target in the panel (or only `region`'s), in the panel's order; `progress` is told how many
    /// are done after each. Histories and relative targets may use every region of the panel.
    public func assess(_ panel: Panel, region: String? = nil, progress: (Int) -> Void = { _ in }) -> [TargetAssessment] {
        let all = panel.targets
        return all.filter { region == nil || $0.region == region }.enumerated().map { i, t in
            defer { progress(i + 1) }
            return assess(t, in: panel, targets: all)
        }
    }

    /// Assesses one target.
    public func assess(_ target: Observation, in panel: Panel) -> TargetAssessment {
        assess(target, in: panel, targets: panel.targets)
    }

    /// Assesses one target; `targets` are the panel's (found once for many assessments).
    func assess(_ target: Observation, in panel: Panel, targets: [Observation]) -> TargetAssessment {
        let indicator = panel.indicator(target.indicator)
        let year = target.period.year
        var notes: [String] = []
        if !target.period.isAnnual { notes.append("a \(target.period) target is compared on its year, \(year)") }
        if target.note.contains("力争") { notes.append("a stretch target (力争)") }
        let history = TargetHistory(panel: panel, region: target.region, indicator: indicator, targetYear: year)
        notes += history.notes
        let fit = Projection(history: history.points, indicator: indicator, year: year, settings: settings)
        notes += fit.notes

        if case let .relative(to) = target.qualifier {
            return relative(target, indicator, to: to, history: history, fit: fit, panel: panel, targets: targets, notes: notes)
        }
        let comparison = Comparison(qualifier: target.qualifier, value: target.value, indicator: indicator, settings: settings)!
        var b = Builder(target: target, indicator: indicator, history: history, fit: fit, notes: notes)
        b.targetHigh = { if case let .range(h) = target.qualifier { h } else { nil } }()
        guard let latest = history.latest else {
            b.notes.append("no actual value before \(year): nothing to compare the target with")
            return b.build(settings: settings, presets: StatusPresets.all(nil))
        }
        // Gaps and required growth are measured to the stated value; the tolerance of "about" only widens what
        // counts as meeting it (probability, met or missed).
        let stated = target.qualifier == .approximately || target.qualifier == .exact
        let reference = stated ? target.value : comparison.reference(from: latest.value)
        let sense = comparison.sense(from: latest.value)
        let h = Double(year - latest.year)
        b.gapAbsolute = reference - latest.value
        b.gapRelative = latest.value != 0 ? (reference - latest.value) / abs(latest.value) : nil
        if let base = history.points.first, base.year < latest.year, reference != base.value {
            b.completion = (latest.value - base.value) / (reference - base.value)
        }
        b.requiredChange = h > 0 ? (reference - latest.value) / h : nil
        let compound = indicator.kind == .level || indicator.kind == .count
        if compound, h > 0 {
            if latest.value > 0 && reference > 0 {
                b.requiredGrowth = pow(reference / latest.value, 1 / h) - 1
            } else {
                b.notes.append("a growth rate is undefined from a non-positive value; the required change is \(TargetHistory.short(reference - latest.value)) a year")
            }
        }
        if history.points.count == 1 { b.notes.append("one value only: the required growth is all that can be said") }
        if let p = fit.projection {
            b.trendGrowth = fit.annualChange(from: latest, to: year, compound: compound)
            b.probability = comparison.probability(cdf: p.cdf, survival: p.survival)
        } else if let two = fit.twoPointValue {
            b.trendGrowth = AnnualChange(
                value: compound ? pow(two / latest.value, 1 / max(h, 1)) - 1 : (two - latest.value) / max(h, 1),
                interval: nil, isGrowthRate: compound)
        }
        if let observed = history.observed {
            b.observedMargin = sense >= 0 ? observed.value - reference : reference - observed.value
            b.observedStatus = comparison.isMet(by: observed.value) ? .met : .missed
            if observed.kind == .lowerBound && !comparison.isMet(by: observed.value) && sense > 0 {
                b.observedStatus = nil
                b.notes.append("\(year) is known only as a lower bound (\(TargetHistory.short(observed.value))) below the target: met or missed cannot be told")
            }
        }
        b.ambition(compound: compound, reference: reference, sense: sense == 0 ? 1 : sense, history: history)
        b.trackRecord = GapAnalysis.trackRecord(target, indicator: indicator, panel: panel, targets: targets, settings: settings)
        let inputs = PresetInputs(
            points: history.points.map { ($0.year, $0.value) } + (latest.kind == .lowerBound || latest.kind == .upperBound ? [(latest.year, latest.value)] : []),
            latest: (latest.year, latest.value), target: reference, targetYear: year, sense: sense, compound: compound,
            projected: fit.projection?.mean ?? fit.twoPointValue, weightedProjected: fit.weightedProjection ?? fit.twoPointValue)
        return b.build(settings: settings, presets: StatusPresets.all(inputs))
    }

    /// Targets relative to another series (income growth above GDP growth) or to a peer aggregate (below the
    /// provincial average), evaluated against that series' projection, or its own target for the year.
    func relative(_ target: Observation, _ indicator: Indicator, to: String, history: TargetHistory, fit: Projection,
                  panel: Panel, targets: [Observation], notes: [String]) -> TargetAssessment {
        var b = Builder(target: target, indicator: indicator, history: history, fit: fit, notes: notes)
        let parts = to.split(separator: ":", maxSplits: 1).map(String.init)
        let (region, otherID) = parts.count == 2 ? (parts[0], parts[1]) : (target.region, parts[0])
        let other = panel.indicator(otherID)
        let year = target.period.year
        let otherHistory = TargetHistory(panel: panel, region: region, indicator: other, targetYear: year)
        let otherFit = Projection(history: otherHistory.points, indicator: other, year: year, settings: settings)
        let sense: Double = indicator.direction == .lower ? -1 : 1
        let otherTarget = targets.first { $0.region == region && $0.indicator == otherID && $0.period.year == year && $0.value.isFinite }
        guard let mine = fit.projection else {
            b.notes.append("not assessable: \(indicator.id) has \(history.points.count) value\(history.points.count == 1 ? "" : "s") for \(target.region), fewer than a trend needs")
            return b.build(settings: settings, presets: StatusPresets.all(nil))
        }
        if let theirs = otherFit.projection {
            // P(s·(Y − Z) > 0) with Y, Z independent, each approximated by a normal with its predictive mean and sd.
            let m = mine.mean - theirs.mean, sd = (mine.sd * mine.sd + theirs.sd * theirs.sd).squareRoot()
            b.probability = sd > 0 ? Normal.cdf(sense * m / sd) : (sense * m > 0 ? 1 : 0)
            b.notes.append("compared with the projection of \(region == target.region ? otherID : to) for \(year)")
        } else if let t = otherTarget {
            b.probability = sense > 0 ? mine.survival(t.value) : mine.cdf(t.value)
            b.notes.append("compared with the \(year) target for \(otherID), \(TargetHistory.short(t.value))")
        } else {
            b.notes.append("not assessable: no history for \(to) to compare with")
        }
        return b.build(settings: settings, presets: StatusPresets.all(nil))
    }

    /// Earlier targets of the same region and indicator whose year has an actual value.
    static func trackRecord(_ target: Observation, indicator: Indicator, panel: Panel, targets: [Observation],
                            settings: GapSettings) -> TrackRecord? {
        let earlier = targets.filter {
            $0.region == target.region && $0.indicator == target.indicator && $0.period.year < target.period.year
        }
        var met = 0, missed = 0, margins: [Double] = []
        for t in earlier {
            guard let c = Comparison(qualifier: t.qualifier, value: t.value, indicator: indicator, settings: settings) else { continue }
            let actual = panel.historyObservations(region: t.region, indicator: t.indicator).first { $0.period.year == t.period.year }
            guard let actual else { continue }
            if c.isMet(by: actual.value) { met += 1 } else { missed += 1 }
            margins.append((indicator.direction == .lower ? -1 : 1) * (actual.value - t.value))
        }
        guard met + missed > 0 else { return nil }
        return TrackRecord(met: met, missed: missed, meanMiss: margins.reduce(0, +) / Double(margins.count))
    }
}
