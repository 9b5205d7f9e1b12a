import Dispatch

/// Distinct values, each stored once and named by a number: the strings of a panel (regions, indicators, units,
/// sources, notes, files), its qualifiers and its attribute combinations.
///
/// ```swift
/// var pool = StringPool()
/// pool.intern("Zhuzhou")   // 1 (0 is the empty string)
/// pool["Zhuzhou"]          // 1
/// ```
/// Complexity: `intern` and lookup are one hash of the value.
struct Interner<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var ids: [Value: Int32] = [:]

    init() {}

    /// An interner whose number 0 is `first`.
    init(first: Value) { _ = intern(first) }

    /// The number of `v`, adding it when new.
    mutating func intern(_ v: Value) -> Int32 {
        if let id = ids[v] { return id }
        let id = Int32(values.count)
        values.append(v)
        ids[v] = id
        return id
    }

    /// The number of `v`, nil when it was never interned.
    subscript(_ v: Value) -> Int32? { ids[v] }

    subscript(id id: Int32) -> Value { values[Int(id)] }

    var count: Int { values.count }
}

/// The strings of a panel; number 0 is the empty string.
typealias StringPool = Interner<String>

extension Interner where Value == String {
    init() { self.init(first: "") }
}

/// Observations as flat 32-byte records over a ``StringPool``: a million observations are one array of plain
/// records instead of a million structs of six strings each, so that reading, filtering and grouping touch numbers
/// only and copying them touches no reference count. What consecutive rows usually share (kind, qualifier, source,
/// note, file) is one number into a table of ``Attributes``.
///
/// Periods are stored as ``code(_:)``: `year × 32 + sub`, where sub is 0 for a year, 1–4 for a quarter, 5–16 for
/// a month, so that codes sort as periods do.
struct ObservationTable: Sendable {
    /// One observation; strings are numbers from ``ObservationTable/strings``.
    struct Record: Sendable {
        var region: Int32, indicator: Int32, period: Int32, line: Int32, unit: Int32
        /// The number of the record's ``Attributes``.
        var attributes: Int32
        var value: Double

        /// Whether the period is a whole year.
        var isAnnual: Bool { period & 31 == 0 }
        var year: Int { Int(period >> 5) }
    }

    /// What many records share: kind, qualifier (a number into ``qualifiers``), source, note and file (numbers into
    /// ``strings``), and whether a target is a stretch target.
    struct Attributes: Hashable, Sendable {
        var kind: ObservationKind
        var qualifier: Int32, source: Int32, note: Int32, file: Int32
        var stretch = false
        /// The size of a ranking's field (0 when not given).
        var fieldSize: Int32 = 0
    }

    var strings = StringPool()
    /// Qualifiers in use, by number (0 is `.exact`).
    var qualifiers = Interner<Qualifier>(first: .exact)
    var attributes = Interner<Attributes>()
    var records = RecordStore()

    var count: Int { records.count }

    static func code(_ p: Period) -> Int32 {
        switch p {
        case let .year(y): Int32(clamping: y) &* 32
        case let .quarter(y, q): Int32(clamping: y) &* 32 &+ Int32(q)
        case let .month(y, m): Int32(clamping: y) &* 32 &+ 4 &+ Int32(m)
        }
    }

    static func period(_ code: Int32) -> Period {
        let y = Int(code >> 5), sub = Int(code & 31)
        return sub == 0 ? .year(y) : sub <= 4 ? .quarter(y, sub) : .month(y, sub - 4)
    }

    @inline(__always) func kind(_ r: Record) -> ObservationKind { attributes[id: r.attributes].kind }

    /// Record `i` as an ``Observation``.
    func observation(_ i: Int) -> Observation {
        let r = records[i], a = attributes[id: r.attributes]
        return Observation(region: strings[id: r.region], indicator: strings[id: r.indicator], period: Self.period(r.period),
                           value: r.value, kind: a.kind, qualifier: qualifiers[id: a.qualifier], unit: strings[id: r.unit],
                           source: strings[id: a.source], note: strings[id: a.note], stretch: a.stretch,
                           fieldSize: a.fieldSize > 0 ? Int(a.fieldSize) : nil, file: strings[id: a.file],
                           line: Int(r.line))
    }

    /// Whether a record is a history point (an actual or preliminary value stated exactly or approximately).
    func isHistoryPoint(_ r: Record) -> Bool { isHistoryPoint(attributes: r.attributes) }

    /// Whether records with attributes `id` are history points.
    func isHistoryPoint(attributes id: Int32) -> Bool {
        let a = attributes[id: id]
        return a.kind != .target && (a.qualifier == 0 || qualifiers[id: a.qualifier] == .approximately)
    }

