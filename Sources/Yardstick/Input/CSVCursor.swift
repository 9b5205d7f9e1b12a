/// Streams the records of a delimited text, one at a time: the tokenizer behind ``CSVTable`` and the readers of
/// large files, which parse each record while its bytes are still in cache instead of storing every field's
/// bounds first.
///
/// Handles CRLF, LF or CR line ends and RFC 4180 quoting (a quoted field may hold the delimiter, a doubled quote or
/// a line break; text after its closing quote is ignored; a quote inside an unquoted field is text). Blank lines,
/// and records starting on the first `skip` lines, are passed over.
///
/// Unquoted text is searched eight bytes at a time for the four bytes that end or start something (the delimiter,
/// LF, CR and the quote), with the exact zero-byte test on a 64-bit word (a byte of `x = word ^ repeated(c)` is
/// zero exactly when bit 7 of `~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)` is set), so that a field costs one or two
/// word tests rather than a comparison per byte.
///
/// ```swift
/// var rows = CSVCursor(bytes: buffer, start: 0, end: buffer.count, line: 1, delimiter: UInt8(ascii: ","), file: "a.csv")
/// while try rows.next() { print(rows.line, rows.text(0)) }
/// ```
/// Complexity: O(n) in the bytes scanned.
///
/// Reference: H. S. Warren, *Hacker's Delight*, 2nd ed., §6-1 ("Find first 0-byte").
struct CSVCursor {
    let bytes: OwnedBuffer<UInt8>
    let end: Int, delimiter: UInt8, file: String, skip: Int
    /// Fields every record must have (a ``InputError/wrongFieldCount(file:line:found:expected:)`` otherwise), or
    /// nil to accept any number (a header).
    let expected: Int?
    /// The byte after the current record, and the line the next record starts on.
    private(set) var position: Int, nextLine: Int
    /// The current record's first line and its number of fields.
    private(set) var line = 0, count = 0
    /// Records read so far.
    private(set) var records = 0
    /// Quoted fields of the current record that held doubled quotes, unescaped, by column.
    private(set) var unescaped: [Int: String] = [:]
    private var bounds: UnsafeMutablePointer<Int32>, capacity: Int
    private let owner: Owner
    private let base: UnsafePointer<UInt8>
    private let pd: UInt64, pl: UInt64, pc: UInt64, pq: UInt64

    /// Frees the field bounds when the last copy of the cursor goes.
    private final class Owner: @unchecked Sendable {
        var pointer: UnsafeMutablePointer<Int32>
        init(_ pointer: UnsafeMutablePointer<Int32>) { self.pointer = pointer }
        deinit { pointer.deallocate() }
    }

    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// A cursor over `bytes[start..<end]`, whose first line is `line`.
    init(bytes: OwnedBuffer<UInt8>, start: Int, end: Int, line: Int, delimiter: UInt8, file: String, skip: Int = 0,
         expected: Int? = nil) {
        self.bytes = bytes
        base = UnsafePointer(bytes.base)
        self.end = end
        self.delimiter = delimiter
        self.file = file
        self.skip = skip
        self.expected = expected
        position = start
        nextLine = line
        capacity = 2 * max(expected ?? 64, 1) + 2
        bounds = .allocate(capacity: capacity)
        owner = Owner(bounds)
        pd = Self.ones &* UInt64(delimiter)
        pl = Self.ones &* UInt64(UInt8(ascii: "\n"))
        pc = Self.ones &* UInt64(UInt8(ascii: "\r"))
        pq = Self.ones &* UInt64(UInt8(ascii: "\""))
    }

    /// The data records of `table`, after its header (to `end`, or the end of the bytes).
    init(dataOf table: CSVTable, end: Int? = nil) {
        self.init(bytes: table.bytes, start: table.headerEnd, end: end ?? table.bytes.count, line: table.headerEndLine,
                  delimiter: table.delimiter, file: table.file, expected: table.header.count)
    }

    /// A later part of `table`'s file, `start..<end`, beginning at a record boundary; lines count from 1 there.
    init(partOf table: CSVTable, start: Int, end: Int) {
        self.init(bytes: table.bytes, start: start, end: end, line: 1, delimiter: table.delimiter, file: table.file,
                  expected: table.header.count)
    }

