/// Why a regression could not be fitted.
public enum RegressionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A column holds NaN or an infinite value at the given (zero-based) row.
    case nonFinite(column: String, row: Int)
    /// Columns (or weights) of different lengths.
    case lengthMismatch(column: String, expected: Int, found: Int)
    /// Fewer observations than the model needs.
    case tooFewObservations(needed: Int, found: Int)
    /// A weight that is zero, negative or not finite, at the given (zero-based) row.
    case invalidWeight(row: Int, value: Double)
    /// A polynomial degree below 1.
    case invalidDegree(Int)
    /// No term at all: no intercept and no regressor.
    case noTerms
    /// The linear-algebra layer failed.
    case linearAlgebra(LinearAlgebraError)

    public var description: String {
        switch self {
        case let .nonFinite(column, row):
            return "column '\(column)' has a missing, NaN or infinite value in data row \(row + 1); remove that row or fill the value"
        case let .lengthMismatch(column, expected, found):
            return "column '\(column)' has \(found) value\(found == 1 ? "" : "s") but the response has \(expected)"
        case let .tooFewObservations(needed, found):
            return "the model has \(needed) coefficient\(needed == 1 ? "" : "s") but only \(found) observation\(found == 1 ? "" : "s"); add data or drop terms"
        case let .invalidWeight(row, value):
            return "weight \(value) in data row \(row + 1) is not a positive finite number; weights must be > 0"
        case let .invalidDegree(d):
            return "polynomial degree must be at least 1, got \(d)"
        case .noTerms:
            return "the model has no terms: give at least one regressor or keep the intercept"
        case let .linearAlgebra(e):
            return e.description
        }
    }
}

/// Something about a fit that its user should know; returned with the result, never printed (the report module
/// words it).
public enum RegressionWarning: Equatable, Sendable {
    /// Terms left out because they are collinear with the others at the rank tolerance (their estimates are 0).
    case rankDeficient(droppedTerms: [String], tolerance: Double)
    /// As many coefficients as observations: the fit is exact and no standard error exists.
    case noResidualDegreesOfFreedom
    /// The residuals are all zero: t statistics are infinite.
    case perfectFit

    /// A stable identifier for machine output (snake case).
    public var code: String {
        switch self {
        case .rankDeficient: "rank_deficient"
        case .noResidualDegreesOfFreedom: "no_residual_degrees_of_freedom"
        case .perfectFit: "perfect_fit"
        }
    }
}
