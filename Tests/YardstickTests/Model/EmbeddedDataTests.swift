import Foundation
import Testing
@testable import Yardstick

@Suite("Embedded data")
struct EmbeddedDataTests {
    /// The binary's copy must be the file in Data/ (regenerate with `make embed`).
    @Test func embeddedZhuzhouHistoryMatchesDataFolder() throws {
        let file = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/zhuzhou/history.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(EmbeddedData.zhuzhouHistory == text.trimmingCharacters(in: .newlines))
    }

    @Test func zhuzhouHistoryReadsAsFortyRows() throws {
        let t = try CSVTable(text: EmbeddedData.zhuzhouHistory, file: "embedded")
        #expect(t.rows.count == 40)
        let r = try LongCSV.read(t)
        let gdp = try #require(r.series.first { $0.indicator == "gdp" })
        #expect(gdp.years == [2015, 2019, 2020, 2021])
        #expect(gdp.values == [2335.11, 3003.13, 3105.8, 3420.3])
    }
}