    /// The raw bytes of field `c` of the current record (a doubled quote inside a quoted field is still doubled:
    /// compare and parse these, and take ``text(_:)`` for the text).
    @inline(__always) func raw(_ c: Int) -> UnsafeBufferPointer<UInt8> {
        let s = bounds[2 * c]
        return UnsafeBufferPointer(start: base + Int(s), count: Int(bounds[2 * c + 1] &- s))
    }

    /// Start and end offsets of field `c` of the current record.
    @inline(__always) func range(_ c: Int) -> (start: Int32, end: Int32) { (bounds[2 * c], bounds[2 * c + 1]) }

    /// The text of field `c` of the current record (not trimmed).
    func text(_ c: Int) -> String {
        if !unescaped.isEmpty, let u = unescaped[c] { return u }
        return String(decoding: raw(c), as: UTF8.self)
    }

    /// Field `c` of the current record, for messages; `header` names the columns.
    func cell(_ c: Int, header: [String]) -> InputCell {
        InputCell(file: file, line: line, column: c + 1, name: header[c], text: text(c))
    }

    @inline(__always) private static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The first byte at or after `from` that is the delimiter, LF, CR or a quote; `end` when there is none.
    @inline(__always) private func nextSpecial(_ from: Int) -> Int {
        var k = from
        let raw = UnsafeRawPointer(base)
        while k + 8 <= end {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            let m = Self.equal(w, pd) | Self.equal(w, pl) | Self.equal(w, pc) | Self.equal(w, pq)
            if m != 0 { return k + m.trailingZeroBitCount >> 3 }
            k += 8
        }
        while k < end {
            let c = base[k]
            if c == delimiter || c == 10 || c == 13 || c == 34 { return k }
            k += 1
        }
        return end
    }

    @inline(__always) private mutating func store(_ field: Int, _ s: Int, _ e: Int) {
        if 2 * field + 2 > capacity {
            let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: bounds, count: capacity)
            bounds.deallocate()
            bounds = bigger
            owner.pointer = bigger
            capacity *= 2
        }
        bounds[2 * field] = Int32(truncatingIfNeeded: s)
        bounds[2 * field + 1] = Int32(truncatingIfNeeded: e)
    }

    /// Moves to the next record; false at the end. Throws when a quoted field does not close or a record has the
    /// wrong number of fields.
    mutating func next() throws(InputError) -> Bool {
        let n = end, quote: UInt8 = 34, lf: UInt8 = 10, cr: UInt8 = 13
        var i = position, lineNow = nextLine
        defer { position = i; nextLine = lineNow }
        while i < n {
            let recordLine = lineNow
            var fields = 0, blank = true
            if !unescaped.isEmpty { unescaped = [:] }
            while true {                                              // one field
                let s = i
                if i < n && base[i] == quote {                       // a quoted field
                    blank = false
                    var j = i + 1, doubled = false
                    while true {
                        guard j < n else {
                            var lineStart = i
                            while lineStart > 0 && base[lineStart - 1] != lf { lineStart -= 1 }
                            throw .unterminatedQuote(file: file, line: recordLine, column: i - lineStart + 1)
                        }
                        let c = base[j]
                        if c == quote {
                            if j + 1 < n && base[j + 1] == quote { doubled = true; j += 2; continue }
                            break
                        }
                        if c == lf { lineNow += 1 }
                        j += 1
                    }
                    store(fields, s + 1, j)
                    if doubled {
                        let text = String(decoding: UnsafeBufferPointer(start: base + s + 1, count: j - s - 1), as: UTF8.self)
                        unescaped[fields] = text.replacingOccurrences(of: "\"\"", with: "\"")
                    }
                    i = j + 1                                         // text after the closing quote is ignored
                    while i < n && base[i] != delimiter && base[i] != lf && base[i] != cr { i += 1 }
                } else {
                    var j = nextSpecial(i)
                    while j < n && base[j] == quote { j = nextSpecial(j + 1) }   // a quote inside a field is text
                    if j > s { blank = false }
                    store(fields, s, j)
                    i = j
                }
                fields += 1
                if i < n && base[i] == delimiter { blank = false; i += 1; continue }
                break
            }
            if i < n && base[i] == cr { i += 1 }                     // CR, LF, CRLF or the end
            if i < n && base[i] == lf { i += 1 }
            lineNow += 1
            if blank || recordLine <= skip { continue }
            if let expected, fields != expected {
                throw .wrongFieldCount(file: file, line: recordLine, found: fields, expected: expected)
            }
            line = recordLine
            count = fields
            records += 1
            return true
        }
        return false
    }
}
