/// World Bank tables with one column per year: the bulk `WDICSV.csv` layout (`Country Name,Country Code,Indicator
/// Name,Indicator Code,1960,…`), the single-indicator API download (four preamble lines, a trailing comma on every
/// row), and the same shape with other names for the region and indicator columns (`country,indicator,2000,…`).
/// Each region and indicator has one row: a second row for the same pair is an error naming both lines.
public enum WDIReader {
    /// Lines before the header in an API download (`"Data Source","World Development Indicators",` …).
    static func preambleLines(_ text: String) -> Int {
        // Any line end: "\r\n" is one Character, which a split on "\n" would not see.
        let lines = text.split(maxSplits: 8, omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first?.contains("Data Source") == true else { return 0 }
        return lines.firstIndex { $0.contains("Country Name") || $0.contains("Country Code") } ?? 0
    }

    public static func read(_ table: CSVTable) throws(InputError) -> Panel { try Reader.read(table) }

    /// The columns of a World Bank table: region, indicator, the indicator's name if any, and each year column with
    /// its year (four-digit headers).
    static func columns(_ table: CSVTable) throws(InputError) -> (region: Int, indicator: Int, name: Int?, years: [(column: Int, year: Int)]) {
        guard let region = table.optionalColumn("Country Code", "country", "region", "Country Name", "geo") else {
            throw .missingColumn(file: table.file, name: "Country Code", header: table.header)
        }
        guard let indicator = table.optionalColumn("Indicator Code", "indicator") else {
            throw .missingColumn(file: table.file, name: "Indicator Code", header: table.header)
        }
        // Every named column after the id columns is a year, once: a header such as 20x1 or a year given twice is
        // an error at its column of the header line (it would otherwise be passed over, or read twice).
        let line = table.headerEndLine - 1, idColumns = [region, indicator, table.optionalColumn("Indicator Name") ?? -1,
                                                          table.optionalColumn("Country Name") ?? -1]
        var years: [(column: Int, year: Int)] = [], seen: [Int: Int] = [:]
        for (i, h) in table.header.enumerated() where i > idColumns.max()! {
            let t = h.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }                                   // a trailing delimiter
            guard let p = Period(t), p.isAnnual, t.count == 4 else {
                throw .invalidCell(file: table.file, line: line, column: i + 1, columnName: h, found: h,
                                   expected: "a year such as 2020 (the columns after the indicator are years)")
            }
            if let first = seen[p.year] {
                throw .invalidCell(file: table.file, line: line, column: i + 1, columnName: h, found: h,
                                   expected: HeaderCheck.alreadyUsed(column: first))
            }
            seen[p.year] = i
            years.append((i, p.year))
        }
        guard !years.isEmpty else { throw .missingColumn(file: table.file, name: "a year column (1960, …)", header: table.header) }
        return (region, indicator, table.optionalColumn("Indicator Name"), years)
    }

    /// The state of reading one table: its columns, the panel so far, indicator names, rows without a value.
    struct Reader: PartReader {
        /// The header (and file name); the data come from `rows`.
        let table: CSVTable
        var rows: CSVCursor
        let regionC: Int, indC: Int, nameC: Int?
        /// The year columns and their period codes.
        let years: [(column: Int, code: Int32)]
        var builder: PanelBuilder
        var names: [Int32: String] = [:]
        var emptyRows = 0
        /// The line of each region and indicator's row (a second row for the same pair is an error).
        var rowLine: [UInt64: Int] = [:]
        var regionCache = FieldCache(), indicatorCache = FieldCache()
        let scratch: Scratch

        static func observations(rows: Int, columns: Int) -> Int { rows * max(columns - 4, 1) }

        init(_ table: CSVTable, rows: CSVCursor, records: RecordStore, settings: Void = ()) throws(InputError) {
            self.table = table
            self.rows = rows
            builder = PanelBuilder(file: table.file, records: records)
            let columns = try WDIReader.columns(table)
            regionC = columns.region
            indC = columns.indicator
            nameC = columns.name
            years = columns.years.map { ($0.column, ObservationTable.code(.year($0.year))) }
            scratch = Scratch(years.count)
        }


        mutating func readRows() throws(InputError) {
            while try rows.next() { try read() }
        }

