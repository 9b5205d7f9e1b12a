import Foundation
import Testing
import Yardstick
@testable import YardstickReport

@Suite("Report document")
struct ReportDocumentTests {
    @Test func headlineCountsAndRows() throws {
        let d = try ReportFixture.document(.en)
        #expect(d.title == "A: targets for 2023")
        #expect(d.rows.count == 3)
        #expect(d.counts.reduce(0) { $0 + $1.count } == 3)
        #expect(d.headline.hasPrefix("3 targets: "))
        #expect(d.rows[1].latest == "> 1200 (2022)")
        #expect(d.rows[1].required == "25.0%")
        #expect(d.rows[0].latest == "5.8 (2022, preliminary)")
    }

    @Test func findingsAreSentencesMostUrgentFirst() throws {
        let d = try ReportFixture.document(.en)
        #expect(d.findings.count == 2)                          // the CPI target has no data: a caveat, not a finding
        #expect(d.findings.contains { $0.text == "High-tech firms: above 1200 家 in 2022; the 2023 target of > 1500 家 needs 25.0% growth in one year; not assessable: fewer than three values, and no reference class large enough." })
        let order = d.findings.map { ReportBuilder.urgency.firstIndex(of: $0.status)! }
        #expect(order == order.sorted())
    }

    @Test func caveatsNamePreliminaryBoundsShortHistoriesAndSources() throws {
        let d = try ReportFixture.document(.en)
        #expect(d.caveats.contains("Preliminary values, not yet final: GDP growth"))
        #expect(d.caveats.contains("Known only as bounds (\"above 1200\"): High-tech firms"))
        // Targets not assessed are grouped by what is missing, each with the data that would make it assessable.
        #expect(d.unassessed.map(\.heading) == ["fewer than three values, and no reference class large enough", "no value before the target year"])
        #expect(d.unassessed[1].items.map(\.name) == ["CPI inflation"])
        #expect(d.unassessed[1].items[0].remedy == "a value of CPI inflation for a year before 2023")
        #expect(d.unassessed[0].items[0].remedy == "2 more years of High-tech firms, or 5 year-over-year changes of it in peer regions (now 0; the region's indicators of the same kind give 0)")
        #expect(d.caveats.contains { $0.hasPrefix("Sources (4): Bulletin 2020; Bulletin 2021; Bulletin 2022; Work report 2023") })
    }

    @Test func chineseLabels() throws {
        let d = try ReportFixture.document(.zh)
        #expect(d.title == "A 2023年目标评估")
        #expect(d.rows[1].indicator == "高新技术企业")
        #expect(d.findings.contains { $0.text.hasPrefix("高新技术企业：2022年超过1200 家；2023年目标> 1500 家需一年内增长25.0%") })
        #expect(ReportBuilder.language(of: PanelIndex(try ReportFixture.panel())) == .zh)
    }

    @Test func chartsCarryHistoryProjectionAndTarget() throws {
        let d = try ReportFixture.document(.en)
        let c = try #require(d.charts.first { $0.id == "gdp_growth-2023" })
        #expect(c.history.map(\.year) == [2019, 2020, 2021, 2022])
        #expect(c.history.last?.kind == "preliminary")
        #expect(c.projected.map(\.year) == [2023])
        #expect(c.projected[0].intervals.map(\.level) == [95, 80])
        #expect(c.targetLow == 6 && c.targetHigh == 6)
    }

    @Test(arguments: [(ReportLanguage.en, "above GDP growth (2023)", "(actual 5.8%, short by 0.2 pp)"),
                      (ReportLanguage.zh, "高于地区生产总值增长 (2023)", "（实际5.8%，相差0.2个百分点）")])
    func relativeTargetsNameTheirSeriesAndActualsCarryTheirUnit(_ c: (ReportLanguage, String, String)) throws {
        let csv = """
            region,indicator,year,value,kind,qualifier,relative_to,unit
            A,gdp_growth,2020,5.5,actual,=,,%
            A,gdp_growth,2021,6.2,actual,=,,%
            A,gdp_growth,2022,5.8,actual,=,,%
            A,gdp_growth,2022,6,target,=,,%
            A,income_growth,2023,,target,relative,gdp_growth,%
            """
        let metadata = ReportFixture.metadata + "\nincome_growth,居民收入增幅,Income growth,%,higher,growth_rate"
        let p = try PanelReader().read(texts: [("r.csv", csv)], metadata: ("m.csv", metadata))
        let index = PanelIndex(p)
        let d = ReportBuilder(language: c.0).document(region: "A", assessments: GapAnalysis().assess(index), index: index)
        #expect(d.rows.contains { $0.target == c.1 })
        #expect(d.findings.contains { $0.text.contains(c.2) })
    }
}
