extension PanelReader {
    /// Adds another file's panel to `panel`. An indicator already read in another unit is converted when the units
    /// differ only by a magnitude word (万元 and 亿元), and is an error otherwise, naming the first conflicting line.
    ///
    /// - Complexity: O(records of `other` + its strings).
    static func merge(_ other: Panel, into panel: inout Panel) throws(InputError) {
        var conversions: [Int32: (factor: Double, unit: Int32)] = [:]
        for (k, v) in other.indicators.sorted(by: { $0.key < $1.key }) {
            guard let mine = panel.indicators[k] else { panel.indicators[k] = v; continue }
            guard mine.unit != v.unit, let id = other.table.strings[k] else { continue }
            guard let f = Units.factor(from: v.unit, to: mine.unit) else {
                let o = other.observations.first { $0.indicator == k }!
                throw .invalidCell(file: o.file, line: o.line, column: 0, columnName: "unit", found: v.unit,
                                   expected: "the unit '\(mine.unit)' that indicator \(k) has in the files read before; one indicator cannot mix units")
            }
            conversions[id] = (f, panel.table.strings.intern(mine.unit))
        }
        let converted = panel.table.append(other.table, conversions: conversions).converted
        if converted > 0 {
            panel.warnings.append(.convertedToEarlierFiles(file: other.observations.first?.file ?? "", count: converted))
        }
        panel.missingValues += other.missingValues
        panel.skipped += other.skipped
        panel.warnings += other.warnings
        panel.regionNames.merge(other.regionNames) { mine, _ in mine }
    }
}