    /// The slot of a record in the duplicate key (``Observation/duplicateSlot``).
    @inline(__always) func slot(_ r: Record) -> Int { slot(attributes: r.attributes) }

    /// The slot of records with attributes `id`.
    @inline(__always) func slot(attributes id: Int32) -> Int {
        let a = attributes[id: id]
        if a.qualifier == 0 { return a.kind == .target ? 0 : a.kind == .actual ? 1 : 2 }
        return Observation.slot(kind: a.kind, qualifier: qualifiers[id: a.qualifier])
    }

    /// The records at `indices`, in that order.
    func gathering(_ indices: [Int]) -> ObservationTable {
        var t = self
        t.records = RecordStore(indices.lazy.map { records[$0] })
        return t
    }

    /// What ``append(_:lineOffset:conversions:)`` did: values converted, and the duplicate keys of the appended
    /// records (nil when they do not rise one after another).
    struct Appended {
        var converted = 0
        var keys: ClosedRange<UInt64>?
    }

    /// Appends another table's records (after ``RecordStore/adopt(_:)``: where they are, when `other` filled the
    /// room after this table's), renumbering strings and attributes into this table's, shifting lines by
    /// `lineOffset`, and converting the indicators in `conversions` (by `other`'s string number: the factor and
    /// the unit here). Large tables are renumbered on two threads, half each.
    ///
    /// Complexity: O(n + strings of `other`).
    @discardableResult
    mutating func append(_ other: ObservationTable, lineOffset: Int32 = 0,
                         conversions: [Int32: (factor: Double, unit: Int32)] = [:]) -> Appended {
        let s = other.strings.values.map { strings.intern($0) }
        let q = other.qualifiers.values.map { qualifiers.intern($0) }
        let a = other.attributes.values.map { x in
            attributes.intern(Attributes(kind: x.kind, qualifier: q[Int(x.qualifier)], source: s[Int(x.source)],
                                         note: s[Int(x.note)], file: s[Int(x.file)], stretch: x.stretch, fieldSize: x.fieldSize))
        }
        let slots = attributes.values.indices.map { UInt64(slot(attributes: Int32($0))) }
        let pass = Renumbering(strings: s, attributes: a, conversions: conversions, slots: slots, offset: lineOffset)
        return pass.run(records.adopt(other.records))
    }

    /// The per-record work of ``append(_:lineOffset:conversions:)``.
    private struct Renumbering: @unchecked Sendable {
        let strings: [Int32], attributes: [Int32], conversions: [Int32: (factor: Double, unit: Int32)], slots: [UInt64]
        let offset: Int32

        func run(_ records: UnsafeMutableBufferPointer<Record>) -> Appended {
            let n = records.count, mid = n / 2
            guard n >= 1 << 16 else { return run(records, 0..<n) }
            // Two properties, each written by its own thread (not two elements of one array: a race).
            final class Halves: @unchecked Sendable { var first = Appended(), second = Appended() }
            let halves = Halves()
            nonisolated(unsafe) let records = records
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                if k == 0 { halves.first = run(records, 0..<mid) } else { halves.second = run(records, mid..<n) }
            }
            let (x, y) = (halves.first, halves.second)
            var keys: ClosedRange<UInt64>?
            if let kx = x.keys, let ky = y.keys, kx.upperBound < ky.lowerBound { keys = kx.lowerBound...ky.upperBound }
            return Appended(converted: x.converted + y.converted, keys: keys)
        }

        private func run(_ records: UnsafeMutableBufferPointer<Record>, _ range: Range<Int>) -> Appended {
            var done = Appended(), first: UInt64?, last: UInt64?, rising = true
            strings.withUnsafeBufferPointer { s in
                attributes.withUnsafeBufferPointer { a in
                    for k in range {
                        var r = records[k]
                        if !conversions.isEmpty, let c = conversions[r.indicator] {
                            r.value *= c.factor
                            r.unit = c.unit
                            done.converted += 1
                        } else {
                            r.unit = s[Int(r.unit)]
                        }
                        r.region = s[Int(r.region)]; r.indicator = s[Int(r.indicator)]
                        r.attributes = a[Int(r.attributes)]
                        r.line &+= offset
                        records[k] = r
                        guard rising else { continue }
                        if let key = DuplicateFinder.packed(r, slot: slots[Int(r.attributes)]), last.map({ key > $0 }) ?? true {
                            if first == nil { first = key }
                            last = key
                        } else {
                            rising = false
                        }
                    }
                }
            }
            if rising, let first, let last { done.keys = first...last }
            return done
        }
    }
}
