import Foundation
import Testing
@testable import Yardstick

/// A file read in two parts on two cores must give exactly what one pass gives: the same observations in the same
/// order with the same lines, the same counts and warnings, and the same error for a bad file.
@Suite("Reading in parts")
struct PartedReadingTests {
    /// A long CSV of about 2 MiB: `regions` × 20 indicators × 25 years, with the extra lines `insert` puts at
    /// row `at` (0-based, counted over the generated rows).
    static func longText(regions: Int = 110, insert: [String] = [], at: Int = 0) -> String {
        var rows: [String] = []
        var k = 0
        for r in 0..<regions { for i in 0..<20 { for y in 1990..<2015 {
            if k == at { rows += insert }
            let unit = i == 3 ? (r < regions / 2 ? "万元" : "亿元") : "%"   // converted across the split
            let value = k % 97 == 0 ? "NA" : String(Double(k % 1000) / 8)
            rows.append("R\(r),\"I\(i), a\",\(y),\(value),\(unit)")
            k += 1
        } } }
        return "region,indicator,year,value,unit\n" + rows.joined(separator: "\n") + "\n"
    }

    func bytes(_ text: String) -> OwnedBuffer<UInt8> { OwnedBuffer(Array(text.utf8)) }

    func onePass(_ text: String) throws(InputError) -> Panel { try LongCSV.read(CSVTable(bytes: bytes(text), file: "big.csv")) }

    func inParts(_ text: String) throws(InputError) -> Panel {
        try PartedReading.read(LongCSV.Reader.self, bytes: bytes(text), file: "big.csv")
    }

    @Test func longCSVInPartsEqualsOnePass() throws {
        let text = Self.longText()
        #expect(text.utf8.count > PartedReading.minimumBytes)
        let a = try onePass(text), b = try inParts(text)
        #expect(a.observations.count == 110 * 20 * 25 - a.missingValues)
        #expect(Array(a.observations) == Array(b.observations))
        #expect(a.missingValues == b.missingValues && a.missingValues > 500)
        #expect(a.warnings == b.warnings)
        #expect(a.warnings.contains { if case .unitsConverted = $0 { true } else { false } })
        #expect(a.indicators.mapValues(\.unit) == b.indicators.mapValues(\.unit))
        // Lines were shifted across the split: the file has 55 001 lines, the last row (k = 54 999, a multiple of
        // 97) is NA, so the last observation is on line 55 000.
        #expect(text.split(separator: "\n").count == 55_001)
        #expect(b.observations.last?.line == 55_000)
    }

    @Test func quotedLineBreaksAroundTheSplitReadAsInOnePass() throws {
        // 5000 rows whose quoted notes hold line breaks, around the middle: the split may land inside a quoted
        // field, and wherever it lands the result is the same.
        let notes = (0..<5000).map { "RX\($0 / 100),I0,\(1000 + $0 % 100),1,%,\"line one\nline two\"" }
        let rows = Self.longText().split(separator: "\n").dropFirst().map { String($0) + ",x" }
        let half = rows.count / 2
        let all = ["region,indicator,year,value,unit,note"] + rows[..<half] + notes + rows[half...]
        let joined = all.joined(separator: "\n") + "\n"
        let a = try onePass(joined), b = try inParts(joined)
        #expect(Array(a.observations) == Array(b.observations))
        #expect(a.observations.contains { $0.note == "line one\nline two" })
    }

    static let errors: [(String, Int, String)] = [
        ("R0,\"I0, a\",1991,1,%", 30_000, "duplicate"),          // repeats the first row, in the second part
        ("R0,\"I1, a\",1990,1,kg", 40_000, "unit"),                // a unit conflict across the parts
        ("R9,\"I9, a\",19x0,1,%", 50_000, "year"),                  // a bad cell in the second part
        ("R9,\"I9, a\",1990,1", 45_000, "fields"),                  // a short row in the second part
    ]

    @Test(arguments: errors)
    func errorsInTheSecondPartAreThoseOfOnePass(_ c: (String, Int, String)) {
        let text = Self.longText(insert: [c.0], at: c.1)
        let one = Result { () throws(InputError) in try onePass(text) }
        let parts = Result { () throws(InputError) in try inParts(text) }
        guard case let .failure(e1) = one, case let .failure(e2) = parts else {
            Issue.record("expected an error for \(c.2)")
            return
        }
        #expect(e1 == e2)
        #expect(String(describing: e2).contains(":\(c.1 + 2)"))    // the header and 1-based lines
    }

    @Test func wdiInPartsEqualsOnePass() throws {
        var lines = ["Country Name,Country Code,Indicator Name,Indicator Code," + (1960..<2024).map(String.init).joined(separator: ",")]
        for r in 0..<4000 {
            let cells = (0..<64).map { y in (r + y) % 5 == 0 ? "" : String(Double((r * 64 + y) % 1000) / 7) }
            lines.append("\"Country \(r / 40)\",C\(r / 40),\"Indicator \(r % 40)\",IND.\(r % 40)," + cells.joined(separator: ","))
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > PartedReading.minimumBytes)
        let a = try WDIReader.read(CSVTable(bytes: bytes(text), file: "w.csv"))
        let b = try PartedReading.read(WDIReader.Reader.self, bytes: bytes(text), file: "w.csv")
        #expect(Array(a.observations) == Array(b.observations))
        #expect(a.missingValues == b.missingValues && a.missingValues == 4000 * 64 / 5)
        #expect(a.indicators["IND.7"]?.name == "Indicator 7" && b.indicators["IND.7"]?.name == "Indicator 7")
    }

