import Foundation
import Testing
@testable import Yardstick

/// Excel workbooks written by openpyxl 3.1.5 and LibreOffice 7.4 (`Tests/Fixtures/xlsx/`, made from the
/// repository's CSVs by `make_fixtures.py` and `make_fixtures.sh`) read to the panels of the CSVs they copy.
@Suite("Excel workbooks")
struct XLSXReaderTests {
    static let dataRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")

    /// What an observation says, without where it was read.
    struct Fact: Hashable {
        let region: String, indicator: String, period: String, kind: String, qualifier: String
        let unit: String, source: String, note: String, stretch: Bool
        init(_ o: Observation) {
            region = o.region; indicator = o.indicator; period = o.period.description
            kind = o.kind.rawValue; qualifier = o.qualifier.symbol; unit = o.unit; source = o.source; note = o.note
            stretch = o.stretch
        }
    }

    func read(_ path: String, sheet: String? = nil, format: InputFormat? = nil) throws -> Panel {
        var r = PanelReader()
        r.sheet = sheet
        r.format = format
        return try r.read([path])
    }

    @Test(arguments: [
        ("xlsx/zhuzhou_report_openpyxl.xlsx", "report", "zhuzhou/report_2024.csv", 1),   // a title row above the header
        ("xlsx/zhuzhou_report_openpyxl.xlsx", "2", "zhuzhou/report_2024.csv", 1),        // the sheet by its number
        ("xlsx/zhuzhou_history_libreoffice.xlsx", nil, "zhuzhou/history.csv", 0),
        ("xlsx/wdi_fertility_openpyxl.xlsx", nil, "wdi/wdi_fertility_wide.csv", 0),
    ] as [(String, String?, String, Int)])
    func workbookReadsAsItsCSV(_ c: (String, String?, String, Int)) throws {
        let book = try read(Fixtures.url(c.0).path, sheet: c.1)
        let csv = try PanelReader().read([Self.dataRoot.appendingPathComponent(c.2).path])
        #expect(book.observations.count == csv.observations.count && book.observations.count >= 40)
        let differing = zip(book.observations.map(Fact.init), csv.observations.map(Fact.init)).first { $0 != $1 }
        #expect(differing == nil, "first difference: \(String(describing: differing))")
        // Values to 16 significant digits: openpyxl, like Excel, stores a double's shortest 16-digit form (3.226 for
        // the CSV's 3.2260000000000004); NaN (a relative target's value) on both sides.
        for (a, b) in zip(book.observations, csv.observations) {
            #expect(a.value.isNaN ? b.value.isNaN : relativeError(a.value, b.value) <= 1e-15, "\(a.region) \(a.indicator) \(a.period)")
        }
        // Each observation's line is its row in the sheet: the CSV's line, below the title row if there is one.
        #expect(book.observations.map(\.line) == csv.observations.map { $0.line + c.3 })
        #expect(book.missingValues == csv.missingValues)
        #expect(book.indicators.mapValues(\.unit) == csv.indicators.mapValues(\.unit))
    }

    @Test func formulasGiveTheirCachedValues() throws {
        let p = try read(Fixtures.url("xlsx/formulas_libreoffice.xlsx").path)
        #expect(p.observations.map(\.value) == [7, 8])          // =2*3.5, then a plain 8
    }

