import Foundation

/// Target-versus-actual analysis: for every target, the gap, the growth it requires against the growth the trend
/// delivers, the probability of meeting it, Yardstick's status and the five published ones.
///
/// ```swift
/// let index = PanelIndex(try PanelReader().readEmbedded())
/// for a in GapAnalysis().assess(index, scope: Scope(regions: ["Zhuzhou"])) { print(a.indicator.id, a.status) }
/// ```
///
/// Formulas (T* the stated target, or for a bound or range the threshold seen from the latest value; latest value
/// L in year l; target year Y; h = Y − l):
/// - gap = T* − L; relative gap = (T* − L)/|L|; completion = (L − B)/(T* − B), B the first value, defined only
///   when T* lies beyond B in the direction of improvement;
/// - required growth = (T*/L)^(1/h) − 1 for levels and counts (undefined for non-positive values, said in a note);
///   required change = (T* − L)/h for every kind (percentage points for rates);
/// - the projection is the trend model's (auto by AICc unless chosen) at Y; shares strictly inside their bounds
///   are projected on the logit scale; trend growth = (P/L)^(1/h) − 1 (or (P − L)/h), its interval from the
///   projection's 95% interval;
/// - probability = P(Y meets the comparison) under the predictive distribution (Student t for regression trends,
///   normal for smoothing); relative targets compare two projections (normal approximation of their difference)
///   or a projection with the other series' target; a projection without spread (a series the trend fits exactly)
///   gives 1 when it meets the target and 0 otherwise;
/// - own status: on track when the probability ≥ 0.75, at risk ≥ 0.25, off track below; met or missed when the
///   target year is observed; not assessable without a probability (fewer than three values, or a relative
///   target without its series).
///
/// Every analysis reads the whole index: a ``Scope`` only chooses which targets are assessed, so that a target's
/// assessment is the same however the output is scoped (peers, the growth series of a count, the series a relative
/// target refers to stay available).
///
/// - Complexity: O(k) per target for the k records of its series (found in O(1)), and one trend fit (two for
///   ESCAP's time-weighted projection): linear in the number of targets. Large runs are spread over the cores;
///   each target's result is the same whatever the thread count.
public struct GapAnalysis: Sendable {
    public var settings: GapSettings

    public init(settings: GapSettings = GapSettings()) { self.settings = settings }

    /// Assesses the targets within `scope`, in reading order; `progress` is told how many are done (from any
    /// thread, one call at a time).
    public func assess(_ index: PanelIndex, scope: Scope = .everything,
                       progress: @escaping @Sendable (Int) -> Void = { _ in }) -> [TargetAssessment] {
        let targets = index.targets(in: scope)
        // In chunks: the histories (on every core), their trends fitted together (``TrendSpecification/fitAll``),
        // then the assessments (on every core); a chunk's fits are dropped when it is done.
        let chunk = 4096
        let finder = ReferenceClassFinder(index: index, minimum: settings.minimumReferenceChanges)
        // Panels of at most 400 years share one grid (see ``fitTogether``); longer ones use each chunk's own.
        let span = index.historyYears().flatMap { $0.count <= 400 ? $0 : nil }
        var assessed = [TargetAssessment](unsafeUninitializedCapacity: targets.count) { buffer, initialized in
            for start in stride(from: 0, to: targets.count, by: chunk) {
                let part = Array(targets[start..<min(targets.count, start + chunk)])
                let histories = Parallel.map(part.count) { k in
                    TargetHistory(index: index, region: part[k].region, indicator: index.indicator(part[k].indicator),
                                  targetYear: part[k].period.year)
                }
                let fits = fitTogether(part, histories, index, years: span)
                Parallel.initialize(buffer.baseAddress! + start, part.count, progress: { progress(start + $0) }) { k in
                    assess(part[k], in: index, history: histories[k], fits: fits[k], classes: finder)
                }
                initialized = start + part.count
            }
        }
        if settings.targetRecord { TargetRecordAdjustment.apply(&assessed, index: index, settings: settings) }
        return assessed
    }

