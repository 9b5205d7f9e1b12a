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
    public let warnings: [String]
    public let coverage: [Coverage]

    public init(_ panel: Panel) {
        regions = panel.regions
        let ids = panel.indicatorIDs
        indicators = ids.count
        observations = panel.observations.count
        targets = panel.observations.count { $0.kind == .target }
        firstPeriod = panel.periodRange?.lowerBound
        lastPeriod = panel.periodRange?.upperBound
        missingValues = panel.missingValues
        skipped = panel.notRead
        skippedByOption = panel.skipped
        warnings = panel.warnings
        struct Tally { var regions = Set<String>(), values = 0, bounds = 0, targets = 0, preliminary = 0; var first, last: Period? }
        var tallies: [String: Tally] = [:]
        var current = "", tally = Tally(), lastRegion = ""
        func flush() { if !current.isEmpty { tallies[current] = tally } }
        for o in panel.observations {
            if o.indicator != current {
                flush()
                current = o.indicator
                tally = tallies[current] ?? Tally()
                lastRegion = ""
            }
            if o.region != lastRegion { tally.regions.insert(o.region); lastRegion = o.region }
            if o.kind == .target { tally.targets += 1 } else if o.qualifier.isPointValue { tally.values += 1 } else { tally.bounds += 1 }
            if o.kind == .preliminary { tally.preliminary += 1 }
            if tally.first.map({ o.period < $0 }) ?? true { tally.first = o.period }
            if tally.last.map({ $0 < o.period }) ?? true { tally.last = o.period }
        }
        flush()
        coverage = ids.map { id in
            let t = tallies[id] ?? Tally()
            return Coverage(indicator: panel.indicator(id), regions: t.regions.count, values: t.values, bounds: t.bounds,
                            targets: t.targets, preliminary: t.preliminary, first: t.first, last: t.last)
        }
    }
}
