/// What a user asked to see: some regions, some indicators. A scope selects rows of a result; it never removes data
/// an analysis reads (see ``PanelIndex``). `nil` means every one.
///
/// ```swift
/// let scope = Scope(regions: ["Zhuzhou"])
/// try scope.check(against: index)                 // an unknown name is an error, with close matches
/// GapAnalysis().assess(index, scope: scope)       // Zhuzhou's targets, assessed with every region's data
/// ```
public struct Scope: Sendable, Equatable {
    public var regions: Set<String>?
    public var indicators: Set<String>?
    /// The years of the targets assessed (`--target-year`); nil for every year. Histories are never cut by it.
    public var targetYears: Set<Int>?

    /// Everything in the panel.
    public static let everything = Scope()

    public init(regions: Set<String>? = nil, indicators: Set<String>? = nil) {
        self.regions = regions
        self.indicators = indicators
    }

    /// Whether a region's indicator is in scope.
    public func contains(region: String, indicator: String) -> Bool {
        (regions?.contains(region) ?? true) && (indicators?.contains(indicator) ?? true)
    }

    /// The same for string numbers of a panel.
    func contains(region: Int32, indicator: Int32, strings: StringPool) -> Bool {
        if regions == nil && indicators == nil { return true }
        return contains(region: strings[id: region], indicator: strings[id: indicator])
    }

    func contains(_ r: ObservationTable.Record, strings: StringPool) -> Bool {
        contains(region: r.region, indicator: r.indicator, strings: strings)
    }

    /// Throws when a region or an indicator of the scope is not in the panel.
    public func check(against index: PanelIndex) throws(ScopeError) {
        for r in (regions ?? []).sorted() where !index.contains(region: r) {
            throw .unknownRegion(r, known: index.regions)
        }
        for i in (indicators ?? []).sorted() where !index.contains(indicator: i) {
            throw .unknownIndicator(i, known: index.indicatorIDs)
        }
    }
}

/// A scope naming what the data does not hold.
public enum ScopeError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(String, known: [String])
    case unknownIndicator(String, known: [String])

    public var description: String {
        switch self {
        case let .unknownRegion(name, known): return "no region '\(name)'; " + NameSuggestions.sentence(for: name, known: known)
        case let .unknownIndicator(name, known): return "no indicator '\(name)'; " + NameSuggestions.sentence(for: name, known: known)
        }
    }
}
