import Foundation

/// A World Bank table (one whole series per row, one column per year) read block by block as ``SeriesBlock``s,
/// so that a command that treats each series on its own (`trend --summary`) holds one block in memory, not the
/// panel: reading, fitting and writing a 100 000-series file stays within the file's own size.
///
/// Each row means exactly what ``WDIReader`` makes of it: the same columns, cells, values (a magnitude word such as
/// 万 converts the value to the unit its indicator had first, as in one pass of ``PanelBuilder``), missing cells
/// counted, rows without values left out and counted, and the same errors at the same cells. A row is a series
/// exactly when no other row has its region and indicator; a second row is an error in both readers.
///
/// The file itself is read in chunks of 4 MiB that end at a line end (a chunk grows when a record does not fit, or
/// when a quoted field runs past its end), so that memory holds a chunk and a block, whatever the file's size.
/// Chunks are checked to be UTF-8: a file that is not (GB18030) is read whole by ``PanelReader/read(_:)`` instead,
/// and one that stops being UTF-8 after its first chunk is an error that says which encoding to give.
///
/// ```swift
/// var rows = try PanelReader().seriesRows(["WDICSV.csv"])!
/// while let block = try rows.next() { … }       // 4096 series at a time, in file order
/// ```
/// - Complexity: O(file) time; memory of a chunk plus one block.
public struct SeriesRowReader {
    let table: CSVTable
    var rows: CSVCursor
    /// The file, read chunk by chunk into `buffer`: `filled` bytes of it hold data, the cursor reads up to the last
    /// line end among them.
    private let handle: FileHandle
    private var buffer: OwnedBuffer<UInt8>
    private var filled: Int, eof: Bool
    let regionC: Int, indC: Int, nameC: Int?
    /// The names of the indicators read so far (`Indicator Name`; the id where there is none).
    public private(set) var indicatorNames: [String: String] = [:]
    /// The year columns and the row of the grid each fills.
    let years: [(column: Int, row: Int)]
    let grid: [Int]
    let blockSize: Int
    /// The line of each region and indicator's row, by their numbers in ``names``.
    private var seen: [UInt64: Int] = [:]
    /// Each indicator's unit (a magnitude word or none) and the line that set it, by its number in ``names``.
    private var unitOf: [Int32: (unit: String, line: Int)] = [:]
    /// The texts of the region and indicator columns, trimmed, each made once.
    private var names = TextCache(), regionCache = TextCache.Column(), indicatorCache = TextCache.Column()
    /// Cells without a value, and rows without any.
    public private(set) var missing = 0, emptyRows = 0, conversions = 0
    private var done = false

    init(_ table: CSVTable, handle: FileHandle, buffer: OwnedBuffer<UInt8>, filled: Int, eof: Bool, cut: Int,
         blockSize: Int = 4096) throws(InputError) {
        self.table = table
        self.handle = handle
        self.buffer = buffer
        self.filled = filled
        self.eof = eof
        rows = CSVCursor(bytes: buffer, start: table.headerEnd, end: cut, line: table.headerEndLine, delimiter: table.delimiter,
                         file: table.file, expected: table.header.count)
        let columns = try WDIReader.columns(table)
        regionC = columns.region
        indC = columns.indicator
        nameC = columns.name
        let lo = columns.years.map(\.year).min()!, hi = columns.years.map(\.year).max()!
        grid = Array(lo...hi)
        years = columns.years.map { ($0.column, $0.year - lo) }
        self.blockSize = max(1, blockSize)
        pendingColumns = Array(repeating: (0, 0, 0), count: columns.years.count)
    }

