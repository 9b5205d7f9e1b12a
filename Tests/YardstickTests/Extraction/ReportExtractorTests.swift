import Foundation
import Testing
@testable import Yardstick
import YardstickReport

/// The report extractor on sentences written here for each rule, and on the seed (`../shared/seed/`, the newspaper
/// graphic of Zhuzhou's 2024 work report), annotated by hand in `Tests/Fixtures/seed/seed_statements.csv`.
@Suite("Report extraction")
struct ReportExtractorTests {
    /// One statement as a test states it: indicator, kind, year, qualifier, value, unit, growth.
    struct Expected: CustomStringConvertible, Sendable {
        let indicator: String, kind: ObservationKind, qualifier: Qualifier, value: Double, unit: String, growth: Bool
        var description: String { "\(indicator) \(kind) \(qualifier.symbol) \(value) \(unit)" }
        init(_ indicator: String, _ kind: ObservationKind = .target, _ qualifier: Qualifier = .exact, _ value: Double, _ unit: String,
             growth: Bool = false) {
            self.indicator = indicator; self.kind = kind; self.qualifier = qualifier; self.value = value; self.unit = unit
            self.growth = growth
        }
    }

    static func extract(_ line: String, heading: String = "## 2024年主要预期目标") -> [ExtractedStatement] {
        ReportExtractor().extract("# 2023年工作回顾\n\(heading)\n- \(line)\n").statements
    }

    static let sentences: [(String, [Expected])] = [
        ("地区生产总值增长6.5%左右", [Expected("地区生产总值增长", .target, .approximately, 6.5, "%", growth: true)]),
        ("粮食产量稳定在300万吨以上", [Expected("粮食产量", .target, .atLeast, 300, "万吨")]),
        ("城镇新增就业不少于3万人", [Expected("城镇新增就业", .target, .atLeast, 3, "万人")]),
        ("单位地区生产总值能耗下降3%", [Expected("单位地区生产总值能耗增长", .target, .exact, -3, "%", growth: true)]),
        ("研发经费投入强度提高0.2个百分点", [Expected("研发经费投入强度提高", .target, .exact, 0.2, "个百分点", growth: true)]),
        ("居民消费价格涨幅控制在3%以内", [Expected("居民消费价格涨幅", .target, .atMost, 3, "%", growth: true)]),
        ("常住人口城镇化率提高到65%", [Expected("常住人口城镇化率", .target, .exact, 65, "%")]),
        ("经济增长4.5%至5%", [Expected("经济增长", .target, .range(high: 5), 4.5, "%", growth: true)]),
        ("一般公共预算收入增长6-6.5%", [Expected("一般公共预算收入增长", .target, .range(high: 6.5), 6, "%", growth: true)]),
        ("旅游收入超过500亿元", [Expected("旅游收入", .target, .moreThan, 500, "亿元")]),
        ("新增高新技术企业两百家", [Expected("新增高新技术企业", .target, .exact, 200, "家")]),
        ("城镇、农村居民人均可支配收入分别增长6%、8%", [
            Expected("城镇居民人均可支配收入增长", .target, .exact, 6, "%", growth: true),
            Expected("农村居民人均可支配收入增长", .target, .exact, 8, "%", growth: true)]),
        ("过亿元企业达到30家", [Expected("过亿元企业", .target, .exact, 30, "家")]),
        ("连续16年位居全省前列", []),
        ("2025年是“十四五”规划收官之年", []),
        ("实施“1310”工程", []),
        ("全社会固定资产投资1,234.5亿元", [Expected("全社会固定资产投资", .target, .exact, 1234.5, "亿元")]),
        ("进出口总额１２．５亿美元", [Expected("进出口总额", .target, .exact, 12.5, "亿美元")]),
        ("完成货运量445万吨,增长8.3%", [Expected("完成货运量", .target, .exact, 445, "万吨"),
                                      Expected("完成货运量增长", .target, .exact, 8.3, "%", growth: true)]),
        ("力争引进项目100个", [Expected("引进项目", .target, .exact, 100, "个")]),
        ("居民消费价格上涨0.2%", [Expected("居民消费价格上涨", .target, .exact, 0.2, "%", growth: true)]),
        ("单位国内生产总值能耗降低2.5%左右", [Expected("单位国内生产总值能耗增长", .target, .approximately, -2.5, "%", growth: true)]),
        ("粮食产量1.3万亿斤以上", [Expected("粮食产量", .target, .atLeast, 1.3, "万亿斤")]),
        ("地區生產總值增長5.5%左右", [Expected("地區生產總值增長", .target, .approximately, 5.5, "%", growth: true)]),
        // Names as written; units in their simplified form, as the data name them.
        ("新增城鎮就業不少於3萬人", [Expected("新增城鎮就業", .target, .atLeast, 3, "万人")]),
    ]

