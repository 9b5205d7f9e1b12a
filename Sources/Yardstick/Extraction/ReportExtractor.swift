/// A quantitative statement found in a report's text: a value with its kind, year, qualifier, unit and where it was
/// written. Values, never sentences: ``ReportExtractor`` makes them, the long CSV or any command reads them.
public struct ExtractedStatement: Sendable, Equatable {
    /// The indicator's name as the clause gives it (the subject before the number, trimmed of filler words).
    public var indicator: String
    public var kind: ObservationKind
    public var year: Int
    public var qualifier: Qualifier
    public var value: Double
    /// As written, with the magnitude (`万人`, `亿元`, `%`, `个百分点`).
    public var unit: String
    /// 力争 or 确保: a stretch target.
    public var stretch: Bool
    /// A growth rate or change (增长, 下降, 提高 … 个百分点), or a rank (第 N 位).
    public var isGrowth: Bool, isRank: Bool
    /// The line (from 1), and the characters of the phrase within it (start, end exclusive).
    public var line: Int, start: Int, end: Int
    /// The clause as written.
    public var phrase: String
    /// A direction the text states: a relative target's 低于 (lower is better) or 高于 (higher).
    public var statedDirection: Direction? = nil

    /// The indicator's kind, from the statement's shape: a growth rate, a rank, a share (a percentage that is
    /// not a growth), a count (家, 个, 项 …) or a level.
    public var indicatorKind: IndicatorKind {
        if isRank { return .rank }
        if isGrowth && (unit == "%" || unit.hasSuffix("百分点")) { return .growthRate }
        if unit == "%" { return .share }
        if ClauseReader.countUnits.contains(where: { unit.hasSuffix($0) }) && !unit.contains("元") { return .count }
        return .level
    }

    /// The direction the text implies: lower for a rank, for a target of at most (以内, 不超过) and for a relative
    /// target below another series; higher for one above; nil where the text says nothing.
    public var direction: Direction? {
        if let statedDirection { return statedDirection }
        if isRank { return .lower }
        if kind == .target && (qualifier == .atMost || qualifier == .lessThan) { return .lower }
        return nil
    }
}

/// A clause with a number that was not read as a statement, and why.
public struct UnparsedClause: Sendable, Equatable {
    public enum Reason: String, Sendable { case outsideSections = "outside_sections", noUnit = "no_unit" }
    public var line: Int
    public var text: String
    public var reason: Reason
}

/// What was found in a text: statements in order, clauses with numbers not read, and the years used.
public struct Extraction: Sendable {
    public var statements: [ExtractedStatement] = []
    public var unparsed: [UnparsedClause] = []
    /// The year of the results and of the targets (nil where the text and the options give none).
    public var resultsYear: Int?, targetYear: Int?

    /// The statements with their indicators named by `metadata`'s ids where a metadata row has the extracted name
    /// (in either language) as its name; other names stay as extracted, and are returned.
    ///
    /// - Complexity: O(statements + metadata).
    public func named(by metadata: [Indicator]) -> (extraction: Extraction, unmatched: [String]) {
        var byName: [String: Indicator] = [:]
        for i in metadata {
            for n in [i.name, i.englishName ?? ""] where !n.isEmpty && byName[n] == nil { byName[n] = i }
        }
        var out = self, unmatched: [String] = []
        for k in out.statements.indices {
            if let i = byName[out.statements[k].indicator] {
                out.statements[k].indicator = i.id
                // The metadata's fuller unit where the text gives its start (% for "% of GDP").
                // A relative target gives no unit: the metadata's.
                if !i.unit.isEmpty, i.unit != out.statements[k].unit,
                   out.statements[k].unit.isEmpty ? out.statements[k].value.isNaN : i.unit.hasPrefix(out.statements[k].unit + " ") {
                    out.statements[k].unit = i.unit
                }
            }
            else if !unmatched.contains(out.statements[k].indicator) { unmatched.append(out.statements[k].indicator) }
            if case let .relative(to) = out.statements[k].qualifier, let i = byName[to] { out.statements[k].qualifier = .relative(to: i.id) }
        }
        return (out, unmatched)
    }

