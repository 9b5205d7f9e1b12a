import Foundation

/// The time an observation refers to: a year, a quarter or a month (SDMX's `2023`, `2023-Q1`, `2023-01`).
///
/// ```swift
/// Period("2023-Q2")        // .quarter(2023, 2)
/// Period("2023")!.year     // 2023
/// ```
public enum Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)

    /// Parses `2023`, `2023年`, `2023-Q1`/`2023Q1`/`2023-q1`, `2023-01`/`2023M01`/`2023-1`, in full-width digits
    /// too (`２０２３年`); nil for anything else, including impossible periods (quarter 5, month 13) and years
    /// outside 1000–9999.
    public init?(_ text: String) {
        var t = NumberText.halfWidth(text).trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasSuffix("年"), t.count == 5 { t.removeLast() }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let y = Int(digits) else { return nil }
        var rest = t.dropFirst(4)
        if rest.isEmpty { self = .year(y); return }
        if rest.first == "-" { rest = rest.dropFirst() }
        if rest.first == "Q" {
            guard let q = Int(rest.dropFirst()), (1...4).contains(q), rest.count == 2 else { return nil }
            self = .quarter(y, q); return
        }
        if rest.first == "M" { rest = rest.dropFirst() }
        guard (1...2).contains(rest.count), rest.allSatisfy(\.isNumber), let m = Int(rest), (1...12).contains(m) else { return nil }
        self = .month(y, m)
    }

    /// The calendar year.
    public var year: Int {
        switch self { case let .year(y), let .quarter(y, _), let .month(y, _): y }
    }

    /// Whether this is a whole year.
    public var isAnnual: Bool { if case .year = self { true } else { false } }

    /// Time as a number: the year, plus (quarter − 1)/4 or (month − 1)/12.
    public var time: Double {
        switch self {
        case let .year(y): Double(y)
        case let .quarter(y, q): Double(y) + Double(q - 1) / 4
        case let .month(y, m): Double(y) + Double(m - 1) / 12
        }
    }

    public var description: String {
        switch self {
        case let .year(y): String(y)
        case let .quarter(y, q): "\(y)-Q\(q)"
        case let .month(y, m): m < 10 ? "\(y)-0\(m)" : "\(y)-\(m)"
        }
    }

    public static func < (a: Period, b: Period) -> Bool { a.time < b.time }
}