        mutating func read() throws(InputError) {
            let line = rows.line
            let region = regionCache.id(rows, regionC, &builder)
            let indicator = indicatorCache.id(rows, indC, &builder)
            guard region != 0 else { throw bad(regionC, "a country code") }
            guard indicator != 0 else { throw bad(indC, "an indicator code") }
            if let nameC, names[indicator] == nil { names[indicator] = rows.text(nameC) }
            // Plain numbers are gathered and added as one row; a value with a magnitude word (its own unit) is
            // added on its own, after the values before it, so that the order is the columns'.
            let periods = scratch.periods, values = scratch.values, columns = scratch.columns
            var pending = 0, any = false
            for k in years.indices {
                let c = years[k].column
                let f = rows.raw(c)
                if f.isEmpty { builder.missing(); continue }
                var value = FastParse.number(f)
                if value == nil {
                    switch NumberText.parse(rows.text(c)) {
                    case let .number(x, magnitude, _):
                        if magnitude == nil { value = x; break }
                        try flush(region, indicator, pending)
                        pending = 0
                        any = true
                        let unit = builder.intern(Units.attach(magnitude: magnitude, to: ""))
                        if let conflict = builder.add(region: region, indicator: indicator, period: years[k].code, value: x,
                                                      unit: unit, line: line) {
                            throw conflict.error(at: cell(c))
                        }
                        continue
                    case .missing: builder.missing(); continue
                    case .invalid: throw bad(c, "a number or empty")
                    case .outOfRange: throw bad(c, NumberText.inRange)
                    }
                }
                periods[pending] = years[k].code
                values[pending] = value!
                columns[pending] = c
                pending += 1
                any = true
            }
            try flush(region, indicator, pending)
            guard any else { emptyRows += 1; return }
            let key = PanelIndex.key(region, indicator)
            if let first = rowLine[key] {
                let strings = builder.panel.table.strings
                throw .duplicate(file: table.file, line: line, firstLine: first,
                                 what: "\(strings[id: region]) / \(strings[id: indicator]): a second row for this region and indicator")
            }
            rowLine[key] = line
        }


        /// Adds the first `count` gathered values of the current row.
        private mutating func flush(_ region: Int32, _ indicator: Int32, _ count: Int) throws(InputError) {
            if let (k, conflict) = builder.addRow(region: region, indicator: indicator, line: rows.line,
                                                  periods: scratch.periods, values: scratch.values, count: count) {
                throw conflict.error(at: cell(scratch.columns[k]))
            }
        }

        /// Room for one row's values, gathered before they are added.
        final class Scratch: @unchecked Sendable {
            let periods: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Double>, columns: UnsafeMutablePointer<Int>
            init(_ n: Int) {
                periods = .allocate(capacity: max(n, 1))
                values = .allocate(capacity: max(n, 1))
                columns = .allocate(capacity: max(n, 1))
            }
            deinit {
                periods.deallocate()
                values.deallocate()
                columns.deallocate()
            }
        }

        mutating func absorb(_ other: Reader, lineOffset: Int) -> Bool {
            // A pair with a row in both parts: one pass names the second row.
            let theirs = other.builder.panel.table.strings, mine = builder.panel.table.strings
            for key in other.rowLine.keys {
                let r = theirs[id: Int32(truncatingIfNeeded: key >> 32)], i = theirs[id: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)]
                if let a = mine[r], let b = mine[i], rowLine[PanelIndex.key(a, b)] != nil { return false }
            }
            guard builder.absorb(other.builder, lineOffset: lineOffset) else { return false }
            for (key, line) in other.rowLine {
                let r = theirs[id: Int32(truncatingIfNeeded: key >> 32)], i = theirs[id: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)]
                rowLine[PanelIndex.key(builder.intern(r), builder.intern(i))] = line + lineOffset
            }
            for (id, name) in other.names {
                let mine = builder.intern(other.builder.panel.table.strings[id: id])
                if names[mine] == nil { names[mine] = name }
            }
            emptyRows += other.emptyRows
            return true
        }

        func finish() throws(InputError) -> Panel {
            var b = builder
            if emptyRows > 0 {
                b.warn(.rowsWithoutValues(file: table.file, count: emptyRows))
            }
            var panel = try b.finish()
            for (id, name) in names {
                let code = panel.table.strings[id: id]
                var indicator = panel.indicators[code] ?? Indicator(id: code)      // its unit, set by the values
                indicator.name = name
                panel.indicators[code] = indicator
            }
            return panel
        }
    }
}
