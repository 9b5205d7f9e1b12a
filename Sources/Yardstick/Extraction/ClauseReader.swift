/// Reads the statements of one line of a report (see ``ReportExtractor`` for the rules): the line is cut into
/// clauses at `，,；;。`, a clause into items at `、`, and each number of an item is read with its unit, qualifier
/// and subject.
struct ClauseReader {
    /// The line with traditional characters simplified (``Traditional``), for the rules; `original` as written, for
    /// names and phrases (the same characters, one for one).
    let chars: [Character], original: [Character]
    let line: Int
    let kind: ObservationKind
    let year: Int
    var statements: [ExtractedStatement] = []
    var unparsed: [UnparsedClause] = []

    /// The last year of a period the line names (2021—2025年, 2021-2025, 十四五), for multi-year figures.
    let periodEnd: Int?

    init(original: [Character], line: Int, kind: ObservationKind, year: Int) {
        self.original = original
        self.chars = original.map(Traditional.simplify)
        periodEnd = ClauseReader.periodEnd(String(chars))
        self.line = line
        self.kind = kind
        self.year = year
    }

    /// Units, longest first, each as written; a magnitude may precede those in `scaled`.
    static let units = ["个百分点", "百分点", "万元/亩", "元/亩", "吨标准煤", "千瓦时", "平方公里", "平方米", "立方米", "千瓦",
                        "人次", "公顷", "公里", "千米",
                        "%", "％", "元", "人", "家", "个", "项", "列", "亩", "天", "吨", "斤", "位", "名", "户", "所",
                        "座", "条", "辆", "台", "套", "件", "次", "美元"]
    static let stretchWords = ["力争", "确保"]
    /// Units of things counted.
    static let countUnits = ["家", "个", "项", "列", "件", "户", "所", "座", "条", "辆", "台", "套", "名", "人", "人次"]
    static let preliminaryWords = ["预计", "初步", "有望"]
    /// Units a magnitude (万, 亿) may scale; after a magnitude any other unit is a word (百亿项目).
    static let scaled: Set<String> = ["元", "人", "亩", "平方米", "人次", "公顷", "个", "吨", "户", "美元", "元/亩", "千米", "公里",
                                      "斤", "辆", "台", "套", "件", "次", "立方米", "千瓦", "千瓦时", "吨标准煤", "家", "名"]
    /// Words that compare with another series: a relative target (居民收入增幅高于经济增长).
    static let relativeWords = ["高于", "低于", "快于", "慢于", "不低于", "不高于", "同步于", "同步"]
    static let moreThanWords = ["突破", "超过", "跨上", "超"]
    static let atLeastWords = ["不低于", "不少于"]
    static let atMostWords = ["不超过", "不高于"]
    static let growthWords = ["增长", "增幅", "增速", "涨幅", "上涨", "提高", "提升", "下降", "降低", "减少", "回落"]
    /// Growth words that state a fall: the value is a negative growth.
    static let fallWords = ["下降", "降低", "减少", "回落"]
    /// Words trimmed from a subject's ends.
    static let filler = ["预计", "初步", "全年", "力争", "确保", "其中", "实现", "共", "达到", "达", "为", "维持在",
                         "保持在", "控制在", "稳定在", "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "稳居", "跃升至", "跻身", "排名", "突破", "超过", "跨上", "超", "不低于",
                         "不少于", "不超过", "有望", "首次", "等", "约", "近"]
    static let clauseEnds: Set<Character> = ["，", ",", "；", ";", "。", "：", ":", "!", "！", "?", "？"]
    static let quotes: [Character: Character] = ["“": "”", "\"": "\"", "「": "」", "《": "》", "‘": "’"]

    mutating func read() {
        let text = String(chars)
        let stretch = Self.stretchWords.contains(where: text.contains) && kind == .target
        let preliminary = Self.preliminaryWords.contains(where: text.contains) && kind == .actual
        let quoted = quotedMask()
        var start = bulletEnd()
        if kind == .target, !chars.contains(where: { NumberPhrase.digit($0) != nil }),
           Self.relativeWords.contains(where: text.contains), readRelative(from: start, stretch: stretch) {
            return
        }
        var previous: String?
        for i in 0...chars.count {
            let end = i == chars.count
            if !end {
                let c = chars[i]
                guard Self.clauseEnds.contains(c), !quoted[i] else { continue }
                // A comma between digits is a thousands separator.
                if c == ",", i > 0, i + 1 < chars.count, NumberPhrase.digit(chars[i - 1]) != nil, NumberPhrase.digit(chars[i + 1]) != nil { continue }
            }
            if i > start { readClause(start, i, quoted: quoted, stretch: stretch, preliminary: preliminary, previous: &previous) }
            start = i + 1
        }
    }

