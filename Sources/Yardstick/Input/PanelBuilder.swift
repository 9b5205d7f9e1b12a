/// Collects observations from a reader, checking what every format must satisfy: one value per region, indicator,
/// period and kind (a bound beside a known value is allowed), and one unit per indicator (units that differ only by
/// a magnitude word, 万元 against 亿元, are converted exactly, and the conversion is reported).
///
/// Strings arrive as numbers from ``intern(_:)``, so that a row of a large file costs no string work; the
/// duplicate check runs once, in ``finish()`` (``DuplicateFinder``).
struct PanelBuilder {
    let file: String
    private(set) var panel = Panel()
    private let fileID: Int32
    /// The unit of each indicator (by string number; -1 not seen) and the line that set it.
    private var unitOf: [Int32] = [], unitLine: [Int32] = []
    private var conversions = 0, subAnnual = 0
    /// Whether every duplicate key so far has been larger than the one before (files sorted by region, indicator
    /// and period), and the last: then no key repeats and ``finish()`` need not look.
    private var increasing = true, lastKey: UInt64?
    /// The attributes of the last record and their number (consecutive rows usually share them).
    private var lastAttributes: (attributes: ObservationTable.Attributes, id: Int32)?

    init(file: String, expectedRows: Int = 0) {
        self.init(file: file, records: RecordStore(capacity: expectedRows))
    }

    /// A builder that fills `records` (empty; sized, or one of two ``RecordStore/adjacent(_:_:)`` stores).
    init(file: String, records: RecordStore) {
        self.file = file
        fileID = panel.table.strings.intern(file)
        panel.table.records = records
    }

    /// The number of a string (region, indicator, unit, source or note).
    mutating func intern(_ s: String) -> Int32 { panel.table.strings.intern(s) }

    mutating func qualifierID(_ q: Qualifier) -> Int32 { panel.table.qualifiers.intern(q) }

    mutating func missing(_ n: Int = 1) { panel.missingValues += n }
    mutating func skip(_ n: Int = 1) { panel.skipped += n }
    mutating func warn(_ w: PanelWarning) { panel.warnings.append(w) }

    /// A unit that differs from the one an indicator already has, other than by a magnitude word.
    struct UnitConflict {
        let expected: String
        /// The error, at the cell that holds the unit (or the value, when the unit is implied).
        func error(at cell: InputCell) -> InputError { cell.invalid(expected: expected) }
    }

    /// Adds an observation read at `line`, its strings given as numbers from ``intern(_:)`` and its period as
    /// ``ObservationTable/code(_:)``. Returns the conflict, and adds nothing, when the unit cannot be the
    /// indicator's (the caller knows the cell to name).
    mutating func add(region: Int32, indicator: Int32, period: Int32, value: Double, kind: ObservationKind = .actual,
                      qualifier: Int32 = 0, unit: Int32 = 0, source: Int32 = 0, note: Int32 = 0, stretch: Bool = false,
                      fieldSize: Int32 = 0, line: Int) -> UnitConflict? {
        var value = value, unit = unit
        let i = Int(indicator)
        if i < unitOf.count && unitOf[i] == unit {                  // the usual case: the indicator's known unit
            append(region: region, indicator: indicator, period: period, value: value, kind: kind, qualifier: qualifier,
                   unit: unit, source: source, note: note, stretch: stretch, fieldSize: fieldSize, line: line)
            return nil
        }
        growUnits(to: max(i + 1, panel.table.strings.count))
        let known = unitOf[i]
        if known < 0 {
            unitOf[i] = unit
            unitLine[i] = Int32(clamping: line)
            let id = panel.table.strings[id: indicator]
            panel.indicators[id] = Indicator(id: id, unit: panel.table.strings[id: unit])
        } else if known != unit {
            let knownUnit = panel.table.strings[id: known], id = panel.table.strings[id: indicator]
            guard let factor = Units.factor(from: panel.table.strings[id: unit], to: knownUnit) else {
                return UnitConflict(expected: "the unit '\(knownUnit)' of indicator \(id) (line \(unitLine[i])); one indicator cannot mix units")
            }
            value *= factor
            unit = known
            conversions += 1
        }
        append(region: region, indicator: indicator, period: period, value: value, kind: kind, qualifier: qualifier,
               unit: unit, source: source, note: note, stretch: stretch, fieldSize: fieldSize, line: line)
        return nil
    }

    /// Room in ``unitOf`` for string numbers below `n`.
    private mutating func growUnits(to n: Int) {
        guard n > unitOf.count else { return }
        unitOf += repeatElement(-1, count: n - unitOf.count)
        unitLine += repeatElement(0, count: n - unitLine.count)
    }

    /// The number of the attributes, remembered for the next record.
    @inline(__always)
    private mutating func attributesID(_ kind: ObservationKind, _ qualifier: Int32, _ source: Int32, _ note: Int32,
                                       stretch: Bool = false, fieldSize: Int32 = 0) -> Int32 {
        let attributes = ObservationTable.Attributes(kind: kind, qualifier: qualifier, source: source, note: note, file: fileID,
                                                     stretch: stretch, fieldSize: fieldSize)
        if let last = lastAttributes, last.attributes == attributes { return last.id }
        let id = panel.table.attributes.intern(attributes)
        lastAttributes = (attributes, id)
        return id
    }

