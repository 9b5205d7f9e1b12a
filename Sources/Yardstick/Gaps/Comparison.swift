/// What meeting a target means, once its qualifier and the indicator's direction are taken into account.
///
/// - at least T (以上) and more than T (突破): Y ≥ T and Y > T;
/// - at most T (以内) and less than T: Y ≤ T and Y < T;
/// - a range, read by direction as the published methods read "4.5–5%": at least its low end (higher is better),
///   at most its high end (lower is better), within it (on target): overshooting a growth range is not a miss;
/// - about T (左右): by direction, Y ≥ T − tol (higher is better), Y ≤ T + tol (lower), |Y − T| ≤ tol (on target),
///   tol from ``GapSettings`` (0.5 percentage points for rates and shares, 2% for levels);
/// - a plain T (=): Y ≥ T (higher), Y ≤ T (lower), |Y − T| ≤ tol (on target).
/// For a continuous predictive distribution, "more than" and "at least" have the same probability.
enum Comparison: Equatable, Sendable {
    case atLeast(Double)
    case above(Double)
    case atMost(Double)
    case below(Double)
    case between(Double, Double)

    init?(qualifier: Qualifier, value t: Double, indicator: Indicator, settings: GapSettings) {
        let rate = indicator.kind == .growthRate || indicator.kind == .share || indicator.unit.hasPrefix("%")
        let tol = rate ? settings.rateTolerance : abs(t) * settings.levelTolerance
        switch qualifier {
        case .atLeast: self = .atLeast(t)
        case .moreThan: self = .above(t)
        case .atMost: self = .atMost(t)
        case .lessThan: self = .below(t)
        case let .range(high):
            switch indicator.direction {
            case .higher: self = .atLeast(t)
            case .lower: self = .atMost(high)
            case .target: self = .between(t, high)
            }
        case .approximately, .exact:
            let slack = qualifier == .approximately ? tol : 0
            switch indicator.direction {
            case .higher: self = .atLeast(t - slack)
            case .lower: self = .atMost(t + slack)
            case .target: self = .between(t - tol, t + tol)
            }
        case .relative: return nil
        }
    }

    /// Whether an observed value meets it.
    func isMet(by y: Double) -> Bool {
        switch self {
        case let .atLeast(t): y >= t
        case let .above(t): y > t
        case let .atMost(t): y <= t
        case let .below(t): y < t
        case let .between(lo, hi): lo <= y && y <= hi
        }
    }

    /// P(met) under a predictive distribution given by its CDF and survival function.
    func probability(cdf: (Double) -> Double, survival: (Double) -> Double) -> Double {
        switch self {
        case let .atLeast(t), let .above(t): survival(t)
        case let .atMost(t), let .below(t): cdf(t)
        case let .between(lo, hi): max(0, cdf(hi) - cdf(lo))
        }
    }

    /// The value to measure gaps against, seen from `latest`: the threshold, or for a range the nearer end (the
    /// latest value itself when inside).
    func reference(from latest: Double) -> Double {
        switch self {
        case let .atLeast(t), let .above(t), let .atMost(t), let .below(t): t
        case let .between(lo, hi): latest < lo ? lo : latest > hi ? hi : latest
        }
    }

    /// +1 when meeting it means going up from `latest`, −1 going down, 0 when `latest` already sits in a range.
    func sense(from latest: Double) -> Double {
        switch self {
        case .atLeast, .above: 1
        case .atMost, .below: -1
        case let .between(lo, hi): latest < lo ? 1 : latest > hi ? -1 : 0
        }
    }
}
