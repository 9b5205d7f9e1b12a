/// What a panel holds, as `yardstick inspect` reports it.
public struct PanelSummary: Sendable {
    /// Coverage of one indicator.
    public struct Coverage: Sendable {
        public let indicator: Indicator
        public let regions: Int
        /// Known values (actual or preliminary, exact or approximate).
        public let values: Int
        /// Values known only as bounds (more than, at least, …).
        public let bounds: Int
        public let targets: Int
        public let preliminary: Int
        public let first: Period?
        public let last: Period?
    }

    public let regions: [String]
    public let indicators: Int
    public let observations: Int
    public let targets: Int
    public let firstPeriod: Period?
    public let lastPeriod: Period?
    /// Missing-value markers read.
    public let missingValues: Int
    /// Cells skipped by an explicit option.
    public let skippedByOption: Int
    /// Missing plus skipped: nothing read is unaccounted for.
    public let skipped: Int
    public let warnings: [PanelWarning]
    public let coverage: [Coverage]

    /// The summary of the records within `scope` (counts of values not read are the whole panel's).
    ///
    /// - Complexity: O(n), one pass over the records.
    public init(_ index: PanelIndex, scope: Scope = .everything) {
        let panel = index.panel, table = panel.table
        // The regions and indicators with a series in scope (a region with no record of the indicators chosen is
        // not counted, nor an indicator no region chosen has).
        var regionIDs = Set<Int32>(), indicatorIDs = Set<Int32>()
        for e in index.entries where scope.contains(region: e.region, indicator: e.indicator, strings: table.strings) {
            regionIDs.insert(e.region)
            indicatorIDs.insert(e.indicator)
        }
        regions = index.regions.filter { table.strings[$0].map(regionIDs.contains) ?? false }
        let ids = index.indicatorIDs.filter { table.strings[$0].map(indicatorIDs.contains) ?? false }
        let everything = scope == .everything
        func keep(_ r: ObservationTable.Record) -> Bool { everything || (regionIDs.contains(r.region) && indicatorIDs.contains(r.indicator)) }
        indicators = ids.count
        var count = 0, targetCount = 0, lo = Int32.max, hi = Int32.min
        for r in table.records where keep(r) {
            count += 1
            if table.kind(r) == .target { targetCount += 1 }
            lo = min(lo, r.period)
            hi = max(hi, r.period)
        }
        observations = count
        targets = targetCount
        firstPeriod = lo <= hi ? ObservationTable.period(lo) : nil
        lastPeriod = lo <= hi ? ObservationTable.period(hi) : nil
        missingValues = panel.missingValues
        skipped = panel.notRead
        skippedByOption = panel.skipped
        warnings = panel.warnings
        // One pass over the records, by string number: what each attributes number means is worked out once.
        // Tallies in an array by indicator number, changed in place (records of interleaved indicators, as a
        // Eurostat table gives, would otherwise copy a tally's set of regions at every change).
        struct Tally { var regions = Set<Int32>(), values = 0, bounds = 0, targets = 0, preliminary = 0; var first = Int32.max, last = Int32.min
                       var lastRegion: Int32 = -1 }
        let kinds = table.attributes.values.map(\.kind)
        let points = table.attributes.values.indices.map { table.isHistoryPoint(attributes: Int32($0)) }
        var tallies = [Tally](repeating: Tally(), count: table.strings.count)
        for r in table.records where keep(r) {
            let i = Int(r.indicator)
            if r.region != tallies[i].lastRegion { tallies[i].regions.insert(r.region); tallies[i].lastRegion = r.region }
            let a = Int(r.attributes)
            if kinds[a] == .target { tallies[i].targets += 1 } else if points[a] { tallies[i].values += 1 } else { tallies[i].bounds += 1 }
            if kinds[a] == .preliminary { tallies[i].preliminary += 1 }
            tallies[i].first = min(tallies[i].first, r.period)
            tallies[i].last = max(tallies[i].last, r.period)
        }
        coverage = ids.map { id in
            let t = table.strings[id].map { tallies[Int($0)] } ?? Tally()
            let seen = t.first <= t.last
            return Coverage(indicator: panel.indicator(id), regions: t.regions.count, values: t.values, bounds: t.bounds,
                            targets: t.targets, preliminary: t.preliminary,
                            first: seen ? ObservationTable.period(t.first) : nil, last: seen ? ObservationTable.period(t.last) : nil)
        }
    }
}
