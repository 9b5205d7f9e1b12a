/// The statements of a line written in English (a report's translation, or an English-language report), by the same
/// rules as ``ClauseReader`` in English words: clauses cut at `;`, `,` (not between digits) and `and` between two
/// numbers; each number read with its magnitude (thousand, million, billion, trillion), its unit (%, percent,
/// percentage points, yuan, tons …), the qualifier before or after it (about, at least, more than, within, or more)
/// and its subject (the words before it, or the counted things after it: "over 1,200 high-tech enterprises").
struct EnglishClauses {
    let text: String
    let line: Int, kind: ObservationKind, year: Int
    let offset: Int

    static let magnitudes = ["thousand", "million", "billion", "trillion"]
    static let units = ["percentage points", "percentage point", "per cent", "percent", "%", "yuan", "dollars", "tons",
                        "tonnes", "kilometres", "kilometers", "km", "hectares", "square metres", "square meters", "mu"]
    /// Qualifier phrases before a number, longest first.
    static let before: [(String, Qualifier)] = [
        ("no less than", .atLeast), ("not less than", .atLeast), ("a minimum of", .atLeast), ("at least", .atLeast),
        ("no more than", .atMost), ("not more than", .atMost), ("at most", .atMost), ("up to", .atMost), ("within", .atMost),
        ("in excess of", .moreThan), ("more than", .moreThan), ("exceeding", .moreThan), ("over", .moreThan), ("above", .moreThan),
        ("less than", .lessThan), ("below", .lessThan), ("under", .lessThan),
        ("approximately", .approximately), ("around", .approximately), ("about", .approximately), ("roughly", .approximately),
    ]
    static let after: [(String, Qualifier)] = [("or more", .atLeast), ("or above", .atLeast), ("or less", .atMost),
                                               ("or below", .atMost), ("or so", .approximately)]
    static let growthWords = ["growth of", "increase of", "rise of", "grow by", "grew by", "increased by", "rise by", "rose by",
                              "up by", "grow", "grew", "growth", "increase", "rise", "rose", "up"]
    static let fallWords = ["decrease of", "decline of", "drop of", "fall by", "fell by", "down by", "dropped by", "fall", "fell",
                            "decline", "decrease", "drop", "down"]
    static let filler = ["we will", "we aim to", "aim to", "strive to", "strive for", "expected", "estimated", "the", "a", "an",
                         "to", "of", "by", "at", "be", "is", "was", "will", "reach", "reached", "keep", "kept", "maintain",
                         "target for", "target", "and", "with", "total", "for", "were created", "was created", "created",
                         "were", "averaged", "stood at", "stood", "reached"]

    /// Whether a line is English rather than Chinese: more ASCII letters than CJK characters.
    static func isEnglish(_ chars: [Character]) -> Bool {
        let latin = chars.filter { $0.isASCII && $0.isLetter }.count
        let cjk = chars.filter { ($0.unicodeScalars.first?.value ?? 0) >= 0x3400 }.count
        return latin > cjk
    }

    func read() -> [ExtractedStatement] {
        let lower = text.lowercased()
        let stretch = kind == .target && (lower.contains("strive") || lower.contains("make every effort"))
        let preliminary = kind == .actual && (lower.contains("expected") || lower.contains("estimated") || lower.contains("preliminary"))
        var out: [ExtractedStatement] = []
        var previous: String?
        for clause in clauses() {
            for var s in statements(in: clause, previous: previous) {
                s.stretch = stretch
                if preliminary { s.kind = .preliminary }
                out.append(s)
                previous = s.indicator
            }
        }
        return out
    }

    /// Clause ranges (character offsets) of the text.
    func clauses() -> [Range<Int>] {
        let c = Array(text)
        var cuts: [Int] = [0]
        var i = 0
        while i < c.count {
            if c[i] == ";" || c[i] == "." && (i + 1 == c.count || c[i + 1] == " ") && !(i > 0 && NumberPhrase.digit(c[i - 1]) != nil && i + 1 < c.count && NumberPhrase.digit(c[i + 1]) != nil) {
                cuts.append(i); cuts.append(i + 1)
            } else if c[i] == ",", !(i > 0 && i + 1 < c.count && NumberPhrase.digit(c[i - 1]) != nil && NumberPhrase.digit(c[i + 1]) != nil) {
                cuts.append(i); cuts.append(i + 1)
            } else if i + 5 <= c.count, String(c[i..<(i + 5)]).lowercased() == " and ",
                      c[..<i].contains(where: { NumberPhrase.digit($0) != nil }), c[(i + 5)...].contains(where: { NumberPhrase.digit($0) != nil }) {
                cuts.append(i); cuts.append(i + 5)
            }
            i += 1
        }
        cuts.append(c.count)
        var out: [Range<Int>] = []
        for k in stride(from: 0, to: cuts.count - 1, by: 2) where cuts[k] < cuts[k + 1] { out.append(cuts[k]..<cuts[k + 1]) }
        return out
    }