    /// The next block of at most `blockSize` series, nil after the last. An error names the file, line and column
    /// as ``WDIReader`` does.
    public mutating func next() throws(InputError) -> SeriesBlock? {
        guard !done else { return nil }
        let n = grid.count
        var regions: [String] = [], indicators: [String] = []
        var values = [Double](repeating: .nan, count: n * blockSize)
        var count = 0
        while count < blockSize, try nextRow() {
            let regionID = names.id(rows, regionC, &regionCache), indicatorID = names.id(rows, indC, &indicatorCache)
            guard regionID != 0 else { throw bad(regionC, "a country code") }
            guard indicatorID != 0 else { throw bad(indC, "an indicator code") }
            let indicator = names[indicatorID]
            // The usual case, an indicator whose values are plain numbers, stores them as they come.
            let plain = unitOf[indicatorID]?.unit == ""
            var any = false
            let base = count * n
            // Plain numbers wait, as in WDIReader, until the row ends or a value with a magnitude word comes: then
            // their unit ("") is checked against the indicator's, so that errors come at the same cells.
            var pending = 0
            for (c, row) in years {
                let f = rows.raw(c)
                if f.isEmpty { missing += 1; continue }
                if let v = FastParse.number(f) {
                    if plain { values[base + row] = v } else { pendingColumns[pending] = (c, row, v); pending += 1 }
                    any = true
                    continue
                }
                switch NumberText.parse(rows.text(c)) {
                case let .number(x, magnitude, _):
                    any = true
                    guard let magnitude else {
                        if plain { values[base + row] = x } else { pendingColumns[pending] = (c, row, x); pending += 1 }
                        continue
                    }
                    try settle(pending, indicatorID, indicator, into: &values, base)
                    pending = 0
                    values[base + row] = try converted(x, unit: Units.attach(magnitude: magnitude, to: ""), indicatorID, indicator, c)
                case .missing: missing += 1
                case .invalid: throw bad(c, "a number or empty")
                case .outOfRange: throw bad(c, NumberText.inRange)
                }
            }
            try settle(pending, indicatorID, indicator, into: &values, base)
            guard any else { emptyRows += 1; continue }
            let key = UInt64(UInt32(bitPattern: regionID)) << 32 | UInt64(UInt32(bitPattern: indicatorID))
            let region = names[regionID]
            if let first = seen[key] {
                throw .duplicate(file: table.file, line: rows.line, firstLine: first, what: "\(region) / \(indicator): a second row for this region and indicator")
            }
            seen[key] = rows.line
            if indicatorNames[indicator] == nil { indicatorNames[indicator] = nameC.map { rows.text($0) } ?? indicator }
            regions.append(region)
            indicators.append(indicator)
            count += 1
        }
        if count < blockSize { done = true }
        guard count > 0 else { return nil }
        values.removeSubrange((count * n)...)
        return SeriesBlock(years: grid, regions: regions, indicators: indicators,
                           values: Matrix(rows: n, columns: count, elements: values))
    }

    /// The next record, reading the next chunk of the file when the cursor reaches the end of this one.
    private mutating func nextRow() throws(InputError) -> Bool {
        while true {
            let start = rows.position, line = rows.nextLine
            do {
                if try rows.next() { return true }
            } catch {
                // A quoted field that runs past the chunk: read more and parse the record again.
                guard case .unterminatedQuote = error, !eof else { throw error }
                try refill(from: start, line: line, grow: true)
                continue
            }
            if eof && rows.position >= filled { return false }
            try refill(from: rows.position, line: rows.nextLine, grow: false)
        }
    }

    /// Moves the unread bytes (from `start`) to the front of the buffer, reads the file on after them, and points
    /// the cursor at the records that end there; `grow` doubles the buffer first.
    private mutating func refill(from start: Int, line: Int, grow: Bool) throws(InputError) {
        let keep = filled - start
        if grow || keep > buffer.count / 2 {
            let bigger = OwnedBuffer<UInt8>(block: PageMemory.allocate(bytes: 2 * buffer.count), count: 2 * buffer.count)
            bigger.base.update(from: buffer.base + start, count: keep)
            buffer = bigger
        } else if keep > 0 {
            memmove(buffer.base, buffer.base + start, keep)
        }
        filled = keep
        var cut = 0
        repeat {
            let (n, end) = try SeriesRowReader.read(handle, into: buffer, at: filled, file: table.file)
            try SeriesRowReader.checkUTF8(buffer, from: filled, count: n, file: table.file, line: line)
            filled += n
            eof = end
            cut = eof ? filled : SeriesRowReader.lastLineEnd(buffer, before: filled)
            if cut == 0 && !eof {                                  // a record longer than the buffer: grow it
                let bigger = OwnedBuffer<UInt8>(block: PageMemory.allocate(bytes: 2 * buffer.count), count: 2 * buffer.count)
                bigger.base.update(from: buffer.base, count: filled)
                buffer = bigger
            }
        } while cut == 0 && !eof
        rows = CSVCursor(bytes: buffer, start: 0, end: cut, line: line, delimiter: table.delimiter, file: table.file,
                         expected: table.header.count)
    }

