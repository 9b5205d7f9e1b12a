/// Whether a value is a result or an aim.
public enum ObservationKind: String, Sendable, CaseIterable, Codable {
    case actual
    /// A preliminary actual (预计, "expected"): used as an actual and flagged.
    case preliminary
    case target
}

/// How a value is stated. Official texts rarely give a plain number: "about 7%" (左右), "at least 10%" (以上),
/// "within 3%" (以内), "above 1500" (突破), "4.5% to 5%", "above GDP growth".
public enum Qualifier: Sendable, Equatable, Hashable {
    /// `=`: the value as stated.
    case exact
    /// `~`: about (左右).
    case approximately
    /// `>=`: at least (以上, 不低于).
    case atLeast
    /// `>`: more than (突破, 超过): for an actual, only a lower bound is known.
    case moreThan
    /// `<=`: at most (以内, 以下).
    case atMost
    /// `<`: less than.
    case lessThan
    /// `range`: between the value and `high`.
    case range(high: Double)
    /// `relative`: compared with another series, named as `indicator` (same region) or `region:indicator`;
    /// the sense (above or below) follows the indicator's direction.
    case relative(to: String)

    /// The canonical CSV symbol.
    public var symbol: String {
        switch self {
        case .exact: "="
        case .approximately: "~"
        case .atLeast: ">="
        case .moreThan: ">"
        case .atMost: "<="
        case .lessThan: "<"
        case .range: "range"
        case .relative: "relative"
        }
    }

    /// Whether an actual stated this way is a known value (exact or approximate), not only a bound.
    public var isPointValue: Bool { self == .exact || self == .approximately }
}

/// One statement of a value: a region's indicator in a period, with what kind of value it is and how it is stated.
public struct Observation: Sendable, Equatable {
    public var region: String
    public var indicator: String
    public var period: Period
    /// The value in `unit`; NaN for a relative target, which has none of its own.
    public var value: Double
    public var kind: ObservationKind
    public var qualifier: Qualifier
    public var unit: String
    public var source: String
    public var note: String
    /// A stretch target (力争, "strive for"): the government aims higher than it commits to.
    public var stretch: Bool
    /// For a rank, the number of places in the ranking (39th of 100) where the source says it.
    public var fieldSize: Int?
    /// The file it was read from and the line (0 when not read from a file).
    public var file: String
    public var line: Int
    /// Where it was read: `file:line`.
    public var location: String { line > 0 ? "\(file):\(line)" : file }

    public init(region: String, indicator: String, period: Period, value: Double, kind: ObservationKind = .actual,
                qualifier: Qualifier = .exact, unit: String = "", source: String = "", note: String = "",
                stretch: Bool = false, fieldSize: Int? = nil, file: String = "", line: Int = 0) {
        self.region = region
        self.indicator = indicator
        self.period = period
        self.value = value
        self.kind = kind
        self.qualifier = qualifier
        self.unit = unit
        self.source = source
        self.note = note
        self.stretch = stretch
        self.fieldSize = fieldSize
        self.file = file
        self.line = line
    }

    /// Two observations with the same key state the same thing twice: one target per region, indicator and period;
    /// one actual and one preliminary value (a bound may stand beside a known value).
    var duplicateKey: DuplicateKey {
        DuplicateKey(region: region, indicator: indicator, period: period, slot: duplicateSlot)
    }

    /// The slot part of ``duplicateKey`` as a number: 0 target, 1 actual, 2 preliminary, 3… bounds.
    var duplicateSlot: Int { Observation.slot(kind: kind, qualifier: qualifier) }

    static func slot(kind: ObservationKind, qualifier: Qualifier) -> Int {
        if kind == .target { return 0 }
        if qualifier.isPointValue { return kind == .actual ? 1 : 2 }
        let q: Int = switch qualifier { case .atLeast: 0; case .moreThan: 1; case .atMost: 2; case .lessThan: 3; default: 4 }
        return 3 + q * 2 + (kind == .actual ? 0 : 1)
    }

    struct DuplicateKey: Hashable {
        let region: String, indicator: String, period: Period, slot: Int
    }

    /// Whether this observation is a point of the indicator's history (an actual or preliminary known value).
    public var isHistoryPoint: Bool { kind != .target && qualifier.isPointValue }
}
