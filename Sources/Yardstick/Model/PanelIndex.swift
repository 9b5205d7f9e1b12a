/// A panel indexed for analysis, built once after reading: every series (one region's indicator) found in O(1)
/// with its records in period order and its yearly history; the targets; the series of each indicator and of each
/// region. The matrix views (``grid(indicator:years:)``, ``crossSection(indicators:year:latest:)``) read from it.
///
/// ```swift
/// let index = PanelIndex(try PanelReader().readEmbedded())
/// index.history(region: "Zhuzhou", indicator: "gdp")      // a Series, O(points)
/// index.targets(in: Scope(regions: ["Zhuzhou"]))          // the targets a report shows
/// ```
///
/// Analyses read the whole index whatever a user asked to see: a ``Scope`` selects rows of a result, never the
/// evidence behind them (peers, the growth series of a level, the series a relative target refers to).
public struct PanelIndex: Sendable {
    /// Everything the index holds, in one object: copying an index (into each target's assessment, each thread's
    /// work) is then one reference count, not one per array and dictionary (measured: 11% of assessing 100 000
    /// targets went to copying the index's fields).
    final class Storage: @unchecked Sendable {
        /// The panel indexed.
        let panel: Panel
        /// One series: its region and indicator (string numbers of the panel), its records and its history, as ranges
        /// of ``rows`` and ``historyRows``.
        struct Entry: Sendable {
            let region: Int32, indicator: Int32
            var rows: Range<Int>
            var history: Range<Int> = 0..<0
        }
        private(set) var entries: [Entry] = []
        /// Record numbers series by series, each series in period order (within a period by slot: target, actual,
        /// preliminary, bounds).
        private(set) var rows: [Int32] = []
        /// Record numbers of the yearly histories series by series: one history point a year, the final value
        /// preferred to a preliminary one.
        private(set) var historyRows: [Int32] = []
        /// Series number by region and indicator (``key(_:_:)``).
        private(set) var lookup: [UInt64: Int32] = [:]
        /// Series numbers of each indicator and each region (by string number), in order of first appearance.
        private(set) var seriesOfIndicator: [Int32: [Int32]] = [:]
        private(set) var seriesOfRegion: [Int32: [Int32]] = [:]
        /// Target records, in reading order.
        private(set) var targetRows: [Int32] = []
        /// Regions and indicator ids in order of first appearance.
        private(set) var regions: [String] = []
        private(set) var indicatorIDs: [String] = []
        /// The indicator that holds the growth rate of a level indicator (metadata `growth_of`), by the level's id.
        private(set) var growthIndicator: [String: String] = [:]

        /// Indexes `panel` (see ``PanelIndex/init(_:)``).
        ///
        /// - Complexity: O(n) for n records when each series comes in period order (as files are written), one hash
        ///   per change of series; a series out of order is sorted, O(k log k) for its k records.
        init(_ panel: Panel) {
            self.panel = panel
            let table = panel.table, n = table.count
            let slots = table.attributes.values.indices.map { table.slot(attributes: Int32($0)) }
            let kinds = table.attributes.values.map(\.kind)
            // 1. A series number for every record, numbered by first appearance; counts per series.
            var seriesOf = [Int32](repeating: 0, count: n), counts: [Int] = []
            var lastKey = UInt64.max, last: Int32 = -1
            for i in 0..<n {
                let r = table.records[i], k = PanelIndex.key(r.region, r.indicator)
                if k != lastKey {
                    lastKey = k
                    if let s = lookup[k] { last = s } else {
                        last = Int32(entries.count)
                        lookup[k] = last
                        entries.append(Entry(region: r.region, indicator: r.indicator, rows: 0..<0))
                        counts.append(0)
                        seriesOfIndicator[r.indicator, default: []].append(last)
                        if seriesOfRegion[r.region] == nil {
                            regions.append(table.strings[id: r.region])
                            seriesOfRegion[r.region] = []
                        }
                        seriesOfRegion[r.region]!.append(last)
                    }
                }
                seriesOf[i] = last
                counts[Int(last)] += 1
                if kinds[Int(r.attributes)] == .target { targetRows.append(Int32(i)) }
            }
            indicatorIDs = entries.compactMap { e in
                seriesOfIndicator[e.indicator]?.first == lookup[PanelIndex.key(e.region, e.indicator)] ? table.strings[id: e.indicator] : nil
            }
            // 2. Records grouped by series (a counting sort, stable), then each series put in period order.
            var start = 0
            for s in entries.indices {
                entries[s].rows = start..<(start + counts[s])
                start += counts[s]
            }
            var next = entries.map(\.rows.lowerBound)
            rows = [Int32](repeating: 0, count: n)
            for i in 0..<n {
                let s = Int(seriesOf[i])
                rows[next[s]] = Int32(i)
                next[s] += 1
            }
            func precedes(_ a: Int32, _ b: Int32) -> Bool {
                let x = table.records[Int(a)], y = table.records[Int(b)]
                if x.period != y.period { return x.period < y.period }
                let sx = slots[Int(x.attributes)], sy = slots[Int(y.attributes)]
                return sx != sy ? sx < sy : a < b
            }
            for e in entries where e.rows.count > 1 {
                let ordered = zip(e.rows.dropLast(), e.rows.dropFirst()).allSatisfy { precedes(rows[$0], rows[$1]) }
                if !ordered { rows[e.rows].sort(by: precedes) }
            }
            // 3. Yearly histories: the first history point of each year (an actual sorts before a preliminary value).
            let points = table.attributes.values.indices.map { table.isHistoryPoint(attributes: Int32($0)) }
            historyRows.reserveCapacity(n)
            for s in entries.indices {
                let from = historyRows.count
                var lastPeriod = Int32.min
                for k in entries[s].rows {
                    let r = table.records[Int(rows[k])]
                    guard r.isAnnual, points[Int(r.attributes)], r.period != lastPeriod else { continue }
                    lastPeriod = r.period
                    historyRows.append(rows[k])
                }
                entries[s].history = from..<historyRows.count
            }
            for id in panel.indicators.keys.sorted() {                  // the first by id, should two claim one level
                if let level = panel.indicators[id]!.growthOf, growthIndicator[level] == nil { growthIndicator[level] = id }
            }
        }
    }

