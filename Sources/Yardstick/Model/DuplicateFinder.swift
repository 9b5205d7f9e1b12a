/// Finds an observation given twice: the same region, indicator, period and slot (target; actual; preliminary;
/// each kind of bound, ``Observation/duplicateSlot``).
enum DuplicateFinder {
    /// The first row (in reading order) whose key an earlier row has, with that earlier row; nil when every key
    /// is distinct. (Builders know when keys rose row after row and then need not ask.)
    ///
    /// Complexity: O(n) expected, one hash per row.
    static func first(in t: ObservationTable) -> (first: Int, second: Int)? {
        var firstRow: [UInt64: Int32] = [:]
        firstRow.reserveCapacity(t.count)
        for (i, r) in t.records.enumerated() {
            guard let key = packed(t, r) else { return firstByHashing(t) }
            if let f = firstRow.updateValue(Int32(i), forKey: key) { return (Int(f), i) }
        }
        return nil
    }

    /// The key as one 64-bit number (20 bits each for region and indicator, 19 for the period code, 5 for the
    /// slot) when it fits, nil otherwise.
    @inline(__always) static func packed(_ t: ObservationTable, _ o: ObservationTable.Record) -> UInt64? {
        packed(o, slot: UInt64(t.slot(o)))
    }

    @inline(__always) static func packed(_ o: ObservationTable.Record, slot: UInt64) -> UInt64? {
        let r = o.region, ind = o.indicator, p = o.period
        guard r < 1 << 20, ind < 1 << 20, p >= 0, p < 1 << 19 else { return nil }
        return UInt64(r) << 44 | UInt64(ind) << 24 | UInt64(p) << 5 | slot
    }

    private struct Key: Hashable { let region: Int32, indicator: Int32, period: Int32, slot: Int }

    private static func firstByHashing(_ t: ObservationTable) -> (first: Int, second: Int)? {
        var firstRow: [Key: Int] = [:]
        for (i, r) in t.records.enumerated() {
            let k = Key(region: r.region, indicator: r.indicator, period: r.period, slot: t.slot(r))
            if let f = firstRow.updateValue(i, forKey: k) { return (f, i) }
        }
        return nil
    }

    /// ``first(in:)`` for a panel merged from several files, each already free of duplicates: only a series and
    /// slot that two files both give can hold one, so the records are first grouped by series, slot and file (one
    /// hash where that changes from the record before, as files list a series' values together) and the period-level
    /// check runs on the shared ones alone. A forecast file beside a history file shares nothing and costs one pass.
    ///
    /// Complexity: O(n) with a hash per run of records, plus O(k) hashes for the k records of shared series.
    static func firstAcrossFiles(in t: ObservationTable) -> (first: Int, second: Int)? {
        let files = t.attributes.values.map(\.file), slots = t.attributes.values.indices.map { UInt64(t.slot(attributes: Int32($0))) }
        var owner: [UInt64: Int32] = [:]            // series and slot → the file that gave it first
        var shared = Set<UInt64>()
        var last = UInt64.max, lastFile: Int32 = -1
        func series(_ r: ObservationTable.Record) -> UInt64? {
            guard r.region < 1 << 20, r.indicator < 1 << 20 else { return nil }
            return UInt64(r.region) << 44 | UInt64(r.indicator) << 24 | slots[Int(r.attributes)]
        }
        for r in t.records {
            guard let key = series(r) else { return first(in: t) }
            let file = files[Int(r.attributes)]
            if key == last && file == lastFile { continue }
            last = key; lastFile = file
            if let f = owner[key] { if f != file { shared.insert(key) } } else { owner[key] = file }
        }
        guard !shared.isEmpty else { return nil }
        var firstRow: [UInt64: Int32] = [:]
        for (i, r) in t.records.enumerated() {
            guard let key = series(r), shared.contains(key) else { continue }
            guard let full = packed(r, slot: slots[Int(r.attributes)]) else { return first(in: t) }
            if let f = firstRow.updateValue(Int32(i), forKey: full) { return (Int(f), i) }
        }
        return nil
    }
}
