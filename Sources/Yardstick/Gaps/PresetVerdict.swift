/// A published method's verdict on one target: its own class, the Yardstick class it maps to, and the number it
/// rests on. The report module words the verdict.
public struct PresetResult: Sendable, Equatable {
    public let method: StatusMethod
    public let verdict: PresetVerdict
    public let status: TargetStatus
    /// The ratio or index the class was read from (nil when not assessable).
    public let value: Double?
    /// ESCAP's Current Status Index, (latest − baseline)/(target − baseline), given beside its verdict.
    public let currentStatusIndex: Double?

    init(method: StatusMethod, verdict: PresetVerdict, status: TargetStatus, value: Double?, currentStatusIndex: Double? = nil) {
        self.method = method
        self.verdict = verdict
        self.status = status
        self.value = value
        self.currentStatusIndex = currentStatusIndex
    }
}

/// The classes of the five published methods, by their own names (``StatusPresets`` defines them).
public enum PresetVerdict: Sendable, Equatable {
    // Eurostat
    case targetReached, significantProgress, moderateProgress, insufficientProgress, movementAway
    // UNSD (and SDR's on track)
    case metOrAlmostMet, onTrack, fairProgress, limitedProgress, deterioration
    // ESCAP
    case maintainProgress, accelerateProgress, reverseTrend
    // SDR
    case maintainingAchievement, moderatelyImproving, stagnating, decreasing
    // Destatis
    case sunTargetReached, sun, slightlyCloudy, cloudy, thunderstorm
    /// The target year is observed: the class is met or missed, whatever the method.
    case targetYearObserved
    /// The method cannot classify the target, and why.
    case notAssessable(PresetShortfall)

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .targetReached: "target_reached"
        case .significantProgress: "significant_progress"
        case .moderateProgress: "moderate_progress"
        case .insufficientProgress: "insufficient_progress"
        case .movementAway: "movement_away"
        case .metOrAlmostMet: "met_or_almost_met"
        case .onTrack: "on_track"
        case .fairProgress: "fair_progress"
        case .limitedProgress: "limited_progress"
        case .deterioration: "deterioration"
        case .maintainProgress: "maintain_progress"
        case .accelerateProgress: "accelerate_progress"
        case .reverseTrend: "reverse_trend"
        case .maintainingAchievement: "maintaining_achievement"
        case .moderatelyImproving: "moderately_improving"
        case .stagnating: "stagnating"
        case .decreasing: "decreasing"
        case .sunTargetReached: "sun_target_reached"
        case .sun: "sun"
        case .slightlyCloudy: "slightly_cloudy"
        case .cloudy: "cloudy"
        case .thunderstorm: "thunderstorm"
        case .targetYearObserved: "target_year_observed"
        case let .notAssessable(why): "not_assessable_" + why.rawValue
        }
    }
}

/// Why a published method cannot classify a target.
public enum PresetShortfall: String, Sendable, Equatable {
    case noHistory = "no_history"
    case needsTwoValues = "needs_two_values"
    case growthUndefined = "growth_undefined"
    case needsTrend = "needs_trend"
    case targetEqualsBaseline = "target_equals_baseline"
    case noTimeLeft = "no_time_left"
}