    /// Every Chinese sentence again in traditional characters (each character the rules know written in its
    /// traditional form): the same statements, the names as written.
    @Test(arguments: sentences)
    func traditionalSentence(_ c: (String, [Expected])) {
        let traditional = Dictionary(Traditional.simplified.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        let text = String(c.0.map { traditional[$0] ?? $0 })
        let found = Self.extract(text)
        #expect(found.count == c.1.count, "\(text): \(found.map { "\($0.indicator) \($0.qualifier.symbol) \($0.value) \($0.unit)" })")
        for (s, e) in zip(found, c.1) {
            #expect(String(s.indicator.map(Traditional.simplify)) == String(e.indicator.map(Traditional.simplify)) && s.kind == e.kind
                    && s.qualifier == e.qualifier && s.value == e.value && s.unit == e.unit && s.isGrowth == e.growth,
                    "\(text): \(s.indicator) \(s.qualifier.symbol) \(s.value) \(s.unit) against \(e)")
        }
    }

    /// English phrasings of the same rules (a report's translation), under an English heading.
    static let english: [(String, [Expected])] = [
        ("GDP growth of around 5%", [Expected("GDP growth", .target, .approximately, 5, "%", growth: true)]),
        ("Over 12 million new urban jobs", [Expected("new urban jobs", .target, .moreThan, 12, "million")]),
        ("Grain output of at least 650 million tons", [Expected("Grain output", .target, .atLeast, 650, "million tons")]),
        ("CPI increase within 3 percent", [Expected("CPI growth", .target, .atMost, 3, "%", growth: true)]),
        ("Energy consumption per unit of GDP down by about 2.5%", [Expected("Energy consumption per unit of GDP growth", .target, .approximately, -2.5, "%", growth: true)]),
        ("R&D intensity up 0.2 percentage points", [Expected("R&D intensity growth", .target, .exact, 0.2, "percentage points", growth: true)]),
        ("Investment of 1,234.5 billion yuan or more", [Expected("Investment", .target, .atLeast, 1234.5, "billion yuan")]),
        ("Exports up 8% and imports up 6%", [Expected("Exports growth", .target, .exact, 8, "%", growth: true),
                                             Expected("imports growth", .target, .exact, 6, "%", growth: true)]),
        ("Hold the 2025 Games successfully", []),
    ]

