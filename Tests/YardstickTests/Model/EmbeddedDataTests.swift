import Foundation
import Testing
@testable import Yardstick

@Suite("Embedded data")
struct EmbeddedDataTests {
    static let files: [(String, String)] = [
        ("Data/zhuzhou/report_2024.csv", EmbeddedData.zhuzhouReport), ("Data/zhuzhou/history.csv", EmbeddedData.zhuzhouHistory),
        ("Data/zhuzhou/indicators.csv", EmbeddedData.zhuzhouIndicators), ("Data/hunan/peers_history.csv", EmbeddedData.hunanPeers),
        ("Data/hunan/regions.csv", EmbeddedData.hunanRegions), ("Data/hunan/cities.csv", EmbeddedData.hunanCities),
        ("Data/hunan/rankings.csv", EmbeddedData.hunanRankings),
    ]

    /// The binary's copies must be the files in Data/ (regenerate with `make embed`).
    @Test(arguments: files)
    func embeddedCopyMatchesDataFolder(_ c: (String, String)) throws {
        let url = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(c.0)
        #expect(c.1 == (try String(contentsOf: url, encoding: .utf8)).trimmingCharacters(in: .newlines))
    }

    /// Counts computed from the CSV files with Python's csv module.
    @Test func embeddedPanelHoldsEveryRow() throws {
        let p = try PanelReader().readEmbedded()
        #expect(p.observations.count == 1440)
        #expect(p.regions.count == 16)
        #expect(p.indicatorIDs.count == 82)
        #expect(PanelIndex(p).targets().count == 38)
        let gdp = PanelIndex(p).history(region: "Zhuzhou", indicator: "gdp")
        #expect(gdp.years == [2009, 2013, 2014, 2015, 2016, 2019, 2020, 2021, 2022, 2024])
        #expect(gdp.values == [1024.89, 1948, 2160, 2335.11, 2512.51, 3003.13, 3105.8, 3420.3, 3616.81, 3902.4])   // final values where a year also has a preliminary one
    }

    /// The seed's statements, as a reader of the report would check them.
    @Test func seedStatementsAreThere() throws {
        let p = try PanelReader().readEmbedded()
        func one(_ indicator: String, _ year: Int, _ kind: ObservationKind) -> Observation? {
            p.observations.first { $0.region == "Zhuzhou" && $0.indicator == indicator && $0.period == .year(year) && $0.kind == kind }
        }
        #expect(one("rd_intensity", 2023, .actual)?.value == 3.27)
        #expect(one("local_tax_share", 2023, .actual)?.qualifier == .atLeast)
        #expect(one("high_tech_enterprises", 2023, .actual)?.qualifier == .moreThan)
        #expect(one("high_tech_enterprises", 2024, .target)?.value == 1500)
        #expect(one("rail_sea_trains", 2023, .preliminary)?.value == 445)
        #expect(one("gdp_growth", 2024, .target)?.qualifier == .approximately)
        #expect(one("cpi_growth", 2024, .target)?.qualifier == .atMost)
        #expect(one("import_export_growth", 2024, .target)?.qualifier == .atLeast)
        #expect(one("resident_income_growth", 2024, .target)?.qualifier == .relative(to: "gdp_growth"))
        #expect(one("urban_unemployment_rate", 2024, .target)?.qualifier == .relative(to: "Hunan:urban_unemployment_rate"))
        #expect(one("new_urban_jobs", 2023, .actual)?.unit == "万人")
    }
}