    @inline(__always)
    private mutating func append(region: Int32, indicator: Int32, period: Int32, value: Double, kind: ObservationKind,
                                 qualifier: Int32, unit: Int32, source: Int32, note: Int32, stretch: Bool, fieldSize: Int32,
                                 line: Int) {
        if period & 31 != 0 { subAnnual += 1 }
        let id = attributesID(kind, qualifier, source, note, stretch: stretch, fieldSize: fieldSize)
        let record = ObservationTable.Record(region: region, indicator: indicator, period: period,
                                             line: Int32(truncatingIfNeeded: line), unit: unit, attributes: id, value: value)
        track(record)
        panel.table.records.append(record)
    }

    /// Adds the values of one row of a wide table, as ``add(region:indicator:period:value:kind:qualifier:unit:source:note:line:)``
    /// would one by one: actual values without a unit of one region and indicator, read on one line. Returns the
    /// index of the value whose unit conflicts, with the conflict.
    ///
    /// Complexity: O(count), with the unit and the attributes checked once for the row.
    mutating func addRow(region: Int32, indicator: Int32, line: Int, periods: UnsafePointer<Int32>,
                         values: UnsafePointer<Double>, count: Int) -> (index: Int, conflict: UnitConflict)? {
        let i = Int(indicator)
        guard i < unitOf.count && unitOf[i] == 0 else {            // first seen, or with another unit: one by one
            for k in 0..<count {
                if let c = add(region: region, indicator: indicator, period: periods[k], value: values[k], line: line) { return (k, c) }
            }
            return nil
        }
        let id = attributesID(.actual, 0, 0, 0), l = Int32(truncatingIfNeeded: line)
        for k in 0..<count {
            if periods[k] & 31 != 0 { subAnnual += 1 }
            let record = ObservationTable.Record(region: region, indicator: indicator, period: periods[k], line: l, unit: 0,
                                                 attributes: id, value: values[k])
            track(record)
            panel.table.records.append(record)
        }
        return nil
    }

    /// Adds an observation (its strings are interned here: convenient for small files); `unitCell` locates the
    /// unit (or the value, when the unit is implied) for the error when the unit conflicts.
    mutating func add(_ o: Observation, line: Int, unitCell: @autoclosure () -> InputCell) throws(InputError) {
        if let conflict = add(region: intern(o.region), indicator: intern(o.indicator), period: ObservationTable.code(o.period),
                              value: o.value, kind: o.kind, qualifier: qualifierID(o.qualifier), unit: intern(o.unit),
                              source: intern(o.source), note: intern(o.note), stretch: o.stretch,
                              fieldSize: Int32(clamping: o.fieldSize ?? 0), line: line) {
            throw conflict.error(at: unitCell())
        }
    }

    /// Takes in what `other` read from a later part of the same file, whose lines count from 1 after
    /// `lineOffset` lines: strings and qualifiers renumbered, lines shifted, units reconciled as if read in one
    /// pass. Returns false when a unit conflicts, and the builder is then to be dropped (reading the file in one
    /// pass names the cell).
    mutating func absorb(_ other: PanelBuilder, lineOffset: Int) -> Bool {
        let theirs = other.panel.table
        let offset = Int32(clamping: lineOffset)
        var conversions: [Int32: (factor: Double, unit: Int32)] = [:]
        for (i, u) in other.unitOf.enumerated() where u >= 0 {
            let id = theirs.strings[id: Int32(i)], ind = Int(panel.table.strings.intern(id))
            let unit = panel.table.strings.intern(theirs.strings[id: u])
            growUnits(to: ind + 1)
            let known = unitOf[ind]
            if known < 0 {
                unitOf[ind] = unit
                unitLine[ind] = other.unitLine[i] &+ offset
                panel.indicators[id] = other.panel.indicators[id]
            } else if known != unit {
                guard let f = Units.factor(from: theirs.strings[id: u], to: panel.table.strings[id: known]) else { return false }
                conversions[Int32(i)] = (f, known)
            }
        }
        let appended = panel.table.append(theirs, lineOffset: offset, conversions: conversions)
        self.conversions += appended.converted + other.conversions
        if increasing && theirs.count > 0 {                         // do the keys still rise across the join?
            if let keys = appended.keys, lastKey.map({ keys.lowerBound > $0 }) ?? true {
                lastKey = keys.upperBound
            } else {
                increasing = false
            }
        }
        panel.missingValues += other.panel.missingValues
        panel.skipped += other.panel.skipped
        panel.warnings += other.panel.warnings.filter { !panel.warnings.contains($0) }   // the header's, once
        subAnnual += other.subAnnual
        return true
    }

    @inline(__always) private mutating func track(_ r: ObservationTable.Record) {
        guard increasing else { return }
        let key = DuplicateFinder.packed(panel.table, r)
        if let key, lastKey.map({ key > $0 }) ?? true { lastKey = key } else { increasing = false }
    }

    /// The panel, once no observation is given twice, with a summary of conversions.
    func finish() throws(InputError) -> Panel {
        var p = panel
        if !increasing, let (first, second) = DuplicateFinder.first(in: p.table) {
            let o = p.table.observation(second)
            throw .duplicate(file: file, line: o.line, firstLine: Int(p.table.records[first].line),
                             what: "\(o.region) / \(o.indicator) / \(o.period) (\(o.kind == .target ? "target" : "value"))")
        }
        if conversions > 0 {
            p.warnings.append(.unitsConverted(file: file, count: conversions))
        }
        if subAnnual > 0 {
            p.warnings.append(.subAnnualNotInTrends(file: file, count: subAnnual))
        }
        return p
    }
}
