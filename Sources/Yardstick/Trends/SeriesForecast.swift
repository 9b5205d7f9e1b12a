/// A series' fitted trend and its forecast over a horizon: what the `trend` command reports for each series.
public struct SeriesForecast: Sendable {
    public let series: Series
    public let fit: TrendFit
    public let points: [ForecastPoint]
    /// The interval levels (percent), in the order of each point's `intervals`.
    public let levels: [Double]
}

/// The outcome for one series of a multi-series run: a forecast, or why there is none.
public struct TrendOutcome: Sendable {
    public let series: Series
    public let result: Result<SeriesForecast, TrendError>
}

extension TrendSpecification {
    /// Fits `series` and forecasts it `horizon` years ahead with intervals at `levels` (percent, each in (0, 100)).
    public func forecast(_ series: Series, horizon: Int, levels: [Double]) throws(TrendError) -> SeriesForecast {
        guard horizon >= 1 else { throw .invalidHorizon(horizon) }
        for l in levels where !(l > 0 && l < 100) { throw .invalidLevel(l) }
        let fit = try fit(series)
        return SeriesForecast(series: series, fit: fit, points: fit.forecast(horizon: horizon, levels: levels), levels: levels)
    }

    /// Forecasts every series, keeping each failure with its reason (none is dropped); `progress` is told how many
    /// are done after each.
    public func forecastAll(_ series: [Series], horizon: Int, levels: [Double],
                            progress: (Int) -> Void = { _ in }) -> [TrendOutcome] {
        series.enumerated().map { i, s in
            defer { progress(i + 1) }
            do throws(TrendError) {
                return TrendOutcome(series: s, result: .success(try forecast(s, horizon: horizon, levels: levels)))
            } catch {
                return TrendOutcome(series: s, result: .failure(error))
            }
        }
    }
}
