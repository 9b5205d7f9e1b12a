import Foundation

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
    var notes: [String] = []

    init(panel: Panel, region: String, indicator: Indicator, targetYear: Int) {
        let obs = panel.historyObservations(region: region, indicator: indicator.id)
        for o in obs where o.period.year < targetYear {
            points.append(HistoryPoint(year: o.period.year, value: o.value, kind: o.kind == .preliminary ? .preliminary : .actual))
        }
        if let o = obs.first(where: { $0.period.year == targetYear }) {
            observed = HistoryPoint(year: targetYear, value: o.value, kind: o.kind == .preliminary ? .preliminary : .actual)
        }
        // A level reported with its growth gives the level of the year before (counts only: for money amounts the
        // reported growth is usually real, at comparable prices, and would not give the nominal level).
        if indicator.kind == .count {
            let growth = panel.history(region: region, indicator: indicator.id + "_growth")
            for (year, g) in zip(growth.years, growth.values) where year < targetYear && g > -100 {
                guard let level = points.first(where: { $0.year == year }), !points.contains(where: { $0.year == year - 1 }) else { continue }
                let previous = level.value / (1 + g / 100)
                points.append(HistoryPoint(year: year - 1, value: previous, kind: .derived))
                notes.append("\(year - 1) value \(Self.short(previous)) derived from \(Self.short(level.value)) in \(year) and its reported growth of \(Self.short(g))%")
            }
            points.sort { $0.year < $1.year }
        }
        latest = points.last
        // A bound more recent than the last known value stands in for it ("more than 1200" in 2023).
        let bounds = panel.observations(region: region, indicator: indicator.id).filter {
            $0.kind != .target && !$0.qualifier.isPointValue && $0.period.isAnnual
        }
        for b in bounds {
            let kind: PointKind
            switch b.qualifier {
            case .atLeast, .moreThan: kind = .lowerBound
            case .atMost, .lessThan: kind = .upperBound
            default: continue
            }
            let point = HistoryPoint(year: b.period.year, value: b.value, kind: kind)
            if b.period.year < targetYear, latest.map({ b.period.year > $0.year }) ?? true {
                latest = point
                notes.append("the latest value is a \(kind == .lowerBound ? "lower" : "upper") bound (\(b.qualifier.symbol) \(Self.short(b.value)) in \(b.period.year)); required growth and gaps are measured from it")
            } else if b.period.year == targetYear, observed == nil {
                observed = point
            }
        }
        if latest?.kind == .preliminary { notes.append("the latest value (\(latest!.year)) is preliminary (预计)") }
    }

    static func short(_ x: Double) -> String {
        let s = String(format: "%.4g", x)
        return s.contains("e") ? String(x) : s
    }
}
