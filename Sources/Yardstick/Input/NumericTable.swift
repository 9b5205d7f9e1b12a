/// Numeric columns of a CSV table by name, for ``LinearRegression``.
///
/// Rows can be chosen (`where`: a column equal to a value, every condition holding) and a row with a missing value
/// (empty, `NA`, `..` and the other markers of ``NumberText``) in one of the columns is left out and reported, as
/// R's `lm` does with `na.action = na.omit`, or is an error (`.fail`, R's `na.fail`). A cell that is neither a number
/// nor a missing marker is always an error.
public enum NumericTable {
    /// What to do with a row that has a missing value in one of the columns.
    public enum MissingValues: String, Sendable, CaseIterable {
        case omit, fail
    }

    /// The columns, and the lines of the rows left out for a missing value.
    public struct Selection: Sendable {
        public let columns: [DataColumn]
        public let omittedLines: [Int]
        /// Rows the `where` conditions left out.
        public let filteredOut: Int
    }

    /// The named columns of `table`, parsed to double-double precision.
    /// - Throws: ``InputError/missingColumn(file:name:header:)`` or ``InputError/invalidCell(file:line:column:columnName:found:expected:)``
    ///   naming the first cell that is not a number.
    public static func columns(_ names: [String], of table: CSVTable) throws(InputError) -> [DataColumn] {
        try select(names, of: table, missing: .fail).columns
    }

    /// The named columns of the rows of `table` where every `conditions` column holds its value (compared as text,
    /// without surrounding spaces), with rows missing a value left out (`.omit`) or an error (`.fail`).
    ///
    /// - Complexity: O(rows × columns).
    public static func select(_ names: [String], of table: CSVTable, where conditions: [(column: String, value: String)] = [],
                              missing: MissingValues) throws(InputError) -> Selection {
        let indices = try names.map { name throws(InputError) in try table.column(name) }
        let tests = try conditions.map { c throws(InputError) in (try table.column(c.column), c.value.trimmingCharacters(in: .whitespaces)) }
        var values = [[DoubleDouble]](repeating: [], count: names.count)
        var omitted: [Int] = [], filtered = 0
        rows: for row in table.rows {
            for (j, value) in tests where row.fields[j].trimmingCharacters(in: .whitespaces) != value { filtered += 1; continue rows }
            var parsed: [DoubleDouble] = []
            for (k, j) in indices.enumerated() {
                let cell = row.fields[j]
                if let v = DataColumn.parseDecimal(cell) { parsed.append(v); continue }
                let isMissing = NumberText.missingMarkers.contains(cell.trimmingCharacters(in: .whitespaces))
                if isMissing && missing == .omit { omitted.append(row.line); continue rows }
                throw .invalidCell(file: table.file, line: row.line, column: j + 1, columnName: names[k], found: cell,
                                   expected: isMissing ? "a number (a missing value stops the fit with --na fail; --na omit leaves the row out)" : "a number")
            }
            for k in parsed.indices { values[k].append(parsed[k]) }
        }
        return Selection(columns: zip(names, values).map { DataColumn(name: $0, extended: $1) }, omittedLines: omitted, filteredOut: filtered)
    }
}
