import Foundation
import Testing
@testable import Yardstick

/// The WDI, SDMX, Eurostat and wide readers on real panels (Tests/Fixtures/panels, expected counts computed from
/// the files with Python's csv module) and on small files written here for each variant.
@Suite("Format readers")
struct FormatReadersTests {
    func read(_ text: String, file: String = "t.csv", configure: (inout PanelReader) -> Void = { _ in }) throws -> Panel {
        var r = PanelReader()
        configure(&r)
        return try r.read(texts: [(file, text)])
    }

    @Test func wdiBulkLayoutOnTheFertilityPanel() throws {
        let p = try PanelReader().read([Fixtures.url("panels/wdi_fertility_wide.csv").path])
        #expect(p.regions.count == 210)           // 219 codes, 9 of them without any value (reported)
        #expect(p.observations.count == 10284)
        #expect(p.missingValues == 1542)
        #expect(p.indicator("SP.DYN.TFRT.IN").name == "Fertility rate, total (births per woman)")
        #expect(p.periodRange == .year(1960)...(.year(2011)))     // 2012 and 2013 are empty columns
        #expect(p.warnings.contains(.rowsWithoutValues(file: Fixtures.url("panels/wdi_fertility_wide.csv").path, count: 9)))
    }

    @Test func wdiShapeWithOtherColumnNames() throws {
        let p = try PanelReader().read([Fixtures.url("panels/world_bank_pop.csv").path])
        #expect(Set(p.indicatorIDs) == ["SP.URB.TOTL", "SP.URB.GROW", "SP.POP.TOTL", "SP.POP.GROW"])
        #expect(p.observations.count == 19008)
        #expect(p.missingValues == 144)
    }

    @Test func wdiAPIDownloadWithPreambleAndTrailingCommas() throws {
        let text = """
            "Data Source","World Development Indicators",

            "Last Updated Date","2024-06-28",

            "Country Name","Country Code","Indicator Name","Indicator Code","2021","2022","2023",
            "China","CHN","GDP growth (annual %)","NY.GDP.MKTP.KD.ZG","8.4","3","5.2",
            "Aruba","ABW","GDP growth (annual %)","NY.GDP.MKTP.KD.ZG","","","",

            """
        // The same download with Windows line ends ("\r\n" is one Character: the preamble must still be found).
        for t in [text, text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let p = try read(t)
            #expect(PanelIndex(p).history(region: "CHN", indicator: "NY.GDP.MKTP.KD.ZG").values == [8.4, 3, 5.2])
            #expect(p.observations.first?.location == "t.csv:6")
            #expect(p.missingValues == 3)
        }
    }

    @Test func sdmx10WithLabelsBothAndSemicolons() throws {
        let text = """
            DATAFLOW;REF_AREA: Reference area;INDICATOR: Indicator;TIME_PERIOD: Time;OBS_VALUE;UNIT_MULT
            IMF:IFS(1.0);CHN: China;NGDP_R_PC_CP_A_PT: GDP growth;2022;3.0;0
            IMF:IFS(1.0);CHN: China;NGDP_R_PC_CP_A_PT: GDP growth;2023-Q1;4.5;0
            """
        let p = try read(text)
        #expect(p.regions == ["CHN"])
        #expect(p.indicatorIDs == ["NGDP_R_PC_CP_A_PT"])
        #expect(p.observations.map(\.period) == [.year(2022), .quarter(2023, 1)])
    }

    @Test func sdmx20() throws {
        let text = """
            STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS
            dataflow,ESTAT:NAMA_10_GDP(1.0),I,A,DE,PC,2022,1.8,A
            dataflow,ESTAT:NAMA_10_GDP(1.0),I,A,DE,PC,2023,-0.3,P
            """
        let p = try read(text)
        #expect(PanelIndex(p).history(region: "DE", indicator: "A").values == [1.8, -0.3])
        #expect(p.observations[0].unit == "PC")
    }

    @Test func eurostatTSVWithFlags() throws {
        let text = "freq,unit,geo\\TIME_PERIOD\t2021 \t2022 \t2023 \nA,PC_GDP,DE\t3.13 \t3.13 p\t: \nA,PC_GDP,FR\t2.22 \t2.23 e\t: c\n"
        let p = try read(text, file: "t.tsv")
        #expect(PanelIndex(p).history(region: "DE", indicator: "PC_GDP").values == [3.13, 3.13])
        #expect(PanelIndex(p).history(region: "FR", indicator: "PC_GDP").values == [2.22, 2.23])
        #expect(p.missingValues == 2)
        #expect(p.observations[0].unit == "PC_GDP")
    }

