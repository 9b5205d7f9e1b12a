/// Distinct strings, each stored once and named by a number (regions, indicators, units, sources, notes, files).
///
/// ```swift
/// var pool = StringPool()
/// pool.intern("Zhuzhou")   // 1 (0 is the empty string)
/// pool["Zhuzhou"]          // 1
/// ```
/// Complexity: `intern` and lookup are one hash of the string.
struct StringPool: Sendable {
    private(set) var strings: [String] = [""]
    private var ids: [String: Int32] = ["": 0]

    /// The number of `s`, adding it when new.
    mutating func intern(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = Int32(strings.count)
        strings.append(s)
        ids[s] = id
        return id
    }

    /// The number of `s`, nil when it was never interned.
    subscript(_ s: String) -> Int32? { ids[s] }

    subscript(id id: Int32) -> String { strings[Int(id)] }
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
    /// ``strings``).
    struct Attributes: Hashable, Sendable {
        var kind: ObservationKind
        var qualifier: Int32, source: Int32, note: Int32, file: Int32
    }

    var strings = StringPool()
    /// Qualifiers in use, by number (0 is `.exact`).
    private(set) var qualifiers: [Qualifier] = [.exact]
    private var qualifierIDs: [Qualifier: Int32] = [.exact: 0]
    private(set) var attributes: [Attributes] = []
    private var attributeIDs: [Attributes: Int32] = [:]
    var records = RecordStore()

    var count: Int { records.count }

    mutating func qualifierID(_ q: Qualifier) -> Int32 {
        if q == .exact { return 0 }
        if let id = qualifierIDs[q] { return id }
        let id = Int32(qualifiers.count)
        qualifiers.append(q)
        qualifierIDs[q] = id
        return id
    }

    mutating func attributesID(_ a: Attributes) -> Int32 {
        if let id = attributeIDs[a] { return id }
        let id = Int32(attributes.count)
        attributes.append(a)
        attributeIDs[a] = id
        return id
    }

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

    @inline(__always) func kind(_ r: Record) -> ObservationKind { attributes[Int(r.attributes)].kind }

    /// Record `i` as an ``Observation``.
    func observation(_ i: Int) -> Observation {
        let r = records[i], a = attributes[Int(r.attributes)]
        return Observation(region: strings[id: r.region], indicator: strings[id: r.indicator], period: Self.period(r.period),
                           value: r.value, kind: a.kind, qualifier: qualifiers[Int(a.qualifier)], unit: strings[id: r.unit],
                           source: strings[id: a.source], note: strings[id: a.note], file: strings[id: a.file], line: Int(r.line))
    }

    /// Whether a record is a history point (an actual or preliminary value stated exactly or approximately).
    func isHistoryPoint(_ r: Record) -> Bool {
        let a = attributes[Int(r.attributes)]
        return a.kind != .target && (a.qualifier == 0 || qualifiers[Int(a.qualifier)] == .approximately)
    }

    /// The slot of a record in the duplicate key (``Observation/duplicateSlot``).
    @inline(__always) func slot(_ r: Record) -> Int { slot(attributes: r.attributes) }

    /// The slot of records with attributes `id`.
    @inline(__always) func slot(attributes id: Int32) -> Int {
        let a = attributes[Int(id)]
        if a.qualifier == 0 { return a.kind == .target ? 0 : a.kind == .actual ? 1 : 2 }
        return Observation.slot(kind: a.kind, qualifier: qualifiers[Int(a.qualifier)])
    }

    /// The records at `indices`, in that order.
    func gathering(_ indices: [Int]) -> ObservationTable {
        var t = self
        t.records = RecordStore(indices.lazy.map { records[$0] })
        return t
    }

    /// Numbers in this table for another table's strings and attributes (interning what is new).
    mutating func renumbering(_ other: ObservationTable) -> (strings: [Int32], attributes: [Int32]) {
        let s = other.strings.strings.map { strings.intern($0) }
        let q = other.qualifiers.map { qualifierID($0) }
        let a = other.attributes.map { x in
            attributesID(Attributes(kind: x.kind, qualifier: q[Int(x.qualifier)], source: s[Int(x.source)],
                                    note: s[Int(x.note)], file: s[Int(x.file)]))
        }
        return (s, a)
    }

    /// Appends another table's records, renumbering its strings and attributes into this table's.
    mutating func append(_ other: ObservationTable) {
        let (s, a) = renumbering(other)
        records.reserveCapacity(records.count + other.records.count)
        for var r in other.records {
            r.region = s[Int(r.region)]; r.indicator = s[Int(r.indicator)]; r.unit = s[Int(r.unit)]
            r.attributes = a[Int(r.attributes)]
            records.append(r)
        }
    }
}