    /// Reads up to the buffer's end from `offset`: the bytes read and whether the file has ended.
    static func read(_ handle: FileHandle, into buffer: OwnedBuffer<UInt8>, at offset: Int, file: String) throws(InputError) -> (Int, Bool) {
        var n = 0
        while offset + n < buffer.count {
            let got = Glibc.read(handle.fileDescriptor, buffer.base + offset + n, buffer.count - offset - n)
            if got < 0 { throw .unreadable(file: file, reason: String(cString: strerror(errno))) }
            if got == 0 { return (n, true) }
            n += got
        }
        return (n, false)
    }

    /// The position after the last line end before `end` (0 when there is none).
    static func lastLineEnd(_ buffer: OwnedBuffer<UInt8>, before end: Int) -> Int {
        var k = end
        while k > 0 && buffer.base[k - 1] != 10 { k -= 1 }
        return k
    }

    /// Throws when the `count` bytes from `offset` are not UTF-8 (a chunk ends at a line end, so no character is
    /// split, except at the file's end, where a split character is an error anyway).
    static func checkUTF8(_ buffer: OwnedBuffer<UInt8>, from offset: Int, count: Int, file: String, line: Int) throws(InputError) {
        let raw = UnsafeRawBufferPointer(start: buffer.base + offset, count: count)
        guard !TextDecoding.isASCII(raw) else { return }
        // The bytes up to the last line end must be whole characters; a character cut at the chunk's end is
        // checked with the next chunk.
        var end = count
        while end > 0 && raw[end - 1] != 10 { end -= 1 }
        if end == 0 { end = count }
        let part = UnsafeBufferPointer(start: buffer.base + offset, count: end)
        guard String(validating: part, as: UTF8.self) == nil else { return }
        throw .unreadable(file: file, reason: "not valid UTF-8 after line \(line), though it began as UTF-8; give --encoding gb18030 (or the file's encoding) to read it whole")
    }

    /// Room for one row's plain values until their unit is settled.
    private var pendingColumns: [(column: Int, row: Int, value: Double)]

    /// Stores the first `count` plain values of the row, in the indicator's unit.
    private mutating func settle(_ count: Int, _ id: Int32, _ indicator: String, into values: inout [Double], _ base: Int) throws(InputError) {
        for k in 0..<count {
            let p = pendingColumns[k]
            values[base + p.row] = try converted(p.value, unit: "", id, indicator, p.column)
        }
    }

    /// `value` in the unit its indicator had first (the first unit seen sets it); an error at column `c` when the
    /// units differ by more than a magnitude word.
    private mutating func converted(_ value: Double, unit: String, _ id: Int32, _ indicator: String, _ c: Int) throws(InputError) -> Double {
        guard let known = unitOf[id] else {
            unitOf[id] = (unit, rows.line)
            return value
        }
        guard known.unit != unit else { return value }
        guard let factor = Units.factor(from: unit, to: known.unit) else {
            throw bad(c, "the unit '\(known.unit)' of indicator \(indicator) (line \(known.line)); one indicator cannot mix units")
        }
        conversions += 1
        return value * factor
    }

    private func bad(_ c: Int, _ expected: String) -> InputError { rows.cell(c, header: table.header).invalid(expected: expected) }
}