    static let planPeriods = ["十三五": 2020, "十四五": 2025, "十五五": 2030]

    static func periodEnd(_ text: String) -> Int? {
        if let plan = planPeriods.first(where: { text.contains($0.key) }) { return plan.value }
        let c = Array(text)
        guard c.count >= 9 else { return nil }
        for i in 0...(c.count - 9) where ["—", "-", "－", "至", "~", "～", "到"].contains(c[i + 4]) {
            let a = (0..<4).compactMap { NumberPhrase.digit(c[i + $0]) }, b = (5..<9).compactMap { NumberPhrase.digit(c[i + $0]) }
            if a.count == 4, b.count == 4 {
                let end = b.reduce(0) { $0 * 10 + $1 }
                if (1900...2100).contains(end) { return end }
            }
        }
        return nil
    }

    /// Where the text starts after a list marker (`- `, `* `, `• `, `1 `, `（1）`).
    func bulletEnd() -> Int {
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\u{3000}" { i += 1 }
        if i < chars.count, ["-", "*", "•", "·", "●", "○", "▪"].contains(chars[i]) { i += 1 }
        else if i + 1 < chars.count, NumberPhrase.digit(chars[i]) != nil, chars[i + 1] == " " || chars[i + 1] == "." || chars[i + 1] == "、" { i += 2 }
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        return i
    }

    /// A target with no number that compares with another series (居民收入增幅高于经济增长, 城镇调查失业率低于全省平均
    /// 水平): a relative target, the other series named as written.
    mutating func readRelative(from start: Int, to stop: Int? = nil, stretch: Bool) -> Bool {
        let stop = stop ?? chars.count
        for word in Self.relativeWords.sorted(by: { $0.count > $1.count }) {
            guard let at = firstIndex(of: word, in: Array(chars[start..<stop])).map({ $0 + start }) else { continue }
            // The subject ends at the comparing word, or, for 居民收入增长与经济增长同步, at 与 (和): the other series is
            // then between 与 and 同步; otherwise it follows the word.
            let with = word.hasPrefix("同步")
                ? (firstIndex(of: "与", in: Array(chars[start..<at])) ?? firstIndex(of: "和", in: Array(chars[start..<at]))).map { $0 + start }
                : nil
            let subjectEnd = with ?? at
            var end = stop
            while end > at + word.count, Self.clauseEnds.contains(chars[end - 1]) { end -= 1 }
            let subject = name(start, subjectEnd)
            let other = (with.map { String(original[($0 + 1)..<at]) } ?? String(original[(at + word.count)..<end]))
                .trimmingCharacters(in: .whitespaces)
            guard !subject.isEmpty, !other.isEmpty else { return false }
            statements.append(ExtractedStatement(
                indicator: subject, kind: .target, year: year, qualifier: .relative(to: other), value: .nan, unit: "",
                stretch: stretch, isGrowth: ["增幅", "增长", "增速"].contains(where: String(chars[start..<subjectEnd]).hasSuffix),
                isRank: false, line: line, start: start, end: stop, phrase: String(original[start..<stop]).trimmingCharacters(in: .whitespaces),
                statedDirection: ["低于", "慢于", "不高于"].contains(word) ? .lower : .higher))
            return true
        }
        return false
    }

    /// The name in `a..<b`: the words as written, without the filler words (matched on the simplified text) at its
    /// ends.
    func name(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var a = a
        // A period before the subject (“十四五”期间, 2024—2026年) is when, not what.
        let text = Array(chars[a..<b])
        if let i = firstIndex(of: "期间", in: text), i + 2 < text.count, i <= 8 { a += i + 2 }
        else if text.count > 10, (0..<4).allSatisfy({ NumberPhrase.digit(text[$0]) != nil }),
                (5..<9).allSatisfy({ NumberPhrase.digit(text[$0]) != nil }), text[9] == "年" { a += 10 }
        guard a < b else { return "" }
        let r = Self.trimmed(Array(chars[a..<b]))
        return String(original[(a + r.lowerBound)..<(a + r.upperBound)])
    }