    /// The trends of many targets' histories fitted as blocks of series: the model of the settings (batched where
    /// it is a regression model) and the weighted model of ESCAP's value. Equal to fitting each alone to 1e-12.
    func fitTogether(_ targets: [Observation], _ histories: [TargetHistory], _ index: PanelIndex, years span: ClosedRange<Int>?) -> [TargetTrend.Fits?] {
        // Histories with bounds are fitted one by one (``CensoredTrend``).
        let series = zip(targets, histories).map { t, h in
            settings.boundsAsEvidence && !h.bounds.isEmpty ? nil : TargetTrend.series(h.points, index.indicator(t.indicator), settings)
        }
        let fitted = series.indices.filter { series[$0] != nil }
        guard !fitted.isEmpty else { return Array(repeating: nil, count: targets.count) }
        var lo = Int.max, hi = Int.min
        for k in fitted { lo = min(lo, series[k]!.years[0]); hi = max(hi, series[k]!.years.last!) }
        // The grid is the years of the panel's histories, whatever the chunk holds: a fit's last bit then does not
        // depend on the other targets assessed with it (the scope).
        if let span { lo = min(lo, span.lowerBound); hi = max(hi, span.upperBound) }
        let years = Array(lo...hi), n = years.count
        var values = [Double](repeating: .nan, count: n * fitted.count)
        for (j, k) in fitted.enumerated() {
            for (y, v) in zip(series[k]!.years, series[k]!.values) { values[j * n + y - lo] = v }
        }
        let block = SeriesBlock(years: years, regions: fitted.map { targets[$0].region },
                                indicators: fitted.map { targets[$0].indicator },
                                values: Matrix(rows: n, columns: fitted.count, elements: values))
        let main = TrendSpecification(settings.model).fitAll(block)
        let weighted = TrendSpecification(.weighted).fitAll(block)
        var out = [TargetTrend.Fits?](repeating: nil, count: targets.count)
        for (j, k) in fitted.enumerated() { out[k] = TargetTrend.Fits(main: main[j], weighted: try? weighted[j].get()) }
        return out
    }

    /// Assesses one target with the evidence of the whole index.
    public func assess(_ target: Observation, in index: PanelIndex) -> TargetAssessment {
        assess(target, in: index, history: nil, fits: nil,
               classes: ReferenceClassFinder(index: index, minimum: settings.minimumReferenceChanges))
    }

