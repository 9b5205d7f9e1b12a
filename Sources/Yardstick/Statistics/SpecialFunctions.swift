import Foundation

/// Special functions behind the t, F and normal distributions, written for relative accuracy in the tails.
enum SpecialFunctions {
    static let halfLogTwoPi = 0.918_938_533_204_672_741_78

    /// δ(x) = lnΓ(x) − [(x − ½)ln x − x + ½ln 2π], Stirling's remainder, for x ≥ 10.
    ///
    /// Formula: the asymptotic series Σ B₂ₖ / (2k(2k−1)x^(2k−1)) through k = 7; truncation below 1e-17 at x = 10.
    static func stirlingRemainder(_ x: Double) -> Double {
        let coefficients: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360, 1.0 / 156,
        ]
        let inv2 = 1 / (x * x)
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * inv2 + c }
        return sum / x
    }

    /// ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b), without the cancellation of the naive sum for large arguments.
    ///
    /// For max(a, b) ≥ 10 the large Γ terms are combined analytically (Stirling's formula with ``stirlingRemainder``)
    /// so that the result keeps full relative accuracy even when lnΓ of the arguments is in the thousands.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b), q = max(a, b), s = p + q
        if p >= 10 {
            let corr = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(s)
            return -0.5 * log(q) + halfLogTwoPi + corr + (p - 0.5) * log(p / s) + q * log1p(-p / s)
        }
        if q >= 10 {
            let corr = stirlingRemainder(q) - stirlingRemainder(s)
            return lgamma(p) + corr + p - p * log(s) + (q - 0.5) * log1p(-p / s)
        }
        return lgamma(p) + lgamma(q) - lgamma(s)
    }

    /// ln of xᵃ·yᵇ / B(a, b) with y = 1 − x given separately, each logarithm taken where it is accurate.
    static func logBetaKernel(x: Double, y: Double, a: Double, b: Double) -> Double {
        let lx = x <= 0.5 ? log(x) : log1p(-y)
        let ly = y <= 0.5 ? log(y) : log1p(-x)
        return a * lx + b * ly - logBeta(a, b)
    }

    /// The regularised incomplete beta function I_x(a, b) and its complement 1 − I_x(a, b) = I_y(b, a),
    /// each to full relative accuracy; `y` must equal 1 − x, computed by the caller without cancellation.
    ///
    /// Formula: the continued fraction of I_x(a, b) (DLMF 8.17.22) evaluated by the modified Lentz method
    /// (Thompson & Barnett 1986), on whichever of (x; a, b) and (y; b, a) converges fast, i.e. x < (a+1)/(a+b+2).
    static func incompleteBeta(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        if x < (a + 1) / (a + b + 2) {
            let v = exp(logBetaKernel(x: x, y: y, a: a, b: b)) * continuedFraction(x: x, a: a, b: b) / a
            return (v, 1 - v)
        }
        let v = exp(logBetaKernel(x: y, y: x, a: b, b: a)) * continuedFraction(x: y, a: b, b: a) / b
        return (1 - v, v)
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 2e-16 { break }
        }
        return h
    }

    /// Solves I_x(a, b) = p for x, given p and q = 1 − p separately; returns x and y = 1 − x, each accurate.
    ///
    /// Newton's method on u = ln x (or on ln y for the upper side) of ln I, safeguarded by bisection; on that
    /// scale I is close to a power law in the tail, so a handful of steps reach full precision even for
    /// x ≈ 1e-20.
    static func inverseIncompleteBeta(p: Double, q: Double, a: Double, b: Double) -> (x: Double, y: Double) {
        if p <= 0 { return (0, 1) }
        if q <= 0 { return (1, 0) }
        if p <= q {
            return solveLowerTail(target: p, a: a, b: b)
        }
        let (y, x) = solveLowerTail(target: q, a: b, b: a)
        return (x, y)
    }

    /// Finds x with I_x(a, b) = target ≤ ½, working in u = ln x.
    private static func solveLowerTail(target: Double, a: Double, b: Double) -> (x: Double, y: Double) {
        let logTarget = log(target)
        func g(_ u: Double) -> (value: Double, slope: Double) {
            let x = exp(u), y = -expm1(u)
            let lower = incompleteBeta(x: x, y: y, a: a, b: b).lower
            let logDensityTimesX = logBetaKernel(x: x, y: y, a: a, b: b) - (y > 0 ? log(y) : -.infinity)
            return (log(lower) - logTarget, exp(logDensityTimesX) / lower)
        }
        // Small-x start: I_x ≈ xᵃ / (a·B(a, b)).
        var u = min((logTarget + log(a) + logBeta(a, b)) / a, log(0.5))
        var lo = -Double.infinity, hi = 0.0
        for _ in 0..<200 {
            let (v, slope) = g(u)
            if v == 0 || !v.isFinite && v > 0 { hi = u } else if v > 0 { hi = u } else { lo = u }
            if v == 0 { break }
            var next = u - v / slope
            if !next.isFinite || next <= lo || next >= hi {
                next = lo.isFinite ? 0.5 * (lo + hi) : u - max(1, abs(u))
            }
            if abs(next - u) <= 4e-16 * max(abs(u), 1e-300) { u = next; break }
            u = next
        }
        return (exp(u), -expm1(u))
    }
}
