/// Eurostat's TSV: the first column holds the dimensions, comma-separated, named in its header
/// (`freq,unit,geo\TIME_PERIOD`); then one tab-separated column per period. Cells carry flags after the value
/// (`628 e`, `1.2 p`, `: c`); `:` is missing. The region is `geo`; the indicator is the other dimensions except
/// `freq`, joined by `.`; `unit` (if present) is also the unit.
///
/// Read as the long format is (``PartedReading``): a row's dimensions are split once for each distinct first cell,
/// and a plain or flagged number is parsed from its bytes.
public enum EurostatReader {
    public static func read(_ table: CSVTable) throws(InputError) -> Panel { try Reader.read(table) }

    /// The state of reading one Eurostat table (or a part of one).
    ///
    /// - Complexity: O(cells).
    struct Reader: PartReader {
        let table: CSVTable
        var rows: CSVCursor
        let dimNames: [String]
        let geo: Int, unitDim: Int?, indicatorDims: [Int]
        /// The period column of each data column (column c + 1 is `periods[c]`).
        let periods: [Int32]
        var builder: PanelBuilder
        var firstCell = FieldCache()
        /// What each first cell (by string number) names: region, indicator and unit, by string number.
        var series: [Int32: (region: Int32, indicator: Int32, unit: Int32)] = [:]

        static func observations(rows: Int, columns: Int) -> Int { rows * max(columns - 1, 1) }

        init(_ table: CSVTable, rows: CSVCursor, records: RecordStore, settings: Void = ()) throws(InputError) {
            self.table = table
            self.rows = rows
            builder = PanelBuilder(file: table.file, records: records)
            let first = table.header[0]
            guard let slash = first.firstIndex(of: "\\") else {
                throw .invalidCell(file: table.file, line: 1, column: 1, columnName: first, found: first, expected: "dimension names ending in \\TIME_PERIOD, e.g. freq,unit,geo\\TIME_PERIOD")
            }
            let dimNames = first[..<slash].split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            self.dimNames = dimNames
            guard let geo = dimNames.firstIndex(where: { $0.lowercased() == "geo" }) else {
                throw .invalidCell(file: table.file, line: 1, column: 1, columnName: first, found: first, expected: "a geo dimension")
            }
            self.geo = geo
            unitDim = dimNames.firstIndex { $0.lowercased() == "unit" }
            indicatorDims = dimNames.indices.filter { $0 != geo && dimNames[$0].lowercased() != "freq" }
            var periods: [Int32] = [], seen: [Int32: Int] = [:]
            for c in 1..<table.header.count {
                guard let p = Period(table.header[c]) else {
                    throw .invalidCell(file: table.file, line: 1, column: c + 1, columnName: table.header[c], found: table.header[c], expected: "a period such as 2023 or 2023-Q1")
                }
                let code = ObservationTable.code(p)
                if let first = seen[code] {
                    throw .invalidCell(file: table.file, line: 1, column: c + 1, columnName: table.header[c], found: table.header[c],
                                       expected: HeaderCheck.alreadyUsed(column: first))
                }
                seen[code] = c
                periods.append(code)
            }
            self.periods = periods
        }

        mutating func readRows() throws(InputError) {
            while try rows.next() { try read() }
        }

        /// The region, indicator and unit of the current row, from its first cell.
        mutating func dimensions() throws(InputError) -> (region: Int32, indicator: Int32, unit: Int32) {
            let text = firstCell.id(rows, 0, &builder)
            if let known = series[text] { return known }
            let dims = EurostatReader.codes(builder.panel.table.strings[id: text])
            guard dims.count == dimNames.count else { throw bad(0, "\(dimNames.count) comma-separated dimension codes") }
            let indicator = indicatorDims.map { dims[$0] }.joined(separator: ".")
            let named = (builder.intern(dims[geo]), builder.intern(indicator.isEmpty ? "value" : indicator),
                         builder.intern(unitDim.map { dims[$0] } ?? ""))
            series[text] = named
            return named
        }