    /// Characters inside quotation marks (labels such as “三个高地”, not statements).
    func quotedMask() -> [Bool] {
        var mask = [Bool](repeating: false, count: chars.count)
        var close: Character?
        for (i, c) in chars.enumerated() {
            if let q = close {
                mask[i] = true
                if c == q { close = nil }
            } else if let q = Self.quotes[c] {
                mask[i] = true
                close = q
            }
        }
        return mask
    }

    /// A clause `a..<b`: distributive (分别) or items joined by 、.
    mutating func readClause(_ a: Int, _ b: Int, quoted: [Bool], stretch: Bool, preliminary: Bool, previous: inout String?) {
        let clause = Array(chars[a..<b])
        // A clause of a target without a number that compares with another series: a relative target.
        if kind == .target, !clause.contains(where: { NumberPhrase.digit($0) != nil }),
           Self.relativeWords.contains(where: String(clause).contains), readRelative(from: a, to: b, stretch: stretch) {
            return
        }
        if let split = firstIndex(of: "分别", in: clause) {
            // 城镇、农村居民人均可支配收入分别增长7%、8%: subjects before 分别, values after, paired in order.
            let subjects = String(original[a..<(a + split)]).split(separator: "、").map(String.init)
            let before = subjects.count
            var found: [ExtractedStatement] = []
            var item = ItemReader(parent: self, range: (a + split + 2)..<b, quoted: quoted)
            item.readAll(subject: nil, previous: nil, into: &found)
            if before >= 2, found.count == before {
                let common = Self.commonTail(subjects), verb = found[0].indicator
                for (k, var s) in found.enumerated() {
                    s.indicator = Self.trim(subjects[k] + (k < before - 1 ? common : "") + verb)
                    s.isGrowth = found[0].isGrowth
                    s.stretch = stretch; if preliminary { s.kind = .preliminary }
                    statements.append(s)
                }
                return
            }
        }
        // Items joined by 、, each with its own number (a list of targets); otherwise one item.
        var cuts = [a]
        for i in a..<b where chars[i] == "、" && !quoted[i] { cuts.append(i + 1) }
        cuts.append(b + 1)
        var items: [Range<Int>] = []
        for k in 0..<(cuts.count - 1) { items.append(cuts[k]..<(cuts[k + 1] - 1)) }
        let withNumbers = items.filter { r in r.contains { i in NumberPhrase.digit(chars[i]) != nil && !quoted[i] } }
        let ranges = withNumbers.count >= 2 ? items : [a..<b]
        for r in ranges where !r.isEmpty {
            var found: [ExtractedStatement] = []
            var item = ItemReader(parent: self, range: r, quoted: quoted)
            item.readAll(subject: nil, previous: previous, into: &found)
            for var s in found {
                s.stretch = stretch
                if preliminary { s.kind = .preliminary }
                statements.append(s)
                previous = s.indicator
            }
            unparsed += item.unparsed
        }
    }

    func firstIndex(of word: String, in clause: [Character]) -> Int? {
        let w = Array(word)
        guard clause.count >= w.count else { return nil }
        for i in 0...(clause.count - w.count) where Array(clause[i..<(i + w.count)]) == w { return i }
        return nil
    }

    /// The words the last subject of a list shares with the others (城镇、农村居民人均可支配收入: 居民人均可支配收入).
    static func commonTail(_ subjects: [String]) -> String {
        guard let last = subjects.last, subjects.count >= 2 else { return "" }
        // The last subject's words after the length of the first subject.
        let first = subjects[0]
        return last.count > first.count ? String(last.dropFirst(first.count)) : ""
    }

    /// A subject trimmed of filler words at its ends and of spaces.
    static func trim(_ s: String) -> String {
        let c = Array(s), r = trimmed(c.map(Traditional.simplify))
        return String(c[r])
    }

    /// The range of `c` left when filler words and spaces are taken off its ends (never all of it).
    static func trimmed(_ c: [Character]) -> Range<Int> {
        var lo = 0, hi = c.count
        func space(_ x: Character) -> Bool { x == " " || x == "\t" || x == "\u{3000}" }
        var changed = true
        while changed {
            changed = false
            while lo < hi, space(c[lo]) { lo += 1; changed = true }
            while hi > lo, space(c[hi - 1]) { hi -= 1; changed = true }
            for w in filler {
                let w = Array(w)
                if hi - lo > w.count, Array(c[lo..<(lo + w.count)]) == w { lo += w.count; changed = true }
                if hi - lo > w.count, Array(c[(hi - w.count)..<hi]) == w { hi -= w.count; changed = true }
            }
        }
        return lo..<hi
    }
}

