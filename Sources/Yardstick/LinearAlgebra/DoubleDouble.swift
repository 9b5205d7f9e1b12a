/// An unevaluated sum of two `Double`s, `hi + lo` with `|lo| ≤ ulp(hi)/2`: about 32 significant decimal digits.
///
/// Used where double precision cannot deliver full accuracy: building ill-conditioned designs and solving
/// small least-squares problems (see ``ExtendedQR``). The algorithms are the error-free transformations of
/// Dekker (1971) and Knuth (TAOCP vol. 2, §4.2.2), with the double-double arithmetic of Hida, Li & Bailey,
/// "Library for double-double and quad-double arithmetic" (2007).
///
/// ```swift
/// let third = DoubleDouble(1) / DoubleDouble(3)
/// third.hi + third.lo   // 0.3333333333333333
/// ```
struct DoubleDouble: Sendable, Equatable {
    var hi: Double
    var lo: Double

    init(_ value: Double) { hi = value; lo = 0 }
    init(hi: Double, lo: Double) { self.hi = hi; self.lo = lo }
    init(_ value: Int) {
        let h = Double(value)
        hi = h
        lo = Double(value - Int(h))   // exact for |value| < 2^106
    }

    static let zero = DoubleDouble(0.0)
    static let one = DoubleDouble(1.0)

    var double: Double { hi + lo }

    /// s + e = a + b exactly (Knuth's TwoSum).
    @inline(__always) static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// s + e = a + b exactly, given |a| ≥ |b| (Dekker's FastTwoSum).
    @inline(__always) static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(hi: s, lo: b - (s - a))
    }

    /// p + e = a · b exactly, through a fused multiply-add.
    @inline(__always) static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(hi: -a.hi, lo: -a.lo) }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var (s, e) = twoSum(a.hi, b.hi)
        let (t, f) = twoSum(a.lo, b.lo)
        e += t
        let r = quickTwoSum(s, e)
        s = r.hi
        e = r.lo + f
        return quickTwoSum(s, e)
    }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let (p, e0) = twoProduct(a.hi, b.hi)
        let e = e0 + a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p, e)
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        r = r - b * DoubleDouble(q2)
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + DoubleDouble(q3)
    }

    static func += (a: inout DoubleDouble, b: DoubleDouble) { a = a + b }
    static func -= (a: inout DoubleDouble, b: DoubleDouble) { a = a - b }
    static func *= (a: inout DoubleDouble, b: DoubleDouble) { a = a * b }

    /// The square root, by one Newton step from the double square root (Karp & Markstein).
    func squareRoot() -> DoubleDouble {
        guard hi > 0 else { return DoubleDouble(hi == 0 ? 0 : .nan) }
        let x = hi.squareRoot()
        let (p, e) = DoubleDouble.twoProduct(x, x)
        let residual = (self - DoubleDouble(hi: p, lo: e)).hi
        return DoubleDouble.quickTwoSum(x, residual / (2 * x))
    }

    /// Parses a decimal number (`-6.860120914`, `1.5E-03`, `+12`) to double-double accuracy, so that data
    /// written with more digits than a `Double` holds keep them. Returns nil for anything else.
    init?(decimal text: Substring) {
        var chars = text.utf8[...]
        var negative = false
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            chars = chars.dropFirst()
        }
        var value = DoubleDouble.zero
        var digits = 0, fractionDigits = 0, seenPoint = false, exponent = 0
        let ten = DoubleDouble(10.0)
        while let c = chars.first {
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                value = value * ten + DoubleDouble(Double(c - UInt8(ascii: "0")))
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else { break }
            chars = chars.dropFirst()
        }
        guard digits > 0, digits <= 31 else { return nil }
        if let c = chars.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            guard let e = Int(Substring(chars.dropFirst())) else { return nil }
            exponent = e
            chars = chars[chars.endIndex...]
        }
        guard chars.isEmpty else { return nil }
        var scale = exponent - fractionDigits
        while scale != 0 {
            let step = min(abs(scale), 22)
            var p = 1.0
            for _ in 0..<step { p *= 10 }                 // exact: 10^22 < 2^53 · 2^22
            value = scale > 0 ? value * DoubleDouble(p) : value / DoubleDouble(p)
            scale += scale > 0 ? -step : step
        }
        self = negative ? -value : value
    }
}
