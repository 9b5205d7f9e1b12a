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

    /// The trend of `history` (and of `bounds`, values known only as bounds, where ``GapSettings/boundsAsEvidence``)
    /// for a target in `year`; `fits` are the fits of ``series(_:_:_:)`` when they were made beforehand (otherwise
    /// they are made here).
    ///
    /// With bounds: three values or more and a straight-line model (linear, log-linear, or `auto`, which compares
    /// the two by AICc) fit a ``CensoredTrend``; fewer than three values and three or more with the bounds take
    /// the bounds as values (``AssessmentBasis/boundsAsValues(points:bounds:lowerEstimate:)``).
    init(history: [HistoryPoint], bounds: [HistoryPoint] = [], indicator: Indicator, year: Int, settings: GapSettings, fits: Fits? = nil) {
        let useBounds = settings.boundsAsEvidence && !bounds.isEmpty
        if useBounds, history.count >= 3, TargetTrend.logitBounds(history, indicator, settings) == nil,
           let censored = TargetTrend.censoredFit(history, bounds, model: settings.model) {
            self.init(censored: censored, history: history, bounds: bounds, year: year, settings: settings)
            return
        }
        var points = history, fits = fits, boundsBasis: AssessmentBasis?
        if useBounds, history.count < 3, history.count + bounds.count >= 3 {
            points = (history + bounds).sorted { $0.year < $1.year }
            fits = nil
            boundsBasis = .boundsAsValues(points: history.count, bounds: bounds.count,
                                          lowerEstimate: bounds.allSatisfy { $0.kind == .lowerBound })
        }
        self.init(points: points, indicator: indicator, year: year, settings: settings, fits: fits)
        if projection != nil { basis = boundsBasis ?? .ownHistory(points: history.count) }
    }

    /// What the projection rests on (nil without one).
    var basis: AssessmentBasis?

    /// The censored straight line of `history` and `bounds`: the settings' model, or for `auto` the linear or
    /// log-linear one with the smaller AICc (AIC below five observations); nil when neither can be fitted.
    static func censoredFit(_ history: [HistoryPoint], _ bounds: [HistoryPoint], model: TrendModelKind?) -> CensoredTrend? {
        let all = (history + bounds).sorted { $0.year < $1.year }
        let censoring = all.map { p -> CensoredTrend.Censoring in
            p.kind == .lowerBound ? .lowerBound : p.kind == .upperBound ? .upperBound : .value
        }
        let models: [TrendModelKind] = model.map { [$0] } ?? [.linear, .loglinear]
        guard models.allSatisfy({ $0 == .linear || $0 == .loglinear }) else { return nil }
        let fitted = models.compactMap { m in
            try? CensoredTrend.fit(years: all.map(\.year), values: all.map(\.value), censoring: censoring, model: m)
        }
        return fitted.min { ($0.aicc ?? -2 * $0.logLikelihood + 6) < ($1.aicc ?? -2 * $1.logLikelihood + 6) }
    }

    /// The projection and path of a censored fit.
    private init(censored fit: CensoredTrend, history: [HistoryPoint], bounds: [HistoryPoint], year: Int, settings: GapSettings) {
        let log = fit.model == .loglinear
        func back(_ z: Double) -> Double { log ? exp(z) : z }
        func point(_ y: Int) -> (mean: Double, intervals: [PredictionInterval]) {
            let d = fit.predictive(year: y)
            return (back(d.location), settings.levels.map { level in
                let q = Normal.quantile(0.5 + level / 200)
                return PredictionInterval(level: level, lower: back(d.location - q * d.scale), upper: back(d.location + q * d.scale))
            })
        }
        let p = point(year), d = fit.predictive(year: year), q = Normal.quantile(0.975)
        projection = Projection(model: fit.model, year: year, mean: p.mean, intervals: p.intervals, logitBounds: nil,
                                standardDeviation: (back(d.location + q * d.scale) - back(d.location - q * d.scale)) / (2 * q),
                                distribution: d)
        if settings.keepsPaths {
            let years = (history + bounds).map(\.year).sorted()
            let last = years.last ?? year
            path = TrendPath(fitted: years.map { TrendPath.Point(year: $0, value: fit.value(year: $0), bands: []) },
                             projected: (last + 1 <= year ? Array((last + 1)...year) : []).map { y in
                                 let p = point(y)
                                 return TrendPath.Point(year: y, value: p.mean, bands: p.intervals)
                             })
        }
        if let w = try? TrendSpecification(.weighted).fit(Series(region: "", indicator: "", years: history.map(\.year), values: history.map(\.value))) {
            weightedValue = w.forecast(year: year, levels: []).mean
        }
        basis = .censored(points: history.count, bounds: bounds.count)
    }

    /// The trend of `history` alone.
    private init(points history: [HistoryPoint], indicator: Indicator, year: Int, settings: GapSettings, fits: Fits?) {
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
