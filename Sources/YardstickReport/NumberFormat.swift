import Foundation

/// The one number-format policy of Yardstick's human-readable output. JSON and CSV keep full precision.
public enum NumberFormat {
    /// `x` with `digits` significant digits, without exponent for magnitudes in [1e-4, 1e9); "–" for non-finite.
    public static func significant(_ x: Double, _ digits: Int = 6) -> String {
        guard x.isFinite else { return "–" }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        if magnitude >= 1e9 || magnitude < 1e-4 { return String(format: "%.\(digits - 1)e", x) }
        let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
        var s = String(format: "%.\(decimals)f", x)
        if s.contains(".") {
            while s.last == "0" { s.removeLast() }
            if s.last == "." { s.removeLast() }
        }
        return s
    }

    /// A number as a reader takes it in, in `language`, with `digits` significant digits (4 by default): below 10 000
    /// as it is (`173.3`, `0.1588`); larger with a magnitude word: in English thousands separators below a million
    /// (`12,346`), then M, bn and tn (`828 M`, `-41.58 bn`); in Chinese 万, 亿 and 万亿 (`8.28亿`, `1.2万`). Magnitudes
    /// below 1e-4 or from 1e15 are written with an exponent. JSON and CSV keep full precision instead.
    public static func readable(_ x: Double, language: ReportLanguage, digits: Int = 4) -> String {
        guard x.isFinite else { return "–" }
        let m = abs(x)
        if m < 1e4 || m >= 1e15 { return significant(x, digits) }
        if language == .zh {
            let (scale, word): (Double, String) = m >= 1e12 ? (1e12, "万亿") : m >= 1e8 ? (1e8, "亿") : (1e4, "万")
            return significant(x / scale, digits) + word
        }
        if m < 1e6 {
            let step = pow(10, max(0, floor(log10(m)) - Double(digits) + 1))
            return count(Int((x / step).rounded() * step))
        }
        let (scale, word): (Double, String) = m >= 1e12 ? (1e12, "tn") : m >= 1e9 ? (1e9, "bn") : (1e6, "M")
        return significant(x / scale, digits) + " " + word
    }

    /// A value of the data as a reader takes it in: ``readable(_:language:digits:)`` with the digits the value was
    /// given with (its shortest decimal form, between 1 and 6 significant digits), so that 3902.4 stays 3902.4
    /// and 12050 becomes 12,050 (1.205万).
    public static func data(_ x: Double, language: ReportLanguage) -> String {
        guard x.isFinite else { return "–" }
        return readable(x, language: language, digits: givenDigits(x))
    }

    /// ``data(_:language:)`` beside its unit: in Chinese a unit that already names a magnitude (万吨, 亿元, 万人)
    /// takes the number without another (71488 万吨, not 7.1488万 万吨).
    public static func data(_ x: Double, language: ReportLanguage, unit: String) -> String {
        guard x.isFinite else { return "–" }
        if language == .zh, let first = unit.first, "万亿千百".contains(first), abs(x) < 1e15 { return significant(x, max(givenDigits(x), 1 + Int(floor(log10(max(abs(x), 1)))))) }
        return data(x, language: language)
    }

    /// The significant digits a value was given with: its shortest decimal form, between 1 and 6.
    static func givenDigits(_ x: Double) -> Int {
        var text = "\(abs(x))"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) { text = String(text[..<e]) }
        if text.hasSuffix(".0") { text.removeLast(2) }
        var digits = text.filter(\.isNumber).drop { $0 == "0" }
        if !text.contains(".") { while digits.last == "0" { digits.removeLast() } }
        return min(6, max(1, digits.count))
    }

    /// A count with thousands separators: 1102 → "1,102", 999 → "999".
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        let grouped = digits.reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? ",\($0.element)" : "\($0.element)" }
        return (n < 0 ? "-" : "") + String(grouped.joined().reversed())
    }

    /// A number and its unit as statistical texts write them: "7%", "3.27% of GDP" (a percent sign follows the
    /// number directly), "1500 家", or the number alone.
    public static func withUnit(_ number: String, _ unit: String) -> String {
        unit.isEmpty ? number : unit.hasPrefix("%") ? number + unit : number + " " + unit
    }

    /// A fraction as a percentage: 0.0523 → "5.23%".
    public static func percent(_ fraction: Double, decimals: Int = 2) -> String {
        guard fraction.isFinite else { return "–" }
        return String(format: "%.\(decimals)f%%", fraction * 100)
    }

    /// A probability as a reader takes it in: whole percents, but "<1%" and ">99%" for a probability that is
    /// neither 0 nor 1 and would round to one of them (P = 0.001 is not "0%").
    public static func probability(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        if p > 0 && p < 0.005 { return "<1%" }
        if p < 1 && p >= 0.995 { return ">99%" }
        return "\(Int((p * 100).rounded()))%"
    }

    /// `x` with exactly `decimals` decimals: 0.4166 → "0.42" for 2.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", x)
    }

    /// A p-value: "< 1e-16" below double resolution, otherwise 3 significant digits.
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "–" }
        return p < 1e-16 ? "< 1e-16" : significant(p, 3)
    }

    /// An interval level key: 80 → "80", 99.5 → "99.5".
    public static func level(_ l: Double) -> String { l == l.rounded() ? String(Int(l)) : "\(l)" }
}
