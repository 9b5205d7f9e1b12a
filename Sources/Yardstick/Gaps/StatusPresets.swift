/// What the presets need, all in "improvement units": values multiplied by the sense s (+1 when meeting the target
/// means going up, −1 going down), so that larger is better for every indicator.
struct PresetInputs {
    /// Points of the history (year, value), the latest last; at least one.
    let points: [(year: Int, value: Double)]
    let latest: (year: Int, value: Double)
    let target: Double
    let targetYear: Int
    let sense: Double
    /// Growth as compound rates (levels, counts) or as linear changes (rates, shares, ranks).
    let compound: Bool
    /// The trend's projection for the target year, and the time-weighted regression's (ESCAP).
    let projected: Double?
    let weightedProjected: Double?

    /// Whether the latest value already meets the target (or sits inside a range target).
    var alreadyMet: Bool { sense == 0 || sense * (latest.value - target) >= 0 }

    /// The baseline of the progress ratios (UNSD, ESCAP): the first value, unless it already lies on the target's
    /// side (a rate that has fallen below its target since), in which case progress is measured from the latest value.
    var baseline: Double {
        sense * (target - points[0].value) > 0 ? points[0].value : latest.value
    }
}

/// The five published classifications, each as its source defines it; thresholds are the published ones.
///
/// - Eurostat (SDG monitoring report, "quantitative targets"): r = growth achieved (compound annual rate over the
///   last 5 years of history) / growth required (from the latest value to the target); r ≥ 0.95 significant
///   progress, 0.60 ≤ r < 0.95 moderate progress, 0 ≤ r < 0.60 insufficient progress, r < 0 movement away.
/// - UNSD SDG Progress Chart (technical note, trend assessment with a target): r = (projected value at the target
///   year − baseline)/(target − baseline), the baseline being the first value (or the latest, when the first
///   already lies beyond the target); r ≥ 0.95 on track, 0.10 ≤ r < 0.95 fair progress but acceleration
///   needed, 0 ≤ r < 0.10 limited or no progress, r < 0 deterioration.
/// - ESCAP (Asia-Pacific SDG progress report): Current Status Index (latest − baseline)/(target − baseline), and
///   anticipated progress a = (time-weighted regression's value at the target year − baseline)/(target − baseline):
///   a ≥ 1 maintain progress, 0 ≤ a < 1 accelerate progress, a < 0 reverse trend.
/// - SDR (Sustainable Development Report trend arrows): achieved linear annual change against the change required
///   to reach the target: ≥ required on track, ≥ 50% of it moderately improving, > 0 stagnating, ≤ 0 decreasing.
/// - Destatis (German SDG indicator report, weather symbols): projected shortfall at the target year as a share of
///   the current gap, d = (target − projected)/(target − latest): d ≤ 0.05 sun, ≤ 0.20 slightly cloudy, more and
///   improving cloudy, worsening thunderstorm.
/// Each maps onto Yardstick's classes: the first class on track, the second at risk, the rest off track.
enum StatusPresets {
    static func all(_ x: PresetInputs?) -> [PresetResult] {
        [eurostat(x), unsd(x), escap(x), sdr(x), destatis(x)]
    }

    static func notAssessable(_ m: StatusMethod, _ why: PresetShortfall) -> PresetResult {
        PresetResult(method: m, verdict: .notAssessable(why), status: .notAssessable, value: nil)
    }

    /// Annual rate between two values: compound (a/b)^(1/years) − 1 or linear (a − b)/years, in improvement units.
    static func rate(from a: Double, to b: Double, years: Double, compound: Bool, sense: Double) -> Double? {
        guard years > 0 else { return nil }
        if compound {
            guard a > 0, b > 0 else { return nil }
            return sense * (pow(b / a, 1 / years) - 1)
        }
        return sense * (b - a) / years
    }

    static func eurostat(_ x: PresetInputs?) -> PresetResult {
        guard let x else { return notAssessable(.eurostat, .noHistory) }
        guard x.points.count >= 2 else { return notAssessable(.eurostat, .needsTwoValues) }
        if x.alreadyMet {
            return PresetResult(method: .eurostat, verdict: .targetReached, status: .onTrack, value: nil)
        }
        let start = x.points.first { $0.year >= x.latest.year - 5 } ?? x.points[0]
        guard let achieved = rate(from: start.value, to: x.latest.value, years: Double(x.latest.year - start.year), compound: x.compound, sense: x.sense),
              let required = rate(from: x.latest.value, to: x.target, years: Double(x.targetYear - x.latest.year), compound: x.compound, sense: x.sense),
              required > 0 else { return notAssessable(.eurostat, .growthUndefined) }
        return classify(.eurostat, achieved / required, [(0.95, .significantProgress, .onTrack), (0.60, .moderateProgress, .atRisk),
                                                         (0, .insufficientProgress, .offTrack)], else: .movementAway)
    }

