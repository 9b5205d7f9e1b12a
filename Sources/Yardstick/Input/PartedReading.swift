import Dispatch
import Foundation

/// A reader of a format whose rows are independent, so that a large file can be read in two parts at once.
protocol PartReader: SendableMetatype {
    /// What the caller decides for the whole file (the columns of a wide table), the same for every part.
    associatedtype Settings: Sendable = Void
    /// Starts reading the records of `rows` under the header of `table` into `records` (empty, sized).
    init(_ table: CSVTable, rows: CSVCursor, records: RecordStore, settings: Settings) throws(InputError)
    /// The header (and the file name).
    var table: CSVTable { get }
    /// The records, streamed (after ``readRows()``, where they ended).
    var rows: CSVCursor { get }
    mutating func readRows() throws(InputError)
    /// Takes in the reader of the part that follows, whose lines count from 1 after `lineOffset` lines; false
    /// when the parts cannot be joined as one pass would have read them (a unit conflict across the parts).
    mutating func absorb(_ other: Self, lineOffset: Int) -> Bool
    func finish() throws(InputError) -> Panel
    /// Observations a table of `rows` rows holds at most.
    static func observations(rows: Int, columns: Int) -> Int
}

extension PartReader {
    /// Field `c` of the current record, for messages.
    func cell(_ c: Int) -> InputCell { rows.cell(c, header: table.header) }

    /// The error for field `c` of the current record, which does not hold what is `expected`.
    func bad(_ c: Int, _ expected: String) -> InputError { cell(c).invalid(expected: expected) }

    /// Reads the data of `table` (read in full) in one pass.
    static func read(_ table: CSVTable, settings: Settings) throws(InputError) -> Panel {
        try read(table, rows: CSVCursor(dataOf: table), expected: table.rowCount, settings: settings)
    }

    /// Reads `rows` under the header of `table`, in one pass; `expected` rows size the storage.
    static func read(_ table: CSVTable, rows: CSVCursor, expected: Int, settings: Settings) throws(InputError) -> Panel {
        var r = try Self(table, rows: rows, records: RecordStore(capacity: observations(rows: expected, columns: table.header.count)),
                         settings: settings)
        try r.readRows()
        guard r.rows.records > 0 else { throw .empty(file: table.file) }
        return try r.finish()
    }
}

extension PartReader where Settings == Void {
    static func read(_ table: CSVTable) throws(InputError) -> Panel { try read(table, settings: ()) }
}

/// Reads a file with a streaming reader, and a large file in two parts on two cores: the bytes are split at the
/// first line end after the middle, each part is scanned and read on its own core, and the second is joined to the
/// first (strings renumbered, lines shifted, units reconciled). The result is the panel one pass gives, observation
/// for observation.
///
/// The split is taken as a record boundary only when the first part's records, which must end exactly there, end
/// outside a quoted field; otherwise, and whenever either part meets an error, the file is read again in one pass,
/// so that messages and their line numbers are exactly those of a one-pass read.
enum PartedReading {
    /// Smaller files are read in one pass (the threads would cost more than they save).
    static let minimumBytes = 1 << 20

    /// One result for each part, each written by its own thread: two properties, not two elements of one array (a
    /// write to an array element is an access to the whole array, a race when two threads make one; found by
    /// ThreadSanitizer).
    private final class Slots<T>: @unchecked Sendable {
        var first: Result<T, InputError>?, second: Result<T, InputError>?
    }

    /// Two stores, each taken once by its part's thread.
    private final class Handoff: @unchecked Sendable {
        private var first: RecordStore?, second: RecordStore?
        init(_ stores: (RecordStore, RecordStore)) { (first, second) = stores }
        func take(_ k: Int) -> RecordStore {
            if k == 0 { defer { first = nil }; return first! }
            defer { second = nil }
            return second!
        }
    }

    /// Runs `work(0)` and `work(1)` at once and returns both results, or nil when either failed.
    private static func both<T>(_ work: @escaping @Sendable (Int) throws(InputError) -> T) -> (T, T)? {
        let slots = Slots<T>()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let r = Result { () throws(InputError) -> T in try work(k) }
            if k == 0 { slots.first = r } else { slots.second = r }
        }
        guard case let .success(a)? = slots.first, case let .success(b)? = slots.second else { return nil }
        return (a, b)
    }

    static func read<R: PartReader>(_ reader: R.Type, bytes: OwnedBuffer<UInt8>, file: String, skip: Int = 0,
                                    delimiter: Character? = nil) throws(InputError) -> Panel where R.Settings == Void {
        try read(reader, bytes: bytes, file: file, skip: skip, delimiter: delimiter, settings: ())
    }

    /// ``read(_:bytes:file:skip:delimiter:)`` for a reader that takes settings.
    static func read<R: PartReader>(_ reader: R.Type, bytes: OwnedBuffer<UInt8>, file: String, skip: Int = 0,
                                    delimiter: Character? = nil, settings: R.Settings) throws(InputError) -> Panel {
        let head = try CSVTable(bytes: bytes, file: file, delimiter: delimiter, skippingLines: skip, headerOnly: true)
        let columns = head.header.count, n = bytes.count
        func onePass() throws(InputError) -> Panel {
            try R.read(head, rows: CSVCursor(dataOf: head), expected: estimatedRows(bytes, from: head.headerEnd, to: n),
                       settings: settings)
        }
        guard n >= minimumBytes, ProcessInfo.processInfo.activeProcessorCount > 1 else { return try onePass() }
        var split = max(n / 2, head.headerEnd)
        while split < n && bytes[split] != UInt8(ascii: "\n") { split += 1 }
        split += 1
        guard split < n else { return try onePass() }
        let cut = split
        // The second part fills the room right after the first's, so that joining them moves records down in
        // memory already touched instead of copying them to new memory.
        // Each part takes its store out of the hand-off, so that it holds the only reference (a shared store
        // would be copied on its first append).
        let stores = Handoff(RecordStore.adjacent(
            R.observations(rows: estimatedRows(bytes, from: head.headerEnd, to: cut), columns: columns),
            R.observations(rows: estimatedRows(bytes, from: cut, to: n), columns: columns)))
        guard case (var a, let b)? = both({ k throws(InputError) -> R in
            let rows = k == 0 ? CSVCursor(dataOf: head, end: cut) : CSVCursor(partOf: head, start: cut, end: n)
            var r = try R(head, rows: rows, records: stores.take(k), settings: settings)
            try r.readRows()
            return r
        }), a.rows.position == cut, a.absorb(b, lineOffset: a.rows.nextLine - 1) else { return try onePass() }
        return try a.finish()
    }

    /// Rows in `bytes[from..<to]`, from the line ends of its first 64 KiB, generously (storage reserved and not
    /// used costs address space only).
    static func estimatedRows(_ bytes: OwnedBuffer<UInt8>, from: Int, to: Int) -> Int {
        let sample = min(to - from, 1 << 16)
        guard sample > 0 else { return 0 }
        var lines = 0
        for k in from..<(from + sample) where bytes[k] == UInt8(ascii: "\n") { lines += 1 }
        return Int(Double(max(lines, 1)) * Double(to - from) / Double(sample) * 1.25) + 16
    }
}
