import Testing
@testable import Yardstick

@Suite("CSV table")
struct CSVTableTests {
    @Test func readsQuotesCRLFAndABOM() throws {
        let t = try CSVTable(text: "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n1,\"two\nlines\"\n", file: "t.csv")
        #expect(t.header == ["a", "b"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].fields == ["x, y", "say \"hi\""])
        #expect(t.rows[0].line == 2)
        #expect(t.rows[1].fields == ["1", "two\nlines"])
        #expect(t.rows[1].line == 4)
    }

    @Test func semicolonDelimiter() throws {
        let t = try CSVTable(text: "a;b\n1;2\n", file: "t.csv", delimiter: ";")
        #expect(t.rows[0].fields == ["1", "2"])
    }

    static let malformed: [(String, String, String)] = [
        ("a,b\n1,2,3\n", "t.csv:2: 3 fields, expected 2", "extra field"),
        ("a,b\n1\n", "t.csv:2: 1 fields, expected 2", "missing field"),
        ("a,b\n1,\"open\n", "t.csv:2:3: a quoted field is not closed", "unterminated quote"),
        ("", "t.csv: no data", "empty file"),
    ]

    @Test(arguments: malformed)
    func malformedInputNamesLineAndColumn(_ c: (String, String, String)) {
        #expect { try CSVTable(text: c.0, file: "t.csv") } throws: { e in
            String(describing: e).hasPrefix(c.1)
        }
    }

    @Test func missingColumnListsTheHeader() throws {
        let t = try CSVTable(text: "x,y\n1,2\n", file: "t.csv")
        #expect(throws: InputError.missingColumn(file: "t.csv", name: "z", header: ["x", "y"])) { try t.column("z") }
    }

    @Test func unreadableFileIsNamed() {
        #expect(throws: InputError.unreadable(file: "/no/such.csv", reason: "no such file")) {
            try CSVTable(contentsOf: "/no/such.csv")
        }
    }
}