    /// Eurostat, SDMX and wide tables of over 1 MiB, with flags, labels, magnitude words and missing cells, give in
    /// two parts what one pass gives; the values checked are those the generators wrote.
    @Test func sdmxInPartsEqualsOnePass() throws {
        var lines = ["DATAFLOW;FREQ;REF_AREA;INDICATOR;TIME_PERIOD;OBS_VALUE;UNIT_MEASURE;OBS_STATUS"]
        for k in 0..<40_000 {
            let value = k % 11 == 0 ? "" : k == 39_999 ? "2万" : String(Double(k % 1000) / 4)
            lines.append("ESTAT:X(1.0);A;R\(k / 400): Region \(k / 400);I\(k / 25 % 16);\(1990 + k % 25);\(value);EUR;A")
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > PartedReading.minimumBytes)
        let a = try SDMXReader.read(CSVTable(bytes: bytes(text), file: "s.csv"))
        let b = try PartedReading.read(SDMXReader.Reader.self, bytes: bytes(text), file: "s.csv")
        #expect(Array(a.observations) == Array(b.observations))
        #expect(a.missingValues == b.missingValues && a.missingValues == (40_000 + 10) / 11)
        // Row k = 1 (line 3): R0, indicator A.I0, 1991, 0.25 EUR.
        #expect(b.observations.first { $0.line == 3 }.map { [$0.region, $0.indicator, $0.period.description, "\($0.value)", $0.unit] }
                == ["R0", "A.I0", "1991", "0.25", "EUR"])
        // The last row's 2万 EUR is converted to the indicator's unit, EUR, and the conversion is reported.
        #expect(b.indicators["A.I15"]?.unit == "EUR" && b.observations.last?.value == 20_000)
        #expect(a.warnings == b.warnings && b.warnings.contains { if case .unitsConverted = $0 { true } else { false } })
    }

    @Test func eurostatInPartsEqualsOnePass() throws {
        var lines = ["freq,unit,na_item,geo\\TIME_PERIOD\t" + (1990..<2015).map { "\($0) " }.joined(separator: "\t")]
        for r in 0..<8000 {
            let cells = (0..<25).map { y in (r + y) % 7 == 0 ? ": c" : (r + y) % 5 == 0 ? "\(r % 100).5 p" : "\(r * 25 + y)" }
            lines.append("A,PC_GDP,B\(r % 30),G\(r / 30)\t" + cells.joined(separator: "\t"))
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > PartedReading.minimumBytes)
        let a = try EurostatReader.read(CSVTable(bytes: bytes(text), file: "e.tsv", delimiter: "\t"))
        let b = try PartedReading.read(EurostatReader.Reader.self, bytes: bytes(text), file: "e.tsv", delimiter: "\t")
        #expect(Array(a.observations) == Array(b.observations))
        #expect(a.missingValues == b.missingValues)
        #expect(b.missingValues == (0..<8000).reduce(0) { n, r in n + (0..<25).filter { (r + $0) % 7 == 0 }.count })
        // Row r = 7999, year 2014 (y = 24): (7999 + 24) % 7 = 1, % 5 = 3: the plain number 7999 × 25 + 24.
        let last = b.observations.last!
        #expect([last.region, last.indicator, last.period.description, last.unit] == ["G266", "PC_GDP.B19", "2014", "PC_GDP"])
        #expect(last.value == 199_999)
        // Row r = 1, 1994 (y = 4): (1 + 4) % 5 = 0, flagged: 1.5 p.
        #expect(b.observations.first { $0.region == "G0" && $0.indicator == "PC_GDP.B1" && $0.period == .year(1994) }?.value == 1.5)
    }

    @Test func wideInPartsEqualsOnePass() throws {
        var lines = ["country,year,continent," + (0..<30).map { "x\($0)" }.joined(separator: ",")]
        for r in 0..<6000 {
            let cells = (0..<30).map { c in (r + c) % 9 == 0 ? "" : c == 29 ? "\(r % 10)%" : "\(r * 30 + c)" }
            lines.append("Country \(r / 25),\(1990 + r % 25),Asia," + cells.joined(separator: ","))
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > PartedReading.minimumBytes)
        let table = try CSVTable(bytes: bytes(text), file: "w.csv", headerOnly: true)
        let columns = try WideReader.Columns(table, regionColumn: "country", periodColumn: "year", indicatorColumns: nil)
        #expect(columns.indicators == Array(3..<33))              // continent is text
        let a = try WideReader.read(CSVTable(bytes: bytes(text), file: "w.csv"), regionColumn: "country", periodColumn: "year")
        let b = try PartedReading.read(WideReader.Reader.self, bytes: bytes(text), file: "w.csv", settings: columns)
        #expect(Array(a.observations) == Array(b.observations))
        #expect(a.skipped == 6000 && b.skipped == 6000)
        #expect(a.warnings == b.warnings && b.warnings.count == 1)
        #expect(b.indicators["x29"]?.unit == "%")
        #expect(b.observations.first { $0.region == "Country 239" && $0.indicator == "x28" && $0.period == .year(2014) }?.value
                == Double(5999 * 30 + 28))
    }
}
