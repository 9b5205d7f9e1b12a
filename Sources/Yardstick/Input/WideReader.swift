/// A tidy wide table: one row per region and period, one column per indicator (like gapminder). The region and
/// period columns are named by the caller; the indicator columns too, or by default every other column whose
/// values are all numbers or missing. Cells of columns left out are counted in ``Panel/skipped``.
///
/// Read as the long format is (``PartedReading``). Choosing the columns by default reads the columns whose first
/// thousand cells are numbers (a text column such as a continent's is known from its first cell); a later cell
/// that is not a number makes the reader look at every cell first (``numericColumns(_:region:period:rows:)``) and
/// read again, so that the result is always that of the columns whose every cell is a number.
public enum WideReader {
    /// The columns of a wide table, resolved against its header.
    struct Columns: Sendable {
        let region: Int, period: Int
        let indicators: [Int]

        /// The columns named by the caller, the indicators by default every number column (``numericColumns``), or,
        /// with `sample`, every column whose first `sample` cells are numbers: a guess that reading confirms (a
        /// cell that is not a number is then an error, and the caller looks at every cell instead).
        init(_ table: CSVTable, regionColumn: String, periodColumn: String, indicatorColumns: [String]?,
             sample: Int? = nil) throws(InputError) {
            region = try table.column(regionColumn)
            period = try table.column(periodColumn)
            if let indicatorColumns {
                var chosen: [Int] = []
                for name in indicatorColumns { chosen.append(try table.column(name)) }
                indicators = chosen
            } else {
                indicators = try WideReader.numericColumns(table, region: region, period: period, rows: sample)
            }
        }
    }

    public static func read(_ table: CSVTable, regionColumn: String, periodColumn: String,
                            indicatorColumns: [String]? = nil) throws(InputError) -> Panel {
        try Reader.read(table, settings: Columns(table, regionColumn: regionColumn, periodColumn: periodColumn,
                                                 indicatorColumns: indicatorColumns))
    }

    /// Names that R (`rownames`, an empty name, `...1`, `X`) and pandas (`Unnamed: 0`) give the row numbers they
    /// write as a first column: never an indicator, though numeric (said among the columns not read).
    static func isRowNumbers(_ name: String) -> Bool {
        let n = name.trimmingCharacters(in: .whitespaces).lowercased()
        return n.isEmpty || n == "rownames" || n == "...1" || n == "x" || n == "unnamed: 0" || n == "row.names"
    }

    /// The columns other than the region and period (and the row numbers R and pandas write, ``isRowNumbers(_:)``)
    /// whose every cell (of the first `rows` rows, if given) is a number or missing, in order.
    ///
    /// - Complexity: O(cells), one pass; a column is no longer looked at after its first cell that is not a number.
    static func numericColumns(_ table: CSVTable, region: Int, period: Int, rows limit: Int? = nil) throws(InputError) -> [Int] {
        var candidate = table.header.indices.map { $0 != region && $0 != period && !(($0 == 0) && isRowNumbers(table.header[$0])) }
        var rows = CSVCursor(dataOf: table)
        while rows.records < limit ?? .max, try rows.next() {
            for c in candidate.indices where candidate[c] {
                let f = rows.raw(c)
                if f.isEmpty || FastParse.number(f) != nil { continue }
                if case .invalid = NumberText.parse(rows.text(c)) { candidate[c] = false }
            }
        }
        return candidate.indices.filter { candidate[$0] }
    }

    /// The state of reading one wide table (or a part of one).
    ///
    /// - Complexity: O(cells).
    struct Reader: PartReader {
        let table: CSVTable
        var rows: CSVCursor
        let columns: Columns
        /// The indicators' string numbers, column by column of `columns.indicators`.
        let names: [Int32]
        var builder: PanelBuilder
        var regionCache = FieldCache()
        /// Rows read (the cells of the columns left out are counted from them).
        var count = 0

        static func observations(rows: Int, columns: Int) -> Int { rows * max(columns - 2, 1) }

        init(_ table: CSVTable, rows: CSVCursor, records: RecordStore, settings: Columns) throws(InputError) {
            self.table = table
            self.rows = rows
            columns = settings
            var builder = PanelBuilder(file: table.file, records: records)
            names = settings.indicators.map { builder.intern(table.header[$0]) }
            self.builder = builder
        }

        mutating func readRows() throws(InputError) {
            while try rows.next() { try read() }
        }

        mutating func read() throws(InputError) {
            count += 1
            let region = regionCache.id(rows, columns.region, &builder)
            guard region != 0 else { throw bad(columns.region, "a region name") }
            guard let period = FastParse.year(rows.raw(columns.period)) ?? Period(NumberText.halfWidth(rows.text(columns.period))) else {
                throw bad(columns.period, "a year (2023), quarter (2023-Q1) or month (2023-01)")
            }
            let code = ObservationTable.code(period)
            for (k, c) in columns.indicators.enumerated() {
                var value: Double, unit: Int32 = 0
                let f = rows.raw(c)
                if let fast = FastParse.number(f) { value = fast } else if f.isEmpty { builder.missing(); continue } else {
                    switch NumberText.parse(rows.text(c)) {
                    case let .number(x, magnitude, percent):
                        value = x
                        unit = builder.intern(percent ? "%" : Units.attach(magnitude: magnitude, to: ""))
                    case .missing: builder.missing(); continue
                    case .invalid: throw bad(c, "a number or empty")
                    case .outOfRange: throw bad(c, NumberText.inRange)
                    }
                }
                if let conflict = builder.add(region: region, indicator: names[k], period: code, value: value, unit: unit,
                                              line: rows.line) {
                    throw conflict.error(at: cell(c))
                }
            }
        }

        mutating func absorb(_ other: Reader, lineOffset: Int) -> Bool {
            count += other.count
            return builder.absorb(other.builder, lineOffset: lineOffset)
        }

        func finish() throws(InputError) -> Panel {
            var b = builder
            let leftOut = table.header.count - 2 - columns.indicators.count
            b.skip(leftOut * count)
            if leftOut > 0 {
                let names = table.header.indices.filter { $0 != columns.region && $0 != columns.period && !columns.indicators.contains($0) }
                    .map { table.header[$0] }
                b.warn(.columnsNotRead(file: table.file, columns: names, cells: leftOut * count))
            }
            return try b.finish()
        }
    }
}
