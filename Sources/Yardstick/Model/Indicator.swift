/// Which way is better for an indicator.
public enum Direction: String, Sendable, CaseIterable, Codable {
    /// More is better (GDP, R&D intensity).
    case higher
    /// Less is better (unemployment, CPI inflation, a rank).
    case lower
    /// Closest to the target is best (a price-stability target).
    case target
}

/// What an indicator measures, which decides how it is projected and compared.
public enum IndicatorKind: String, Sendable, CaseIterable, Codable {
    /// An amount (GDP in 亿元, trains run).
    case level
    /// A growth rate in percent (GDP growth 7%): the target is the rate itself.
    case growthRate = "growth_rate"
    /// A share in percent, bounded by 0 and 100.
    case share
    /// A count of things (enterprises).
    case count
    /// A rank (1 is first; lower is better).
    case rank
}

/// An indicator and its metadata.
///
/// ```swift
/// Indicator(id: "rd_intensity", name: "研发投入强度", englishName: "R&D intensity", unit: "%", direction: .higher,
///           bounds: 0...100, kind: .share)
/// ```
public struct Indicator: Sendable, Equatable, Hashable {
    public var id: String
    /// The name in the source's language.
    public var name: String
    public var englishName: String?
    public var unit: String
    public var direction: Direction
    /// Whether the direction was stated (by metadata, by `--direction`, or by being a rank), not assumed.
    public var directionStated: Bool
    /// Natural bounds (0–100 for a share); nil when unbounded.
    public var bounds: ClosedRange<Double>?
    public var kind: IndicatorKind
    /// Whether the kind was stated (a metadata file's `kind`, an `indicator_kind` column), not taken as a level.
    public var kindStated: Bool
    /// How the kind or direction was settled when nothing stated it (said in every assessment).
    public var assumptions: [IndicatorAssumption] = []
    /// The indicator whose year-on-year growth (in percent) this one reports, in that indicator's own terms (trains
    /// run and their growth; not a real growth rate of a nominal amount): a level reported with its growth then
    /// gives the level of the year before. Declared in the metadata (`growth_of`), never guessed from ids.
    public var growthOf: String?
    /// Years in which the series changes basis (a census revision of GDP levels): a value from such a year on is
    /// not comparable with one before it. Declared in the metadata (`breaks`); an assessment reads the history from
    /// the last break, and no change is measured across one.
    public var breaks: [Int] = []

    public init(id: String, name: String? = nil, englishName: String? = nil, unit: String = "",
                direction: Direction = .higher, bounds: ClosedRange<Double>? = nil, kind: IndicatorKind = .level,
                growthOf: String? = nil, directionStated: Bool = false, kindStated: Bool = false) {
        self.kindStated = kindStated
        self.id = id
        self.name = name ?? id
        self.englishName = englishName
        self.unit = unit
        self.direction = direction
        self.directionStated = directionStated
        self.bounds = bounds
        self.kind = kind
        self.growthOf = growthOf
    }
}
