import Foundation
import Testing
@testable import Yardstick

/// Regression tests for the defects of issue #13 found by feeding real files changed by hand: each failed on the
/// code before its fix (a trap, a silently dropped or misread column, a value off by a power of ten).
@Suite("Bad inputs: regressions")
struct BadInputRegressionTests {
    func read(_ text: String, file: String = "t.csv", configure: (inout PanelReader) -> Void = { _ in }) throws -> Panel {
        var r = PanelReader()
        configure(&r)
        return try r.read(texts: [(file, text)])
    }

    func error(_ text: String, file: String = "t.csv", configure: (inout PanelReader) -> Void = { _ in }) -> InputError? {
        do { _ = try read(text, file: file, configure: configure); return nil } catch { return error as? InputError }
    }

    static let header = "region,indicator,year,value,unit\n"

    /// 1e155 in a series made trend, gap and report trap ("Range requires lowerBound <= upperBound"): σ² overflowed
    /// and the growth interval was NaN. Values beyond ±1e150 (and non-zero ones below 1e-150) are now refused where
    /// they are read, and no interval is built from a NaN.
    @Test(arguments: ["1e155", "-2e151", "1e-160", "1.5E+200"])
    func magnitudesBeyondTheLimitAreNamed(_ value: String) {
        let e = error(Self.header + "A,x,2020,1,t\nA,x,2021,\(value),t\n")
        #expect(e == .invalidCell(file: "t.csv", line: 3, column: 4, columnName: "value", found: value, expected: NumberText.inRange))
    }

    @Test func magnitudesWithinTheLimitAreRead() throws {
        let p = try read(Self.header + "A,x,2020,1e150,t\nA,x,2021,-1e-150,t\nA,x,2022,0,t\n")
        #expect(PanelIndex(p).history(region: "A", indicator: "x").values == [1e150, -1e-150, 0])
    }

    @Test func noIntervalFromANaN() {
        #expect(ClosedRange<Double>.between(.nan, 1) == nil && ClosedRange<Double>.between(1, .nan) == nil)
        #expect(ClosedRange<Double>.between(3, -1) == -1...3)
        #expect(ClosedRange<Double>.between(-.infinity, 2) == -.infinity...2)
    }

    /// "3<NUL>.5" was read as 3 (a C parser stops at the NUL).
    @Test(arguments: ["3\u{0}.5", "0x1p3", "inf", "1e5\u{7}"])
    func controlBytesAndOtherSpellingsAreNotNumbers(_ value: String) {
        #expect(NumberText.parse(value) == .invalid)
        let e = error(Self.header + "A,x,2020,\(value),t\n")
        guard case let .invalidCell(_, line, column, name, _, _)? = e else { Issue.record("read: \(String(describing: e))"); return }
        #expect(line == 2 && column == 4 && name == "value")
    }