    private let storage: Storage

    /// The panel indexed.
    public var panel: Panel { storage.panel }
    typealias Entry = Storage.Entry
    var entries: [Entry] { storage.entries }
    var rows: [Int32] { storage.rows }
    var historyRows: [Int32] { storage.historyRows }
    private var lookup: [UInt64: Int32] { storage.lookup }
    var seriesOfIndicator: [Int32: [Int32]] { storage.seriesOfIndicator }
    var seriesOfRegion: [Int32: [Int32]] { storage.seriesOfRegion }
    var targetRows: [Int32] { storage.targetRows }
    /// Regions and indicator ids in order of first appearance.
    public var regions: [String] { storage.regions }
    public var indicatorIDs: [String] { storage.indicatorIDs }
    private var growthIndicator: [String: String] { storage.growthIndicator }

    /// Indexes `panel`.
    ///
    /// - Complexity: O(n) for n records when each series comes in period order (as files are written), one hash
    ///   per change of series; a series out of order is sorted, O(k log k) for its k records.
    public init(_ panel: Panel) { storage = Storage(panel) }

    @inline(__always) static func key(_ region: Int32, _ indicator: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: region)) << 32 | UInt64(UInt32(bitPattern: indicator))
    }

    /// The series number of a region's indicator, nil when the panel has none.
    ///
    /// - Complexity: O(1).
    func series(region: String, indicator: String) -> Int? {
        guard let r = panel.table.strings[region], let i = panel.table.strings[indicator] else { return nil }
        return lookup[Self.key(r, i)].map(Int.init)
    }

    /// The number of series.
    public var seriesCount: Int { entries.count }

    /// The metadata of an indicator (a default when none was given).
    public func indicator(_ id: String) -> Indicator { panel.indicator(id) }

    /// The indicator holding the growth rate of `level` (declared by `growth_of` in the metadata), nil when none.
    public func growthIndicator(of level: String) -> String? { growthIndicator[level] }

    /// Record `row` as an ``Observation``.
    func observation(_ row: Int32) -> Observation { panel.table.observation(Int(row)) }

    /// The yearly history of one region's indicator: actual and preliminary values stated exactly or approximately
    /// (a bound such as "more than 1200" is not a point of a history), the final value where a year also has a
    /// preliminary one.
    ///
    /// - Complexity: O(1) to find, O(k) for its k years.
    public func history(region: String, indicator: String) -> Series {
        guard let s = series(region: region, indicator: indicator) else { return Series(region: region, indicator: indicator, years: [], values: []) }
        return history(s)
    }

    func history(_ s: Int) -> Series {
        let t = panel.table, e = entries[s]
        let rs = historyRows[e.history].map { t.records[Int($0)] }
        return Series(region: t.strings[id: e.region], indicator: t.strings[id: e.indicator],
                      years: rs.map(\.year), values: rs.map(\.value))
    }

    /// The observations behind ``history(region:indicator:)``, one a year, in year order.
    public func historyObservations(region: String, indicator: String) -> [Observation] {
        guard let s = series(region: region, indicator: indicator) else { return [] }
        return historyRows[entries[s].history].map(observation)
    }

    /// Every observation of one region's indicator (targets and bounds included), in period order.
    ///
    /// - Complexity: O(1) to find, O(k) for its k records.
    public func observations(region: String, indicator: String) -> [Observation] {
        guard let s = series(region: region, indicator: indicator) else { return [] }
        return rows[entries[s].rows].map(observation)
    }

    /// The targets within `scope`, in reading order.
    ///
    /// - Complexity: O(t) for the panel's t targets.
    public func targets(in scope: Scope = .everything) -> [Observation] {
        let t = panel.table
        return targetRows.filter { row in
            let r = t.records[Int(row)]
            return scope.contains(r, strings: t.strings) && (scope.targetYears?.contains(ObservationTable.period(r.period).year) ?? true)
        }.map(observation)
    }

    /// Every yearly history within `scope` with at least one point, in order of first appearance.
    ///
    /// - Complexity: O(points of the series in scope).
    public func histories(in scope: Scope = .everything) -> [Series] {
        entries.indices.filter { s in
            !entries[s].history.isEmpty && scope.contains(region: entries[s].region, indicator: entries[s].indicator, strings: panel.table.strings)
        }.map(history)
    }

    /// Records within `scope` that are not history points (targets and bounds).
    ///
    /// - Complexity: O(records of the series in scope).
    public func nonHistoryCount(in scope: Scope = .everything) -> Int {
        let t = panel.table
        return entries.reduce(0) { n, e in
            guard scope.contains(region: e.region, indicator: e.indicator, strings: t.strings) else { return n }
            return n + rows[e.rows].count { !t.isHistoryPoint(t.records[Int($0)]) }
        }
    }

    /// The region with the most targets within `scope` (the first such in reading order), nil when there is none.
    public func regionWithMostTargets(in scope: Scope = .everything) -> String? {
        var counts: [String: Int] = [:], order: [String] = []
        for o in targets(in: scope) {
            if counts[o.region] == nil { order.append(o.region) }
            counts[o.region, default: 0] += 1
        }
        let most = counts.values.max()
        return order.first { counts[$0] == most }
    }

    /// The distinct sources of one region's observations, in order of first appearance.
    ///
    /// - Complexity: O(records of the region).
    public func sources(region: String) -> [String] {
        guard let r = panel.table.strings[region] else { return [] }
        let t = panel.table
        var seen = Set<Int32>(), out: [String] = []
        for s in seriesOfRegion[r] ?? [] {
            for k in entries[Int(s)].rows {
                let source = t.attributes[id: t.records[Int(rows[k])].attributes].source
                if source != 0, seen.insert(source).inserted { out.append(t.strings[id: source]) }
            }
        }
        return out
    }

    /// Whether the panel has any record of `region`, and of `indicator`.
    /// The first and last year of any history in the panel (targets not counted), nil without one.
    ///
    /// - Complexity: O(s) for s series.
    func historyYears() -> ClosedRange<Int>? {
        let t = panel.table
        var lo = Int.max, hi = Int.min
        for e in entries where !e.history.isEmpty {
            lo = min(lo, t.records[Int(historyRows[e.history.lowerBound])].year)
            hi = max(hi, t.records[Int(historyRows[e.history.upperBound - 1])].year)
        }
        return lo <= hi ? lo...hi : nil
    }

    /// The indicators `region` has a series of, in order of first appearance.
    ///
    /// - Complexity: O(s) for its s series.
    func indicators(of region: String) -> [String] {
        guard let r = panel.table.strings[region] else { return [] }
        return (seriesOfRegion[r] ?? []).map { panel.table.strings[id: entries[Int($0)].indicator] }
    }

    public func contains(region: String) -> Bool { panel.table.strings[region].map { seriesOfRegion[$0] != nil } ?? false }
    public func contains(indicator: String) -> Bool { panel.table.strings[indicator].map { seriesOfIndicator[$0] != nil } ?? false }
}

