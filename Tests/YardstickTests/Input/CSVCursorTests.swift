import Testing
@testable import Yardstick

@Suite("CSV cursor")
struct CSVCursorTests {
    func records(_ text: String, expected: Int? = nil) throws(InputError) -> [(Int, [String])] {
        let bytes = OwnedBuffer(Array(text.utf8))
        var rows = CSVCursor(bytes: bytes, start: 0, end: bytes.count, line: 1, delimiter: UInt8(ascii: ","), file: "c.csv",
                             expected: expected)
        var out: [(Int, [String])] = []
        while try rows.next() { out.append((rows.line, (0..<rows.count).map(rows.text))) }
        return out
    }

    @Test func lineEndsQuotesAndBlankLines() throws {
        let r = try records("a,b\r\n\r\n\"x\ny\",\"say \"\"hi\"\"\"\rlast,\n\n1234567890abcdef,\"q\"junk\n")
        #expect(r.map(\.0) == [1, 3, 5, 7])
        #expect(r[1].1 == ["x\ny", "say \"hi\""])
        #expect(r[2].1 == ["last", ""])
        #expect(r[3].1 == ["1234567890abcdef", "q"])          // a long field (several words); text after a quote is ignored
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        #expect(try records("5\" screen,2\n")[0].1 == ["5\" screen", "2"])
    }

    @Test(arguments: ["", "\n", "\n\n\r\n"])
    func emptyOrBlankTextHasNoRecord(_ text: String) throws {
        #expect(try records(text).isEmpty)
    }

    @Test func wrongFieldCountAndUnterminatedQuoteNameTheLine() {
        #expect(throws: InputError.wrongFieldCount(file: "c.csv", line: 2, found: 3, expected: 2)) {
            try records("a,b\n1,2,3\n", expected: 2)
        }
        #expect(throws: InputError.unterminatedQuote(file: "c.csv", line: 2, column: 3)) { try records("a,b\n1,\"open\n") }
    }

    @Test func aPartStopsAtItsEnd() throws {
        let text = "h\n1\n2\n3\n"
        let bytes = OwnedBuffer(Array(text.utf8))
        var rows = CSVCursor(bytes: bytes, start: 2, end: 6, line: 2, delimiter: UInt8(ascii: ","), file: "c.csv")
        var seen: [String] = []
        while try rows.next() { seen.append(rows.text(0)) }
        #expect(seen == ["1", "2"])
        #expect(rows.position == 6 && rows.nextLine == 4)
    }
}

/// Round trip on generated tables: fields with delimiters, quotes, line breaks, spaces, non-ASCII text and long runs,
/// written with ``CSVTable/escape(_:)`` and LF or CRLF line ends, read back field for field with the right lines.
@Suite("CSV cursor round trip")
struct CSVCursorRoundTripTests {
    static let pieces = ["a", "1.5", ",", "\"", "\n", " ", "株洲", "", "x\"y", "abcdefghijklmnopq", "\r\n", "-"]

    @Test(arguments: 0..<40)
    func generatedTablesReadBackExactly(_ seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let columns = 1 + Int(rng.next() % 5), rows = Int(rng.next() % 30)
        let newline = seed % 2 == 0 ? "\n" : "\r\n"
        var table: [[String]] = []
        for _ in 0..<rows {
            table.append((0..<columns).map { _ in
                (0..<Int(rng.next() % 4)).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            })
        }
        // A row of one empty field is a blank line, which readers skip: give such rows a value.
        table = table.map { $0.count == 1 && $0[0].isEmpty ? ["v"] : $0 }
        let text = table.map { $0.map(CSVTable.escape).joined(separator: ",") + newline }.joined()
        let bytes = OwnedBuffer(Array(text.utf8))
        var cursor = CSVCursor(bytes: bytes, start: 0, end: bytes.count, line: 1, delimiter: UInt8(ascii: ","),
                               file: "g.csv", expected: columns)
        var read: [[String]] = [], lines: [Int] = []
        while try cursor.next() {
            read.append((0..<cursor.count).map(cursor.text))
            lines.append(cursor.line)
        }
        #expect(read == table)
        // Each row starts after the line breaks of the rows before it (one per row end, plus those inside fields).
        var expected: [Int] = [], line = 1
        for row in table {
            expected.append(line)
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
        }
        #expect(lines == expected)
    }
}
