import Testing
@testable import Yardstick

@Suite("Double-double arithmetic")
struct DoubleDoubleTests {
    @Test func keepsDigitsADoubleLoses() {
        // (1 + 2⁻⁶⁰) − 1 is 0 in double, 2⁻⁶⁰ in double-double.
        let tiny = 0x1p-60
        let sum = DoubleDouble(1.0) + DoubleDouble(tiny)
        #expect((sum - DoubleDouble(1.0)).double == tiny)
        let third = DoubleDouble(1.0) / DoubleDouble(3.0)
        let back = third * DoubleDouble(3.0) - DoubleDouble(1.0)
        #expect(abs(back.double) < 1e-31)
    }

    @Test func squareRootOfTwo() {
        let r = DoubleDouble(2.0).squareRoot()
        #expect(abs((r * r - DoubleDouble(2.0)).double) < 1e-31)
    }

    static let decimals: [(String, Double?)] = [
        ("-6.860120914", -6.860120914), ("1.5E-03", 0.0015), ("+12", 12), ("0.1", 0.1), ("", nil), ("1.2.3", nil),
        ("abc", nil), ("1e", nil), ("-", nil),
    ]

    @Test(arguments: decimals)
    func parsesDecimalText(_ c: (String, Double?)) {
        let v = DoubleDouble(decimal: Substring(c.0))
        #expect(v?.double == c.1)
    }

    @Test func decimalParsingIsExactBeyondDouble() {
        // 0.1 in double-double: the low part carries the rounding error of the double 0.1.
        let v = DoubleDouble(decimal: "0.1")!
        let ten = v * DoubleDouble(10.0) - DoubleDouble(1.0)
        #expect(abs(ten.double) < 1e-31)
    }
}