    /// Eurostat cells: what each means (a value, missing, or an error), whether read by the fast path from the
    /// bytes or by the general one. nil: missing; .nan: an error naming the cell.
    static let eurostatCells: [(String, Double?)] = [
        ("1.5", 1.5), (" 1.5 ", 1.5), ("1.5 p", 1.5), ("1.5  pe", 1.5), ("-2 b ", -2), ("1,234 e", 1234), ("2e3", 2000),
        (":", nil), (": ", nil), (" : c", nil), (":  cd", nil), (": c ", nil),
        (":c", .nan), (": 5", .nan), ("1.5p", .nan), ("1 e f", .nan), ("e", .nan), ("", nil), ("x", .nan),
    ]

    @Test(arguments: eurostatCells)
    func eurostatCell(_ c: (String, Double?)) throws {
        let text = "freq,unit,geo\\TIME_PERIOD\t2021\nA,PC,DE\t\(c.0)\n"
        let read = Result { try self.read(text, file: "t.tsv") }
        switch (c.1, read) {
        case (nil, .success(let p)): #expect(p.observations.isEmpty && p.missingValues == 1)
        case (let x?, .success(let p)) where !x.isNaN: #expect(p.observations.map(\.value) == [x])
        case (let x?, .failure(let e)) where x.isNaN: #expect("\(e)".contains("t.tsv:2:2"))
        default: Issue.record("cell '\(c.0)': \(read)")
        }
    }

    @Test func wideTableOnGapminder() throws {
        var r = PanelReader()
        r.regionColumn = "country"; r.periodColumn = "year"; r.indicatorColumns = ["lifeExp", "pop", "gdpPercap"]
        let p = try r.read([Fixtures.url("panels/gapminder.csv").path])
        #expect(p.regions.count == 142)
        #expect(p.indicatorIDs == ["lifeExp", "pop", "gdpPercap"])
        #expect(p.observations.count == 1704 * 3)
        #expect(p.skipped == 1704 * 2)              // rownames and continent, left out by the option
        #expect(PanelIndex(p).history(region: "Afghanistan", indicator: "lifeExp").values.first == 28.801)
    }

    @Test func wideTableDefaultsToEveryNumericColumn() throws {
        let p = try read("country,year,continent,a,b\nX,2020,Asia,1,2\nX,2021,Asia,3,\n") {
            $0.regionColumn = "country"; $0.periodColumn = "year"
        }
        #expect(p.indicatorIDs == ["a", "b"])
        #expect(p.skipped == 2)
        #expect(p.missingValues == 1)
    }

    /// A column whose first thousand cells are numbers and a later one is not is still left out, as one whose
    /// first cell is text: the guess from the first rows is only kept when every cell bears it out.
    @Test func wideColumnWithTextAfterTheFirstThousandRowsIsLeftOut() throws {
        let rows = (0..<1500).map { k in "R\(k / 10),\(2000 + k % 10),\(k),\(k == 1200 ? "n/a (see note)" : String(k)),\(k % 7)%" }
        let p = try read("region,year,a,b,c\n" + rows.joined(separator: "\n") + "\n") {
            $0.regionColumn = "region"; $0.periodColumn = "year"
        }
        #expect(p.indicatorIDs == ["a", "c"])
        #expect(p.skipped == 1500)
        #expect(p.warnings == [.columnsNotRead(file: "t.csv", columns: ["b"], cells: 1500)])
        #expect(p.observations.count == 3000)
        #expect(p.indicators["c"]?.unit == "%")
        // A cell that is not a number in a column named by the caller is an error at its line and column.
        #expect(throws: InputError.self) {
            try read("region,year,a,b,c\n" + rows.joined(separator: "\n") + "\n") {
                $0.regionColumn = "region"; $0.periodColumn = "year"; $0.indicatorColumns = ["a", "b"]
            }
        }
    }

    @Test(arguments: [
        ("region,indicator,year,value\n", InputFormat.long), ("DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\n", .sdmx),
        ("STRUCTURE,STRUCTURE_ID,ACTION,TIME_PERIOD,OBS_VALUE\n", .sdmx), ("freq,geo\\TIME_PERIOD\t2020\n", .eurostat),
        ("Country Name,Country Code,Indicator Name,Indicator Code,1960\n", .wdi), ("\"Data Source\",\"WDI\",\n", .wdi),
        ("rownames,country,indicator,2000,2001\n", .wdi), ("\u{FEFF}region;indicator;year;value\r\n", .long),
    ])
    func formatIsDetected(_ c: (String, InputFormat)) throws {
        #expect(try PanelReader.detect(c.0, file: "t") == c.1)
    }

    @Test func undetectableFormatSaysWhatToGive() {
        #expect { try PanelReader.detect("a,b,c\n1,2,3\n", file: "t.csv") } throws: { e in
            String(describing: e).contains("give --input-format")
        }
    }
}
