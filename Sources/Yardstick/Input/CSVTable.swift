/// A delimited text table: a header and rows of fields, each row with its line number in the file.
///
/// Handles a UTF-8 byte-order mark, CRLF, LF or CR line ends, and RFC 4180 quoting (a quoted field may hold the
/// delimiter, a doubled quote, or a line break). Blank lines are skipped.
///
/// ```swift
/// let table = try CSVTable(text: "x,y\n1,2\n", file: "a.csv")
/// table.rows[0].fields   // ["1", "2"]
/// ```
/// Fields are kept as byte ranges into the file's bytes (``CSVScanner``); a string is made only when asked for.
///
/// Complexity: O(size of the text).
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// One-based line number where the row starts.
        public let line: Int
        public let fields: [String]
    }
    public let file: String
    public let header: [String]
    /// The largest table read whole: 2³¹ − 1 bytes.
    public static let maximumBytes = Int(Int32.max)
    /// The text's UTF-8 bytes; fields are ranges into it.
    let bytes: OwnedBuffer<UInt8>
    /// Byte range of every field, record after record (`header.count` per record, the header first): start and
    /// end, interleaved.
    let bounds: OwnedBuffer<Int32>
    /// One-based line of every record (the header first).
    let lines: OwnedBuffer<Int32>
    /// Quoted fields with doubled quotes, unescaped, by field index.
    let unescaped: [Int: String]
    /// The delimiter byte.
    let delimiter: UInt8
    /// The byte after the header record and the line after it: where the data begin.
    let headerEnd: Int, headerEndLine: Int

    /// Reads a file: UTF-8 (with or without BOM) or GB18030/GBK, delimiter `,`, `;` or tab (detected from the
    /// header line when nil).
    public init(contentsOf path: String, delimiter: Character? = nil, encoding: TextEncoding = .automatic,
                skippingLines skip: Int = 0) throws(InputError) {
        try self.init(bytes: try TextDecoding.bytes(path, encoding: encoding), file: path, delimiter: delimiter, skippingLines: skip)
    }

    /// Parses `text`; `skippingLines` leading lines (a preamble) are passed over but still counted in line numbers.
    public init(text: String, file: String, delimiter: Character? = nil, skippingLines skip: Int = 0) throws(InputError) {
        try self.init(bytes: TextDecoding.bytes(of: text), file: file, delimiter: delimiter,
                      skippingLines: skip)
    }

    /// Parses UTF-8 bytes (without a byte-order mark), or only the header (`headerOnly`: the readers of large
    /// files then stream the data with a ``CSVCursor``).
    init(bytes: OwnedBuffer<UInt8>, file: String, delimiter: Character? = nil, skippingLines skip: Int = 0,
         headerOnly: Bool = false) throws(InputError) {
        // Fields are kept as 32-bit byte offsets: a table is at most 2 GiB (the World Bank layout, read in chunks by
        // `trend --summary`, has no limit).
        guard bytes.count <= CSVTable.maximumBytes else {
            throw .unreadable(file: file, reason: "\(bytes.count) bytes; a table is read whole up to 2 GiB (2147483647 bytes): split the file, or read a World Bank layout with trend --summary, which streams it")
        }
        self.file = file
        let delim = delimiter?.asciiValue ?? CSVTable.detectDelimiter(bytes.buffer)
        let scan = try CSVScanner.scan(bytes, delimiter: delim, file: file, skip: skip, headerOnly: headerOnly)
        header = (0..<scan.headerCount).map {
            CSVTable.text(ofField: $0, bytes, scan.bounds, scan.unescaped).trimmingCharacters(in: .whitespaces)
        }
        self.bytes = bytes
        self.delimiter = delim
        bounds = scan.bounds
        lines = scan.lines
        unescaped = scan.unescaped
        headerEnd = scan.headerEnd
        headerEndLine = scan.headerEndLine
    }

    /// Number of data rows.
    public var rowCount: Int { lines.count - 1 }

    /// One-based line where data row `row` starts.
    public func line(_ row: Int) -> Int { Int(lines[row + 1]) }

    /// Index of a data field among all fields (the header's come first).
    @inline(__always) func index(_ row: Int, _ column: Int) -> Int { (row + 1) * header.count + column }

    /// The text of a field (not trimmed).
    public func field(_ row: Int, _ column: Int) -> String {
        CSVTable.text(ofField: index(row, column), bytes, bounds, unescaped)
    }

    /// The text of the `k`th field (unescaped when it held doubled quotes).
    private static func text(ofField k: Int, _ bytes: OwnedBuffer<UInt8>, _ bounds: OwnedBuffer<Int32>,
                             _ unescaped: [Int: String]) -> String {
        if let u = unescaped[k] { return u }
        return String(decoding: UnsafeBufferPointer(start: bytes.base + Int(bounds[2 * k]),
                                                    count: Int(bounds[2 * k + 1] - bounds[2 * k])), as: UTF8.self)
    }

    /// Every data row with its fields as strings (convenient for small tables; large files are streamed with a
    /// ``CSVCursor``).
    public var rows: [Row] {
        (0..<rowCount).map { r in Row(line: line(r), fields: (0..<header.count).map { field(r, $0) }) }
    }

    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled.
    public static func escape(_ s: String) -> String {
        // By byte: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The delimiter of the first line: tab, `;` or `,`, whichever occurs most outside quotes.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0, quoted = false
        for c in bytes {
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
            switch c {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ",") where !quoted: comma += 1
            case UInt8(ascii: ";") where !quoted: semicolon += 1
            case UInt8(ascii: "\t") where !quoted: tab += 1
            default: break
            }
        }
        if tab > 0 && tab >= comma { return UInt8(ascii: "\t") }
        return semicolon > comma ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Zero-based index of the first column whose name is one of `names` (compared case-insensitively), if any.
    public func optionalColumn(_ names: String...) -> Int? {
        for n in names {
            // Case- and width-insensitive: `Region`, `REGION` and full-width `ｒｅｇｉｏｎ` name the region column.
            if let i = header.firstIndex(where: {
                NumberText.halfWidth($0).trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(n) == .orderedSame
            }) { return i }
        }
        return nil
    }

    /// Zero-based index of the column named `name`.
    public func column(_ name: String) throws(InputError) -> Int {
        guard let i = optionalColumn(name) else { throw .missingColumn(file: file, name: name, header: header) }
        return i
    }
}

import Foundation
