/// Every field of a delimited text at once, for ``CSVTable``: a ``CSVCursor`` run to the end, its records' field
/// bounds and lines kept.
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
        /// The byte after the header record and the line after it.
        var headerEnd = 0, headerEndLine = 1
    }

    /// Scans `bytes`; records on the first `skip` lines and blank lines are left out; every record after the
    /// first kept one (the header) must have as many fields as it. `headerOnly` stops after the header.
    ///
    /// Complexity: O(n) in the number of bytes.
    static func scan(_ bytes: OwnedBuffer<UInt8>, delimiter: UInt8, file: String, skip: Int,
                     headerOnly: Bool = false) throws(InputError) -> Result {
        guard bytes.count < Int(Int32.max) else { throw .unreadable(file: file, reason: "larger than 2 GiB; split the file") }
        var rows = CSVCursor(bytes: bytes, start: 0, end: bytes.count, line: 1, delimiter: delimiter, file: file, skip: skip)
        guard try rows.next() else { throw .empty(file: file) }
        let columns = rows.count
        let size = headerOnly ? 2 * columns : bytes.count / 2 + 16
        var bounds = GrowingBuffer<Int32>(capacity: size), lines = GrowingBuffer<Int32>(capacity: headerOnly ? 1 : size / 8)
        var unescaped: [Int: String] = [:]
        func keep(_ rows: CSVCursor) {
            for c in 0..<rows.count {
                let r = rows.range(c)
                bounds.append(r.start)
                bounds.append(r.end)
            }
            for (c, u) in rows.unescaped { unescaped[lines.count * columns + c] = u }
            lines.append(Int32(truncatingIfNeeded: rows.line))
        }
        keep(rows)
        let headerEnd = rows.position, headerEndLine = rows.nextLine
        if !headerOnly {
            var data = CSVCursor(bytes: bytes, start: headerEnd, end: bytes.count, line: headerEndLine,
                                 delimiter: delimiter, file: file, expected: columns)
            do {
                while try data.next() { keep(data) }
            } catch {
                bounds.free()
                lines.free()
                throw error
            }
        }
        return Result(headerCount: columns, bounds: bounds.finish(), lines: lines.finish(), unescaped: unescaped,
                      headerEnd: headerEnd, headerEndLine: headerEndLine)
    }
}
