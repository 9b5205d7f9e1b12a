import Foundation
import Testing
@testable import Yardstick

@Suite("Text decoding and numbers")
struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = Data("region,indicator,year,value\n株洲,gdp,2023,1\n".utf8)
        #expect(try TextDecoding.decode(plain, file: "f", encoding: .automatic).hasPrefix("region"))
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + plain, file: "f", encoding: .automatic).hasPrefix("region"))
    }

    @Test func gbkIsReadAsGB18030() throws {
        // "株洲,1" in GBK (Python: "株洲,1".encode("gbk")).
        let gbk = Data([0xD6, 0xEA, 0xD6, 0xDE, 0x2C, 0x31])
        #expect(try TextDecoding.decode(gbk, file: "f", encoding: .automatic) == "株洲,1")
        #expect(throws: InputError.self) { try TextDecoding.decode(gbk, file: "f", encoding: .utf8) }
    }

    @Test func gbkFileEndToEnd() throws {
        let header = Data("region,indicator,year,value\n".utf8)
        let row = Data([0xD6, 0xEA, 0xD6, 0xDE]) + Data(",gdp,2023,3420.3\r\n".utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID().uuidString).csv")
        try (header + row).write(to: url)
        let p = try PanelReader().read([url.path])
        #expect(p.regions == ["株洲"])
        #expect(p.observations[0].value == 3420.3)
    }

    static let numbers: [(String, NumberText.Parsed)] = [
        ("1,234,567.5", .number(1234567.5, magnitude: nil, percent: false)),
        ("１２３．５", .number(123.5, magnitude: nil, percent: false)),
        ("7.5%", .number(7.5, magnitude: nil, percent: true)),
        ("５．８万", .number(5.8, magnitude: "万", percent: false)),
        ("3420.3亿", .number(3420.3, magnitude: "亿", percent: false)),
        ("-0.3", .number(-0.3, magnitude: nil, percent: false)),
        ("\u{2212}8.1", .number(-8.1, magnitude: nil, percent: false)),          // the Unicode minus sign (#15)
        ("－８．１％", .number(-8.1, magnitude: nil, percent: true)),
        ("1e3", .number(1000, magnitude: nil, percent: false)),
        ("", .missing), ("NA", .missing), ("..", .missing), (":", .missing), ("-", .missing), ("—", .missing),
        ("12,34", .invalid), ("abc", .invalid), ("inf", .invalid), ("nan%", .invalid), ("1.2.3", .invalid), ("0x10", .invalid),
    ]

    @Test(arguments: numbers)
    func parsesNumbers(_ c: (String, NumberText.Parsed)) {
        #expect(NumberText.parse(c.0) == c.1)
    }

    @Test(arguments: [("2023", Period.year(2023)), ("2023-Q4", .quarter(2023, 4)), ("2023q1", .quarter(2023, 1)),
                      ("2023-01", .month(2023, 1)), ("2023M12", .month(2023, 12)),
                      ("2023年", .year(2023)), ("２０２３年", .year(2023)), ("２０２３", .year(2023))])
    func parsesPeriods(_ c: (String, Period)) {
        #expect(Period(c.0) == c.1)
        #expect(Period(c.1.description) == c.1)
    }

    @Test(arguments: ["2023-Q5", "2023-13", "2023-00", "23", "twenty", "2023-Q", "12345"])
    func rejectsImpossiblePeriods(_ text: String) {
        #expect(Period(text) == nil)
    }
}
