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
