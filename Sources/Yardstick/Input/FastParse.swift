import Foundation

/// Fast paths for the common cells of large files, straight from the bytes; anything unusual returns nil and
/// goes to the general parsers (``Period``, ``NumberText``), so behaviour is the same, only faster.
enum FastParse {
    /// A plain four-digit year.
    @inline(__always) static func year(_ f: UnsafeBufferPointer<UInt8>) -> Period? {
        guard f.count == 4 else { return nil }
        var y = 0
        for c in f {
            guard c >= 48 && c <= 57 else { return nil }
            y = y &* 10 &+ Int(c &- 48)
        }
        return y >= 1000 ? .year(y) : nil
    }

    /// A plain decimal number: optional sign, digits, optional point and digits, no exponent, a mantissa of at most
    /// 2^53 (so that the mantissa and its power of ten are exact doubles and one division gives the correctly
    /// rounded result: Clinger's fast path); nil for anything else.
    ///
    /// Reference: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.
    @inline(__always) static func number(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = f.count
        guard n > 0, n <= 20, let p = f.baseAddress else { return nil }
        var i = 0
        let negative = p[0] == UInt8(ascii: "-")
        if negative || p[0] == UInt8(ascii: "+") { i = 1 }
        let digitsStart = i
        var mantissa: UInt64 = 0
        while i < n {
            let d = p[i] &- 48
            if d > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
        var fraction = 0, digits = i - digitsStart
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < n {
                let d = p[i] &- 48
                if d > 9 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i += 1
            }
            fraction = i - fractionStart
            digits += fraction
        }
        // Every byte used, at least one digit, at most 19 digits (no overflow) and an exact mantissa.
        guard i == n, digits > 0, digits <= 19, mantissa <= 1 << 53 else { return nil }
        let v = Double(mantissa) / powersOfTen[fraction]
        return negative ? -v : v
    }

    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }
}

/// The string number of one column's field, reusing the previous row's when the bytes are the same (long files
/// repeat region, indicator, unit and source on consecutive rows), and otherwise finding the bytes among those seen
/// before by their hash, so that a row makes a string only for text the column has not had before.
struct FieldCache {
    private var last: UnsafeBufferPointer<UInt8>?
    private var id: Int32 = 0
    /// Texts seen before, by the FNV-1a hash of their raw bytes.
    private var seen: [UInt64: (bytes: [UInt8], id: Int32)] = [:]

    /// The number of the trimmed text of field `column` of the current record.
    @inline(__always)
    mutating func id(_ rows: CSVCursor, _ column: Int, _ builder: inout PanelBuilder) -> Int32 {
        let bytes = rows.raw(column)
        if let last, last.count == bytes.count, FieldCache.same(last, bytes) { return id }
        last = bytes
        id = lookUp(bytes, rows, column, &builder)
        return id
    }

    private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ rows: CSVCursor, _ column: Int,
                                 _ builder: inout PanelBuilder) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        if let known = seen[hash], known.bytes.count == bytes.count,
           known.bytes.withUnsafeBufferPointer({ FieldCache.same($0, bytes) }) {
            return known.id
        }
        let text = rows.text(column)
        let padded = bytes.first.map(FieldCache.isSpace) == true || bytes.last.map(FieldCache.isSpace) == true
            || bytes.contains { $0 >= 0x80 }                      // a non-ASCII space (U+3000) is trimmed too
        let id = builder.intern(padded ? text.trimmingCharacters(in: .whitespaces) : text)
        seen[hash] = (Array(bytes), id)
        return id
    }

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// Whether two fields of the same length hold the same bytes (a loop: fields are short, and a call to
    /// `memcmp` costs more than comparing a few bytes).
    @inline(__always) static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.baseAddress == b.baseAddress { return true }
        var k = 0
        while k < a.count {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
}
