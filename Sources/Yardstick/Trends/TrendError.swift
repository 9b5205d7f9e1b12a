/// Why a trend could not be fitted or projected. A value with its numbers: the report module words it
/// (``code`` names it in machine output).
public enum TrendError: Error, Equatable, Sendable {
    /// Fewer points than the model needs.
    case tooFewPoints(model: TrendModelKind, needed: Int, found: Int)
    /// No model is possible for `auto`: says what each needs.
    case tooShortForAnyModel(found: Int, needs: [TrendModelKind: Int])
    /// A value that is NaN or infinite, at the given year.
    case nonFinite(year: Int)
    /// Log-linear models need positive values.
    case nonPositive(year: Int, value: Double)
    /// Years repeated or out of order.
    case yearsNotIncreasing(year: Int)
    /// A smoothing parameter outside its range.
    case parameterOutOfRange(name: String, value: Double, range: ClosedRange<Double>)
    /// A horizon below 1.
    case invalidHorizon(Int)
    /// An interval level outside (0, 100).
    case invalidLevel(Double)
    /// A model that batched fitting does not support.
    case notBatchable(TrendModelKind)
    /// The numerical layer failed.
    case linearAlgebra(LinearAlgebraError)
    /// A maximum-likelihood fit found no maximum within its iterations (``CensoredTrend``).
    case notConverged(iterations: Int)

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .tooFewPoints: "too_few_points"
        case .tooShortForAnyModel: "too_short_for_any_model"
        case .nonFinite: "non_finite"
        case .nonPositive: "non_positive"
        case .yearsNotIncreasing: "years_not_increasing"
        case .parameterOutOfRange: "parameter_out_of_range"
        case .invalidHorizon: "invalid_horizon"
        case .invalidLevel: "invalid_level"
        case .notBatchable: "not_batchable"
        case .linearAlgebra: "linear_algebra"
        case .notConverged: "not_converged"
        }
    }
}

/// Something about a trend fit its user should know; returned with the fit, never printed.
public enum TrendWarning: Equatable, Sendable {
    /// `auto` could not compare models by AICc and fell back to the named model.
    case tooShortForSelection(found: Int, chosen: TrendModelKind)
    /// The optimiser stopped at its iteration limit.
    case optimiserDidNotConverge(iterations: Int)
    /// A smoothing parameter was estimated at the edge of its range.
    case parameterAtBound(name: String, value: Double)
    /// No residual degrees of freedom: intervals cannot be given.
    case noResidualDegreesOfFreedom

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .tooShortForSelection: "too_short_for_selection"
        case .optimiserDidNotConverge: "optimiser_did_not_converge"
        case .parameterAtBound: "parameter_at_bound"
        case .noResidualDegreesOfFreedom: "no_residual_degrees_of_freedom"
        }
    }
}