    @Test(arguments: english)
    func englishSentence(_ c: (String, [Expected])) {
        let found = ReportExtractor().extract("## Review of 2023\n## Main targets for 2024\n- \(c.0)\n").statements
        #expect(found.count == c.1.count, "\(c.0): \(found.map { "\($0.indicator) \($0.qualifier.symbol) \($0.value) \($0.unit)" })")
        for (s, e) in zip(found, c.1) {
            #expect(s.indicator == e.indicator && s.kind == e.kind && s.qualifier == e.qualifier && s.value == e.value
                    && s.unit == e.unit && s.isGrowth == e.growth && s.year == 2024, "\(c.0): \(s.indicator) \(s.qualifier.symbol) \(s.value) \(s.unit) against \(e)")
        }
    }

    @Test(arguments: sentences)
    func sentence(_ c: (String, [Expected])) {
        let found = Self.extract(c.0)
        #expect(found.count == c.1.count, "\(c.0): \(found.map { "\($0.indicator) \($0.qualifier.symbol) \($0.value) \($0.unit)" })")
        for (s, e) in zip(found, c.1) {
            #expect(s.indicator == e.indicator && s.kind == e.kind && s.qualifier == e.qualifier && s.value == e.value
                    && s.unit == e.unit && s.isGrowth == e.growth && s.year == 2024, "\(c.0): \(s.indicator) \(s.qualifier.symbol) \(s.value) \(s.unit) against \(e)")
        }
    }

    @Test func resultsAreOfTheYearBeforeAndPreliminaryWhereExpected() throws {
        let text = "# 2023年成绩单\n- 预计全年地区生产总值增长5.5%左右\n- 排名全省第二\n# 2024年主要目标\n- 力争高新技术企业突破1500家\n- 居民收入增长与经济增长同步\n"
        let s = ReportExtractor().extract(text).statements
        try #require(s.count == 4)
        #expect(s.map(\.year) == [2023, 2023, 2024, 2024])
        #expect(s.map(\.kind) == [.preliminary, .actual, .target, .target])
        #expect(s[1].value == 2 && s[1].isRank && s[1].unit == "位")
        #expect(s[2].stretch && s[2].qualifier == .moreThan && s[2].value == 1500)
        #expect(s[3].qualifier == .relative(to: "经济增长") && s[3].indicator == "居民收入增长" && s[3].isGrowth && s[3].value.isNaN)
    }

    /// Several years' figures are indicators of their own, filed under the last year of the period the line names.
    @Test func multiYearFiguresGoToTheirLastYear() {
        let e = ReportExtractor().extract("## 2024年主要目标\n- “十四五”期间地区生产总值年均增长6.5%\n- 2024—2026年累计完成投资500亿元\n- 新增就业3万人\n")
        #expect(e.statements.map(\.value) == [6.5, 500, 3])
        #expect(e.statements.map(\.year) == [2025, 2026, 2024])
        #expect(e.statements.map(\.indicator) == ["地区生产总值年均增长", "累计完成投资", "新增就业"])
        #expect(e.statements[0].isGrowth && e.unparsed.isEmpty)
    }

    @Test func withoutSectionsOrYearsNothingIsGuessed() {
        let e = ReportExtractor().extract("地区生产总值增长6.5%左右\n")
        #expect(e.statements.isEmpty && e.unparsed.count == 1 && e.unparsed[0].reason == .outsideSections)
        #expect(ReportExtractor(year: 2025).extract("## 主要目标\n- 地区生产总值增长6.5%左右\n").statements.map(\.year) == [2025])
    }

    static let seed = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/seed/000_532e4a1d3860f21c.txt")

    /// Precision and recall on the seed, against the hand annotation: a statement is found when its line and value
    /// match; its qualifier, kind, year, unit and growth flag must match too to count for those.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed.path), "the seed is in ../shared/seed"))
    func seedPrecisionAndRecall() throws {
        let found = try ReportExtractor().extract(contentsOf: Self.seed.path).statements
        let expected = try Fixtures.csv("seed/seed_statements.csv")
        func key(_ line: Int, _ v: Double) -> String { "\(line):\(v.isNaN ? "nan" : String(v))" }
        var byKey: [String: [String: String]] = [:]
        for e in expected { byKey[key(Int(e["line"]!)!, Double(e["value"]!) ?? .nan)] = e }
        var values = 0, attributes = 0
        for s in found {
            guard let e = byKey[key(s.line, s.value)] else { continue }
            values += 1
            if e["qualifier"] == s.qualifier.symbol && e["kind"] == s.kind.rawValue && Int(e["year"]!) == s.year
                && (e["unit"] ?? "") == s.unit && (e["growth"] == "yes") == s.isGrowth { attributes += 1 }
        }
        let precision = Double(values) / Double(found.count), recall = Double(values) / Double(expected.count)
        let attributePrecision = Double(attributes) / Double(found.count), attributeRecall = Double(attributes) / Double(expected.count)
        #expect(expected.count == 60)
        #expect(precision >= 0.95 && recall >= 0.95, "values: precision \(precision), recall \(recall)")
        #expect(attributePrecision >= 0.95 && attributeRecall >= 0.95, "qualifiers and kinds: \(attributePrecision), \(attributeRecall)")
    }

    /// A section named at the start of a line (2024年主要预期目标：…), the rest of the line in it; offsets are of the
    /// whole line.
    @Test func sectionLabelAtTheStartOfALine() throws {
        let line = "2024年主要预期目标：地区生产总值增长7%左右，高新技术企业突破1500家。"
        let e = ReportExtractor().extract(line + "\n")
        #expect(e.targetYear == 2024 && e.resultsYear == 2023)
        try #require(e.statements.count == 2)
        #expect(e.statements.map(\.value) == [7, 1500] && e.statements.map(\.qualifier) == [.approximately, .moreThan])
        let chars = Array(line)
        #expect(String(chars[e.statements[0].start..<e.statements[0].end]) == "地区生产总值增长7%左右")
    }

    /// Names become metadata ids where a row has the name (in either language); the metadata's fuller unit
    /// replaces the one the text gives its start of; other names stay, and are listed.
    @Test func namesFromMetadata() {
        let e = ReportExtractor().extract("## 2024年主要目标\n- 地区生产总值增长7%左右\n- 研发投入强度3.3%\n- 新增绿地20公顷\n- 居民收入增幅高于地区生产总值增长\n")
        let (named, unmatched) = e.named(by: [Indicator(id: "gdp_growth", name: "地区生产总值增长", unit: "%"),
                                              Indicator(id: "rd", name: "研发投入强度", unit: "% of GDP"),
                                              Indicator(id: "income_growth", name: "Resident income growth", englishName: "居民收入增幅")])
        #expect(named.statements.map(\.indicator) == ["gdp_growth", "rd", "新增绿地", "income_growth"])
        #expect(named.statements.map(\.unit) == ["%", "% of GDP", "公顷", ""])
        #expect(named.statements[3].qualifier == .relative(to: "gdp_growth"))
        #expect(unmatched == ["新增绿地"])
    }
}