/// The numbers of one item (a clause, or a part of one between 、), each with its unit, qualifier and subject.
struct ItemReader {
    let parent: ClauseReader
    let range: Range<Int>
    let quoted: [Bool]
    var unparsed: [UnparsedClause] = []
    var chars: [Character] { parent.chars }

    init(parent: ClauseReader, range: Range<Int>, quoted: [Bool]) {
        self.parent = parent
        self.range = range
        self.quoted = quoted
    }

    func has(_ word: String, at i: Int) -> Bool {
        let w = Array(word)
        return i >= 0 && i + w.count <= range.upperBound && Array(chars[i..<(i + w.count)]) == w
    }

    func endsWith(_ word: String, before i: Int) -> Bool { has(word, at: i - word.count) && i - word.count >= range.lowerBound }

    mutating func readAll(subject: String?, previous: String?, into out: inout [ExtractedStatement]) {
        var i = range.lowerBound, subjectStart = range.lowerBound
        var previous = previous
        while i < range.upperBound {
            guard !quoted[i], let number = NumberPhrase.read(chars, at: i), number.end <= range.upperBound else { i += 1; continue }
            // A Chinese numeral inside a word (一批, 十大) or a digit inside a code: not a number here.
            let rankPrefix = i > range.lowerBound && chars[i - 1] == "第"
            var k = number.end
            var unit = number.magnitude
            if let u = ClauseReader.units.first(where: { has($0, at: k) }), number.magnitude.isEmpty || ClauseReader.scaled.contains(u) {
                unit += u == "％" ? "%" : u
                k += u.count
            }
            let bare = unit.isEmpty || unit == number.magnitude
            if number.chinese && !rankPrefix && (bare || ["个", "项", "件", "家"].contains(unit) && k < range.upperBound && !ClauseReader.clauseEnds.contains(chars[k]) && isLabelNoun(at: k)) {
                i = number.end; continue
            }
            if skip(number, unit: unit, after: k, rank: rankPrefix) { i = max(k, number.end); continue }
            // Qualifiers after the unit, ranges, and the words before the number.
            var qualifier: Qualifier = number.more ? .moreThan : .exact
            var high: Double?
            if k < range.upperBound, ["至", "到", "-", "—", "~", "～", "－"].contains(chars[k]),
               let second = NumberPhrase.read(chars, at: k + 1) {
                var u2 = second.magnitude, j = second.end
                if let u = ClauseReader.units.first(where: { has($0, at: j) }) { u2 += u == "％" ? "%" : u; j += u.count }
                if u2 == unit || bare { high = second.value; unit = u2.isEmpty ? unit : u2; k = j }
            }
            if bare, high == nil, number.end < range.upperBound, ["-", "—", "－"].contains(chars[number.end]) { i = number.end + 1; continue }
            if has("左右", at: k) { qualifier = .approximately; k += 2 } else if has("以上", at: k) { qualifier = .atLeast; k += 2 }
            else if has("以内", at: k) || has("以下", at: k) { qualifier = .atMost; k += 2 }
            let prefix = String(chars[subjectStart..<i])
            if ClauseReader.moreThanWords.contains(where: { prefix.hasSuffix($0) }) { qualifier = .moreThan }
            if ClauseReader.atLeastWords.contains(where: { prefix.hasSuffix($0) }) { qualifier = .atLeast }
            if ClauseReader.atMostWords.contains(where: { prefix.hasSuffix($0) }) { qualifier = .atMost }
            if let high { qualifier = .range(high: high) }
            // A threshold (10亿元以上项目): a qualified amount that describes what follows.
            if qualifier == .atLeast || qualifier == .atMost, k < range.upperBound, !ClauseReader.clauseEnds.contains(chars[k]),
               !chars[k].isWhitespace { i = k; continue }
            // 年均增长6.5%, 累计完成投资500亿元: several years' figure, an indicator of its own (the name keeps 年均 or
            // 累计), filed under the last year of the period the line names (2021—2025年, 十四五), else the section's.
            let multiYear = ["年均", "累计"].contains(where: prefix.contains)
            if unit.isEmpty && !rankPrefix {
                unparsed.append(UnparsedClause(line: parent.line, text: String(parent.original[range]), reason: .noUnit))
                i = k; continue
            }
            var value = number.value
            // Growth: a growth word right before the number, or ending the subject (涨幅控制在3%以内).
            let subjectWords = String(ClauseReader.trimmed(Array(chars[subjectStart..<i])).map { chars[subjectStart + $0] })
            let growth = ClauseReader.growthWords.contains(where: { prefix.hasSuffix($0) || subjectWords.hasSuffix($0) })
                && (unit == "%" || unit.hasSuffix("百分点"))
            let rank = rankPrefix || unit == "位" || prefix.hasSuffix("前进") || prefix.hasSuffix("上升")
            // 高精传动风电齿轮箱等350多个项目开工建设: examples, then the count of what follows.
            let examples = prefix.hasSuffix("等")
            var name = examples ? "" : parent.name(subjectStart, rankPrefix ? i - 1 : i)
            if growth, let fall = ClauseReader.fallWords.first(where: { prefix.hasSuffix($0) || subjectWords.hasSuffix($0) }) {
                value = -value
                if String(name.map(Traditional.simplify)).hasSuffix(fall) { name = String(name.dropLast(fall.count)) + "增长" }
            }
            if rankPrefix { unit = "位" }
            // The subject after the number (350多个项目开工建设), or the statement before's (…,增长83.8%).
            let simpleName = String(name.map(Traditional.simplify))     // the rules' words are simplified
            if name.isEmpty || ClauseReader.growthWords.contains(simpleName) || simpleName == "较上年前进" || simpleName == "前进" {
                var tailEnd = k
                while tailEnd < range.upperBound && !ClauseReader.clauseEnds.contains(chars[tailEnd]) { tailEnd += 1 }
                let tail = parent.name(k, tailEnd)
                if !tail.isEmpty && name.isEmpty && !growth { name = tail; k = tailEnd }
                else if let previous { name = previous + (name.isEmpty ? "" : name) }
                else if name.isEmpty { name = tail }
            }
            let statement = ExtractedStatement(
                indicator: name, kind: parent.kind, year: multiYear ? parent.periodEnd ?? parent.year : parent.year, qualifier: qualifier, value: value, unit: unit,
                stretch: false, isGrowth: growth, isRank: rank, line: parent.line, start: range.lowerBound, end: range.upperBound,
                phrase: String(parent.original[range]).trimmingCharacters(in: .whitespaces))
            out.append(statement)
            previous = name
            subjectStart = k
            i = max(k, number.end)
        }
    }

