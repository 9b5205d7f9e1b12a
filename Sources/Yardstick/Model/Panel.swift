/// Everything read from one or more files: indicators with their metadata and all observations, in reading order.
///
/// ```swift
/// let panel = try PanelReader().read(["report.csv"])
/// panel.history(region: "Zhuzhou", indicator: "gdp")     // a Series of actual values
/// panel.targets                                          // the targets, with their qualifiers
/// ```
public struct Panel: Sendable {
    /// Metadata by indicator id (indicators read without metadata get a default entry).
    public internal(set) var indicators: [String: Indicator] = [:]
    public internal(set) var observations: [Observation] = []
    /// Values that were missing-value markers, by file: counted, never silently dropped.
    public internal(set) var missingValues = 0
    /// Rows or cells skipped by an explicit option (e.g. columns left out of `--indicator-columns`).
    public internal(set) var skipped = 0
    /// Things a reader of the data should know (unit conversions, sub-annual data not used for yearly trends).
    public internal(set) var warnings: [String] = []

    public init() {}

    /// Regions in order of first appearance.
    public var regions: [String] { Panel.unique(observations.lazy.map(\.region)) }

    /// Indicator ids in order of first appearance.
    public var indicatorIDs: [String] { Panel.unique(observations.lazy.map(\.indicator)) }

    /// The indicator's metadata (a default when none was given).
    public func indicator(_ id: String) -> Indicator { indicators[id] ?? Indicator(id: id) }

    /// The targets.
    public var targets: [Observation] { observations.filter { $0.kind == .target } }

    /// The region with the most targets (the first such in reading order), nil when there is none.
    public var regionWithMostTargets: String? {
        var counts: [String: Int] = [:], order: [String] = []
        for t in targets {
            if counts[t.region] == nil { order.append(t.region) }
            counts[t.region, default: 0] += 1
        }
        let most = counts.values.max()
        return order.first { counts[$0] == most }
    }

    /// Observations that are not history points: targets and bounds ("more than 1200").
    public var nonHistoryCount: Int { observations.count { !$0.isHistoryPoint } }

    /// Values read as missing plus cells left out by an option: what was in the files but is not an observation.
    public var notRead: Int { missingValues + skipped }

    /// The earliest and latest periods.
    public var periodRange: ClosedRange<Period>? {
        guard var lo = observations.first?.period else { return nil }
        var hi = lo
        for o in observations { if o.period < lo { lo = o.period } else if hi < o.period { hi = o.period } }
        return lo...hi
    }

    /// The yearly history of one indicator in one region: actual and preliminary values stated exactly or
    /// approximately (bounds such as "more than 1200" are not points of a history). Where a year has both a
    /// preliminary and a final value, the final one is used.
    public func history(region: String, indicator: String) -> Series {
        var byYear: [Int: Observation] = [:]
        for o in observations where o.region == region && o.indicator == indicator && o.isHistoryPoint && o.period.isAnnual {
            if let known = byYear[o.period.year], known.kind == .actual { continue }
            byYear[o.period.year] = o
        }
        let years = byYear.keys.sorted()
        return Series(region: region, indicator: indicator, years: years, values: years.map { byYear[$0]!.value })
    }

    /// The observations behind ``history(region:indicator:)``, one per year, in year order (with their kinds, so
    /// that preliminary values can be flagged).
    public func historyObservations(region: String, indicator: String) -> [Observation] {
        var byYear: [Int: Observation] = [:]
        for o in observations where o.region == region && o.indicator == indicator && o.isHistoryPoint && o.period.isAnnual {
            if let known = byYear[o.period.year], known.kind == .actual { continue }
            byYear[o.period.year] = o
        }
        return byYear.keys.sorted().map { byYear[$0]! }
    }

    /// Every (region, indicator) yearly history with at least one point, in order of first appearance.
    public var histories: [Series] {
        var seen = Set<String>(), out: [Series] = []
        for o in observations where o.isHistoryPoint && o.period.isAnnual {
            let key = o.region + "\u{1F}" + o.indicator
            if seen.insert(key).inserted { out.append(history(region: o.region, indicator: o.indicator)) }
        }
        return out
    }

    /// Sets (or overrides) an indicator's direction.
    public mutating func setDirection(_ direction: Direction, for id: String) {
        var i = indicator(id)
        i.direction = direction
        indicators[id] = i
    }

    /// Adds metadata, replacing what was there for the same ids.
    public mutating func apply(metadata: [Indicator]) {
        for m in metadata { indicators[m.id] = m }
    }

    /// Keeps only observations that satisfy `keep`.
    public mutating func filter(_ keep: (Observation) -> Bool) { observations.removeAll { !keep($0) } }

    /// Adds another file's panel. An indicator already read in another unit is converted when the units differ
    /// only by a magnitude word (万元 and 亿元), and is an error otherwise, naming the first conflicting line.
    mutating func append(_ other: Panel) throws(InputError) {
        var factors: [String: Double] = [:], conversions = 0
        for (k, v) in other.indicators {
            guard let mine = indicators[k] else { indicators[k] = v; continue }
            guard mine.unit != v.unit else { continue }
            guard let f = Units.factor(from: v.unit, to: mine.unit) else {
                let o = other.observations.first { $0.indicator == k }!
                throw .invalidCell(file: o.file, line: o.line, column: 0, columnName: "unit", found: v.unit,
                                   expected: "the unit '\(mine.unit)' that indicator \(k) has in the files read before; one indicator cannot mix units")
            }
            factors[k] = f
        }
        var incoming = other.observations
        if !factors.isEmpty {
            for i in incoming.indices {
                guard let f = factors[incoming[i].indicator] else { continue }
                incoming[i].value *= f
                incoming[i].unit = indicators[incoming[i].indicator]!.unit
                conversions += 1
            }
            warnings.append("\(other.observations.first?.file ?? "a file"): \(conversions) value\(conversions == 1 ? "" : "s") converted to the units of the files read before (万/亿)")
        }
        observations += incoming
        missingValues += other.missingValues
        skipped += other.skipped
        warnings += other.warnings
    }

    /// Distinct values in order of first appearance (consecutive repeats, the usual case, are not re-hashed).
    private static func unique<S: Sequence>(_ values: S) -> [String] where S.Element == String {
        var seen = Set<String>(), out: [String] = [], last: String?
        for v in values {
            if v == last { continue }
            last = v
            if seen.insert(v).inserted { out.append(v) }
        }
        return out
    }
}