    @Test func aBadCellIsNamedAsTheSpreadsheetNamesIt() {
        let path = Fixtures.url("xlsx/formula_error_libreoffice.xlsx").path
        #expect(throws: InputError.invalidSheetCell(file: path, sheet: "formula_error_libreoffice", cell: "D4", columnName: "value",
                                                    found: "#DIV/0!", expected: "a number or a missing-value marker (empty, NA, ..)")) {
            try read(path)
        }
    }

    @Test func anUnknownSheetListsTheSheets() {
        let path = Fixtures.url("xlsx/zhuzhou_report_openpyxl.xlsx").path
        #expect(throws: InputError.unreadable(file: path, reason: "no sheet 'data'; the workbook has '说明', 'report' (give a name or a number from 1)")) {
            try read(path, sheet: "data")
        }
        // The first sheet holds one note: no header.
        #expect(throws: InputError.unreadable(file: path, reason: "the sheet '说明' has no header (a row of two or more cells)")) {
            try read(path)
        }
    }

    @Test func aFileThatIsNotAWorkbookIsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-not-a-book-\(getpid()).xlsx").path
        try "region,indicator,year,value\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: InputError.self) { try read(path) }
        do { _ = try read(path) } catch let e as InputError {
            guard case let .unreadable(file, reason) = e else { Issue.record("\(e)"); return }
            #expect(file == path && reason.hasPrefix("not an Excel workbook (.xlsx)"))
        }
    }

    @Test(arguments: [("A1", 1, 1), ("Z9", 9, 26), ("AA10", 10, 27), ("AZ3", 3, 52), ("BA3", 3, 53), ("XFD1048576", 1_048_576, 16_384)])
    func cellReferences(_ c: (String, Int, Int)) {
        #expect(XLSXReader.reference(row: c.1, column: c.2) == c.0)
        #expect(XLSXReader.position(c.0)! == (c.1, c.2))
        #expect(XLSXReader.position(c.0.lowercased())! == (c.1, c.2))
    }

    @Test(arguments: ["", "A", "7", "A0", "1A", "A-1"])
    func notCellReferences(_ text: String) { #expect(XLSXReader.position(text) == nil) }

    /// Title rows become blank lines, a header cell merged across columns gives its text to each, rows keep
    /// their numbers, and a row shorter than the widest is padded.
    @Test func sheetAsText() throws {
        var sheet = XLSXReader.Sheet(name: "S")
        sheet.cells = [1: [1: "Title"], 3: [1: "region", 2: "year", 3: "gdp"], 4: [1: "A", 2: "2020", 3: "1.5", 4: "x"], 6: [1: "B", 2: "2021"]]
        sheet.merged = [(1, 1, 1, 4), (3, 3, 3, 4)]
        let (text, header) = try #require(XLSXReader.text(of: sheet))
        #expect(header == 3)
        #expect(text == "\n\nregion,year,gdp,gdp\nA,2020,1.5,x\n\nB,2021,,\n")
        #expect(XLSXReader.text(of: XLSXReader.Sheet(name: "empty")) == nil)
    }

    /// End to end: `gap` on the workbook copies of the Zhuzhou report and history writes the CSV it writes on the
    /// CSVs; a workbook's sheet is chosen with `book.xlsx#sheet`, and `--output` never replaces the workbook.
    @Test func gapOnWorkbooksEqualsGapOnCSVs() throws {
        let data = Self.dataRoot.appendingPathComponent("zhuzhou")
        let csv = try BinaryRunner.run(["gap", data.appendingPathComponent("report_2024.csv").path, data.appendingPathComponent("history.csv").path,
                                        "--metadata", data.appendingPathComponent("indicators.csv").path, "--format", "csv"])
        let book = try BinaryRunner.run(["gap", Fixtures.url("xlsx/zhuzhou_report_openpyxl.xlsx").path + "#report",
                                         Fixtures.url("xlsx/zhuzhou_history_libreoffice.xlsx").path,
                                         "--metadata", data.appendingPathComponent("indicators.csv").path, "--format", "csv"])
        #expect(csv.status == 0 && book.status == 0)
        #expect(book.stdout == csv.stdout && csv.stdout.split(separator: "\n").count == 29)   // the header and 28 targets
        let refused = try BinaryRunner.run(["inspect", Fixtures.url("xlsx/formulas_libreoffice.xlsx").path + "#1",
                                            "--output", Fixtures.url("xlsx/formulas_libreoffice.xlsx").path])
        #expect(refused.status == 1)
    }
}
