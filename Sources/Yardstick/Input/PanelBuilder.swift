/// Collects observations from a reader, checking as it goes what every format must satisfy: one value per region,
/// indicator, period and kind (a bound beside a known value is allowed), and one unit per indicator (units that
/// differ only by a magnitude word, 万元 against 亿元, are converted exactly, and the conversion is reported).
struct PanelBuilder {
    let file: String
    private(set) var panel = Panel()
    private var firstLine: [UInt64: Int] = [:]
    private var firstLineWide: [PackedKey: Int] = [:]
    private var regionIDs: [String: Int32] = [:], indicatorIDs: [String: Int32] = [:]
    private var lastRegion = (name: "", id: Int32(-1)), lastIndicator = (name: "", id: Int32(-1))
    private var lastUnit: (unit: String, line: Int)?

    /// The duplicate key with region and indicator interned as numbers (hashing two strings per row dominates the
    /// reading of large files otherwise).
    struct PackedKey: Hashable {
        let region: Int32, indicator: Int32, time: Double, slot: Int
    }

    private static func id(_ name: String, _ table: inout [String: Int32], _ last: inout (name: String, id: Int32)) -> Int32 {
        if last.id >= 0 && last.name == name { return last.id }
        let id = table[name] ?? { let n = Int32(table.count); table[name] = n; return n }()
        last = (name, id)
        return id
    }
    private var unitOf: [String: (unit: String, line: Int)] = [:]
    private var conversions = 0

    init(file: String, expectedRows: Int = 0) {
        self.file = file
        firstLine.reserveCapacity(expectedRows)
    }

    /// The key as one 64-bit number (20 bits each for region and indicator, 19 for the period, 5 for the slot)
    /// when the ids fit, which makes the duplicate check one integer hash per row; nil otherwise.
    static func packed(region: Int32, indicator: Int32, period: Period, slot: Int) -> UInt64? {
        guard region < 1 << 20, indicator < 1 << 20 else { return nil }
        let sub: Int
        switch period { case .year: sub = 0; case let .quarter(_, q): sub = q; case let .month(_, m): sub = 4 + m }
        let code = UInt64(period.year) << 5 | UInt64(sub)
        return UInt64(region) << 44 | UInt64(indicator) << 24 | code << 5 | UInt64(slot)
    }

    /// A cell position for error messages.
    struct Cell { let line: Int; let column: Int; let name: String; let text: String }

    mutating func missing() { panel.missingValues += 1 }
    mutating func skip(_ n: Int = 1) { panel.skipped += n }

    /// Adds an observation read at `line`; `unitCell` locates the unit (or the value, when the unit is implied).
    mutating func add(_ o: consuming Observation, line: Int, unitCell: @autoclosure () -> Cell) throws(InputError) {
        var o = o
        o.file = file
        o.line = line
        if let known = o.indicator == lastIndicator.name && lastUnit != nil ? lastUnit : unitOf[o.indicator] {
            lastUnit = known
            if known.unit != o.unit {
                guard let factor = Units.factor(from: o.unit, to: known.unit) else {
                    let cell = unitCell()
                    throw .invalidCell(file: file, line: cell.line, column: cell.column, columnName: cell.name,
                                       found: cell.text,
                                       expected: "the unit '\(known.unit)' of indicator \(o.indicator) (line \(known.line)); one indicator cannot mix units")
                }
                o.value *= factor
                o.unit = known.unit
                conversions += 1
            }
        } else {
            unitOf[o.indicator] = (o.unit, line)
            lastUnit = (o.unit, line)
            panel.indicators[o.indicator] = Indicator(id: o.indicator, unit: o.unit)
        }
        let regionID = PanelBuilder.id(o.region, &regionIDs, &lastRegion)
        let indicatorID = PanelBuilder.id(o.indicator, &indicatorIDs, &lastIndicator)
        let first: Int?
        if let key = PanelBuilder.packed(region: regionID, indicator: indicatorID, period: o.period, slot: o.duplicateSlot) {
            first = firstLine.updateValue(line, forKey: key)
            if let first { firstLine[key] = first }
        } else {
            let key = PackedKey(region: regionID, indicator: indicatorID, time: o.period.time + (o.period.isAnnual ? 0 : 0.5 / 24), slot: o.duplicateSlot)
            first = firstLineWide.updateValue(line, forKey: key)
            if let first { firstLineWide[key] = first }
        }
        if let first {
            throw .duplicate(file: file, line: line, firstLine: first,
                             what: "\(o.region) / \(o.indicator) / \(o.period) (\(o.kind == .target ? "target" : "value"))")
        }
        panel.observations.append(o)
    }

    mutating func warn(_ text: String) { panel.warnings.append(text) }

    /// The panel, with a summary of conversions.
    func finish() -> Panel {
        var p = panel
        if conversions > 0 {
            p.warnings.append("\(file): \(conversions) value\(conversions == 1 ? "" : "s") converted between units that differ by a magnitude word (万/亿)")
        }
        let subAnnual = p.observations.filter { !$0.period.isAnnual }.count
        if subAnnual > 0 {
            p.warnings.append("\(file): \(subAnnual) quarterly or monthly value\(subAnnual == 1 ? " is" : "s are") not used for yearly trends")
        }
        return p
    }
}
