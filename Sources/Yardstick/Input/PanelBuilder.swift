/// Collects observations from a reader, checking as it goes what every format must satisfy: one value per region,
/// indicator, period and kind (a bound beside a known value is allowed), and one unit per indicator (units that
/// differ only by a magnitude word, 万元 against 亿元, are converted exactly, and the conversion is reported).
struct PanelBuilder {
    let file: String
    private(set) var panel = Panel()
    private var firstLine: [String: Int] = [:]
    private var unitOf: [String: (unit: String, line: Int)] = [:]
    private var conversions = 0

    init(file: String) { self.file = file }

    /// A cell position for error messages.
    struct Cell { let line: Int; let column: Int; let name: String; let text: String }

    mutating func missing() { panel.missingValues += 1 }
    mutating func skip(_ n: Int = 1) { panel.skipped += n }

    /// Adds an observation read at `line`; `unitCell` locates the unit (or the value, when the unit is implied).
    mutating func add(_ o: Observation, line: Int, unitCell: Cell) throws(InputError) {
        var o = o
        o.location = "\(file):\(line)"
        if let known = unitOf[o.indicator] {
            if known.unit != o.unit {
                guard let factor = Units.factor(from: o.unit, to: known.unit) else {
                    throw .invalidCell(file: file, line: unitCell.line, column: unitCell.column, columnName: unitCell.name,
                                       found: unitCell.text,
                                       expected: "the unit '\(known.unit)' of indicator \(o.indicator) (line \(known.line)); one indicator cannot mix units")
                }
                o.value *= factor
                o.unit = known.unit
                conversions += 1
            }
        } else {
            unitOf[o.indicator] = (o.unit, line)
        }
        let slot = o.kind.rawValue + (o.qualifier.isPointValue ? "" : ":bound\(o.qualifier.symbol)")
        let key = [o.region, o.indicator, o.period.description, slot].joined(separator: "\u{1F}")
        if let first = firstLine[key] {
            throw .duplicate(file: file, line: line, firstLine: first,
                             what: "\(o.region) / \(o.indicator) / \(o.period) (\(o.kind == .target ? "target" : "value"))")
        }
        firstLine[key] = line
        if panel.indicators[o.indicator] == nil {
            panel.indicators[o.indicator] = Indicator(id: o.indicator, unit: o.unit)
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
