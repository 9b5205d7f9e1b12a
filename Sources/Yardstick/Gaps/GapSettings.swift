/// The status classes of a target.
public enum TargetStatus: String, Sendable, CaseIterable, Codable {
    /// The target period is observed and the target was met.
    case met
    /// The target period is observed and the target was missed.
    case missed
    case onTrack = "on_track"
    case atRisk = "at_risk"
    case offTrack = "off_track"
    case notAssessable = "not_assessable"
}

/// Which classification `status` follows.
public enum StatusMethod: String, Sendable, CaseIterable {
    /// Yardstick's own classes from the probability of meeting the target (see ``GapSettings``).
    case own
    /// Eurostat / Open SDG: ratio of the growth achieved to the growth required (0.95 / 0.60 / 0).
    case eurostat
    /// UNSD SDG Progress Chart: share of the required progress expected by the target year (0.95 / 0.10 / 0).
    case unsd
    /// ESCAP: Current Status Index and anticipated progress by time-weighted regression.
    case escap
    /// Sustainable Development Report: four trend arrows (the 50%-of-required-rate rule).
    case sdr
    /// Destatis (German Sustainable Development Strategy): weather symbols (projected miss < 5%, 5–20%, > 20%).
    case destatis
}

/// Settings of a gap analysis, with documented defaults.
public struct GapSettings: Sendable {
    /// The trend model for projections; nil for `auto` (smallest AICc).
    public var model: TrendModelKind?
    /// The classification behind `status`.
    public var method: StatusMethod = .own
    /// Interval levels (percent) of the projection.
    public var levels: [Double] = [80, 95]
    /// Tolerance of an "about" (左右) target for rates and shares, in percentage points: "about 7%" is met from
    /// 6.5% for a higher-is-better rate. Default 0.5.
    public var rateTolerance = 0.5
    /// Tolerance of an "about" target for levels, counts and ranks, relative: "about 1000" is met from 980.
    /// Default 2%.
    public var levelTolerance = 0.02
    /// Own classes: on track when P(meeting the target) ≥ `onTrackProbability` (default 0.75), off track below
    /// `offTrackProbability` (default 0.25), at risk in between.
    public var onTrackProbability = 0.75
    public var offTrackProbability = 0.25
    /// Shares (kind share, with bounds) strictly inside their bounds are projected on the logit scale.
    public var logitForShares = true
    /// Whether each assessment keeps its trend's path (fitted and projected years, for charts). Tables do not need
    /// it: without it, 100 000 targets take a third less memory.
    public var keepsPaths = true
    /// Whether a target with fewer than three values of its own is judged by a ``ReferenceClass`` (default true;
    /// `--no-reference-class` turns it off), and the fewest changes a class may have (default 5).
    public var referenceClasses = true
    public var minimumReferenceChanges = 5
    /// Whether values known only as bounds enter the trend (``CensoredTrend``; bounds as values, flagged, below
    /// three values). Default true.
    public var boundsAsEvidence = true
    /// Whether probabilities come from the record of the indicator's earlier targets against their outcomes
    /// (``TargetRecord``; the share of every earlier target met while the indicator has fewer than five) instead of
    /// the trend, where the trend gives one (`--target-record`; default false). The backtest of China's national
    /// record scores it better than the trend (README, "Backtest").
    public var targetRecord = false

    public init(model: TrendModelKind? = nil, method: StatusMethod = .own) {
        self.model = model
        self.method = method
    }

    /// The own class of a probability.
    func ownStatus(_ p: Double?) -> TargetStatus {
        guard let p, p.isFinite else { return .notAssessable }
        return p >= onTrackProbability ? .onTrack : p >= offTrackProbability ? .atRisk : .offTrack
    }
}
