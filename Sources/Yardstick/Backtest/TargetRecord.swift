import Foundation

/// The record of an indicator's earlier targets against their outcomes, and the forecast it makes of the next
/// outcome from the next target: governments set targets they expect to meet, or stretch targets they often miss,
/// and the record says which.
///
/// Each earlier target k with reference value rₖ (its value, or a range's middle) and outcome yₖ gives its margin
/// dₖ = yₖ − rₖ (rates, shares: in the unit) or dₖ = ln(yₖ/rₖ) (levels and counts, both positive). With n ≥
/// ``minimum`` margins of mean m and standard deviation s, the next margin is predicted as m + s·√(1 + 1/n)·t(n − 1),
/// so the outcome of a target with reference r is predicted as r + d (or r·eᵈ), and P(met) follows from the target's
/// comparison as for a trend.
public struct TargetRecord: Sendable, Equatable {
    public let count: Int
    /// The mean and standard deviation of the margins (in the unit, or of log ratios).
    public let mean: Double
    public let spread: Double
    public let logScale: Bool
    public let years: ClosedRange<Int>

    public static let minimum = 5

    /// Whether an indicator's margins are log ratios (levels and counts) rather than differences.
    static func logScale(_ i: Indicator) -> Bool { i.kind == .level || i.kind == .count }

    /// The value a target's margin is measured from: its value, a range's middle; none for a relative target.
    static func reference(_ t: Observation) -> Double? {
        switch t.qualifier {
        case let .range(high): (t.value + high) / 2
        case .relative: nil
        default: t.value
        }
    }

    /// The margin of target `t`'s outcome `y`; nil for a relative target or where a log ratio is undefined.
    static func margin(of t: Observation, indicator: Indicator, outcome y: Double) -> Double? {
        reference(t).flatMap { margin(outcome: y, reference: $0, logScale: logScale(indicator)) }
    }

    /// The margin of an outcome against a reference; nil when a log ratio is undefined.
    static func margin(outcome y: Double, reference r: Double, logScale: Bool) -> Double? {
        guard logScale else { return y - r }
        return y > 0 && r > 0 ? log(y / r) : nil
    }

    /// - Complexity: O(n).
    init?(margins d: [Double], years: [Int], logScale: Bool) {
        guard d.count >= Self.minimum, d.count == years.count else { return nil }
        let sd = Describe.standardDeviation(d)
        guard sd > 0, sd.isFinite else { return nil }
        count = d.count
        mean = Describe.mean(d)
        spread = sd
        self.logScale = logScale
        self.years = years.min()!...years.max()!
    }

    /// P(the outcome of a target with reference `r` lies at or below `y`); on the log scale 0 for y ≤ 0.
    func cdf(_ y: Double, reference r: Double) -> Double {
        if logScale && y <= 0 { return 0 }
        let d = Self.margin(outcome: y, reference: r, logScale: logScale)!
        let n = Double(count)
        return StudentT(degreesOfFreedom: n - 1).cdf((d - mean) / (spread * (1 + 1 / n).squareRoot()))
    }

    /// P(met) for the comparison `c` of a target with reference `r`; nil when `r` cannot carry a log ratio (r ≤ 0).
    func probability(_ c: Comparison, reference r: Double) -> Double? {
        if logScale && !(r > 0) { return nil }
        return c.probability(cdf: { cdf($0, reference: r) }, survival: { 1 - cdf($0, reference: r) })
    }
}
