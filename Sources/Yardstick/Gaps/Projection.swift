import Foundation

/// The trend projection of a history to the target year, on the logit scale for bounded shares.
struct Projection {
    /// A projection with its predictive distribution on the data's scale.
    struct Predicted {
        let model: TrendModelKind
        let mean: Double
        let intervals: [PredictionInterval]
        let distribution: PredictiveDistribution
        let logit: (lo: Double, hi: Double)?
        /// Standard deviation on the data's scale, from the 95% interval (for the normal approximation of
        /// relative targets).
        let sd: Double

        /// The value on the scale the model was fitted on.
        func fitted(_ y: Double) -> Double {
            guard let (lo, hi) = logit else { return y }
            if y <= lo { return -.infinity }
            if y >= hi { return .infinity }
            return log((y - lo) / (hi - y))
        }
        func cdf(_ y: Double) -> Double {
            let z = fitted(y)
            return z == -.infinity ? 0 : z == .infinity ? 1 : distribution.cdf(z)
        }
        func survival(_ y: Double) -> Double {
            let z = fitted(y)
            return z == -.infinity ? 1 : z == .infinity ? 0 : distribution.survival(z)
        }
    }

    var projection: Predicted?
    /// With exactly two values: their growth (compound for positive levels, linear otherwise) carried to the year.
    var twoPointValue: Double?
    /// The time-weighted regression's value for the year (ESCAP's anticipated progress).
    var weightedProjection: Double?
    var path: TrendPath?
    var notes: [String] = []

    init(history: [HistoryPoint], indicator: Indicator, year: Int, settings: GapSettings) {
        guard !history.isEmpty else { return }
        var logit: (lo: Double, hi: Double)?
        if settings.logitForShares, indicator.kind == .share, let b = indicator.bounds, b.lowerBound.isFinite, b.upperBound.isFinite,
           history.allSatisfy({ $0.value > b.lowerBound && $0.value < b.upperBound }) {
            logit = (b.lowerBound, b.upperBound)
        }
        func forward(_ y: Double) -> Double { logit.map { log((y - $0.lo) / ($0.hi - y)) } ?? y }
        func back(_ z: Double) -> Double { logit.map { $0.lo + ($0.hi - $0.lo) / (1 + exp(-z)) } ?? z }
        let series = Series(region: "", indicator: indicator.id, years: history.map(\.year), values: history.map { forward($0.value) })
        if history.count >= 3 {
            do {
                let fit = try TrendSpecification(settings.model).fit(series)
                let f = fit.forecast(year: year, levels: settings.levels)
                let intervals = f.intervals.map { PredictionInterval(level: $0.level, lower: back($0.lower), upper: back($0.upper)) }
                let wide = fit.forecast(year: year, levels: [95]).intervals[0]
                let sd = (back(wide.upper) - back(wide.lower)) / (2 * Normal.quantile(0.975))
                projection = Predicted(model: fit.model, mean: back(f.mean), intervals: intervals,
                                       distribution: fit.predictive(year: year), logit: logit, sd: sd)
                let fitted = zip(fit.years, fit.fitted).map { TrendPath.Point(year: $0, value: back($1), bands: []) }
                let last = history[history.count - 1].year
                let projected = (last + 1 <= year ? Array((last + 1)...year) : []).map { y -> TrendPath.Point in
                    let p = fit.forecast(year: y, levels: settings.levels)
                    return TrendPath.Point(year: y, value: back(p.mean), bands: p.intervals.map {
                        PredictionInterval(level: $0.level, lower: back($0.lower), upper: back($0.upper))
                    })
                }
                path = TrendPath(fitted: fitted, projected: projected)
                if logit != nil { notes.append("projected on the logit scale (a share bounded by \(indicator.bounds!.lowerBound)–\(indicator.bounds!.upperBound))") }
                notes += fit.warnings.map(\.description)
            } catch {
                notes.append("no trend: \(error)")
            }
            if let w = try? TrendSpecification(.weighted).fit(series) {
                weightedProjection = back(w.forecast(year: year, levels: [95]).mean)
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
            notes.append("two values only: their growth is carried forward, without an interval or a probability")
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
        if let w = widest, let lo = rate(w.lower), let hi = rate(w.upper) { interval = min(lo, hi)...max(lo, hi) }
        return AnnualChange(value: r, interval: interval, isGrowthRate: compound)
    }
}