    /// The statements as the long CSV with each indicator's kind and direction and the provenance columns `line`,
    /// `start`, `end` (what `extract` writes, and what reading a text file reads).
    public func longCSV(region: String, file: String) -> String {
        var lines = LongCSV.write(observations: observations(region: region, file: file))
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        lines[0] += ",indicator_kind,direction,line,start,end"
        for (k, s) in statements.enumerated() where k + 1 < lines.count {
            lines[k + 1] += ",\(s.indicatorKind.rawValue),\(s.direction?.rawValue ?? ""),\(s.line),\(s.start),\(s.end)"
        }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

    /// The statements as observations of `region`, with the file and line they came from and the clause as note.
    public func observations(region: String, file: String) -> [Observation] {
        statements.map { s in
            Observation(region: region, indicator: s.indicator, period: .year(s.year), value: s.value, kind: s.kind,
                        qualifier: s.qualifier, unit: s.unit, source: file, note: s.phrase, stretch: s.stretch,
                        file: file, line: s.line)
        }
    }
}

/// Reads a government work report's text (a report, or a newspaper's graphic of one, in Chinese) into statements:
/// one per quantitative statement, with its kind, year, qualifier, value and unit, by deterministic rules.
///
/// - Sections: a heading (a line starting with `#`, `一、`, `（一）`) with 成绩, 成效, 回顾, 过去, 完成情况 starts
///   results; with 目标, 安排, 任务, 计划, 今年 targets; a year in it (2024年) is the section's year. Results are of
///   the year before the targets. Lines before the first such heading are context, not statements.
/// - Numbers: Arabic and full-width digits, thousands separators, Chinese numerals where a unit or 第 follows or
///   precedes them, 万/亿/万亿 kept in the unit, 多/余 as "more than".
/// - Qualifiers: 左右 about; 以上, 不低于, 不少于 at least; 以内, 以下, 不超过 at most; 突破, 超过, 超, 跨上 more than;
///   ranges (4.5%至5%, 6-6.5%); 力争 and 确保 mark stretch targets, 预计 and 初步 preliminary results.
/// - Not statements: years, dates, durations (连续5年), session numbers, numbers in quotes (“三个高地”), labels
///   (500强, 百亿项目, 5GW) and thresholds (10亿元以上项目).
/// - Shapes: growth (增长 X%, 下降 X% as negative growth, 提高 X 个百分点), ranks (第 N 位, 跃升至 N 位, 全省第一),
///   a level and its growth in one statement (发运445列,增长83.8%: two statements, the second named after the
///   first), distributive clauses (城镇、农村居民收入分别增长7%、8%: one statement each), lists joined by 、.
///
/// - Complexity: O(length of the text).
public struct ReportExtractor: Sendable {
    /// The year of the targets; the results are of the year before. When nil, the headings' years give them.
    public var year: Int?

    public init(year: Int? = nil) { self.year = year }

    static let resultWords = ["成绩", "成效", "回顾", "过去", "完成情况", "取得", "results", "achievements", "review",
                              "past year", "last year", "performance"]
    static let targetWords = ["目标", "安排", "任务", "计划", "今年", "预期", "targets", "goals", "objectives", "plan", "tasks",
                              "this year", "projected"]

    /// The statements of a text file (UTF-8, or GB18030 when it is not UTF-8).
    public func extract(contentsOf path: String, encoding: TextEncoding = .automatic) throws(InputError) -> Extraction {
        let text = try TextDecoding.text(path, encoding: encoding)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .unreadable(file: path, reason: "the file is empty") }
        return extract(text)
    }

