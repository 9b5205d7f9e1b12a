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
    public var skipped: Int { missingValues + skippedByOption }
    public let warnings: [String]
    public let coverage: [Coverage]

    public init(_ panel: Panel) {
        regions = panel.regions
        let ids = panel.indicatorIDs
        indicators = ids.count
        observations = panel.observations.count
        targets = panel.targets.count
        firstPeriod = panel.periodRange?.lowerBound
        lastPeriod = panel.periodRange?.upperBound
        missingValues = panel.missingValues
        skippedByOption = panel.skipped
        warnings = panel.warnings
        var byIndicator: [String: [Observation]] = [:]
        for o in panel.observations { byIndicator[o.indicator, default: []].append(o) }
        coverage = ids.map { id in
            let obs = byIndicator[id] ?? []
            let periods = obs.map(\.period)
            return Coverage(
                indicator: panel.indicator(id), regions: Set(obs.map(\.region)).count,
                values: obs.filter(\.isHistoryPoint).count,
                bounds: obs.filter { $0.kind != .target && !$0.qualifier.isPointValue }.count,
                targets: obs.filter { $0.kind == .target }.count,
                preliminary: obs.filter { $0.kind == .preliminary }.count,
                first: periods.min(), last: periods.max())
        }
    }
}