extension PanelIndex {
    /// One record of a series as analyses read it: no strings.
    struct Point: Sendable {
        let period: Period
        let value: Double
        let kind: ObservationKind
        let qualifier: Qualifier
        var year: Int { period.year }
    }

    func point(_ row: Int32) -> Point {
        let t = panel.table, r = t.records[Int(row)], a = t.attributes[id: r.attributes]
        return Point(period: ObservationTable.period(r.period), value: r.value, kind: a.kind, qualifier: t.qualifiers[id: a.qualifier])
    }

    /// Every record of series `s` in period order (targets and bounds included).
    ///
    /// - Complexity: O(k) for its k records.
    func points(_ s: Int) -> [Point] { rows[entries[s].rows].map(point) }

    /// Whether series `s` has a target for a year before `year` (without making its points).
    ///
    /// - Complexity: O(k) for its k records.
    func hasTarget(_ s: Int, before year: Int) -> Bool {
        let t = panel.table, table = storage.rows
        for k in entries[s].rows {
            let r = t.records[Int(table[k])]
            if r.year < year && t.attributes[id: r.attributes].kind == .target { return true }
        }
        return false
    }

    /// The yearly history of series `s`, one point a year.
    func historyPoints(_ s: Int) -> [Point] { historyRows[entries[s].history].map(point) }
}
