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
    /// The observations, as records over a string pool.
    var table = ObservationTable()
    /// Values that were missing-value markers, by file: counted, never silently dropped.
    public internal(set) var missingValues = 0
    /// Rows or cells skipped by an explicit option (e.g. columns left out of `--indicator-columns`).
    public internal(set) var skipped = 0
    /// Things a reader of the data should know (unit conversions, sub-annual data not used for yearly trends).
    public internal(set) var warnings: [String] = []

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
    public var regions: [String] { unique(\.region) }

    /// Indicator ids in order of first appearance.
    public var indicatorIDs: [String] { unique(\.indicator) }

    /// The indicator's metadata (a default when none was given).
    public func indicator(_ id: String) -> Indicator { indicators[id] ?? Indicator(id: id) }

    /// The targets.
    public var targets: [Observation] { table.records.indices.filter { table.kind(table.records[$0]) == .target }.map(table.observation) }

    /// The region with the most targets (the first such in reading order), nil when there is none.
    public var regionWithMostTargets: String? {
        var counts: [Int32: Int] = [:], order: [Int32] = []
        for record in table.records where table.kind(record) == .target {
            let r = record.region
            if counts[r] == nil { order.append(r) }
            counts[r, default: 0] += 1
        }
        let most = counts.values.max()
        return order.first { counts[$0] == most }.map { table.strings[id: $0] }
    }

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

    /// The yearly history of one indicator in one region: actual and preliminary values stated exactly or
    /// approximately (bounds such as "more than 1200" are not points of a history). Where a year has both a
    /// preliminary and a final value, the final one is used.
    public func history(region: String, indicator: String) -> Series {
        let rows = historyRows(region: region, indicator: indicator)
        return Series(region: region, indicator: indicator, years: rows.map { table.records[$0].year },
                      values: rows.map { table.records[$0].value })
    }

    /// The observations behind ``history(region:indicator:)``, one per year, in year order (with their kinds, so
    /// that preliminary values can be flagged).
    public func historyObservations(region: String, indicator: String) -> [Observation] {
        historyRows(region: region, indicator: indicator).map(table.observation)
    }

    /// Every (region, indicator) yearly history with at least one point, in order of first appearance.
    ///
    /// Complexity: O(n) in the number of observations.
    public var histories: [Series] {
        var groups: [UInt64: Int] = [:], rows: [[Int]] = []
        for (i, r) in table.records.enumerated() where r.isAnnual && table.isHistoryPoint(r) {
            let key = UInt64(UInt32(bitPattern: r.region)) << 32 | UInt64(UInt32(bitPattern: r.indicator))
            if let g = groups[key] { rows[g].append(i) } else { groups[key] = rows.count; rows.append([i]) }
        }
        return rows.map { group in
            let chosen = yearly(group), first = table.records[group[0]]
            return Series(region: table.strings[id: first.region], indicator: table.strings[id: first.indicator],
                          years: chosen.map { table.records[$0].year }, values: chosen.map { table.records[$0].value })
        }
    }

    /// The observations of one region's indicator, in reading order (records are compared by string number; only
    /// these become ``Observation`` values).
    func observations(region: String, indicator: String) -> [Observation] {
        guard let r = table.strings[region], let ind = table.strings[indicator] else { return [] }
        return table.records.indices.filter { table.records[$0].region == r && table.records[$0].indicator == ind }
            .map(table.observation)
    }

    /// Rows of one yearly history, in year order.
    private func historyRows(region: String, indicator: String) -> [Int] {
        guard let r = table.strings[region], let ind = table.strings[indicator] else { return [] }
        return yearly(table.records.indices.filter {
            let o = table.records[$0]
            return o.region == r && o.indicator == ind && o.isAnnual && table.isHistoryPoint(o)
        })
    }

    /// One row per year, the final value preferred to a preliminary one, in year order.
    private func yearly(_ rows: [Int]) -> [Int] {
        var byYear: [Int32: Int] = [:]
        for i in rows {
            let p = table.records[i].period
            if let known = byYear[p], table.kind(table.records[known]) == .actual { continue }
            byYear[p] = i
        }
        return byYear.keys.sorted().map { byYear[$0]! }
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
    public mutating func filter(_ keep: (Observation) -> Bool) {
        table = table.gathering((0..<table.count).filter { keep(table.observation($0)) })
    }

    /// Adds another file's panel. An indicator already read in another unit is converted when the units differ
    /// only by a magnitude word (万元 and 亿元), and is an error otherwise, naming the first conflicting line.
    mutating func append(_ other: Panel) throws(InputError) {
        var conversions: [Int32: (factor: Double, unit: Int32)] = [:]
        for (k, v) in other.indicators {
            guard let mine = indicators[k] else { indicators[k] = v; continue }
            guard mine.unit != v.unit, let id = other.table.strings[k] else { continue }
            guard let f = Units.factor(from: v.unit, to: mine.unit) else {
                let o = other.observations.first { $0.indicator == k }!
                throw .invalidCell(file: o.file, line: o.line, column: 0, columnName: "unit", found: v.unit,
                                   expected: "the unit '\(mine.unit)' that indicator \(k) has in the files read before; one indicator cannot mix units")
            }
            conversions[id] = (f, table.strings.intern(mine.unit))
        }
        let converted = table.append(other.table, conversions: conversions).converted
        if converted > 0 {
            warnings.append("\(other.observations.first?.file ?? "a file"): \(converted) value\(converted == 1 ? "" : "s") converted to the units of the files read before (万/亿)")
        }
        missingValues += other.missingValues
        skipped += other.skipped
        warnings += other.warnings
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