    /// A noun right after a count that makes the count part of a name (三个高地 outside quotes is rare; 十件实事 is a
    /// statement): only 方面, 高地, 中心 and the like.
    func isLabelNoun(at k: Int) -> Bool { ["方面", "高地", "中心", "一体", "融合"].contains { has($0, at: k) } }

    /// Numbers that are not statements: years, dates, durations, sessions, labels.
    func skip(_ number: NumberPhrase, unit: String, after k: Int, rank: Bool) -> Bool {
        let next = number.end < range.upperBound ? chars[number.end] : " "
        // The first year of a period (2024—2026年).
        if !number.chinese, number.magnitude.isEmpty, number.end - number.start == 4, (1900...2100).contains(Int(number.value)),
           ["—", "-", "－", "至", "~", "～", "到"].contains(next), number.end + 4 < range.upperBound,
           (1...4).allSatisfy({ NumberPhrase.digit(chars[number.end + $0]) != nil }) { return true }
        if number.magnitude.isEmpty, ["年", "月", "日", "号", "届", "强", "周", "季", "G", "K", "k", "W"].contains(next) { return true }
        if number.end + 1 < range.upperBound, next == "次", chars[number.end + 1] == "会" { return true }
        if number.start > range.lowerBound, chars[number.start - 1] == "连" { return true }
        // An amount used as a name (百亿项目, 千亿规模): a magnitude with no unit, followed by a word.
        if unit == number.magnitude, !unit.isEmpty, k < range.upperBound, !ClauseReader.clauseEnds.contains(chars[k]),
           !has("左右", at: k), !has("以上", at: k), !has("以内", at: k), !has("以下", at: k) { return true }
        if rank { return false }
        // Letters or digits glued to the number: a code or a model (5G, 3D).
        if next.isASCII && next.isLetter && unit.isEmpty { return true }
        return false
    }
}
