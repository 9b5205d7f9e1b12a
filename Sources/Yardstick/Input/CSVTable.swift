import Foundation

/// A delimited text table: a header and rows of fields, each row with its line number in the file.
///
/// Handles a UTF-8 byte-order mark, CRLF or LF line ends, and RFC 4180 quoting (a quoted field may hold the
/// delimiter, a doubled quote, or a line break). Blank lines are skipped.
///
/// ```swift
/// let table = try CSVTable(text: "x,y\n1,2\n", file: "a.csv")
/// table.rows[0].fields   // ["1", "2"]
/// ```
/// Complexity: O(size of the text).
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// One-based line number where the row starts.
        public let line: Int
        public let fields: [String]
    }
    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Reads a file: UTF-8 (with or without BOM) or GB18030/GBK, delimiter `,`, `;` or tab (detected from the
    /// header line when nil).
    public init(contentsOf path: String, delimiter: Character? = nil, encoding: TextEncoding = .automatic,
                skippingLines skip: Int = 0) throws(InputError) {
        try self.init(text: try TextDecoding.read(path, encoding: encoding), file: path, delimiter: delimiter, skippingLines: skip)
    }

    /// Parses `text`; `skippingLines` leading lines (a preamble) are passed over but still counted in line numbers.
    public init(text: String, file: String, delimiter: Character? = nil, skippingLines skip: Int = 0) throws(InputError) {
        self.file = file
        let delim = delimiter ?? CSVTable.detectDelimiter(text)
        var records = try CSVTable.parse(text, file: file, delimiter: delim).filter { $0.line > skip }
        guard !records.isEmpty else { throw .empty(file: file) }
        let head = records.removeFirst()
        header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for r in records where r.fields.count != header.count {
            throw .wrongFieldCount(file: file, line: r.line, found: r.fields.count, expected: header.count)
        }
        rows = records
    }

    /// The delimiter of the first line: tab, `;` or `,`, whichever occurs most outside quotes.
    static func detectDelimiter(_ text: String) -> Character {
        let firstLine = text.prefix { !$0.isNewline }
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for c in firstLine {
            if c == "\"" { quoted.toggle() } else if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        if counts["\t"]! > 0 && counts["\t"]! >= counts[","]! { return "\t" }
        return counts[";"]! > counts[","]! ? ";" : ","
    }

    /// Zero-based index of the first column whose name is one of `names` (compared case-insensitively), if any.
    public func optionalColumn(_ names: String...) -> Int? {
        for n in names { if let i = header.firstIndex(where: { $0.caseInsensitiveCompare(n) == .orderedSame }) { return i } }
        return nil
    }

    /// Zero-based index of the column named `name`.
    public func column(_ name: String) throws(InputError) -> Int {
        guard let i = header.firstIndex(of: name) else { throw .missingColumn(file: file, name: name, header: header) }
        return i
    }

    static func parse(_ text: String, file: String, delimiter: Character) throws(InputError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = [], field = "", line = 1, rowLine = 1, column = 1, quoteColumn = 0, quoteLine = 0
        var inQuotes = false, fieldWasQuoted = false
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        if text.unicodeScalars.first == "\u{FEFF}" { _ = chars.next() }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []; field = ""; fieldWasQuoted = false
        }
        let delim = delimiter.unicodeScalars.first!
        while let c = pending ?? chars.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = chars.next()
                    if next == "\"" { field.unicodeScalars.append("\""); column += 2; continue }
                    inQuotes = false; column += 1
                    pending = next
                    continue
                }
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                field.unicodeScalars.append(c)
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true; fieldWasQuoted = true; quoteColumn = column; quoteLine = line; column += 1
            case delim:
                fields.append(field); field = ""; fieldWasQuoted = false; column += 1
            case "\r":
                let next = chars.next()
                if next != "\n" { pending = next }
                endRow(); line += 1; rowLine = line; column = 1
            case "\n":
                endRow(); line += 1; rowLine = line; column = 1
            default:
                field.unicodeScalars.append(c); column += 1
            }
        }
        if inQuotes { throw .unterminatedQuote(file: file, line: quoteLine, column: quoteColumn) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRow() }
        return rows
    }
}
