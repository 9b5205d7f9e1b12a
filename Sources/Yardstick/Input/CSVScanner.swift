/// One pass over a delimited text's bytes that finds every field: the scanner behind ``CSVTable``.
///
/// Unquoted text is searched eight bytes at a time for the four bytes that end or start something (the
/// delimiter, LF, CR and the quote), with the exact zero-byte test on a 64-bit word (Mycroft's trick in the
/// carry-free form: a byte b of `x = word ^ repeated(c)` is zero exactly when bit 7 of `~(((x & 0x7F…) + 0x7F…) | x)`
/// is set), so that a field costs one or two word tests rather than a comparison per byte.
///
/// Reference: H. S. Warren, *Hacker's Delight*, 2nd ed., §6-1 ("Find first 0-byte").
enum CSVScanner {
    struct Result {
        /// Fields in the header record.
        var headerCount = 0
        /// Start and end of every field of every kept record (the header first), interleaved.
        var bounds: OwnedBuffer<Int32>
        /// One-based line where each kept record starts (the header first).
        var lines: OwnedBuffer<Int32>
        /// Quoted fields that held doubled quotes, unescaped, by field index.
        var unescaped: [Int: String] = [:]
        /// The line after the last record (one more than the lines scanned).
        var endLine = 1
        /// The byte after the last record scanned.
        var end = 0
    }

    /// What to scan: the bytes `start..<end`; either the first kept record is the header (`fields` nil) or every
    /// record is data with `fields` fields (a later part of a file whose header is known); `records` stops after
    /// that many kept records.
    struct Part {
        var start: Int, end: Int
        var fields: Int?
        var records: Int

        init(start: Int = 0, end: Int, fields: Int? = nil, records: Int = .max) {
            self.start = start
            self.end = end
            self.fields = fields
            self.records = records
        }
    }

    /// Scans the bytes; records on the first `skip` lines and blank lines are left out; every record after the
    /// first kept one must have as many fields as it.
    ///
    /// Complexity: O(n) in the number of bytes.
    static func scan(_ p: UnsafeBufferPointer<UInt8>, part: Part? = nil, delimiter: UInt8, file: String,
                     skip: Int) throws(InputError) -> Result {
        guard p.count < Int(Int32.max) else { throw .unreadable(file: file, reason: "larger than 2 GiB; split the file") }
        let part = part ?? Part(end: p.count)
        let size = part.records == Int.max ? part.end - part.start : 64
        var bounds = GrowingBuffer<Int32>(capacity: size + 16), lines = GrowingBuffer<Int32>(capacity: size / 8)
        var unescaped: [Int: String] = [:], scanned = (fields: 0, line: 1, end: 0)
        do {
            scanned = try scan(p, part, delimiter: delimiter, file: file, skip: skip, &bounds, &lines, &unescaped)
        } catch {
            bounds.free()
            lines.free()
            throw error
        }
        return Result(headerCount: scanned.fields, bounds: bounds.finish(), lines: lines.finish(), unescaped: unescaped,
                      endLine: scanned.line, end: scanned.end)
    }

    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Bit 7 set in each byte of `word` equal to the byte that `pattern` repeats.
    @inline(__always) private static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// The scan itself; returns the number of header fields.
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, _ part: Part, delimiter: UInt8, file: String, skip: Int,
                             _ bounds: inout GrowingBuffer<Int32>, _ lines: inout GrowingBuffer<Int32>,
                             _ unescaped: inout [Int: String]) throws(InputError) -> (fields: Int, line: Int, end: Int) {
        let n = part.end
        guard let base = p.baseAddress, n > part.start || part.fields != nil else { throw .empty(file: file) }
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let pd = ones &* UInt64(delimiter), pl = ones &* UInt64(lf), pc = ones &* UInt64(cr), pq = ones &* UInt64(quote)
        let raw = UnsafeRawPointer(base)

        /// The first byte at or after `i` that is the delimiter, LF, CR or a quote; `n` when there is none.
        @inline(__always) func nextSpecial(_ from: Int) -> Int {
            var k = from
            while k + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                let m = equal(w, pd) | equal(w, pl) | equal(w, pc) | equal(w, pq)
                if m != 0 { return k + m.trailingZeroBitCount >> 3 }
                k += 8
            }
            while k < n {
                let c = p[k]
                if c == delimiter || c == lf || c == cr || c == quote { return k }
                k += 1
            }
            return n
        }

        var i = part.start, line = 1
        var expected = part.fields ?? -1, records = 0
        while i < n && records < part.records {
            let recordLine = line, firstBound = bounds.count
            var fields = 0, blank = true
            while true {                                              // one field
                fields += 1
                let s = i
                if i < n && p[i] == quote {                          // a quoted field
                    blank = false
                    var j = i + 1, doubled = false
                    while true {
                        guard j < n else {
                            var lineStart = i
                            while lineStart > 0 && p[lineStart - 1] != lf { lineStart -= 1 }
                            throw .unterminatedQuote(file: file, line: recordLine, column: i - lineStart + 1)
                        }
                        let c = p[j]
                        if c == quote {
                            if j + 1 < n && p[j + 1] == quote { doubled = true; j += 2; continue }
                            break
                        }
                        if c == lf { line += 1 }
                        j += 1
                    }
                    bounds.append(Int32(truncatingIfNeeded: s + 1)); bounds.append(Int32(truncatingIfNeeded: j))
                    if doubled {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: p[(s + 1)..<j]), as: UTF8.self)
                        unescaped[bounds.count / 2 - 1] = text.replacingOccurrences(of: "\"\"", with: "\"")
                    }
                    i = j + 1                                         // text after the closing quote is ignored
                    while i < n && p[i] != delimiter && p[i] != lf && p[i] != cr { i += 1 }
                } else {
                    var j = nextSpecial(i)
                    while j < n && p[j] == quote { j = nextSpecial(j + 1) }   // a quote inside a field is text
                    if j > s { blank = false }
                    bounds.append(Int32(truncatingIfNeeded: s)); bounds.append(Int32(truncatingIfNeeded: j))
                    i = j
                }
                if i < n && p[i] == delimiter { blank = false; i += 1; continue }
                break
            }
            if i < n && p[i] == cr { i += 1 }                        // CR, LF, CRLF or the end
            if i < n && p[i] == lf { i += 1 }
            line += 1
            if blank || recordLine <= skip {
                if unescaped.keys.contains(where: { $0 >= firstBound / 2 }) {
                    unescaped = unescaped.filter { $0.key < firstBound / 2 }
                }
                bounds.removeLast(bounds.count - firstBound)
                continue
            }
            if expected < 0 {
                expected = fields
            } else if fields != expected {
                throw .wrongFieldCount(file: file, line: recordLine, found: fields, expected: expected)
            }
            lines.append(Int32(truncatingIfNeeded: recordLine))
            records += 1
        }
        guard expected >= 0 else { throw .empty(file: file) }
        return (expected, line, i)
    }
}
