import Dispatch
import Foundation

/// A reader of a format whose rows are independent, so that a large file can be read in two parts at once.
protocol PartReader {
    /// Starts reading `table`; `expectedRows` sizes the storage (observations, not lines).
    init(_ table: CSVTable, expectedObservations: Int) throws(InputError)
    mutating func readRows() throws(InputError)
    /// Takes in the reader of the part that follows, whose lines count from 1 after `lineOffset` lines; false
    /// when the parts cannot be joined as one pass would have read them (a unit conflict across the parts).
    mutating func absorb(_ other: Self, lineOffset: Int) -> Bool
    func finish() throws(InputError) -> Panel
    /// Observations a table of `rows` rows holds at most.
    static func observations(rows: Int, columns: Int) -> Int
}

/// Reads a large file in two parts on two cores: the bytes are split at the first line end after the middle, each
/// part is scanned and read on its own core, and the second is joined to the first (strings renumbered, lines
/// shifted, units reconciled). The result is the panel one pass gives, observation for observation.
///
/// The split is taken as a record boundary only when the first part's scan, which must end exactly there, ends
/// outside a quoted field; otherwise, and whenever either part meets an error, the file is read again in one pass,
/// so that messages and their line numbers are exactly those of a one-pass read.
enum PartedReading {
    /// Smaller files are read in one pass (the threads would cost more than they save).
    static let minimumBytes = 1 << 20

    private final class Slots<T>: @unchecked Sendable {
        var values: [Result<T, InputError>?] = [nil, nil]
    }

    /// Runs `work(0)` and `work(1)` at once and returns both results, or nil when either failed.
    private static func both<T>(_ work: @escaping @Sendable (Int) throws(InputError) -> T) -> (T, T)? {
        let slots = Slots<T>()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            slots.values[k] = Result { () throws(InputError) -> T in try work(k) }
        }
        guard case let .success(a)? = slots.values[0], case let .success(b)? = slots.values[1] else { return nil }
        return (a, b)
    }

    static func read<R: PartReader>(_ reader: R.Type, bytes: OwnedBuffer<UInt8>, file: String, skip: Int = 0,
                                    delimiter: Character? = nil) throws(InputError) -> Panel {
        func onePass() throws(InputError) -> Panel {
            let table = try CSVTable(bytes: bytes, file: file, delimiter: delimiter, skippingLines: skip)
            var r = try R(table, expectedObservations: R.observations(rows: table.rowCount, columns: table.header.count))
            try r.readRows()
            return try r.finish()
        }
        guard bytes.count >= minimumBytes, ProcessInfo.processInfo.activeProcessorCount > 1 else { return try onePass() }
        let head = try CSVTable(bytes: bytes, file: file, delimiter: delimiter, skippingLines: skip, headerOnly: true)
        var split = max(bytes.count / 2, head.end)
        while split < bytes.count && bytes[split] != UInt8(ascii: "\n") { split += 1 }
        split += 1
        guard split < bytes.count else { return try onePass() }
        let end = bytes.count, cut = split
        guard let (first, second) = both({ k throws(InputError) -> CSVTable in
            k == 0 ? try CSVTable(bytes: bytes, file: file, delimiter: delimiter, skippingLines: skip, end: cut)
                   : try CSVTable(part: cut, end, of: head, delimiter: delimiter)
        }), first.end == cut else { return try onePass() }
        let columns = head.header.count
        let expected = [R.observations(rows: first.rowCount + second.rowCount, columns: columns),
                        R.observations(rows: second.rowCount, columns: columns)]
        guard case (var a, let b)? = both({ k throws(InputError) -> R in
            var r = try R(k == 0 ? first : second, expectedObservations: expected[k])
            try r.readRows()
            return r
        }), a.absorb(b, lineOffset: first.endLine - 1) else { return try onePass() }
        return try a.finish()
    }
}
