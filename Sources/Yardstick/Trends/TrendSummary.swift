import Foundation

/// One series' trend in one row: the model, its parameters, σ, the growth rate with its interval and the projection
/// at a horizon with its intervals. What `trend --summary` reports for every series of a panel.
///
/// ```swift
/// let rows = TrendSpecification(.linear).summarise(block, horizon: 5, levels: [80, 95])
/// try rows[0].get().projection.intervals    // the 80% and 95% intervals five years after the last observation
/// ```
public struct TrendSummary: Sendable, Equatable {
    public let model: TrendModelKind
    public let count: Int
    public let firstYear: Int
    public let lastYear: Int
    public let parameters: [TrendParameter]
    public let sigma: Double
    public let rSquared: Double?
    public let aicc: Double?
    public let growth: GrowthEstimate?
    /// The projection for `lastYear + horizon`.
    public let projection: ForecastPoint
    public let warnings: [TrendWarning]

    init(model: TrendModelKind, count: Int, firstYear: Int, lastYear: Int, parameters: [TrendParameter], sigma: Double,
         rSquared: Double?, aicc: Double?, growth: GrowthEstimate?, projection: ForecastPoint, warnings: [TrendWarning]) {
        self.model = model
        self.count = count
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.parameters = parameters
        self.sigma = sigma
        self.rSquared = rSquared
        self.aicc = aicc
        self.growth = growth
        self.projection = projection
        self.warnings = warnings
    }

    /// The summary of `fit`, projected `horizon` years past its last observation with intervals at `levels`.
    public init(_ fit: TrendFit, horizon: Int, levels: [Double]) {
        model = fit.model
        count = fit.observationCount
        firstYear = fit.years.first ?? 0
        lastYear = fit.years.last ?? 0
        parameters = fit.parameters
        sigma = fit.sigma
        rSquared = fit.rSquared
        aicc = fit.aicc
        growth = fit.growth
        projection = fit.forecast(year: lastYear + horizon, levels: levels)
        warnings = fit.warnings
    }
}

extension TrendSpecification {
    /// Fits every series of `block`: the regression models of a batch together (``BatchTrends``), smoothing models
    /// one series at a time on every core, and `auto` from both, choosing per series exactly as
    /// ``fit(_:)`` does. Each result equals the one-series path's for that series (to 1e-12 relative for the
    /// batched models).
    ///
    /// - Complexity: O(n·m) for the batched models; the smoothing models' estimation per series otherwise.
    public func fitAll(_ block: SeriesBlock, threads: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> [Result<TrendFit, TrendError>] {
        let m = block.count
        // The regression models the batch fits: the model asked for, or every regression candidate of `auto`.
        let batched: [TrendModelKind] = model.map { BatchTrends.isBatchable($0) ? [$0] : [] }
            ?? TrendModelKind.candidates.filter(BatchTrends.isBatchable)
        var batches: [TrendModelKind: BatchTrendResult] = [:]
        for b in batched {
            batches[b] = try? BatchTrends.fit(b, years: block.years, values: block.values, threads: threads)
        }
        if let model, let batch = batches[model] {
            return (0..<m).map { j in
                if let e = batch.failure(j) { return .failure(e) }
                return batch.fit(j).map { .success($0) } ?? .failure(.tooFewPoints(model: model, needed: minimumPoints(model), found: 0))
            }
        }
        let spec = self
        let frozen = batches
        return Parallel.map(m, chunk: 16, threads: threads) { j -> Result<TrendFit, TrendError> in
            let series = block.series(j)
            guard spec.model == nil else {
                return Result { () throws(TrendError) -> TrendFit in try spec.fit(series) }
            }
            do throws(TrendError) {
                try TrendSpecification.validate(series)
                return .success(try spec.select(series) { candidate in
                    if let batch = frozen[candidate] { return batch.fit(j) }
                    var one = spec
                    one.model = candidate
                    return try? one.fit(series)
                })
            } catch {
                return .failure(error)
            }
        }
    }

    /// ``fitAll(_:threads:)`` as summaries, each projected `horizon` years past its series' last observation with
    /// intervals at `levels` (percent, each in (0, 100)).
    public func summarise(_ block: SeriesBlock, horizon: Int, levels: [Double],
                          threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Result<TrendSummary, TrendError>] {
        if let model, BatchTrends.isBatchable(model),
           let batch = try? BatchTrends.fit(model, years: block.years, values: block.values, threads: threads) {
            return Parallel.map(block.count, chunk: 512, threads: threads) { j in
                if let e = batch.failure(j) { return .failure(e) }
                return batch.summary(j, horizon: horizon, levels: levels).map { .success($0) }
                    ?? .failure(.tooFewPoints(model: model, needed: minimumPoints(model), found: 0))
            }
        }
        return fitAll(block, threads: threads).map { r in r.map { TrendSummary($0, horizon: horizon, levels: levels) } }
    }
}