    /// A header typo (`qualifer`) was passed over, so a range target became exact and its verdict flipped.
    @Test(arguments: [("qualifer", "qualifier"), ("type", "kind"), ("value_hihg", "value_high"), ("Unit", nil)])
    func aColumnCloseToOneYardstickReadsIsAnError(_ name: String, _ meant: String?) {
        let text = "region,indicator,year,value,\(name)\nA,x,2024,4.5,actual\n"
        let e = error(text)
        if let meant {
            #expect(e == .invalidCell(file: "t.csv", line: 1, column: 5, columnName: name, found: name,
                                      expected: "a column Yardstick reads: did you mean '\(meant)'? (rename it, or remove the column)"))
        } else {
            #expect(e == nil)                // `Unit` is `unit`: names are matched without case
        }
    }

    @Test func aNameGivenTwiceIsAnError() {
        let e = error("region,indicator,year,value,Value\nA,x,2024,1,2\n")
        #expect(e == .invalidCell(file: "t.csv", line: 1, column: 5, columnName: "Value", found: "Value",
                                  expected: "a name not already used (column 4 has it)"))
    }

    @Test func otherColumnsAreReadWithAWarning() throws {
        let p = try read("region,indicator,year,value,comment,Region Name\nA,x,2024,1,checked,Alpha\n")
        #expect(p.warnings == [.unknownColumns(file: "t.csv", columns: ["comment", "Region Name"])])
        #expect(p.observations.count == 1)
    }

    /// The warning is the header's: a file read in two parts says it once.
    @Test func aLargeFileWarnsOnce() throws {
        var text = "region,indicator,year,value,comment\n"
        for i in 0..<60_000 { text += "R\(i % 50),x\(i / 50),\(2000 + i % 20),\(i),c\n" }
        let p = try read(text)
        #expect(p.warnings.filter { $0.code == "unknown_columns" }.count == 1)
    }

    /// A long file without its value column said "cannot tell the format".
    @Test(arguments: ["value", "indicator", "region"])
    func aLongFileMissingOneColumnNamesIt(_ missing: String) {
        let names = ["region", "indicator", "year", "value"].filter { $0 != missing }
        let e = error(names.joined(separator: ",") + "\n" + names.map { _ in "1" }.joined(separator: ",") + "\n")
        #expect(e == .missingColumn(file: "t.csv", name: missing, header: names))
    }

    /// SDMX `UNIT_MULT` was passed over: values in millions were read as units.
    @Test func sdmxUnitMultiplierScalesTheValue() throws {
        let p = try read("""
            DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT
            X:Y(1.0),CHN,POP,2020,1411.78,6
            X:Y(1.0),CHN,POP,2021,1412360000,
            X:Y(1.0),CHN,POP,2022,1411.75,6
            X:Y(1.0),CHN,POP,2023,1410.71E-3,9
            """)
        let h = PanelIndex(p).history(region: "CHN", indicator: "POP").values
        #expect(h == [1_411_780_000, 1_412_360_000, 1_411_750_000, 1_410_710_000])
    }

    @Test func sdmxUnitMultiplierMustBeAPowerOfTen() {
        let e = error("DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nX,CHN,POP,2020,1,millions\n")
        guard case let .invalidCell(_, line, column, name, _, _)? = e else { Issue.record("\(String(describing: e))"); return }
        #expect(line == 2 && column == 6 && name == "UNIT_MULT")
    }

    /// The row numbers R writes (`rownames`) were read as an indicator of a wide table.
    @Test func rowNumbersAreNotAnIndicator() throws {
        var r = PanelReader()
        r.regionColumn = "country"; r.periodColumn = "year"
        let p = try r.read([Fixtures.url("panels/gapminder.csv").path])
        #expect(p.indicatorIDs == ["lifeExp", "pop", "gdpPercap"])
        #expect(p.warnings.contains(.columnsNotRead(file: Fixtures.url("panels/gapminder.csv").path, columns: ["rownames", "continent"],
                                                    cells: 1704 * 2)))
    }

    /// The metadata file: a misspelt `direction` left every indicator "higher is better".
    @Test func metadataColumnsAreChecked() throws {
        func meta(_ text: String) -> InputError? {
            do { _ = try MetadataReader.read(try CSVTable(text: text, file: "m.csv")); return nil } catch { return error }
        }
        #expect(meta("id,direcion\nx,lower\n") == .invalidCell(file: "m.csv", line: 1, column: 2, columnName: "direcion", found: "direcion",
                                                             expected: "a column Yardstick reads: did you mean 'direction'? (rename it, or remove the column)"))
        #expect(meta("id,colour\nx,red\n") == .invalidCell(file: "m.csv", line: 1, column: 2, columnName: "colour", found: "colour",
                                                         expected: "one of id, name, name_en, unit, direction, lower, upper, kind, growth_of, breaks (or source, note: kept, not read)"))
        #expect(meta("id,direction,source\nx,lower,NBS\n") == nil)
    }

    /// A file in `encoding`'s bytes, read as a long table with the automatic encoding.
    func readEncoded(_ text: String, _ encoding: String.Encoding, bom: [UInt8] = []) throws -> Panel {
        let path = try BinaryRunner.temporaryFile("", name: "enc.csv")
        try Data(bom + [UInt8](text.data(using: encoding)!)).write(to: URL(fileURLWithPath: path))
        return try PanelReader().read([path])
    }

    /// Windows-1252 files (Excel's "CSV" on Western Windows) were decoded as GB18030 without a word: Zürich became
    /// Z黵ich. UTF-16 files were refused without saying they are UTF-16.
    @Test func westernFilesAreReadAsWindows1252AndSaidSo() throws {
        let p = try readEncoded(Self.header + "Zürich,pop,2020,421878,persons\nSão Paulo,pop,2020,12325232,persons\n", .windowsCP1252)
        #expect(p.regions.sorted() == ["São Paulo", "Zürich"])
        guard case let .encodingAssumed(_, encoding)? = p.warnings.first else { Issue.record("no warning: \(p.warnings)"); return }
        #expect(encoding == .cp1252)
    }

    @Test func chineseFilesAreReadAsGB18030AndSaidSo() throws {
        let gb = String.Encoding(rawValue: 0x8000_0632)
        let p = try readEncoded(Self.header + "株洲,地区生产总值,2023,3620.2,亿元\n湘潭,地区生产总值,2023,2780.1,亿元\n", gb)
        #expect(p.regions.sorted() == ["株洲", "湘潭"].sorted())
        guard case let .encodingAssumed(_, encoding)? = p.warnings.first else { Issue.record("no warning: \(p.warnings)"); return }
        #expect(encoding == .gb18030)
    }

    @Test(arguments: [(String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])), (.utf16LittleEndian, []),
                      (.utf16BigEndian, [0xFE, 0xFF]), (.utf16BigEndian, [])])
    func utf16FilesAreRead(_ encoding: String.Encoding, _ bom: [UInt8]) throws {
        let p = try readEncoded(Self.header + "Zürich,pop,2020,421878,persons\n株洲,pop,2020,3902738,persons\n", encoding, bom: bom)
        #expect(p.regions.sorted() == ["Zürich", "株洲"].sorted())
        #expect(p.observations.count == 2)
        guard case let .encodingAssumed(_, e)? = p.warnings.first else { Issue.record("no warning: \(p.warnings)"); return }
        #expect(e == .utf16)
    }

    @Test func utf8FilesSayNothing() throws {
        let p = try readEncoded(Self.header + "Zürich,pop,2020,421878,persons\n", .utf8)
        #expect(p.warnings.isEmpty)
    }

    /// Without metadata a `%` indicator was a level (a growth target of 7% after 5.5% "required 27% growth") and
    /// every indicator was silently "higher is better" (unemployment at risk instead of on track).
    static let unstated = """
        region,indicator,year,value,unit,kind,qualifier
        A,urban_unemployment,2022,5.5,%,,
        A,urban_unemployment,2023,5.2,%,,
        A,urban_unemployment,2024,5.5,%,target,<=
        A,gdp_growth,2022,3.0,%,,
        A,gdp_growth,2023,5.5,%,,
        A,gdp_growth,2024,7,%,target,~
        A,cpi,2023,0.2,%,,
        A,cpi,2024,3,%,target,~
        A,output,2023,100,t,,
        """

    @Test func unstatedKindsAndDirectionsAreAssumedAndSaid() throws {
        let p = try read(Self.unstated)
        let u = p.indicator("urban_unemployment"), g = p.indicator("gdp_growth"), c = p.indicator("cpi"), o = p.indicator("output")
        #expect(u.kind == .share && u.direction == .lower && u.bounds == 0...100)
        #expect(u.assumptions == [.kindFromUnit(kind: .share, unit: "%"), .directionFromTargets(.lower)])
        #expect(g.kind == .growthRate && g.direction == .higher)
        #expect(g.assumptions == [.kindFromUnit(kind: .growthRate, unit: "%"), .directionDefault])
        #expect(c.kind == .growthRate && c.direction == .lower)
        #expect(c.assumptions == [.kindFromUnit(kind: .growthRate, unit: "%"), .directionFromName(.lower, word: "cpi")])
        #expect(o.kind == .level && o.assumptions == [.directionDefault])
        // The growth target is measured in percentage points, and every assessment says what was assumed.
        let index = PanelIndex(p)
        let a = GapAnalysis().assess(index).first { $0.indicator.id == "gdp_growth" }!
        #expect(a.requiredGrowth == nil && abs(a.requiredChange! - 1.5) < 1e-12)
        #expect(a.notes.prefix(2) == [.assumed(.kindFromUnit(kind: .growthRate, unit: "%")), .assumed(.directionDefault)])
    }

    @Test func statedKindsAndDirectionsAreNotAssumed() throws {
        var r = PanelReader()
        r.directions = ["gdp_growth": .higher]
        let p = try r.read(texts: [("t.csv", Self.unstated)], metadata: ("m.csv", "id,kind,direction\nurban_unemployment,share,lower\n"))
        #expect(p.indicator("urban_unemployment").assumptions.isEmpty)
        #expect(p.indicator("gdp_growth").assumptions == [.kindFromUnit(kind: .growthRate, unit: "%")])
    }

    /// A message quotes at most 60 characters of a field, control characters escaped (a NUL-filled header was
    /// echoed whole, NULs and all).
    @Test func messagesQuoteShortExcerpts() {
        let long = String(repeating: "9x", count: 5_000)
        let e = error(Self.header + "A,x,2020,\(long),t\n")!
        #expect(e.description == "t.csv:2:4: column 'value' holds '\(String(long.prefix(60)))… (10000 characters)', expected a number or a missing-value marker (empty, NA, ..)")
        #expect(InputError.excerpt("a\u{0}b\u{7}") == "a\\0b\\u{7}")
        let nul = error("\u{0}\u{0}\u{0},b,c\n1,2,3\n")
        #expect(nul.map { !$0.description.contains("\u{0}") } == true)
    }

    /// A `2021-Q1` row inside a yearly series was left out of the trend without a word on the command line: every
    /// reading note now goes to standard error, whatever the command.
    @Test func aQuarterInAYearlySeriesIsSaid() throws {
        let path = try BinaryRunner.temporaryFile(Self.header + "A,x,2019,1,t\nA,x,2020,2,t\nA,x,2021-Q1,0.7,t\nA,x,2021,3,t\n")
        let r = try BinaryRunner.run(["trend", path, "--model", "linear", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr == "Note: \(path): 1 quarterly or monthly value is not used for yearly trends\n")
    }

    /// Found by fuzzing (Tests/Fixtures/fuzz): a workbook part whose XML name is not UTF-8 trapped Foundation's parser;
    /// a part whose deflate stream is cut short made ZIPFoundation loop for ever; a directory claiming a part larger
    /// than the file set the time limit for that loop to minutes. All are now named errors, within the time limit:
    /// the cut stream is given up after 10 s, or, when ZIPFoundation's loop does end (it depends on its reads), its
    /// part holds no sheet; the impossible size is refused before extraction.
    @Test(arguments: [("xlsx-attribute-name-not-utf8.xlsx", ["the workbook's part xl/workbook.xml is not UTF-8 text, as an Excel part is"]),
                      ("xlsx-truncated-deflate-hang.xlsx", ["the workbook's part xl/workbook.xml is damaged: its compressed data ends before its end (no end in 10 s)",
                                                           "the workbook has no sheet"]),
                      ("xlsx-part-larger-than-file-1.xlsx", ["the workbook's part xl/sharedStrings.xml is damaged: its directory gives 156587049 compressed bytes, more than the file's 8813"]),
                      ("xlsx-part-larger-than-file-2.xlsx", ["the workbook's part xl/sharedStrings.xml is damaged: its directory gives 3488452066 compressed bytes, more than the file's 8813"])])
    func workbooksFoundByFuzzing(_ name: String, _ reasons: [String]) {
        let path = Fixtures.url("fuzz/\(name)").path, start = Date()
        do {
            _ = try PanelReader().read([path])
            Issue.record("\(name) was read")
        } catch let .unreadable(file, reason) {
            #expect(file == path && reasons.contains(reason), "\(reason)")
        } catch {
            Issue.record("\(name): \(error)")
        }
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
