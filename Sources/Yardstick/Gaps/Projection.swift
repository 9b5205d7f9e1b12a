import Foundation

/// The trend's forecast for a target's year as an assessment uses it: the model, the mean and intervals on the
/// data's scale, and the predictive distribution the probability of meeting the target comes from. Shares strictly
/// inside their bounds are projected on the logit scale and mapped back.
public struct Projection: Sendable, Equatable {
    public let model: TrendModelKind
    public let year: Int
    public let mean: Double
    public let intervals: [PredictionInterval]
    /// The bounds of a share projected on the logit scale; nil when projected on the data's scale.
    public let logitBounds: ClosedRange<Double>?
    /// The standard deviation on the data's scale implied by the 95% interval (for the normal approximation of a
    /// difference between two projections).
    public let standardDeviation: Double
    /// The predictive distribution on the scale the model was fitted on.
    let distribution: PredictiveDistribution

    /// Whether the projection was made on the logit scale.
    public var logitScale: Bool { logitBounds != nil }

    /// `y` on the scale the model was fitted on (±∞ at or beyond a logit bound).
    func fitted(_ y: Double) -> Double {
        guard let b = logitBounds else { return y }
        if y <= b.lowerBound { return -.infinity }
        if y >= b.upperBound { return .infinity }
        return log((y - b.lowerBound) / (b.upperBound - y))
    }

    /// P(Y ≤ y) for the value Y of the target year.
    public func cdf(_ y: Double) -> Double {
        let z = fitted(y)
        return z == -.infinity ? 0 : z == .infinity ? 1 : distribution.cdf(z)
    }

    /// P(Y > y).
    public func survival(_ y: Double) -> Double {
        let z = fitted(y)
        return z == -.infinity ? 1 : z == .infinity ? 0 : distribution.survival(z)
    }
}