    func statements(in r: Range<Int>, previous: String?) -> [ExtractedStatement] {
        let c = Array(text)
        var out: [ExtractedStatement] = []
        var i = r.lowerBound, subjectStart = r.lowerBound
        while i < r.upperBound {
            guard NumberPhrase.digit(c[i]) != nil, i == r.lowerBound || !(c[i - 1].isLetter || NumberPhrase.digit(c[i - 1]) != nil),
                  let number = NumberPhrase.read(c, at: i), number.end <= r.upperBound else { i += 1; continue }
            var k = number.end
            func rest() -> String { String(c[k..<r.upperBound]).lowercased() }
            // A year (2024), or a year followed by more text of a date: not a statement.
            let whole = number.value == number.value.rounded()
            if whole, number.end - number.start == 4, (1900...2100).contains(Int(number.value)), !rest().hasPrefix("%") { i = number.end; continue }
            var unit = ""
            var space = rest().prefix { $0 == " " }.count
            if let m = Self.magnitudes.first(where: { rest().dropFirst(space).hasPrefix($0) }) { unit = m; k += space + m.count }
            space = rest().prefix { $0 == " " }.count
            if let u = Self.units.first(where: { rest().dropFirst(space).hasPrefix($0) }) {
                let normal = u == "percent" || u == "per cent" ? "%" : u == "percentage point" ? "percentage points" : u
                unit = unit.isEmpty ? normal : unit + " " + normal
                k += (u == "%" ? 0 : space) + u.count
            }
            var qualifier: Qualifier = .exact
            let prefix = String(c[subjectStart..<i]).lowercased().trimmingCharacters(in: .whitespaces)
            var cut = prefix.count
            for (words, q) in Self.before where prefix.hasSuffix(words) && (prefix.count == words.count || prefix.dropLast(words.count).hasSuffix(" ")) {
                qualifier = q; cut = prefix.count - words.count; break
            }
            space = rest().prefix { $0 == " " }.count
            if let (words, q) = Self.after.first(where: { rest().dropFirst(space).hasPrefix($0.0) }) { qualifier = q; k += space + words.count }
            let head = String(prefix.prefix(cut)).trimmingCharacters(in: .whitespaces)
            let percent = unit == "%" || unit == "percentage points"
            let falls = percent && Self.fallWords.contains { head.hasSuffix($0) }
            let growth = percent && (falls || Self.growthWords.contains { head.hasSuffix($0) })
            // The subject: the words before (trimmed of growth words and filler), or the counted things after.
            var name = Self.trim(head, growth: growth)
            if name.isEmpty {
                let tail = String(c[k..<r.upperBound]).trimmingCharacters(in: .whitespaces)
                name = Self.trim(tail.lowercased(), growth: false).isEmpty ? (previous ?? "") : Self.trim(tail, growth: false)
                k = r.upperBound
            } else {
                name = Self.trim(String(c[subjectStart..<(subjectStart + cut)]).trimmingCharacters(in: .whitespaces), growth: growth)
            }
            if growth { name += " growth" }
            out.append(ExtractedStatement(
                indicator: name, kind: kind, year: year, qualifier: qualifier, value: falls ? -number.value : number.value,
                unit: unit, stretch: false, isGrowth: growth, isRank: false, line: line, start: offset + r.lowerBound,
                end: offset + r.upperBound, phrase: String(c[r]).trimmingCharacters(in: .whitespaces)))
            subjectStart = k
            i = max(k, number.end)
        }
        return out
    }

    /// Words trimmed of filler at both ends and, for a growth, of the growth words at its end.
    static func trim(_ s: String, growth: Bool) -> String {
        var words = s.split(separator: " ").map(String.init)
        var changed = true
        while changed && !words.isEmpty {
            changed = false
            let joined = words.joined(separator: " ").lowercased()
            for w in (growth ? growthWords + fallWords : []) + filler {
                let n = w.split(separator: " ").count
                if words.count >= n, joined.hasSuffix(w), joined == w || joined.hasSuffix(" " + w) { words.removeLast(n); changed = true; break }
                if words.count > n, joined.hasPrefix(w + " ") { words.removeFirst(n); changed = true; break }
            }
        }
        return words.joined(separator: " ")
    }
}
