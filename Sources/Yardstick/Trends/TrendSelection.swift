/// Fitting a ``TrendSpecification`` to a series, and `auto`: the model with the smallest AICc.
extension TrendSpecification {
    /// Fits the specified model (or, for `auto`, every candidate with enough points, keeping the smallest AICc).
    ///
    /// ```swift
    /// let fit = try TrendSpecification(nil).fit(series)   // auto
    /// fit.model                                           // e.g. .loglinear
    /// ```
    /// - Throws: ``TrendError`` for too short a history (naming how many points each model needs), non-finite
    ///   values, repeated years, or non-positive values for the log-linear model.
    public func fit(_ series: Series) throws(TrendError) -> TrendFit {
        try TrendSpecification.validate(series)
        guard let model else { return try selectByAICc(series) }
        let needed = minimumPoints(model)
        guard series.count >= needed else { throw .tooFewPoints(model: model, needed: needed, found: series.count) }
        switch model {
        case .linear, .loglinear, .quadratic, .weighted:
            return try RegressionTrend.fit(series, model: model)
        case .ses, .holt, .damped:
            return try ExponentialSmoothing.fit(series, model: model, spec: self)
        }
    }

    static func validate(_ series: Series) throws(TrendError) {
        for (i, v) in series.values.enumerated() where !v.isFinite { throw .nonFinite(year: series.years[i]) }
        for i in series.years.indices.dropFirst() where series.years[i] <= series.years[i - 1] {
            throw .yearsNotIncreasing(year: series.years[i])
        }
    }

    /// AICc comparison. A candidate takes part when it can be fitted and n ≥ k + 2 (k parameters counting σ),
    /// so that AICc is defined; the log-linear model only for positive series. When no candidate qualifies but
    /// the linear model can be fitted, linear is used with a warning.
    private func selectByAICc(_ series: Series) throws(TrendError) -> TrendFit {
        try select(series) { candidate in
            var spec = self
            spec.model = candidate
            return try? spec.fit(series)
        }
    }

    /// The selection rule of `auto`, with the candidates' fits from `fit` (nil when one cannot be fitted), so that
    /// a batch of series can supply fits made together (``TrendSpecification/fitAll(_:threads:)``) and choose
    /// exactly as one series alone does.
    func select(_ series: Series, fit: (TrendModelKind) -> TrendFit?) throws(TrendError) -> TrendFit {
        let n = series.count
        var best: TrendFit?
        let positive = !series.values.contains { $0 <= 0 }
        for candidate in TrendModelKind.candidates {
            guard n >= max(minimumPoints(candidate), candidate.aiccParameters + 2) else { continue }
            if candidate == .loglinear && !positive { continue }
            guard let fit = fit(candidate), let aicc = fit.aicc, aicc.isFinite else { continue }
            if best == nil || aicc < best!.aicc! { best = fit }
        }
        if let best { return best }
        if n >= minimumPoints(.linear) {
            guard let fit = fit(.linear) else {
                var linear = self
                linear.model = .linear
                _ = try linear.fit(series)          // throws the reason
                throw .tooFewPoints(model: .linear, needed: minimumPoints(.linear), found: n)
            }
            return TrendFit(
                model: fit.model, parameters: fit.parameters, sigma: fit.sigma, fitted: fit.fitted, years: fit.years,
                observationCount: n, rSquared: fit.rSquared, logLikelihood: fit.logLikelihood, aicc: fit.aicc, growth: fit.growth,
                warnings: fit.warnings + [.tooShortForSelection(found: n, chosen: .linear)], state: fit.state)
        }
        var needs: [TrendModelKind: Int] = [:]
        for m in TrendModelKind.allCases { needs[m] = minimumPoints(m) }
        throw .tooShortForAnyModel(found: n, needs: needs)
    }
}
