/// Reading numbers as statistical files write them: thousands separators, full-width digits, a `%` sign,
/// Chinese magnitude words (万, 亿) and the usual missing-value markers.
///
/// ```swift
/// NumberText.parse("１,２３４.５")   // .number(1234.5, magnitude: nil)
/// NumberText.parse("5.8万")          // .number(5.8, magnitude: "万")
/// NumberText.parse("..")             // .missing
/// ```
public enum NumberText {
    public enum Parsed: Equatable, Sendable {
        /// A number; `magnitude` is a trailing 万 or 亿 (to be moved into the unit), `percent` whether a % followed.
        case number(Double, magnitude: String?, percent: Bool)
        /// A missing-value marker: empty, `NA`, `N/A`, `..`, `:`, `-`, `—`, `…`.
        case missing
        /// Not a number.
        case invalid
        /// A number beyond the magnitudes Yardstick analyses (``limit``): its square, or a sum of squares, would
        /// overflow or vanish.
        case outOfRange(Double)
    }

    /// The largest magnitude a value may have, and the smallest non-zero one: 1e150 and 1e-150, so that squares and
    /// sums of squares of a series stay finite and normal. Data in any real unit sits far inside (world GDP in
    /// local currency units is below 1e17); beyond it, rescale the column.
    public static let limit = 1e150

    /// What a cell out of range should hold, for messages.
    static let inRange = "a number of magnitude between 1e-150 and 1e150, or 0 (rescale the column, for example to billions)"

    /// The bytes a number may hold once its separators, sign words and magnitude words are taken off.
    static let numberBytes = Set("0123456789+-.eE".utf8)

    static let missingMarkers: Set<String> = ["", "NA", "N/A", "n/a", "na", "..", "...", ":", "-", "—", "–", "…", "NaN", "nan", "null"]

    /// Full-width forms (U+FF01–FF5E) mapped to ASCII; ideographic space to a space.
    public static func halfWidth(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0x3000 }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if (0xFF01...0xFF5E).contains(u.value), let a = Unicode.Scalar(u.value - 0xFEE0) { out.append(a) }
            else if u.value == 0x3000 { out.append(" ") }
            else { out.append(u) }
        }
        return String(out)
    }

    public static func parse(_ raw: String) -> Parsed {
        // No number is longer than this (the longest double has 24 characters; separators, spaces and a word add
        // a few): a longer cell is not a number, and is not scanned again and again.
        guard raw.utf8.count <= 400 else { return .invalid }
        // The minus sign (U+2212) and the small hyphen-minus (U+FE63) as '-' (full-width '－' is mapped with the
        // other full-width forms).
        var s = halfWidth(raw).replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: "\u{FE63}", with: "-")
            .trimmingCharacters(in: .whitespaces)
        if missingMarkers.contains(s) { return .missing }
        var percent = false, magnitude: String?
        if s.hasSuffix("%") { percent = true; s.removeLast() }
        for word in ["万亿", "亿", "万"] where s.hasSuffix(word) {
            magnitude = word
            s.removeLast(word.count)
            break
        }
        s = s.trimmingCharacters(in: .whitespaces)
        if s.contains(",") {
            // Thousands separators only in their places: 1,234 or 12,345,678.5.
            let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            let head = groups[0].drop { $0 == "-" || $0 == "+" }
            guard (1...3).contains(head.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return .invalid }
            s = s.replacingOccurrences(of: ",", with: "")
        }
        // Digits, sign, point and exponent only: no hexadecimal, no "inf" or "nan", and no NUL or other control byte
        // (a C parser would stop at a NUL and read "3\0.5" as 3).
        guard !s.isEmpty, s.utf8.allSatisfy({ numberBytes.contains($0) }), let v = Double(s), v.isFinite else { return .invalid }
        guard v == 0 || (abs(v) <= limit && abs(v) >= 1 / limit) else { return .outOfRange(v) }
        return .number(v, magnitude: magnitude, percent: percent)
    }
}

import Foundation