    /// ``assess(_:in:)`` with the target's history and its trend's fits when they were made beforehand.
    func assess(_ target: Observation, in index: PanelIndex, history made: TargetHistory?, fits: TargetTrend.Fits?,
                classes: ReferenceClassFinder) -> TargetAssessment {
        let indicator = index.indicator(target.indicator)
        let year = target.period.year
        var notes: [AssessmentNote] = []
        if !target.period.isAnnual { notes.append(.comparedOnYear(period: target.period)) }
        if target.stretch { notes.append(.stretchTarget) }
        let history = made ?? TargetHistory(index: index, region: target.region, indicator: indicator, targetYear: year)
        notes += history.notes
        let trend = TargetTrend(history: history.points, bounds: history.bounds, indicator: indicator, year: year,
                                settings: settings, fits: fits)
        notes += trend.notes

        if case let .relative(to) = target.qualifier {
            return relative(target, indicator, to: to, history: history, trend: trend, index: index, notes: notes)
        }
        let comparison = Comparison(qualifier: target.qualifier, value: target.value, indicator: indicator, settings: settings)!
        var b = Builder(target: target, indicator: indicator, history: history, trend: trend, notes: notes)
        b.targetHigh = { if case let .range(h) = target.qualifier { h } else { nil } }()
        guard let latest = history.latest else {
            b.notes.append(.noActualBefore(year: year))
            b.unassessed = .noActualValue(year: year)
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
        // Already met: the latest value is beyond the stated target, for an indicator that accumulates (not a growth
        // rate, which says nothing about next year's), in a year not yet observed.
        b.alreadyMet = history.observed == nil && indicator.kind != .growthRate && target.qualifier != .approximately
            && (reference - latest.value) * (indicator.direction == .lower ? -1 : 1) < 0
        // Completion only where the target lies beyond the first value in the direction of improvement.
        if let base = history.points.first, base.year < latest.year {
            let towards = comparison.sense(from: base.value)
            if towards * (reference - base.value) > 0 { b.completion = (latest.value - base.value) / (reference - base.value) }
        }
        b.requiredChange = h > 0 ? (reference - latest.value) / h : nil
        let compound = indicator.kind == .level || indicator.kind == .count
        if compound, h > 0 {
            if latest.value > 0 && reference > 0 {
                b.requiredGrowth = pow(reference / latest.value, 1 / h) - 1
            } else {
                b.notes.append(.growthUndefined(requiredChange: (reference - latest.value) / h))
            }
        }
        if history.points.count == 1 { b.notes.append(.oneValueOnly) }
        b.basis = trend.basis
        if let p = trend.projection {
            b.trendGrowth = trend.annualChange(from: latest, to: year, compound: compound)
            // A trend that fits exactly (a constant series, σ = 0) projects a point: the probability is 1 when the point
            // meets the target and 0 when it does not (a point exactly on "at least T" meets it).
            b.probability = p.distribution.scale > 0 ? comparison.probability(cdf: p.cdf, survival: p.survival)
                : comparison.isMet(by: p.mean) ? 1 : 0
        } else if let two = trend.twoPointValue, h > 0, !compound || (latest.value > 0 && two > 0) {
            // Growth carried from two values; none from a non-positive value (a growth rate from 0 is undefined) or
            // in the latest value's own year.
            b.trendGrowth = AnnualChange(
                value: compound ? pow(two / latest.value, 1 / h) - 1 : (two - latest.value) / h,
                interval: nil, isGrowthRate: compound)
        }
        if b.probability == nil, history.observed == nil, h > 0 {
            b.referenceClass(from: classes, latest: latest, comparison: comparison, settings: settings,
                             points: history.points.count + (settings.boundsAsEvidence ? history.bounds.count : 0),
                             trendTried: trend.projection == nil && trend.notes.contains { if case .noTrend = $0 { true } else { false } })
        }
        if let observed = history.observed {
            b.observedMargin = sense >= 0 ? observed.value - reference : reference - observed.value
            b.observedStatus = comparison.isMet(by: observed.value) ? .met : .missed
            if observed.kind == .lowerBound && !comparison.isMet(by: observed.value) && sense > 0 {
                b.observedStatus = nil
                b.notes.append(.outcomeIsBoundBelowTarget(year: year, value: observed.value))
                b.unassessed = .outcomeIsBound(year: year)
            }
        }
        b.ambition(compound: compound, reference: reference, sense: sense == 0 ? 1 : sense, history: history)
        b.trackRecord = GapAnalysis.trackRecord(target, indicator: indicator, index: index, settings: settings)
        let inputs = PresetInputs(
            points: history.points.map { ($0.year, $0.value) } + (latest.kind == .lowerBound || latest.kind == .upperBound ? [(latest.year, latest.value)] : []),
            latest: (latest.year, latest.value), target: reference, targetYear: year, sense: sense, compound: compound,
            projected: trend.projection?.mean ?? trend.twoPointValue, weightedProjected: trend.weightedValue ?? trend.twoPointValue)
        return b.build(settings: settings, presets: StatusPresets.all(inputs))
    }

    /// Targets relative to another series (income growth above GDP growth) or to a peer aggregate (below the
    /// provincial average), evaluated against that series' projection, or its own target for the year.
    func relative(_ target: Observation, _ indicator: Indicator, to: String, history: TargetHistory, trend: TargetTrend,
                  index: PanelIndex, notes: [AssessmentNote]) -> TargetAssessment {
        var b = Builder(target: target, indicator: indicator, history: history, trend: trend, notes: notes)
        let parts = to.split(separator: ":", maxSplits: 1).map(String.init)
        let (region, otherID) = parts.count == 2 ? (parts[0], parts[1]) : (target.region, parts[0])
        let other = index.indicator(otherID)
        let year = target.period.year
        let otherHistory = TargetHistory(index: index, region: region, indicator: other, targetYear: year)
        let otherTrend = TargetTrend(history: otherHistory.points, indicator: other, year: year, settings: settings)
        let sense: Double = indicator.direction == .lower ? -1 : 1
        let otherTarget = index.series(region: region, indicator: otherID).flatMap { s in
            index.points(s).first { $0.kind == .target && $0.year == year && $0.value.isFinite }
        }
        guard let mine = trend.projection else {
            b.notes.append(.relativeTooShort(points: history.points.count))
            b.unassessed = .relativeTooShort(points: history.points.count)
            return b.build(settings: settings, presets: StatusPresets.all(nil))
        }
        if let theirs = otherTrend.projection {
            // P(s·(Y − Z) > 0) with Y, Z independent, each approximated by a normal with its predictive mean and sd.
            let m = mine.mean - theirs.mean
            let sd = (mine.standardDeviation * mine.standardDeviation + theirs.standardDeviation * theirs.standardDeviation).squareRoot()
            b.probability = sd > 0 ? Normal.cdf(sense * m / sd) : (sense * m > 0 ? 1 : 0)
            b.notes.append(.relativeToProjection(region: region, indicator: otherID, year: year))
        } else if let t = otherTarget {
            b.probability = sense > 0 ? mine.survival(t.value) : mine.cdf(t.value)
            b.notes.append(.relativeToTarget(region: region, indicator: otherID, year: year, value: t.value))
        } else {
            b.notes.append(.relativeWithoutSeries(region: region, indicator: otherID))
            b.unassessed = .relativeWithoutSeries(region: region, indicator: otherID)
        }
        return b.build(settings: settings, presets: StatusPresets.all(nil))
    }

    /// Earlier targets of the same region and indicator whose year has an actual value.
    ///
    /// - Complexity: O(k) for the k records of the series.
    static func trackRecord(_ target: Observation, indicator: Indicator, index: PanelIndex, settings: GapSettings) -> TrackRecord? {
        guard let s = index.series(region: target.region, indicator: target.indicator),
              index.hasTarget(s, before: target.period.year) else { return nil }
        var actuals: [Int: Double] = [:]
        for p in index.historyPoints(s) { actuals[p.year] = p.value }
        let earlier = index.points(s).filter { $0.kind == .target && $0.year < target.period.year }
        var met = 0, missed = 0, margins: [Double] = []
        for t in earlier {
            guard let c = Comparison(qualifier: t.qualifier, value: t.value, indicator: indicator, settings: settings),
                  let actual = actuals[t.year] else { continue }
            if c.isMet(by: actual) { met += 1 } else { missed += 1 }
            margins.append((indicator.direction == .lower ? -1 : 1) * (actual - t.value))
        }
        guard met + missed > 0 else { return nil }
        return TrackRecord(met: met, missed: missed, meanMiss: margins.reduce(0, +) / Double(margins.count))
    }
}
