import Foundation
import Testing

/// `yardstick inspect` on each Data/ set; expected counts computed from the files with Python's csv module.
@Suite("inspect on the Data sets")
struct InspectCommandTests {
    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    struct Case: Sendable, CustomStringConvertible {
        let arguments: [String]
        let regions: Int, indicators: Int, observations: Int, targets: Int, first: String, last: String
        var description: String { arguments.first ?? "embedded" }
    }

    static let cases: [Case] = [
        Case(arguments: [], regions: 16, indicators: 82, observations: 1440, targets: 38, first: "2001", last: "2025"),
        Case(arguments: ["Data/zhuzhou/report_2024.csv", "Data/zhuzhou/history.csv", "--metadata", "Data/zhuzhou/indicators.csv"],
             regions: 1, indicators: 65, observations: 97, targets: 28, first: "2015", last: "2024"),
        Case(arguments: ["Data/hunan/peers_history.csv"], regions: 6, indicators: 16, observations: 73, targets: 10, first: "2015", last: "2024"),
        Case(arguments: ["Data/gapminder/gapminder.csv", "--input-format", "wide", "--region-column", "country", "--period-column", "year",
                         "--indicator-columns", "lifeExp,pop,gdpPercap"],
             regions: 142, indicators: 3, observations: 5112, targets: 0, first: "1952", last: "2007"),
        Case(arguments: ["Data/wdi/wdi_fertility_wide.csv"], regions: 210, indicators: 1, observations: 10284, targets: 0, first: "1960", last: "2011"),
        Case(arguments: ["Data/wdi/world_bank_pop.csv"], regions: 265, indicators: 4, observations: 19008, targets: 0, first: "2000", last: "2017"),
    ]

    @Test(arguments: cases)
    func summaryCounts(_ c: Case) throws {
        let args = c.arguments.map { $0.hasPrefix("Data/") ? InspectCommandTests.root.appendingPathComponent($0).path : $0 }
        let r = try BinaryRunner.run(["inspect"] + args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(o["regions"] as? Int == c.regions)
        #expect(o["indicators"] as? Int == c.indicators)
        #expect(o["observations"] as? Int == c.observations)
        #expect(o["targets"] as? Int == c.targets)
        #expect(o["first_period"] as? String == c.first)
        #expect(o["last_period"] as? String == c.last)
        for key in ["skipped", "warnings"] { #expect(o[key] != nil) }
    }

    @Test func textSummaryListsCoverage() throws {
        let r = try BinaryRunner.run(["inspect"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("16个地区，82个指标，1440条观测值（目标38条），2001–2025\n地区：株洲市、"))
        #expect(r.stdout.contains("全社会研发投入强度"))
        let en = try BinaryRunner.run(["inspect", "--lang", "en"])
        #expect(en.stdout.hasPrefix("16 regions, 82 indicators, 1,440 observations (38 targets), 2001–2025\nregions: Zhuzhou, "))
        #expect(en.stdout.contains("R&D intensity"))
    }

    /// A scope counts what is in it: the regions that have the indicator, the indicators the region has.
    @Test func scopedCountsAreThoseOfTheScope() throws {
        func summary(_ args: [String]) throws -> [String: Any] {
            let r = try BinaryRunner.run(["inspect", "--format", "json"] + args)
            #expect(r.status == 0, "\(r.stderr)")
            return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        }
        let growth = try summary(["--indicator", "gdp_growth"])
        // Computed from Data/ with Python's csv module: gdp_growth rows in 15 regions, 172 rows, 4 of them targets.
        #expect(growth["regions"] as? Int == 15 && growth["indicators"] as? Int == 1)
        #expect(growth["observations"] as? Int == 172 && growth["targets"] as? Int == 4)
        let changsha = try summary(["--region", "长沙市", "--lang", "en"])
        #expect(changsha["regions"] as? Int == 1 && changsha["indicators"] as? Int == 33 && changsha["observations"] as? Int == 249)
        #expect(changsha["region_ids"] as? [String] == ["Changsha"] && changsha["region_names"] as? [String] == ["Changsha"])
    }
}
