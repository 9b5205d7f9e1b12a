/// A series' fitted trend and its projection: what the `trend` command reports for each series.
public struct TrendProjection: Sendable {
    public let series: Series
    public let fit: TrendFit
    public let forecast: [ForecastPoint]
    /// The interval levels (percent), in the order of each point's `intervals`.
    public let levels: [Double]
}

/// The outcome for one series of a multi-series run: a projection, or why there is none.
public struct TrendOutcome: Sendable {
    public let series: Series
    public let result: Result<TrendProjection, TrendError>
}

extension TrendSpecification {
    /// Fits `series` and projects it `horizon` years ahead with intervals at `levels` (percent, each in (0, 100)).
    public func project(_ series: Series, horizon: Int, levels: [Double]) throws(TrendError) -> TrendProjection {
        guard horizon >= 1 else { throw .invalidProjection("the horizon must be at least 1 year, got \(horizon)") }
        for l in levels where !(l > 0 && l < 100) {
            throw .invalidProjection("interval levels are percentages between 0 and 100, got \(l)")
        }
        let fit = try fit(series)
        return TrendProjection(series: series, fit: fit, forecast: fit.forecast(horizon: horizon, levels: levels), levels: levels)
    }

    /// Projects every series, keeping each failure with its reason (none is dropped); `progress` is told how many
    /// are done after each.
    public func projectAll(_ series: [Series], horizon: Int, levels: [Double],
                           progress: (Int) -> Void = { _ in }) -> [TrendOutcome] {
        series.enumerated().map { i, s in
            defer { progress(i + 1) }
            do throws(TrendError) {
                return TrendOutcome(series: s, result: .success(try project(s, horizon: horizon, levels: levels)))
            } catch {
                return TrendOutcome(series: s, result: .failure(error))
            }
        }
    }
}