    static func unsd(_ x: PresetInputs?) -> PresetResult {
        guard let x, x.points.count >= 2, let p = x.projected else { return notAssessable(.unsd, .needsTrend) }
        if x.alreadyMet {
            return PresetResult(method: .unsd, verdict: .metOrAlmostMet, status: .onTrack, value: nil)
        }
        let base = x.baseline
        guard x.target != base else { return notAssessable(.unsd, .targetEqualsBaseline) }
        return classify(.unsd, (p - base) / (x.target - base), [(0.95, .onTrack, .onTrack), (0.10, .fairProgress, .atRisk),
                                                               (0, .limitedProgress, .offTrack)], else: .deterioration)
    }

    static func escap(_ x: PresetInputs?) -> PresetResult {
        guard let x, x.points.count >= 2 else { return notAssessable(.escap, .needsTwoValues) }
        // A target the latest value already meets: progress towards it is not asked for (its progress ratios would
        // be measured from the latest value and could read "accelerate progress" for a target reached).
        if x.alreadyMet { return PresetResult(method: .escap, verdict: .maintainProgress, status: .onTrack, value: nil) }
        let base = x.baseline
        guard x.target != base else { return notAssessable(.escap, .targetEqualsBaseline) }
        let csi = (x.latest.value - base) / (x.target - base)
        guard let w = x.weightedProjected else { return notAssessable(.escap, .needsTrend) }
        let a = (w - base) / (x.target - base)
        let r = classify(.escap, a, [(1, .maintainProgress, .onTrack), (0, .accelerateProgress, .atRisk)], else: .reverseTrend)
        return PresetResult(method: .escap, verdict: r.verdict, status: r.status, value: a, currentStatusIndex: csi)
    }

    static func sdr(_ x: PresetInputs?) -> PresetResult {
        guard let x, x.points.count >= 2 else { return notAssessable(.sdr, .needsTwoValues) }
        if x.alreadyMet {
            return PresetResult(method: .sdr, verdict: .maintainingAchievement, status: .onTrack, value: nil)
        }
        let first = x.points[0]
        let achieved = x.sense * (x.latest.value - first.value) / Double(x.latest.year - first.year)
        let required = x.sense * (x.target - x.latest.value) / Double(x.targetYear - x.latest.year)
        guard required > 0, achieved.isFinite else { return notAssessable(.sdr, .noTimeLeft) }
        let r = achieved / required
        return classify(.sdr, r, [(1, .onTrack, .onTrack), (0.5, .moderatelyImproving, .atRisk)],
                        positive: .stagnating, else: .decreasing)
    }

    static func destatis(_ x: PresetInputs?) -> PresetResult {
        guard let x, x.points.count >= 2, let p = x.projected else { return notAssessable(.destatis, .needsTrend) }
        let gap = x.sense * (x.target - x.latest.value)
        if x.alreadyMet {
            return PresetResult(method: .destatis, verdict: .sunTargetReached, status: .onTrack, value: nil)
        }
        let d = x.sense * (x.target - p) / gap
        if d <= 0.05 { return PresetResult(method: .destatis, verdict: .sun, status: .onTrack, value: d) }
        if d <= 0.20 { return PresetResult(method: .destatis, verdict: .slightlyCloudy, status: .atRisk, value: d) }
        if x.sense * (p - x.latest.value) > 0 { return PresetResult(method: .destatis, verdict: .cloudy, status: .offTrack, value: d) }
        return PresetResult(method: .destatis, verdict: .thunderstorm, status: .offTrack, value: d)
    }

    /// The first class whose lower bound r reaches; then `positive` for r > 0 if given; otherwise `else`.
    static func classify(_ m: StatusMethod, _ r: Double, _ classes: [(Double, PresetVerdict, TargetStatus)],
                         positive: PresetVerdict? = nil, else last: PresetVerdict) -> PresetResult {
        for (bound, verdict, status) in classes where r >= bound {
            return PresetResult(method: m, verdict: verdict, status: status, value: r)
        }
        if let positive, r > 0 { return PresetResult(method: m, verdict: positive, status: .offTrack, value: r) }
        return PresetResult(method: m, verdict: last, status: .offTrack, value: r)
    }
}

import Foundation
