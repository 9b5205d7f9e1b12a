/// Everything read from one or more files: indicators with their metadata, region names, and all observations, in
/// reading order. Analyses read it through a ``PanelIndex``, built once after reading.
///
/// ```swift
/// let panel = try PanelReader().read(["report.csv"])
/// panel.observations.count                                   // every observation read
/// PanelIndex(panel).history(region: "Zhuzhou", indicator: "gdp")
/// ```
public struct Panel: Sendable {
    /// Metadata by indicator id (indicators read without metadata get a default entry).
    public internal(set) var indicators: [String: Indicator] = [:]
    /// Names of regions by id, from region metadata (``RegionNames``); a region without an entry is named by its id.
    public internal(set) var regionNames: [String: RegionNames] = [:]
    /// The observations, as records over a string pool.
    var table = ObservationTable()
    /// Values that were missing-value markers, by file: counted, never silently dropped.
    public internal(set) var missingValues = 0
    /// Rows or cells skipped by an explicit option (e.g. columns left out of `--indicator-columns`).
    public internal(set) var skipped = 0
    /// Things a reader of the data should know (unit conversions, sub-annual data not used for yearly trends).
    public internal(set) var warnings: [PanelWarning] = []

    public init() {}

    /// Every observation, in reading order (each made from its record when accessed).
    public var observations: Observations { Observations(table: table) }

    /// The observations of a panel as a collection.
    public struct Observations: RandomAccessCollection, Sendable {
        let table: ObservationTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.count }
        public subscript(i: Int) -> Observation { table.observation(i) }
    }

    /// Regions in order of first appearance.
    ///
    /// - Complexity: O(n); ``PanelIndex/regions`` has them at no cost.
    public var regions: [String] { unique(\.region) }

    /// Indicator ids in order of first appearance.
    ///
    /// - Complexity: O(n); ``PanelIndex/indicatorIDs`` has them at no cost.
    public var indicatorIDs: [String] { unique(\.indicator) }

    /// The indicator's metadata (a default when none was given).
    public func indicator(_ id: String) -> Indicator { indicators[id] ?? Indicator(id: id) }

    /// Observations that are not history points: targets and bounds ("more than 1200").
    public var nonHistoryCount: Int { table.records.count { !table.isHistoryPoint($0) } }

    /// Values read as missing plus cells left out by an option: what was in the files but is not an observation.
    public var notRead: Int { missingValues + skipped }

    /// The earliest and latest periods.
    public var periodRange: ClosedRange<Period>? {
        guard var lo = table.records.first?.period else { return nil }
        var hi = lo
        for r in table.records { lo = min(lo, r.period); hi = max(hi, r.period) }
        return ObservationTable.period(lo)...ObservationTable.period(hi)
    }

    /// Sets (or overrides) an indicator's direction.
    public mutating func setDirection(_ direction: Direction, for id: String) {
        var i = indicator(id)
        i.direction = direction
        i.directionStated = true
        indicators[id] = i
    }

    /// Adds metadata, replacing what was there for the same ids.
    public mutating func apply(metadata: [Indicator]) {
        for m in metadata { indicators[m.id] = m }
    }

    /// Adds region names, replacing what was there for the same ids.
    public mutating func apply(regionNames names: [String: RegionNames]) {
        regionNames.merge(names) { $1 }
    }

    /// Distinct strings of a column in order of first appearance (consecutive repeats, the usual case, are not
    /// re-hashed).
    private func unique(_ column: KeyPath<ObservationTable.Record, Int32>) -> [String] {
        var seen = Set<Int32>(), out: [String] = [], last: Int32 = -1
        for r in table.records {
            let v = r[keyPath: column]
            if v == last { continue }
            last = v
            if seen.insert(v).inserted { out.append(table.strings[id: v]) }
        }
        return out
    }
}

/// A region's names, in the source's language and in English (`株洲市`, `Zhuzhou`), and its group: the regions a
/// benchmark compares it with (`city`, `province`), so that a city is not ranked against its province.
public struct RegionNames: Sendable, Equatable {
    public var name: String?
    public var englishName: String?
    public var group: String?

    public init(name: String? = nil, englishName: String? = nil, group: String? = nil) {
        self.name = name
        self.englishName = englishName
        self.group = group
    }
}