extension PanelReader {
    /// The data as blocks of whole series, when it can be read so: one file in the World Bank layout (given or
    /// detected), UTF-8 in its first chunk, and no metadata or region names to apply; nil otherwise (read it with
    /// ``read(_:)``).
    public func seriesRows(_ files: [String], blockSize: Int = 4096, chunk: Int = 4 << 20) throws(InputError) -> SeriesRowReader? {
        guard files.count == 1, metadataFile == nil, regionNamesFile == nil, directions.isEmpty, encoding == .automatic || encoding == .utf8,
              format != .xlsx, format != .text, !files[0].lowercased().hasSuffix(".xlsx"),
              !files[0].lowercased().hasSuffix(".txt") else { return nil }
        let file = files[0]
        var directory: ObjCBool = false
        // A missing file or a directory: the message every reader gives.
        if !FileManager.default.fileExists(atPath: file, isDirectory: &directory) || directory.boolValue { _ = try TextDecoding.bytes(file) }
        guard let handle = FileHandle(forReadingAtPath: file) else { _ = try TextDecoding.bytes(file); return nil }
        var buffer = OwnedBuffer<UInt8>(block: PageMemory.allocate(bytes: chunk), count: chunk)
        var (filled, eof) = try SeriesRowReader.read(handle, into: buffer, at: 0, file: file)
        // The header and any preamble must be in the first chunk: grow it until a line end follows them.
        while !eof && SeriesRowReader.lastLineEnd(buffer, before: filled) == 0 {
            let bigger = OwnedBuffer<UInt8>(block: PageMemory.allocate(bytes: 2 * buffer.count), count: 2 * buffer.count)
            bigger.base.update(from: buffer.base, count: filled)
            buffer = bigger
            let (n, end) = try SeriesRowReader.read(handle, into: buffer, at: filled, file: file)
            filled += n; eof = end
        }
        var start = 0
        if filled >= 3 && buffer.base[0] == 0xEF && buffer.base[1] == 0xBB && buffer.base[2] == 0xBF { start = 3 }
        let cut = eof ? filled : SeriesRowReader.lastLineEnd(buffer, before: filled)
        let first = UnsafeBufferPointer(start: buffer.base + start, count: cut - start)
        // Not UTF-8 (or UTF-16, whose zero bytes are valid UTF-8): read whole, where the encoding is found.
        guard !TextDecoding.isUTF16(UnsafeBufferPointer(start: buffer.base, count: filled)),
              TextDecoding.isASCII(UnsafeRawBufferPointer(first)) || String(validating: first, as: UTF8.self) != nil else { return nil }
        guard first.contains(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) else { throw .empty(file: file) }
        let head = String(decoding: first.prefix(4096), as: UTF8.self)
        var format = self.format
        if format == nil { format = try PanelReader.detect(head, file: file, wideColumnsGiven: regionColumn != nil) }
        guard format == .wdi else { return nil }
        if start > 0 {                                          // the data start after the byte-order mark
            memmove(buffer.base, buffer.base + start, filled - start)
            filled -= start
        }
        // The header from a copy of the chunk's whole lines (a table's bytes end where its text does).
        let lines = eof ? filled : SeriesRowReader.lastLineEnd(buffer, before: filled)
        let table = try CSVTable(bytes: OwnedBuffer(UnsafeBufferPointer(start: buffer.base, count: lines)), file: file,
                                 skippingLines: WDIReader.preambleLines(head), headerOnly: true)
        return try SeriesRowReader(table, handle: handle, buffer: buffer, filled: filled, eof: eof, cut: lines, blockSize: blockSize)
    }
}

/// The trimmed texts of a few columns of a large file, each made once: a field's bytes are looked up by their hash
/// (and compared), and the previous row's field is reused when the bytes repeat. Number 0 is the empty text.
struct TextCache {
    private(set) var texts: [String] = [""]
    private var ids: [String: Int32] = ["": 0]
    private var byHash: [UInt64: (bytes: [UInt8], id: Int32)] = [:]

    /// The previous field of one column.
    struct Column { var last: [UInt8] = []; var id: Int32 = -1 }

    subscript(_ id: Int32) -> String { texts[Int(id)] }

    /// The number of the trimmed text of field `c` of the current record (as ``FieldCache`` trims it).
    mutating func id(_ rows: CSVCursor, _ c: Int, _ column: inout Column) -> Int32 {
        let bytes = rows.raw(c)
        if column.id >= 0, column.last.count == bytes.count, column.last.withUnsafeBufferPointer({ FieldCache.same($0, bytes) }) {
            return column.id
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let id: Int32
        if let known = byHash[hash], known.bytes.count == bytes.count, known.bytes.withUnsafeBufferPointer({ FieldCache.same($0, bytes) }) {
            id = known.id
        } else {
            let text = rows.text(c).trimmingCharacters(in: .whitespaces)
            if let existing = ids[text] { id = existing } else {
                id = Int32(texts.count)
                texts.append(text)
                ids[text] = id
            }
            byHash[hash] = (Array(bytes), id)
        }
        column.last = Array(bytes)
        column.id = id
        return id
    }
}
