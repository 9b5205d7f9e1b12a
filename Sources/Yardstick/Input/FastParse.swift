/// Fast paths for the common cells of large files, straight from the bytes; anything unusual returns nil and
/// goes to the general parsers (``Period``, ``NumberText``), so behaviour is the same, only faster.
enum FastParse {
    /// A plain four-digit year.
    static func year(_ table: CSVTable, _ row: Int, _ column: Int) -> Period? {
        table.withField(row, column) { f in
            guard f.count == 4 else { return nil }
            var y = 0
            for c in f {
                guard c >= 48 && c <= 57 else { return nil }
                y = y * 10 + Int(c - 48)
            }
            return y >= 1000 ? .year(y) : nil
        }
    }

    /// A plain decimal number: optional sign, digits, optional point and digits, no exponent, at most 15
    /// significant digits (so that the mantissa and its power of ten are exact doubles and one division or
    /// multiplication gives the correctly rounded result, Clinger's fast path).
    static func number(_ table: CSVTable, _ row: Int, _ column: Int) -> Double? {
        table.withField(row, column) { f in
            var i = f.startIndex
            guard i < f.endIndex else { return nil }
            var negative = false
            if f[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if f[i] == UInt8(ascii: "+") { i += 1 }
            var mantissa: UInt64 = 0, digits = 0, fraction = 0, seenPoint = false, sawDigit = false
            while i < f.endIndex {
                let c = f[i]
                if c >= 48 && c <= 57 {
                    sawDigit = true
                    if mantissa != 0 || c != 48 { digits += 1 }
                    guard digits <= 15 else { return nil }
                    mantissa = mantissa * 10 + UInt64(c - 48)
                    if seenPoint { fraction += 1 }
                } else if c == UInt8(ascii: "."), !seenPoint {
                    seenPoint = true
                } else {
                    return nil
                }
                i += 1
            }
            guard sawDigit, fraction <= 22 else { return nil }
            let v = Double(mantissa) / powersOfTen[fraction]
            return negative ? -v : v
        }
    }

    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }
}
