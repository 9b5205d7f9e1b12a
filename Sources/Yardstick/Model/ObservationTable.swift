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

/// Observations as flat records, strings as numbers into one ``StringPool``: a million observations are one
/// array of 48-byte records instead of a million structs of six strings each, so that reading, filtering and
/// grouping touch numbers only and copying them touches no reference count.
///
/// Periods are stored as ``code(_:)``: `year × 32 + sub`, where sub is 0 for a year, 1–4 for a quarter, 5–16 for
/// a month, so that codes sort as periods do.
struct ObservationTable: Sendable {
    /// One observation; every string is a number from ``ObservationTable/strings``.
    struct Record: Sendable {
        var region: Int32, indicator: Int32, period: Int32
        var kind: ObservationKind
        var qualifier: Int32, unit: Int32, source: Int32, note: Int32, file: Int32, line: Int32
        var value: Double

        /// Whether the period is a whole year.
        var isAnnual: Bool { period & 31 == 0 }
        var year: Int { Int(period >> 5) }
    }

    var strings = StringPool()
    /// Qualifiers in use, by number (0 is `.exact`).
    private(set) var qualifiers: [Qualifier] = [.exact]
    private var qualifierIDs: [Qualifier: Int32] = [.exact: 0]
    var records: [Record] = []

    var count: Int { records.count }

    mutating func qualifierID(_ q: Qualifier) -> Int32 {
        if q == .exact { return 0 }
        if let id = qualifierIDs[q] { return id }
        let id = Int32(qualifiers.count)
        qualifiers.append(q)
        qualifierIDs[q] = id
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

    /// Record `i` as an ``Observation``.
    func observation(_ i: Int) -> Observation {
        let r = records[i]
        return Observation(region: strings[id: r.region], indicator: strings[id: r.indicator], period: Self.period(r.period),
                           value: r.value, kind: r.kind, qualifier: qualifiers[Int(r.qualifier)], unit: strings[id: r.unit],
                           source: strings[id: r.source], note: strings[id: r.note], file: strings[id: r.file], line: Int(r.line))
    }

    /// Whether a record is a history point (an actual or preliminary value stated exactly or approximately).
    func isHistoryPoint(_ r: Record) -> Bool {
        r.kind != .target && (r.qualifier == 0 || qualifiers[Int(r.qualifier)] == .approximately)
    }

    /// The slot of a record in the duplicate key (``Observation/duplicateSlot``).
    func slot(_ r: Record) -> Int {
        if r.qualifier == 0 { return r.kind == .target ? 0 : r.kind == .actual ? 1 : 2 }
        return Observation.slot(kind: r.kind, qualifier: qualifiers[Int(r.qualifier)])
    }

    /// The records at `indices`, in that order.
    func gathering(_ indices: [Int]) -> ObservationTable {
        var t = self
        t.records = indices.map { records[$0] }
        return t
    }

    /// Appends another table's records, renumbering its strings and qualifiers into this table's.
    mutating func append(_ other: ObservationTable) {
        let s = other.strings.strings.map { strings.intern($0) }
        let q = other.qualifiers.map { qualifierID($0) }
        records += other.records.map { r in
            var r = r
            r.region = s[Int(r.region)]; r.indicator = s[Int(r.indicator)]; r.unit = s[Int(r.unit)]
            r.source = s[Int(r.source)]; r.note = s[Int(r.note)]; r.file = s[Int(r.file)]
            r.qualifier = q[Int(r.qualifier)]
            return r
        }
    }
}