/// The kinds and directions `extract` writes, read back by the long-CSV reader.
@Suite("Extracted CSV read back")
struct ExtractedCSVTests {
    @Test func kindsAndDirectionsSurviveTheCSV() throws {
        let text = "## 2023年成绩单\n- 地区生产总值增长5.5%左右\n- 排名全省第3位\n- 空气质量优良率90%\n- 高新技术企业1200家\n"
            + "## 2024年主要目标\n- 地区生产总值增长7%左右\n- 居民消费价格涨幅3%以内\n- 城镇调查失业率低于全省平均水平\n"
        let e = ReportExtractor().extract(text)
        let csv = ExtractionRenderer.csv(e, region: "Z", file: "r.txt")
        let p = try PanelReader().read(texts: [("r.csv", csv)])
        #expect(p.indicators["地区生产总值增长"]?.kind == .growthRate)
        #expect(p.indicators["全省"]?.kind == .rank && p.indicators["全省"]?.direction == .lower)
        #expect(p.indicators["空气质量优良率"]?.kind == .share)
        #expect(p.indicators["高新技术企业"]?.kind == .count)
        #expect(p.indicators["居民消费价格涨幅"]?.direction == .lower)
        #expect(p.indicators["城镇调查失业率"]?.direction == .lower && p.indicators["城镇调查失业率"]?.directionStated == true)
        // The required change of a growth-rate target is in percentage points: 7 − 5.5.
        let a = GapAnalysis().assess(PanelIndex(p)).first { $0.indicator.id == "地区生产总值增长" }
        #expect(a?.requiredChange == 1.5 && a?.requiredGrowth == nil)
    }

    @Test func rowsThatDisagreeOnAKindAreAnError() {
        let csv = "region,indicator,year,value,indicator_kind\nA,g,2020,1,share\nA,g,2021,2,level\n"
        #expect(throws: InputError.invalidCell(file: "k.csv", line: 3, column: 5, columnName: "indicator_kind", found: "level",
                                               expected: "share, as on line 2")) {
            try PanelReader().read(texts: [("k.csv", csv)])
        }
    }

    /// The acceptance of reading a report's text: `gap` on the seed as text, with the Zhuzhou history, metadata and
    /// the names file, assesses every hand-made target of Data/zhuzhou/report_2024.csv identically, column for column,
    /// except that two 2023 results the graphic states without 预计 are actual rather than preliminary.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ReportExtractorTests.seed.path), "the seed is in ../shared/seed"))
    func gapOnTheSeedTextEqualsTheHandMadeTargets() throws {
        let data = XLSXReaderTests.dataRoot.appendingPathComponent("zhuzhou")
        let common = [data.appendingPathComponent("history.csv").path, "--metadata", data.appendingPathComponent("indicators.csv").path,
                      "--format", "csv"]
        let hand = try BinaryRunner.run(["gap", data.appendingPathComponent("report_2024.csv").path] + common)
        let text = try BinaryRunner.run(["gap", ReportExtractorTests.seed.path] + common
                                        + ["--indicator-names", data.appendingPathComponent("text_names.csv").path])
        #expect(hand.status == 0 && text.status == 0)
        func rows(_ csv: String) -> [String: [String: String]] {
            let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            var out: [String: [String: String]] = [:]
            for r in lines.dropFirst() where r.count == lines[0].count {
                out[r[1] + "/" + r[2]] = Dictionary(uniqueKeysWithValues: zip(lines[0], r))
            }
            return out
        }
        let a = rows(hand.stdout), b = rows(text.stdout)
        #expect(a.count == 28)
        #expect(Set(a.keys).isSubset(of: Set(b.keys)) && b.count == 29)         // and 重点民生实事, not in the hand-made file
        var differing: [String] = []
        for (k, row) in a { for (c, v) in row where b[k]?[c] != v { differing.append("\(k) \(c)") } }
        #expect(differing.sorted() == ["retail_sales_growth/2024 latest_kind", "scale_industry_va_growth/2024 latest_kind"])
        #expect(text.stderr.contains("Zhuzhou"))                               // the region it assumed is said
    }
}
