import Foundation

/// The trend evidence for one target: the projection to the target year (three points or more), the two-point
/// growth carried forward (exactly two), the time-weighted regression's value (ESCAP), and the path for charts.
struct TargetTrend {
    var projection: Projection?
    /// With exactly two values: their growth (compound for positive levels, linear otherwise) carried to the year.
    var twoPointValue: Double?
    /// The time-weighted regression's value for the year (ESCAP's anticipated progress).
    var weightedValue: Double?
    var path: TrendPath?
    var notes: [AssessmentNote] = []

    /// The fits a trend uses, when they were made beforehand (a batch of targets fitted together).
    struct Fits {
        var main: Result<TrendFit, TrendError>
        var weighted: TrendFit?
    }

    /// The bounds of the logit scale a share is projected on, when it is (``GapSettings/logitForShares``).
    static func logitBounds(_ history: [HistoryPoint], _ indicator: Indicator, _ settings: GapSettings) -> ClosedRange<Double>? {
        guard settings.logitForShares, indicator.kind == .share, let b = indicator.bounds, b.lowerBound.isFinite, b.upperBound.isFinite,
              history.allSatisfy({ $0.value > b.lowerBound && $0.value < b.upperBound }) else { return nil }
        return b
    }

    /// The series the trend fits (on the logit scale where a share is projected on it); nil with fewer than three
    /// points, when no model is fitted.
    static func series(_ history: [HistoryPoint], _ indicator: Indicator, _ settings: GapSettings) -> Series? {
        guard history.count >= 3 else { return nil }
        let bounds = logitBounds(history, indicator, settings)
        return Series(region: "", indicator: indicator.id, years: history.map(\.year),
                      values: history.map { y in bounds.map { log((y.value - $0.lowerBound) / ($0.upperBound - y.value)) } ?? y.value })
    }

    /// The trend of `history` for a target in `year`; `fits` are the fits of ``series(_:_:_:)`` when they were made
    /// beforehand (otherwise they are made here).
    init(history: [HistoryPoint], indicator: Indicator, year: Int, settings: GapSettings, fits: Fits? = nil) {
        guard !history.isEmpty else { return }
        let bounds = TargetTrend.logitBounds(history, indicator, settings)
        func back(_ z: Double) -> Double { bounds.map { $0.lowerBound + ($0.upperBound - $0.lowerBound) / (1 + exp(-z)) } ?? z }
        func back(_ i: PredictionInterval) -> PredictionInterval { PredictionInterval(level: i.level, lower: back(i.lower), upper: back(i.upper)) }
        if let series = TargetTrend.series(history, indicator, settings) {
            do throws(TrendError) {
                let fit = try (fits?.main ?? Result { () throws(TrendError) -> TrendFit in try TrendSpecification(settings.model).fit(series) }).get()
                let f = fit.forecast(year: year, levels: settings.levels)
                let wide = fit.forecast(year: year, levels: [95]).intervals[0]
                let sd = (back(wide.upper) - back(wide.lower)) / (2 * Normal.quantile(0.975))
                projection = Projection(model: fit.model, year: year, mean: back(f.mean), intervals: f.intervals.map(back),
                                        logitBounds: bounds, standardDeviation: sd, distribution: fit.predictive(year: year))
                if settings.keepsPaths {
                    let fitted = zip(fit.years, fit.fitted).map { TrendPath.Point(year: $0, value: back($1), bands: []) }
                    let last = history[history.count - 1].year
                    let projected = (last + 1 <= year ? Array((last + 1)...year) : []).map { y -> TrendPath.Point in
                        let p = y == year ? f : fit.forecast(year: y, levels: settings.levels)
                        return TrendPath.Point(year: y, value: back(p.mean), bands: p.intervals.map(back))
                    }
                    path = TrendPath(fitted: fitted, projected: projected)
                }
                if let bounds { notes.append(.logitScale(lower: bounds.lowerBound, upper: bounds.upperBound)) }
                notes += fit.warnings.map(AssessmentNote.trend)
            } catch {
                notes.append(.noTrend(error))
            }
            if let w = fits.map({ $0.weighted }) ?? (try? TrendSpecification(.weighted).fit(series)) {
                weightedValue = back(w.forecast(year: year, levels: []).mean)
            }
        }
        if projection == nil && history.count >= 2 {
            let a = history[history.count - 2], b = history[history.count - 1]
            let span = Double(b.year - a.year), ahead = Double(year - b.year)
            let compound = (indicator.kind == .level || indicator.kind == .count) && a.value > 0 && b.value > 0
            func carried(_ k: Double) -> Double {
                compound ? b.value * pow(b.value / a.value, k / span) : b.value + (b.value - a.value) * k / span
            }
            twoPointValue = carried(ahead)
            path = TrendPath(fitted: [a, b].map { TrendPath.Point(year: $0.year, value: $0.value, bands: []) },
                             projected: (b.year + 1 <= year ? Array((b.year + 1)...year) : []).map {
                                 TrendPath.Point(year: $0, value: carried(Double($0 - b.year)), bands: [])
                             })
            notes.append(.twoValuesOnly)
        }
    }

    /// The growth (compound) or change (linear) a year from the latest value to the projection, with the interval
    /// from the projection's widest interval.
    func annualChange(from latest: HistoryPoint, to year: Int, compound: Bool) -> AnnualChange? {
        guard let p = projection else { return nil }
        let h = Double(year - latest.year)
        guard h > 0 else { return nil }
        func rate(_ v: Double) -> Double? {
            if compound { return latest.value > 0 && v > 0 ? pow(v / latest.value, 1 / h) - 1 : nil }
            return (v - latest.value) / h
        }
        guard let r = rate(p.mean) else { return nil }
        let widest = p.intervals.max { $0.level < $1.level }
        var interval: ClosedRange<Double>?
        if let w = widest, let lo = rate(w.lower), let hi = rate(w.upper) { interval = .between(lo, hi) }
        return AnnualChange(value: r, interval: interval, isGrowthRate: compound)
    }
}
