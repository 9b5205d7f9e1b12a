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
    /// The text's UTF-8 bytes; fields are ranges into it.
    let bytes: [UInt8]
    /// Byte range of every data field, row after row (`columns` per row).
    let starts: [Int32], ends: [Int32]
    /// One-based line of every data row.
    let lines: [Int32]
    /// Quoted fields with doubled quotes, unescaped, by field index.
    let unescaped: [Int: String]

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
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let scan = try CSVTable.scan(bytes, delimiter: delim.asciiValue ?? 44, file: file, skip: skip)
        guard let headerCount = scan.counts.first else { throw .empty(file: file) }
        let text = { (i: Int) -> String in
            scan.unescaped[i] ?? String(decoding: bytes[Int(scan.starts[i])..<Int(scan.ends[i])], as: UTF8.self)
        }
        header = (0..<headerCount).map { text($0).trimmingCharacters(in: .whitespaces) }
        var offset = headerCount
        for (r, count) in scan.counts.enumerated().dropFirst() {
            if count != headerCount {
                throw .wrongFieldCount(file: file, line: Int(scan.lines[r]), found: count, expected: headerCount)
            }
            offset += count
        }
        self.bytes = bytes
        starts = Array(scan.starts[headerCount...])
        ends = Array(scan.ends[headerCount...])
        lines = Array(scan.lines.dropFirst())
        unescaped = Dictionary(uniqueKeysWithValues: scan.unescaped.compactMap { $0.key >= headerCount ? ($0.key - headerCount, $0.value) : nil })
    }

    /// Number of data rows.
    public var rowCount: Int { lines.count }

    /// One-based line where data row `row` starts.
    public func line(_ row: Int) -> Int { Int(lines[row]) }

    /// The text of a field (not trimmed).
    public func field(_ row: Int, _ column: Int) -> String {
        let i = row * header.count + column
        if let u = unescaped[i] { return u }
        return String(decoding: bytes[Int(starts[i])..<Int(ends[i])], as: UTF8.self)
    }

    /// Calls `body` with the field's UTF-8 bytes, without making a String.
    func withField<R>(_ row: Int, _ column: Int, _ body: (ArraySlice<UInt8>) -> R) -> R {
        let i = row * header.count + column
        if let u = unescaped[i] { return body(ArraySlice(Array(u.utf8))) }
        return body(bytes[Int(starts[i])..<Int(ends[i])])
    }

    /// Every data row with its fields as strings (convenient for small tables; large readers use ``field(_:_:)``).
    public var rows: [Row] {
        (0..<rowCount).map { r in Row(line: line(r), fields: (0..<header.count).map { field(r, $0) }) }
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled.
    public static func escape(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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

    /// One pass over the bytes: field ranges, fields per record, record lines; blank lines skipped, and records
    /// on the first `skip` lines left out.
    static func scan(_ b: [UInt8], delimiter: UInt8, file: String, skip: Int) throws(InputError)
        -> (starts: [Int32], ends: [Int32], counts: [Int], lines: [Int32], unescaped: [Int: String]) {
        var starts: [Int32] = [], ends: [Int32] = [], counts: [Int] = [], lines: [Int32] = []
        var unescaped: [Int: String] = [:]
        starts.reserveCapacity(b.count / 6); ends.reserveCapacity(b.count / 6)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = b.count
        var i = 0, line = 1
        var failure: InputError?
        b.withUnsafeBufferPointer { p in
            while i < n {
                let recordLine = line
                let firstField = starts.count
                var fieldsInRecord = 0
                var blank = true
                while true {                                      // one field
                    fieldsInRecord += 1
                    if i < n && p[i] == quote {
                        blank = false
                        let openColumn = i - (lastLineStart(p, i)) + 1
                        i += 1
                        let s = i
                        var doubled = false
                        while true {
                            if i >= n { failure = .unterminatedQuote(file: file, line: recordLine, column: openColumn); return }
                            if p[i] == quote {
                                if i + 1 < n && p[i + 1] == quote { doubled = true; i += 2; continue }
                                break
                            }
                            if p[i] == lf { line += 1 }
                            i += 1
                        }
                        let e = i
                        i += 1                                    // closing quote
                        while i < n && p[i] != delimiter && p[i] != lf && p[i] != cr { i += 1 }
                        starts.append(Int32(s)); ends.append(Int32(e))
                        if doubled {
                            let raw = String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
                            unescaped[starts.count - 1] = raw.replacingOccurrences(of: "\"\"", with: "\"")
                        }
                    } else {
                        let s = i
                        while i < n && p[i] != delimiter && p[i] != lf && p[i] != cr { i += 1 }
                        if i > s { blank = false }
                        starts.append(Int32(s)); ends.append(Int32(i))
                    }
                    if i < n && p[i] == delimiter { blank = false; i += 1; continue }
                    break
                }
                // End of record: CR, LF, CRLF or end of text.
                if i < n && p[i] == cr { i += 1 }
                if i < n && p[i] == lf { i += 1 }
                line += 1
                if blank || recordLine <= skip {
                    starts.removeSubrange(firstField...); ends.removeSubrange(firstField...)
                    unescaped = unescaped.filter { $0.key < firstField }
                    continue
                }
                counts.append(fieldsInRecord)
                lines.append(Int32(recordLine))
            }
        }
        if let failure { throw failure }
        return (starts, ends, counts, lines, unescaped)
    }

    private static func lastLineStart(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        while j > 0 && p[j - 1] != UInt8(ascii: "\n") { j -= 1 }
        return j
    }
}
