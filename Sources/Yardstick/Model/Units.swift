/// Units with Chinese magnitude words: `亿元` is 10⁸ 元, `万人` is 10⁴ 人.
///
/// ```swift
/// Units.split("亿元")   // (magnitude: 1e8, base: "元")
/// ```
public enum Units {
    /// Magnitude prefixes, longest first.
    static let magnitudes: [(String, Double)] = [("百万", 1e6), ("千万", 1e7), ("万亿", 1e12), ("亿", 1e8), ("万", 1e4)]

    /// The magnitude and base of a unit; a unit without a magnitude word has magnitude 1.
    public static func split(_ unit: String) -> (magnitude: Double, base: String) {
        let u = unit.trimmingCharacters(in: .whitespaces)
        for (word, factor) in magnitudes where u.hasPrefix(word) && u.count > word.count {
            return (factor, String(u.dropFirst(word.count)))
        }
        return (1, u)
    }

    /// The factor that converts a value in `from` to `to` (10⁴ from 亿元 to 万元), or nil when their bases differ.
    public static func factor(from: String, to: String) -> Double? {
        if from == to { return 1 }
        let a = split(from), b = split(to)
        guard a.base == b.base else { return nil }
        return a.magnitude / b.magnitude
    }

    /// A magnitude word attached to a number (`5.8万`) moved into the unit: (`万`, `人`) → `万人`.
    public static func attach(magnitude word: String?, to unit: String) -> String {
        guard let word, !word.isEmpty else { return unit }
        return word + unit
    }
}

import Foundation
