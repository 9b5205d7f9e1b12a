/// Why a trend could not be fitted or projected.
public enum TrendError: Error, Equatable, CustomStringConvertible, Sendable {
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
    /// A horizon below 1 or a level outside (0, 100).
    case invalidProjection(String)
    /// The numerical layer failed.
    case linearAlgebra(LinearAlgebraError)

    public var description: String {
        switch self {
        case let .tooFewPoints(model, needed, found):
            return "the \(model.rawValue) model needs at least \(needed) observations, the series has \(found)"
        case let .tooShortForAnyModel(found, needs):
            let list = needs.sorted { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
                .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            return "the series has \(found) observation\(found == 1 ? "" : "s"); no trend model can be fitted (points needed: \(list))"
        case let .nonFinite(year):
            return "the value for \(year) is NaN or infinite; remove it (a missing year is allowed)"
        case let .nonPositive(year, value):
            return "the log-linear (constant growth) model needs positive values, but \(year) has \(value); use the linear model"
        case let .yearsNotIncreasing(year):
            return "year \(year) is repeated or out of order; each year may appear once, in increasing order"
        case let .parameterOutOfRange(name, value, range):
            return "\(name) = \(value) is outside \(range.lowerBound)…\(range.upperBound)"
        case let .invalidProjection(what):
            return what
        case let .linearAlgebra(e):
            return e.description
        }
    }
}

/// Something about a trend fit its user should know; returned with the fit, never printed.
public enum TrendWarning: Equatable, Sendable, CustomStringConvertible {
    /// `auto` could not compare models by AICc and fell back to the named model.
    case tooShortForSelection(found: Int, chosen: TrendModelKind)
    /// The optimiser stopped at its iteration limit.
    case optimiserDidNotConverge(iterations: Int)
    /// A smoothing parameter was estimated at the edge of its range.
    case parameterAtBound(name: String, value: Double)
    /// No residual degrees of freedom: intervals cannot be given.
    case noResidualDegreesOfFreedom

    public var description: String {
        switch self {
        case let .tooShortForSelection(n, chosen):
            return "\(n) observations are too few to compare models by AICc; used \(chosen.rawValue)"
        case let .optimiserDidNotConverge(it):
            return "the parameter search stopped after \(it) iterations without converging; parameters may be imprecise"
        case let .parameterAtBound(name, value):
            return "\(name) was estimated at the edge of its range (\(value))"
        case .noResidualDegreesOfFreedom:
            return "as many parameters as observations: no prediction interval can be given"
        }
    }
}
