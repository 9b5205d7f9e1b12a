import Testing
@testable import Yardstick

/// The five published classifications at their boundaries, with inputs chosen so that the ratios are exact in
/// binary arithmetic (19/20 = 0.95, 12/20 = 0.6, 95/100, 10/100, 3/60 = 0.05, 12/60 = 0.2).
@Suite("Status presets")
struct StatusPresetsTests {
    /// Linear changes; latest 100 in 2022, target 140 in 2024 (20 a year required), first value `start` in 2020.
    func inputs(start: Double, latest: Double = 100, target: Double = 140, sense: Double = 1, projected: Double? = nil,
                weighted: Double? = nil) -> PresetInputs {
        PresetInputs(points: [(2020, start), (2022, latest)], latest: (2022, latest), target: target, targetYear: 2024,
                     sense: sense, compound: false, projected: projected, weightedProjected: weighted)
    }

    @Test(arguments: [(62.0, PresetVerdict.significantProgress, TargetStatus.onTrack, 0.95), (76, .moderateProgress, .atRisk, 0.6),
                      (100, .insufficientProgress, .offTrack, 0), (110, .movementAway, .offTrack, -0.25)])
    func eurostat(_ c: (Double, PresetVerdict, TargetStatus, Double)) {
        let r = StatusPresets.eurostat(inputs(start: c.0))
        #expect(r.verdict == c.1 && r.status == c.2 && r.value == c.3)
    }

    @Test func eurostatTargetAlreadyReachedAndWrongDirection() {
        #expect(StatusPresets.eurostat(inputs(start: 90, latest: 150)).verdict == .targetReached)
        // Lower is better: target 60 from 100, but the series rose from 62.
        let r = StatusPresets.eurostat(inputs(start: 62, target: 60, sense: -1))
        #expect(r.verdict == .movementAway && r.value! < 0)
    }

    @Test(arguments: [(155.0, PresetVerdict.onTrack, TargetStatus.onTrack), (70, .fairProgress, .atRisk),
                      (60, .limitedProgress, .offTrack), (50, .deterioration, .offTrack)])
    func unsd(_ c: (Double, PresetVerdict, TargetStatus)) {
        let r = StatusPresets.unsd(inputs(start: 60, target: 160, projected: c.0))
        #expect(r.verdict == c.1 && r.status == c.2)
    }

    @Test(arguments: [(160.0, PresetVerdict.maintainProgress, TargetStatus.onTrack), (159, .accelerateProgress, .atRisk), (59, .reverseTrend, .offTrack)])
    func escap(_ c: (Double, PresetVerdict, TargetStatus)) {
        let r = StatusPresets.escap(inputs(start: 60, target: 160, weighted: c.0))
        #expect(r.verdict == c.1 && r.status == c.2)
        #expect(relativeError(r.currentStatusIndex!, 0.4) < 1e-15)   // (100 − 60)/(160 − 60)
    }

    /// Required 20 a year (100 → 140 in two years); achieved over 2020–2022.
    @Test(arguments: [(60.0, PresetVerdict.onTrack, TargetStatus.onTrack), (80, .moderatelyImproving, .atRisk),
                      (90, .stagnating, .offTrack), (104, .decreasing, .offTrack)])
    func sdr(_ c: (Double, PresetVerdict, TargetStatus)) {
        let r = StatusPresets.sdr(inputs(start: c.0))
        #expect(r.verdict == c.1 && r.status == c.2)
    }

    /// Gap 60 (100 → 160): shortfalls 3/60 = 0.05, 12/60 = 0.2, 30/60 improving, and worsening.
    @Test(arguments: [(157.0, PresetVerdict.sun, TargetStatus.onTrack), (148, .slightlyCloudy, .atRisk), (130, .cloudy, .offTrack),
                      (90, .thunderstorm, .offTrack)])
    func destatis(_ c: (Double, PresetVerdict, TargetStatus)) {
        let r = StatusPresets.destatis(inputs(start: 60, target: 160, projected: c.0))
        #expect(r.verdict == c.1 && r.status == c.2)
    }

    @Test func onePointIsNotAssessableByAnyPreset() {
        let x = PresetInputs(points: [(2023, 100)], latest: (2023, 100), target: 120, targetYear: 2024, sense: 1,
                             compound: true, projected: nil, weightedProjected: nil)
        #expect(StatusPresets.all(x).allSatisfy { $0.status == .notAssessable })
        #expect(StatusPresets.all(x).map(\.verdict) == [.notAssessable(.needsTwoValues), .notAssessable(.needsTrend),
                                                        .notAssessable(.needsTwoValues), .notAssessable(.needsTwoValues),
                                                        .notAssessable(.needsTrend)])
    }
}

extension StatusPresetsTests {
    /// A rate that was above its target at the start and has fallen below it: progress is measured from the latest
    /// value, so a projection still falling is a deterioration, not "on track".
    @Test func baselineBeyondTheTargetUsesTheLatestValue() {
        let x = PresetInputs(points: [(2015, 9.5), (2023, 5.5)], latest: (2023, 5.5), target: 6.5, targetYear: 2024, sense: 1,
                             compound: false, projected: 5.0, weightedProjected: 5.0)
        #expect(StatusPresets.unsd(x).verdict == .deterioration)
        #expect(StatusPresets.escap(x).verdict == .reverseTrend)
    }
}

extension StatusPresetsTests {
    /// A target the latest value already meets: ESCAP says maintain progress (its ratios, measured from the latest
    /// value, once read "accelerate progress" for a target reached), as SDR says maintaining achievement.
    @Test func escapOnATargetAlreadyMet() {
        let x = PresetInputs(points: [(2020, 6), (2022, 9)], latest: (2022, 9), target: 8, targetYear: 2023, sense: 1,
                             compound: false, projected: 8.5, weightedProjected: 8.6)
        let r = StatusPresets.escap(x)
        #expect(r.verdict == .maintainProgress && r.status == .onTrack && r.value == nil)
        #expect(StatusPresets.sdr(x).verdict == .maintainingAchievement)
    }
}
