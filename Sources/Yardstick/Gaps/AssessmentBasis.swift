/// What an assessment's probability, or its verdict, rests on. The report shows it beside every probability, so
/// that a reader can tell a target judged from ten years of its own history from one judged from its peers.
public enum AssessmentBasis: Sendable, Equatable {
    /// The target year is observed: met or missed.
    case observed
    /// The indicator's own history: a trend fitted to `points` values.
    case ownHistory(points: Int)
    /// The own history with values known only as bounds ("more than 1200") entering the fit as censored
    /// observations (``CensoredTrend``): `points` values and `bounds` bounds.
    case censored(points: Int, bounds: Int)
    /// Too few values for a censored fit: bounds taken as values. With lower bounds only the projection, and the
    /// probability of meeting a higher-is-better target, are lower estimates (`lowerEstimate`).
    case boundsAsValues(points: Int, bounds: Int, lowerEstimate: Bool)
    /// Fewer than three values of its own: the year-over-year changes of a reference class.
    case referenceClass(ReferenceClass)
    /// The record of the indicator's earlier targets against their outcomes (`--target-record`).
    case targetRecord(TargetRecord)
    /// `--target-record` with fewer than five earlier targets of the indicator: the share of every earlier target
    /// met, `met` of `of`.
    case earlierTargets(met: Int, of: Int)

    /// Whether values known only as bounds entered the trend (censored, or as values).
    public var usesBounds: Bool {
        switch self {
        case .censored, .boundsAsValues: true
        case .observed, .ownHistory, .referenceClass, .targetRecord, .earlierTargets: false
        }
    }

    /// Whether it is the plain basis a reader assumes (the outcome, or the indicator's own values), which outputs
    /// need not spell out.
    public var isPlain: Bool {
        switch self {
        case .observed, .ownHistory: true
        case .censored, .boundsAsValues, .referenceClass, .targetRecord, .earlierTargets: false
        }
    }

    /// A stable identifier for machine output.
    public var code: String {
        switch self {
        case .observed: "observed"
        case .ownHistory: "own_history"
        case .censored: "censored_history"
        case .boundsAsValues: "bounds_as_values"
        case .referenceClass: "reference_class"
        case .targetRecord: "target_record"
        case .earlierTargets: "earlier_targets"
        }
    }
}

/// Why a target could not be assessed (no probability and no observed outcome): what is missing, so that a reader
/// sees which data would make it assessable.
public enum UnassessedReason: Sendable, Equatable, Hashable {
    /// No value of the indicator (nor a bound) before the target year.
    case noActualValue(year: Int)
    /// Fewer than three values of its own, and no reference class of at least `minimum` changes: `peerChanges`
    /// year-over-year changes of the indicator in peer regions, `kindChanges` of the region's indicators of the
    /// same kind.
    case tooFewPoints(points: Int, peerChanges: Int, kindChanges: Int, minimum: Int)
    /// Fewer than three values of its own, reference classes switched off (`--no-reference-class`).
    case referenceClassOff(points: Int)
    /// A relative target whose own series has too few values for a projection.
    case relativeTooShort(points: Int)
    /// A relative target whose other series (`indicator` of `region`) has neither a history nor a target.
    case relativeWithoutSeries(region: String, indicator: String)
    /// The target year is known only as a bound that does not settle it.
    case outcomeIsBound(year: Int)
    /// A trend was attempted and failed (``AssessmentNote/noTrend(_:)`` says why).
    case trendFailed

    /// A stable identifier for machine output (the group a report lists the target under).
    public var code: String {
        switch self {
        case .noActualValue: "no_actual_value"
        case .tooFewPoints: "too_few_points"
        case .referenceClassOff: "reference_class_off"
        case .relativeTooShort: "relative_too_short"
        case .relativeWithoutSeries: "relative_without_series"
        case .outcomeIsBound: "outcome_is_bound"
        case .trendFailed: "trend_failed"
        }
    }
}
