/// How a history value is known.
public enum PointKind: String, Sendable, Equatable {
    case actual
    /// A preliminary (预计) value.
    case preliminary
    /// Computed from a later level and its reported growth (445 trains, +83.8% → 242.1 the year before).
    case derived
    /// Known only as a lower bound ("more than 1200"): used as the value, flagged.
    case lowerBound = "lower_bound"
    /// Known only as an upper bound ("less than 3%").
    case upperBound = "upper_bound"
}

/// One point of a history as the gap analysis uses it.
public struct HistoryPoint: Sendable, Equatable {
    public let year: Int
    public let value: Double
    public let kind: PointKind
}

/// An indicator's history before a target year, as a gap analysis needs it: the points (actual, preliminary,
/// derived), the latest value (which may be a bound), and what was observed in the target year itself.
struct TargetHistory {
    var points: [HistoryPoint] = []
    var latest: HistoryPoint?
    /// A value for the target year itself (a year already past), point or bound.
    var observed: HistoryPoint?
    /// The bounds before the target year, in years without a value (evidence for ``CensoredTrend``), in year order.
    var bounds: [HistoryPoint] = []
    var notes: [AssessmentNote] = []

    /// The history of `indicator` in `region` before `targetYear`.
    ///
    /// - Complexity: O(k) for the k records of the series (and of its growth series), found in O(1).
    init(index: PanelIndex, region: String, indicator: Indicator, targetYear: Int) {
        guard let s = index.series(region: region, indicator: indicator.id) else { return }
        func kind(_ p: PanelIndex.Point) -> PointKind { p.kind == .preliminary ? .preliminary : .actual }
        let history = index.historyPoints(s)
        for p in history where p.year < targetYear {
            points.append(HistoryPoint(year: p.year, value: p.value, kind: kind(p)))
        }
        if let p = history.first(where: { $0.year == targetYear }) {
            observed = HistoryPoint(year: targetYear, value: p.value, kind: kind(p))
        }
        // A count reported with its growth gives the count of the year before (counts only: for money amounts the
        // reported growth is usually real, at comparable prices, and would not give the nominal level). The growth
        // series is the one the metadata declares (`growth_of`).
        if indicator.kind == .count, let g = index.growthIndicator(of: indicator.id),
           let gs = index.series(region: region, indicator: g) {
            let years = Set(points.map(\.year))
            for p in index.historyPoints(gs) where p.year < targetYear && p.value > -100 {
                guard let level = points.first(where: { $0.year == p.year }), !years.contains(p.year - 1) else { continue }
                let previous = level.value / (1 + p.value / 100)
                points.append(HistoryPoint(year: p.year - 1, value: previous, kind: .derived))
                notes.append(.derivedFromGrowth(year: p.year - 1, value: previous, level: level.value, growth: p.value))
            }
            points.sort { $0.year < $1.year }
        }
        latest = points.last
        // A bound more recent than the last known value stands in for it ("more than 1200" in 2023).
        for b in index.points(s) where b.kind != .target && !b.qualifier.isPointValue && b.period.isAnnual {
            let kind: PointKind
            switch b.qualifier {
            case .atLeast, .moreThan: kind = .lowerBound
            case .atMost, .lessThan: kind = .upperBound
            default: continue
            }
            let point = HistoryPoint(year: b.year, value: b.value, kind: kind)
            if b.year < targetYear, !points.contains(where: { $0.year == b.year }) {
                // One bound a year: the tighter (the highest lower bound, the lowest upper one).
                if let k = bounds.firstIndex(where: { $0.year == b.year }) {
                    if bounds[k].kind == kind, kind == .lowerBound ? b.value > bounds[k].value : b.value < bounds[k].value { bounds[k] = point }
                } else {
                    bounds.append(point)
                }
            }
            if b.year < targetYear, latest.map({ b.year > $0.year }) ?? true {
                latest = point
            } else if b.year == targetYear, observed == nil {
                observed = point
            }
        }
        bounds.sort { $0.year < $1.year }
        // A change of basis (``Indicator/breaks``): the history starts at the last break before the latest value.
        if let last = (points + bounds).map(\.year).max(), let b = indicator.breaks.last(where: { $0 <= last }),
           (points + bounds).contains(where: { $0.year < b }) {
            let dropped = (points + bounds).filter { $0.year < b }.count
            points.removeAll { $0.year < b }
            bounds.removeAll { $0.year < b }
            notes.append(.seriesBreak(year: b, dropped: dropped))
        }
        if let l = latest {
            switch l.kind {
            case .lowerBound, .upperBound: notes.append(.latestIsBound(kind: l.kind, value: l.value, year: l.year))
            case .preliminary: notes.append(.latestIsPreliminary(year: l.year))
            case .actual, .derived: break
            }
        }
    }
}
