import Foundation

/// The year-over-year changes a target with a short history is judged by, when it has fewer than three values of
/// its own: the same indicator's changes in the peer regions, or else those of the region's other indicators of
/// the same kind. Named, with its size and spread, in every output; never from fewer than
/// ``GapSettings/minimumReferenceChanges`` changes.
///
/// A change is measured as the indicator's kind asks: for growth rates, shares and ranks the difference of
/// consecutive years (percentage points, places); for levels and counts the log growth ln(y_t / y_{t−1}), so that
/// indicators of different sizes can share a class.
///
/// The probability treats the h = Y − l changes from the latest value L (year l) to the target year Y as h new
/// draws from a normal population of which the class is a sample of n, with mean m and standard deviation s: the
/// predictive distribution of their sum is m·h + s·√(h + h²/n)·T with T Student's t on n − 1 degrees of freedom
/// (the sum of h independent new draws, plus h times the error of the class mean). The value of year Y is
/// L + sum (differences) or L·e^sum (log growth). This assumes the changes of different years independent, and
/// the class exchangeable with the target's own future.
/// (Kahneman & Tversky 1979, "Intuitive prediction: biases and corrective procedures", on reference-class
/// forecasting; Flyvbjerg 2006, *Project Management Journal* 37(3), for its use in planning.)
public struct ReferenceClass: Sendable, Equatable, Hashable {
    public enum Source: String, Sendable, Hashable {
        /// The same indicator in the peer regions: the target region's group in the region metadata, or every
        /// other region without a group.
        case peerRegions = "peer_regions"
        /// The region's other indicators of the same kind.
        case sameKind = "same_kind"
    }
    public let source: Source
    /// Whether a change is a log growth (levels, counts) rather than a difference.
    public let logGrowth: Bool
    /// The number of changes n, and how many regions (or indicators) they come from.
    public let changes: Int
    public let members: Int
    /// Their mean m and standard deviation s (n − 1 in the denominator), in the indicator's unit, or as log growth.
    public let mean: Double
    public let standardDeviation: Double
    /// The first and last year of the changes (a change is dated by its later year).
    public let years: ClosedRange<Int>

    /// The mean change a year as a reader takes it: e^m − 1 for log growth (a growth rate), m otherwise.
    public var meanChange: Double { logGrowth ? expm1(mean) : mean }

    /// The predictive distribution of the value `h` years after `latest` (see the type's formula).
    func predictive(latest: Double, years h: Int) -> PredictiveDistribution? {
        guard h > 0, changes >= 2, !logGrowth || latest > 0 else { return nil }
        let hh = Double(h), n = Double(changes)
        return PredictiveDistribution(location: (logGrowth ? log(latest) : latest) + hh * mean,
                                      scale: standardDeviation * (hh + hh * hh / n).squareRoot(),
                                      degreesOfFreedom: n - 1, logScale: logGrowth)
    }
}

/// Changes summed as a class needs them: count, sum, sum of squares, members and a count per year, so that one
/// member's changes can be taken out again. (Changes are rates' differences and log growths, of order 1 to 10:
/// the variance from the sums loses nothing that matters at the precision a class is reported with.)
struct ChangeTotals: Sendable {
    var count = 0, members = 0
    var sum = 0.0, sumOfSquares = 0.0
    var perYear: [Int: Int] = [:]

    mutating func add(_ changes: [(year: Int, change: Double)], sign: Int = 1) {
        guard !changes.isEmpty else { return }
        members += sign
        for c in changes {
            count += sign
            sum += Double(sign) * c.change
            sumOfSquares += Double(sign) * c.change * c.change
            perYear[c.year, default: 0] += sign
        }
    }

    /// The class these totals make (nil with fewer than two changes).
    func referenceClass(_ source: ReferenceClass.Source, logGrowth: Bool) -> ReferenceClass? {
        let years = perYear.filter { $0.value > 0 }.keys
        guard count >= 2, let lo = years.min(), let hi = years.max() else { return nil }
        let n = Double(count), mean = sum / n
        let variance = max(0, (sumOfSquares - n * mean * mean) / (n - 1))
        return ReferenceClass(source: source, logGrowth: logGrowth, changes: count, members: members, mean: mean,
                              standardDeviation: variance.squareRoot(), years: lo...hi)
    }
}

