import Foundation

/// How a group's children are combined (Handbook §6). With weights w and the children present (not NaN), the
/// weights renormalised over them, W = Σ w:
///
/// - `arithmetic`: Σ w·x / W (fully compensatory);
/// - `geometric`: exp(Σ w·ln x / W), 0 when a child is 0 (less compensatory; children must not be negative);
/// - `harmonic`: W / Σ (w/x), 0 when a child is 0 (least compensatory).
///
/// A group is scored only when the children present carry at least `minimumCoverage` of its weight; below that
/// it is NaN (missing), never a guess.
public enum Aggregation: String, Sendable, CaseIterable, Codable {
    case arithmetic, geometric, harmonic

    /// The aggregate of one region's children, or NaN (too few present, or a negative value for a geometric or
    /// harmonic mean).
    public func combine(_ values: [Double], weights: [Double], minimumCoverage: Double) -> Double {
        var total = 0.0, present = 0.0, acc = 0.0, zero = false
        for (x, w) in zip(values, weights) {
            total += w
            guard !x.isNaN, w > 0 else { continue }
            present += w
            switch self {
            case .arithmetic: acc += w * x
            case .geometric, .harmonic:
                if x < 0 { return .nan }
                if x == 0 { zero = true; continue }
                acc += self == .geometric ? w * log(x) : w / x
            }
        }
        guard present > 0, present >= minimumCoverage * total - 1e-12 * total else { return .nan }
        switch self {
        case .arithmetic: return acc / present
        case .geometric: return zero ? 0 : exp(acc / present)
        case .harmonic: return zero ? 0 : present / acc
        }
    }
}
