/// A rate of change per year with its 95% interval where one exists.
public struct AnnualChange: Sendable, Equatable {
    /// Compound growth (a fraction: 0.05 is 5%) for levels and counts; change in the indicator's unit per year
    /// (percentage points for rates and shares, places for ranks) otherwise.
    public let value: Double
    public let interval: ClosedRange<Double>?
    /// Whether `value` is a compound growth rate (true) or a change in units (false).
    public let isGrowthRate: Bool
}

/// A trend line for charts: the fitted values over the history and the projection, year by year, to the target
/// year, with its prediction bands (on the data's scale).
public struct TrendPath: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let year: Int
        public let value: Double
        /// Prediction bands at the analysis levels (empty for fitted values and two-point extrapolations).
        public let bands: [PredictionInterval]
    }
    public let fitted: [Point]
    public let projected: [Point]
}

/// Earlier targets for the same indicator and what became of them.
public struct TrackRecord: Sendable, Equatable {
    public let met: Int
    public let missed: Int
    /// Mean of (actual − target) in the direction of improvement: positive means targets were beaten on average.
    public let meanMiss: Double?
}

/// Everything Yardstick says about one target (see ``GapAnalysis`` for the formulas).
public struct TargetAssessment: Sendable {
    public let target: Observation
    public let indicator: Indicator
    /// The target's value (nil for a relative target) and, for a range, its upper end.
    public let targetValue: Double?
    public let targetHigh: Double?
    /// The first and the latest value of the history (the latest may be a bound, a preliminary or derived value).
    public let baseline: HistoryPoint?
    public let latest: HistoryPoint?
    /// Reference target minus latest value, in the data's unit.
    public let gapAbsolute: Double?
    /// gapAbsolute / |latest|.
    public let gapRelative: Double?
    /// Progress made over progress required: (latest − baseline)/(reference − baseline).
    public let completion: Double?
    /// Whether the latest value is already beyond the stated target in the direction of improvement (not for an
    /// "about" target, whose tolerance works both ways).
    public let alreadyMet: Bool
    /// The growth a year needed from the latest value: (reference/latest)^(1/years) − 1 (levels, counts).
    public let requiredGrowth: Double?
    /// The change a year needed: (reference − latest)/years, in the data's unit.
    public let requiredChange: Double?
    /// The growth (or change) a year the trend delivers from the latest value to its projection, with the
    /// interval implied by the projection's 95% interval.
    public let trendGrowth: AnnualChange?
    public let projection: Projection?
    /// The trend line and its projection for charts.
    public let path: TrendPath?
    /// The history before the target year (actual, preliminary and derived values; bounds are not points).
    public let history: [HistoryPoint]
    /// The values known only as bounds before the target year, in years without a value.
    public let bounds: [HistoryPoint]
    /// P(the target is met) under the projection's predictive distribution.
    public internal(set) var probability: Double?
    /// The class under the chosen method, and Yardstick's own class.
    public internal(set) var status: TargetStatus
    public internal(set) var ownStatus: TargetStatus
    /// Every preset's verdict, in the order of ``StatusMethod``.
    public let methodStatuses: [PresetResult]
    /// Share of the history's annual growth rates (or changes) below the growth this target requires.
    public let ambitionPercentile: Double?
    /// How many of the history's annual rates reached the required one, and of how many.
    public let ambitionSeen: (count: Int, of: Int)?
    public let trackRecord: TrackRecord?
    /// For a target period already observed: the value, and by how much it beat (+) or missed (−) the target.
    public let observed: HistoryPoint?
    public let observedMargin: Double?
    /// What the probability or verdict rests on (nil when there is neither).
    public internal(set) var basis: AssessmentBasis?
    /// Why the target could not be assessed, when it could not (no probability and no observed outcome).
    public let unassessed: UnassessedReason?
    /// What a reader should know, as values (the report module words them).
    public let notes: [AssessmentNote]
}