    public func extract(_ text: String) -> Extraction {
        var out = Extraction()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        // First pass: the years the headings give.
        var headingResults: Int?, headingTargets: Int?
        for raw in lines {
            guard let line = Self.isHeading(raw) ? String(raw) : Self.label(of: raw)?.text else { continue }
            let kind = Self.sectionKind(String(line.map(Traditional.simplify)))
            if let y = Self.year(in: String(line)) {
                if kind == .actual, headingResults == nil { headingResults = y }
                if kind == .target, headingTargets == nil { headingTargets = y }
            }
        }
        let targets = year ?? headingTargets ?? headingResults.map { $0 + 1 }
        let results = year.map { $0 - 1 } ?? headingResults ?? headingTargets.map { $0 - 1 }
        out.resultsYear = results
        out.targetYear = targets
        var section: ObservationKind?
        for (k, raw) in lines.enumerated() {
            var line = String(raw)
            if Self.isHeading(raw) {
                if let kind = Self.sectionKind(String(raw.map(Traditional.simplify))) { section = kind }
                continue
            }
            // A section named at the start of a line (2024年主要预期目标：…): the rest of the line is in it.
            var offset = 0
            if let label = Self.label(of: raw), let kind = Self.sectionKind(String(label.text.map(Traditional.simplify))) {
                section = kind
                offset = label.end
                line = String(Array(line)[offset...])
            }
            let chars = Array(line)
            guard chars.contains(where: { NumberPhrase.digit($0) != nil || $0 == "第" || NumberPhrase.isChineseNumeral($0) })
                    || ClauseReader.relativeWords.contains(where: String(chars.map(Traditional.simplify)).contains) else { continue }
            guard let section, let year = section == .target ? targets : results else {
                if chars.contains(where: { NumberPhrase.digit($0) != nil }) {
                    out.unparsed.append(UnparsedClause(line: k + 1, text: line, reason: .outsideSections))
                }
                continue
            }
            if EnglishClauses.isEnglish(chars) {
                let start = ClauseReader(original: chars, line: k + 1, kind: section, year: year).bulletEnd()
                out.statements += EnglishClauses(text: String(chars[start...]), line: k + 1, kind: section, year: year,
                                                 offset: offset + start).read()
                continue
            }
            var reader = ClauseReader(original: chars, line: k + 1, kind: section, year: year)
            reader.read()
            out.statements += reader.statements.map { s in
                var s = s
                s.start += offset; s.end += offset
                return s
            }
            out.unparsed += reader.unparsed
        }
        return out
    }

    /// A label that ends at a colon near the start of a line (at most 16 characters), and where the rest begins.
    static func label(of line: Substring) -> (text: String, end: Int)? {
        let c = Array(line)
        guard let colon = c.prefix(17).firstIndex(where: { $0 == "：" || $0 == ":" }), colon > 0 else { return nil }
        let text = String(c[..<colon])
        guard sectionKind(String(text.map(Traditional.simplify))) != nil else { return nil }
        return (text, colon + 1)
    }

    static func isHeading(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        if t.hasPrefix("#") { return true }
        if let i = t.firstIndex(of: "、"), i > t.startIndex, t[..<i].allSatisfy(NumberPhrase.isChineseNumeral) { return true }
        if t.hasPrefix("（"), let close = t.firstIndex(of: "）"), t[t.index(after: t.startIndex)..<close].allSatisfy(NumberPhrase.isChineseNumeral) {
            return true
        }
        return false
    }

    /// Results (`.actual`), targets, or nil for a heading that says neither.
    static func sectionKind(_ heading: String) -> ObservationKind? {
        let h = heading.lowercased()
        if resultWords.contains(where: h.contains) { return .actual }
        if targetWords.contains(where: h.contains) { return .target }
        return nil
    }

    /// A year written as four digits and 年 (2024年).
    static func year(in text: String) -> Int? {
        let c = Array(text)
        guard c.count >= 4 else { return nil }
        let english = EnglishClauses.isEnglish(c)
        for i in 0...(c.count - 4) {
            // 2024年, or in English a year standing alone (Targets for 2024).
            let ends = i + 4 == c.count || !(NumberPhrase.digit(c[i + 4]) != nil || c[i + 4].isLetter)
            guard i + 4 < c.count && c[i + 4] == "年" || english && ends else { continue }
            let digits = (0..<4).compactMap { NumberPhrase.digit(c[i + $0]) }
            if digits.count == 4, i == 0 || NumberPhrase.digit(c[i - 1]) == nil {
                let y = digits.reduce(0) { $0 * 10 + $1 }
                if (1900...2100).contains(y) { return y }
            }
        }
        return nil
    }
}
