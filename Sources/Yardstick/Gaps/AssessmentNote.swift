/// Something the reader of an assessment should know, as a value with its numbers, periods and series: the report
/// module words it in the report's language; ``code`` names it in machine output. No behaviour depends on a note.
public enum AssessmentNote: Sendable, Equatable {
    /// A quarterly or monthly target, compared on its year.
    case comparedOnYear(period: Period)
    /// A stretch target (力争): the government strives for more than it commits to.
    case stretchTarget
    /// A point of the history derived from the next year's level and that year's reported growth (percent).
    case derivedFromGrowth(year: Int, value: Double, level: Double, growth: Double)
    /// The latest value is known only as a bound (kind ``PointKind/lowerBound`` or ``PointKind/upperBound``);
    /// gaps and required growth are measured from it.
    case latestIsBound(kind: PointKind, value: Double, year: Int)
    /// The latest value is preliminary (预计).
    case latestIsPreliminary(year: Int)
    /// Projected on the logit scale, the share being bounded.
    case logitScale(lower: Double, upper: Double)
    /// What the trend fit reported.
    case trend(TrendWarning)
    /// No trend could be fitted.
    case noTrend(TrendError)
    /// Two values only: their growth is carried forward, without an interval or a probability.
    case twoValuesOnly
    /// One value only: the required growth is all that can be said.
    case oneValueOnly
    /// No actual value before the target year.
    case noActualBefore(year: Int)
    /// A growth rate is undefined from a non-positive value; the required change a year is given instead.
    case growthUndefined(requiredChange: Double)
    /// The target year is known only as a lower bound below the target: met or missed cannot be told.
    case outcomeIsBoundBelowTarget(year: Int, value: Double)
    /// How often the history reached what the target asks: `seen` of `of` years.
    case ambition(measure: AmbitionMeasure, seen: Int, of: Int)
    /// A relative target whose own series has too few points for a trend.
    case relativeTooShort(points: Int)
    /// A relative target compared with the projection of the series it refers to.
    case relativeToProjection(region: String, indicator: String, year: Int)
    /// A relative target compared with the other series' own target for the year.
    case relativeToTarget(region: String, indicator: String, year: Int, value: Double)
    /// A relative target whose other series has no history and no target for the year.
    case relativeWithoutSeries(region: String, indicator: String)
    /// The series changes basis in `year` (``Indicator/breaks``): the `dropped` values before it are left out.
    case seriesBreak(year: Int, dropped: Int)
    /// The indicator's kind or direction was assumed, nothing having stated it (``IndicatorAssumption``).
    case assumed(IndicatorAssumption)

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .comparedOnYear: "compared_on_year"
        case .stretchTarget: "stretch_target"
        case .derivedFromGrowth: "derived_from_growth"
        case .latestIsBound: "latest_is_bound"
        case .latestIsPreliminary: "latest_is_preliminary"
        case .logitScale: "logit_scale"
        case let .trend(w): "trend_" + w.code
        case .noTrend: "no_trend"
        case .twoValuesOnly: "two_values_only"
        case .oneValueOnly: "one_value_only"
        case .noActualBefore: "no_actual_before"
        case .growthUndefined: "growth_undefined"
        case .outcomeIsBoundBelowTarget: "outcome_is_bound_below_target"
        case .ambition: "ambition"
        case .relativeTooShort: "relative_too_short"
        case .relativeToProjection: "relative_to_projection"
        case .relativeToTarget: "relative_to_target"
        case .relativeWithoutSeries: "relative_without_series"
        case .seriesBreak: "series_break"
        case let .assumed(a): "assumed_" + a.code
        }
    }
}

/// What the ambition of a target is measured by: the rate itself (growth-rate indicators), compound growth
/// (levels and counts), or the change a year (shares, ranks).
public enum AmbitionMeasure: String, Sendable, Equatable {
    case rate, growth, change
}
