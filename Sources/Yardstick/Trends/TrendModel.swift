/// The trend models Yardstick fits to an indicator series.
public enum TrendModelKind: String, Sendable, CaseIterable, Hashable, Codable {
    /// y = a + b·year, ordinary least squares.
    case linear
    /// ln y = a + b·year: constant growth at rate e^b − 1 a year.
    case loglinear
    /// y = a + b·t + c·t², t the centred year.
    case quadratic
    /// Linear, with weights rising toward the latest year (time-weighted regression, as in ESCAP's
    /// anticipated-progress assessment): w = (year − first + 1)/(last − first + 1).
    case weighted
    /// Simple exponential smoothing, ETS(A,N,N): a level, no trend.
    case ses
    /// Holt's linear trend, ETS(A,A,N).
    case holt
    /// Holt's damped trend, ETS(A,Ad,N).
    case damped

    /// Models `auto` chooses among.
    public static let candidates: [TrendModelKind] = allCases

    /// Parameters counted in AICc (coefficients or smoothing parameters and initial states, plus σ).
    var aiccParameters: Int {
        switch self {
        case .linear, .loglinear, .weighted: 3
        case .quadratic: 4
        case .ses: 3
        case .holt: 5
        case .damped: 6
        }
    }
}

/// How exponential smoothing starts its recursions (Hyndman & Athanasopoulos, *Forecasting: Principles and
/// Practice*, §8; R `forecast::holt(initial=)`; statsmodels `initialization_method`).
public enum SmoothingInitialization: String, Sendable, CaseIterable {
    /// l₀ = y₁ and b₀ = y₂ − y₁, the recursions running from the first point; σ² = SSE/n.
    case simple
    /// l₀ and b₀ minimise the sum of squared one-step errors (solved exactly by least squares, as the errors are
    /// linear in them); σ² = SSE/(n − k), k the number of smoothing parameters and initial states.
    case optimal
}

/// A trend model with its settings.
///
/// ```swift
/// let spec = TrendSpecification(.holt, alpha: 0.8, beta: 0.2, initialization: .simple)
/// let fit = try spec.fit(series)
/// let next5 = fit.forecast(horizon: 5, levels: [80, 95])
/// ```
public struct TrendSpecification: Sendable {
    /// The model, or nil for `auto` (chosen by AICc).
    public var model: TrendModelKind?
    /// Level smoothing α ∈ (0, 1); estimated when nil.
    public var alpha: Double?
    /// Trend smoothing β* ∈ (0, 1) of the level change (statsmodels' `smoothing_trend`; ETS β = α·β*);
    /// estimated when nil.
    public var beta: Double?
    /// Damping φ ∈ (0, 1]; estimated in [0.8, 0.98] when nil, as R's `ets`.
    public var phi: Double?
    public var initialization: SmoothingInitialization
    /// Fixed initial level and trend (overriding `initialization`), as when reproducing a published fit.
    public var initialLevel: Double?
    public var initialTrend: Double?

    public init(
        _ model: TrendModelKind?, alpha: Double? = nil, beta: Double? = nil, phi: Double? = nil,
        initialization: SmoothingInitialization = .optimal, initialLevel: Double? = nil, initialTrend: Double? = nil
    ) {
        self.model = model
        self.alpha = alpha
        self.beta = beta
        self.phi = phi
        self.initialization = initialization
        self.initialLevel = initialLevel
        self.initialTrend = initialTrend
    }

    /// The fewest observations `model` can be fitted to with this specification (enough to leave one residual
    /// degree of freedom for σ).
    public func minimumPoints(_ model: TrendModelKind) -> Int {
        let simple = initialization == .simple || initialLevel != nil
        switch model {
        case .linear, .loglinear, .weighted: return 3
        case .quadratic: return 4
        case .ses: return simple ? 2 : 3
        case .holt: return simple ? 3 : 5
        case .damped: return simple ? 3 : 6
        }
    }
}
