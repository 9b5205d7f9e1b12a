import Testing
@testable import YardstickReport

@Suite("Text table and number format")
struct TextTableTests {
    @Test func wideCharactersCountTwoCells() {
        #expect(TextTable.cellWidth("株洲") == 4)
        #expect(TextTable.cellWidth("GDP") == 3)
        #expect(TextTable.cellWidth("１２") == 4)   // full-width digits
        #expect(TextTable.cellWidth("") == 0)
    }

    @Test func chineseNamesLineUp() {
        var t = TextTable(header: ["name", "value"], alignments: [.left, .right])
        t.append(["高新技术企业", "1200"])
        t.append(["GDP", "3420.3"])
        let lines = t.rendered().split(separator: "\n").map(String.init)
        let widths = Set(lines.map(TextTable.cellWidth))
        #expect(widths.count == 1, "\(lines)")
    }

    static let numbers: [(Double, Int, String)] = [
        (3420.3, 6, "3420.3"), (0.000123456, 3, "0.000123"), (1.5e-7, 3, "1.50e-07"), (2e10, 3, "2.00e+10"),
        (0, 6, "0"), (.nan, 6, "–"), (.infinity, 6, "–"), (-2.5, 6, "-2.5"),
    ]

    @Test(arguments: numbers)
    func significantDigits(_ c: (Double, Int, String)) {
        #expect(NumberFormat.significant(c.0, c.1) == c.2)
    }

    @Test func percentsAndLevels() {
        #expect(NumberFormat.percent(0.25) == "25.00%")
        #expect(NumberFormat.level(80) == "80")
        #expect(NumberFormat.level(99.5) == "99.5")
        #expect(NumberFormat.pValue(1e-20) == "< 1e-16")
    }
}
