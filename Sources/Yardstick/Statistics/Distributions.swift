import Foundation

/// The standard normal distribution.
///
/// ```swift
/// Normal.cdf(-1.96)         // 0.024997895148220435
/// Normal.quantile(0.975)    // 1.959963984540054
/// ```
public enum Normal {
    /// Φ(z) = ½·erfc(−z/√2). Relative accuracy about 1e-14 down to Φ ≈ 1e-300.
    public static func cdf(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return 0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// 1 − Φ(z), accurate in the upper tail.
    public static func survival(_ z: Double) -> Double { cdf(-z) }

    /// φ(z), the density.
    public static func density(_ z: Double) -> Double { exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() }

    /// Φ⁻¹(p) for 0 < p < 1 (−∞ and +∞ at 0 and 1, NaN outside [0, 1]).
    ///
    /// Formula: start from Abramowitz & Stegun 26.2.23 (error < 4.5e-4), then Halley's method on Φ(z) − p, which
    /// triples the number of correct digits per step.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// Quantile for p ≤ ½, where p is exact.
    static func lowerQuantile(_ p: Double) -> Double {
        let t = (-2 * log(p)).squareRoot()
        var z = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t))
        if p == 0.5 { return 0 }
        for _ in 0..<6 {
            let e = cdf(z) - p
            let u = e / density(z)
            let step = u / (1 + 0.5 * z * u)
            z -= step
            if abs(step) <= 1e-16 * abs(z) { break }
        }
        return z
    }
}

/// Student's t distribution with `degreesOfFreedom` ν > 0 (infinite ν is the normal).
///
/// ```swift
/// let t = StudentT(degreesOfFreedom: 13)
/// t.quantile(0.975)   // 2.160368656461013
/// ```
public struct StudentT: Sendable, Equatable {
    public let degreesOfFreedom: Double
    public init(degreesOfFreedom: Double) { self.degreesOfFreedom = degreesOfFreedom }

    /// P(T ≤ t). Formula: P(T > |t|) = ½·I_x(ν/2, ½) with x = ν/(ν + t²) (DLMF 8.17.2).
    public func cdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        guard !t.isNaN, nu > 0 else { return .nan }
        if nu.isInfinite { return Normal.cdf(t) }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let (x, y): (Double, Double)
        if abs(t) > 1e100 {
            x = (nu / abs(t)) / abs(t); y = 1
        } else {
            let t2 = t * t
            x = nu / (nu + t2); y = t2 / (nu + t2)
        }
        let tail = 0.5 * SpecialFunctions.incompleteBeta(x: x, y: y, a: nu / 2, b: 0.5).lower
        return t < 0 ? tail : 1 - tail
    }

    /// P(T > t), accurate in the upper tail.
    public func survival(_ t: Double) -> Double { cdf(-t) }

    /// The p-quantile. Formula: for p < ½, t = −√(ν·y/x) where I_x(ν/2, ½) = 2p and y = 1 − x.
    ///
    /// Quantiles already computed are remembered (``QuantileMemo``): many trends share their degrees of freedom
    /// and interval levels, and the inverse incomplete beta function was a third of assessing 100 000 targets.
    public func quantile(_ p: Double) -> Double {
        let nu = degreesOfFreedom
        guard p >= 0, p <= 1, nu > 0 else { return .nan }
        if nu.isInfinite { return Normal.quantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        return QuantileMemo.studentT.value(nu, p) { p > 0.5 ? -lower(1 - p) : lower(p) }
    }

    private func lower(_ p: Double) -> Double {
        let nu = degreesOfFreedom
        let (x, y) = SpecialFunctions.inverseIncompleteBeta(p: 2 * p, q: 1 - 2 * p, a: nu / 2, b: 0.5)
        return -(nu * y / x).squareRoot()
    }
}

/// The F distribution with numerator and denominator degrees of freedom d₁, d₂ > 0.
public struct FDistribution: Sendable, Equatable {
    public let numeratorDegrees: Double
    public let denominatorDegrees: Double
    public init(numeratorDegrees: Double, denominatorDegrees: Double) {
        self.numeratorDegrees = numeratorDegrees
        self.denominatorDegrees = denominatorDegrees
    }

    /// P(F ≤ f) = I_x(d₁/2, d₂/2) with x = d₁f/(d₁f + d₂) (DLMF 8.17 / Abramowitz & Stegun 26.6.2).
    public func cdf(_ f: Double) -> Double { parts(f).lower }

    /// P(F > f), accurate in the upper tail.
    public func survival(_ f: Double) -> Double { parts(f).upper }

    private func parts(_ f: Double) -> (lower: Double, upper: Double) {
        let d1 = numeratorDegrees, d2 = denominatorDegrees
        guard !f.isNaN, d1 > 0, d2 > 0 else { return (.nan, .nan) }
        if f <= 0 { return (0, 1) }
        if f.isInfinite { return (1, 0) }
        let x = d1 * f / (d1 * f + d2), y = d2 / (d1 * f + d2)
        return SpecialFunctions.incompleteBeta(x: x, y: y, a: d1 / 2, b: d2 / 2)
    }

    /// The p-quantile: f = d₂·x / (d₁·y) where I_x(d₁/2, d₂/2) = p, y = 1 − x.
    public func quantile(_ p: Double) -> Double {
        let d1 = numeratorDegrees, d2 = denominatorDegrees
        guard p >= 0, p <= 1, d1 > 0, d2 > 0 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let (x, y) = SpecialFunctions.inverseIncompleteBeta(p: p, q: 1 - p, a: d1 / 2, b: d2 / 2)
        return d2 * x / (d1 * y)
    }
}

/// Quantiles already computed, by their two parameters (at most `capacity`; forgotten all at once when full).
/// Safe to use from several threads.
final class QuantileMemo: @unchecked Sendable {
    static let studentT = QuantileMemo()

    private struct Key: Hashable { let a: UInt64, b: UInt64 }
    private var values: [Key: Double] = [:]
    private let lock = NSLock()
    private let capacity = 4096

    func value(_ a: Double, _ b: Double, compute: () -> Double) -> Double {
        let key = Key(a: a.bitPattern, b: b.bitPattern)
        lock.lock()
        if let v = values[key] { lock.unlock(); return v }
        lock.unlock()
        let v = compute()
        lock.lock()
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[key] = v
        lock.unlock()
        return v
    }
}