/// Finds reference classes in an index. The changes of one indicator across a group of regions come from the
/// indicator's grid (years × regions), those of one region across indicators of a kind from the region's series;
/// each total is made once per target year and kept, and a target's own series is taken out of it, so that a
/// target costs O(k) for its own k values once the totals exist.
final class ReferenceClassFinder: @unchecked Sendable {
    let index: PanelIndex
    let minimum: Int
    private let lock = NSLock()
    private var cache: [Key: ChangeTotals] = [:]

    enum Key: Hashable {
        case peers(indicator: String, group: String?, year: Int)
        case kind(region: String, kind: IndicatorKind, year: Int)
    }

    struct Shortfall: Error, Equatable { let peerChanges: Int, kindChanges: Int }

    init(index: PanelIndex, minimum: Int) {
        self.index = index
        self.minimum = max(2, minimum)
    }

    /// The changes of the consecutive values of a history before `year`, measured as `logGrowth` says (log growth
    /// skips non-positive values); a change is dated by its later year; none is measured into a year that starts a
    /// new basis (``Indicator/breaks``).
    static func changes(years: [Int], values: some Collection<Double>, before year: Int, logGrowth: Bool,
                        breaks: [Int] = []) -> [(year: Int, change: Double)] {
        var out: [(year: Int, change: Double)] = []
        var previous: (year: Int, value: Double)?
        for (y, v) in zip(years, values) {
            defer { previous = v.isFinite ? (y, v) : nil }
            guard y < year, v.isFinite, let p = previous, y == p.year + 1, !breaks.contains(y) else { continue }
            if logGrowth {
                if p.value > 0 && v > 0 { out.append((y, log(v / p.value))) }
            } else {
                out.append((y, v - p.value))
            }
        }
        return out
    }

    /// The class for a target of `indicator` in `region` in `year`: the peers' if it has `minimum` changes, else the
    /// same kind's; or how many changes each had.
    ///
    /// - Complexity: O(k) for the target's own k values once the totals of its indicator, group and year (O(n·m)
    ///   for the indicator's grid of n years and m regions) and of its region, kind and year (O(records of the
    ///   region)) are made.
    func find(region: String, indicator: Indicator, year: Int) -> Result<ReferenceClass, Shortfall> {
        let logGrowth = indicator.kind == .level || indicator.kind == .count
        let group = index.panel.regionNames[region]?.group
        let own = index.history(region: region, indicator: indicator.id)
        let ownChanges = Self.changes(years: own.years, values: own.values, before: year, logGrowth: logGrowth, breaks: indicator.breaks)
        var peers = totals(.peers(indicator: indicator.id, group: group, year: year), logGrowth: logGrowth)
        peers.add(ownChanges, sign: -1)                 // the target's own region is not its peer
        if peers.count >= minimum, let c = peers.referenceClass(.peerRegions, logGrowth: logGrowth) { return .success(c) }
        var kind = totals(.kind(region: region, kind: indicator.kind, year: year), logGrowth: logGrowth)
        kind.add(ownChanges, sign: -1)
        if kind.count >= minimum, let c = kind.referenceClass(.sameKind, logGrowth: logGrowth) { return .success(c) }
        return .failure(Shortfall(peerChanges: peers.count, kindChanges: kind.count))
    }

    private func totals(_ key: Key, logGrowth: Bool) -> ChangeTotals {
        lock.lock()
        if let t = cache[key] { lock.unlock(); return t }
        lock.unlock()
        let t = make(key, logGrowth: logGrowth)
        lock.lock()
        cache[key] = t
        lock.unlock()
        return t
    }

    private func make(_ key: Key, logGrowth: Bool) -> ChangeTotals {
        var t = ChangeTotals()
        switch key {
        case let .peers(indicator, group, year):
            let names = index.panel.regionNames, grid = index.grid(indicator: indicator), n = grid.years.count
            grid.values.elements.withUnsafeBufferPointer { v in
                for (j, r) in grid.regions.enumerated() where group == nil || names[r]?.group == group {
                    t.add(Self.changes(years: grid.years, values: v[(j * n)..<((j + 1) * n)], before: year, logGrowth: logGrowth,
                                       breaks: index.indicator(indicator).breaks))
                }
            }
        case let .kind(region, kind, year):
            for id in index.indicators(of: region) where index.indicator(id).kind == kind {
                let s = index.history(region: region, indicator: id)
                t.add(Self.changes(years: s.years, values: s.values, before: year, logGrowth: logGrowth, breaks: index.indicator(id).breaks))
            }
        }
        return t
    }
}