        mutating func read() throws(InputError) {
            let (region, indicator, unit) = try dimensions()
            for c in 1..<table.header.count {
                var value: Double
                let f = rows.raw(c)
                if let fast = EurostatReader.number(f) { value = fast } else if EurostatReader.isMissing(f) { builder.missing(); continue } else {
                    var cell = rows.text(c).trimmingCharacters(in: .whitespaces)
                    // Flags: letters after the number (e, p, b, c, d, f, n, r, s, u, z) separated by a space.
                    if let space = cell.lastIndex(of: " "), cell[cell.index(after: space)...].utf8.allSatisfy({ EurostatReader.flagBytes.contains($0) }) {
                        cell = String(cell[..<space]).trimmingCharacters(in: .whitespaces)
                    }
                    switch NumberText.parse(cell) {
                    case let .number(x, _, _): value = x
                    case .missing: builder.missing(); continue
                    case .invalid: throw bad(c, "a number, optionally followed by Eurostat's flags b c d e f n p r s u z (628 e), or : for missing")
                    case .outOfRange: throw bad(c, NumberText.inRange)
                    }
                }
                if let conflict = builder.add(region: region, indicator: indicator, period: periods[c - 1], value: value,
                                              unit: unit, line: rows.line) {
                    throw conflict.error(at: cell(0))
                }
            }
        }

        mutating func absorb(_ other: Reader, lineOffset: Int) -> Bool { builder.absorb(other.builder, lineOffset: lineOffset) }

        func finish() throws(InputError) -> Panel { try builder.finish() }
    }

    /// The comma-separated codes of a first cell, each trimmed (of ASCII spaces and tabs directly; of any
    /// white space through Foundation when the text is not ASCII).
    static func codes(_ text: String) -> [String] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return parts.map { String($0).trimmingCharacters(in: .whitespaces) } }
        return parts.map { part in
            let u = part.utf8
            guard let lo = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
            let hi = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
            return String(part[lo...hi])
        }
    }

    /// `:` alone or with flags after a space (`: c`), with spaces around: a missing value; false for anything
    /// else, which goes to the general path.
    @inline(__always) static func isMissing(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0, n = f.count
        while k < n && f[k] == 0x20 { k += 1 }
        while n > k && f[n - 1] == 0x20 { n -= 1 }
        guard k < n, f[k] == UInt8(ascii: ":") else { return false }
        k += 1
        if k == n { return true }
        guard f[k] == 0x20 else { return false }
        while k < n && f[k] == 0x20 { k += 1 }
        while k < n && flagBytes.contains(f[k]) { k += 1 }
        return k == n
    }

    /// Eurostat's flags: b break in series, c confidential, d definition differs, e estimated, f forecast, n not
    /// significant, p provisional, r revised, s Eurostat estimate, u low reliability, z not applicable.
    static let flagBytes = Set("bcdefnprsuz".utf8)

    /// A plain number, with spaces around it and Eurostat's flags after a space (`628.1 p`, `3 `), straight
    /// from the bytes; nil for anything else (`:`, a number with a magnitude word), which goes to the general path.
    @inline(__always) static func number(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let p = f.baseAddress else { return nil }
        var lo = 0, hi = f.count
        while lo < hi && p[lo] == 0x20 { lo += 1 }
        while hi > lo && p[hi - 1] == 0x20 { hi -= 1 }
        var k = hi
        while k > lo && flagBytes.contains(p[k - 1]) { k -= 1 }
        if k < hi {                                   // letters at the end: flags, after a space
            guard k > lo, p[k - 1] == 0x20 else { return nil }
            hi = k - 1
            while hi > lo && p[hi - 1] == 0x20 { hi -= 1 }
        }
        return FastParse.number(UnsafeBufferPointer(start: p + lo, count: hi - lo))
    }
}
