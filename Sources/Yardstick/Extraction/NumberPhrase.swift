/// A number as a report writes it, at a position in a clause: Arabic or full-width digits with a decimal point and
/// thousands separators in their places (`1,234.5`, `１２３．５`), or Chinese numerals (`三百五十`, `两`, `千`), then
/// an optional magnitude (万, 亿, 万亿) and `多` or `余` ("more than").
///
/// Chinese numerals are read as a quantity only where a unit, a magnitude or 第 (a rank) shows they are one; the
/// caller decides (``ClauseReader``).
struct NumberPhrase: Equatable {
    /// The value as written, before the magnitude (5.8 in `5.8万人`).
    let value: Double
    /// 万, 亿 or 万亿 when written after the number ("" otherwise).
    let magnitude: String
    /// `多` or `余` after the number or its magnitude: more than the value.
    let more: Bool
    /// Whether the digits were Chinese numerals.
    let chinese: Bool
    /// The characters it spans, start and end (exclusive).
    let start: Int, end: Int

    static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                                   "六": 6, "七": 7, "八": 8, "九": 9]
    static let chineseUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// The digit's value, for ASCII and full-width digits.
    static func digit(_ c: Character) -> Int? {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    static func isChineseNumeral(_ c: Character) -> Bool { chineseDigits[c] != nil || chineseUnits[c] != nil }

    /// The number starting at `i` of `text`, or nil.
    ///
    /// - Complexity: O(length of the number).
    static func read(_ text: [Character], at i: Int) -> NumberPhrase? {
        guard i < text.count else { return nil }
        var k = i, value = 0.0, chinese = false
        if digit(text[i]) != nil {
            var whole = "", fraction = ""
            while k < text.count {
                if let d = digit(text[k]) { whole.append(Character(String(d))); k += 1; continue }
                // A thousands separator: a comma followed by exactly three digits.
                if text[k] == ",", k + 3 < text.count + 0, (1...3).allSatisfy({ k + $0 < text.count && digit(text[k + $0]) != nil }),
                   k + 4 >= text.count || digit(text[k + 4]) == nil {
                    k += 1
                    continue
                }
                break
            }
            if k + 1 < text.count, text[k] == "." || text[k] == "．", digit(text[k + 1]) != nil {
                k += 1
                while k < text.count, let d = digit(text[k]) { fraction.append(Character(String(d))); k += 1 }
            }
            guard let v = Double(fraction.isEmpty ? whole : whole + "." + fraction) else { return nil }
            value = v
        } else if isChineseNumeral(text[i]) {
            // Sections of at most 9999 (十, 百, 千 with digits); 万 and 亿 after them are the magnitude.
            var total = 0, digitValue = -1, any = false
            while k < text.count {
                let c = text[k]
                if let d = chineseDigits[c] { digitValue = d; any = true; k += 1; continue }
                if let u = chineseUnits[c] {
                    total += (digitValue < 0 ? 1 : digitValue) * u
                    digitValue = -1
                    any = true
                    k += 1
                    continue
                }
                break
            }
            guard any else { return nil }
            if digitValue > 0 { total += digitValue }
            value = Double(total)
            chinese = true
        } else {
            return nil
        }
        var magnitude = ""
        if k < text.count, text[k] == "万" {
            magnitude = "万"; k += 1
            if k < text.count, text[k] == "亿" { magnitude = "万亿"; k += 1 }
        } else if k < text.count, text[k] == "亿" {
            magnitude = "亿"; k += 1
        }
        var more = false
        if k < text.count, text[k] == "多" || text[k] == "余" { more = true; k += 1 }
        return NumberPhrase(value: value, magnitude: magnitude, more: more, chinese: chinese, start: i, end: k)
    }
}
