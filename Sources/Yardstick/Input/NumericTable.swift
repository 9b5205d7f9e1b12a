/// Numeric columns of a CSV table by name, for ``LinearRegression``: every cell must be a decimal number.
public enum NumericTable {
    /// The named columns of `table`, parsed to double-double precision.
    /// - Throws: ``InputError/missingColumn(file:name:header:)`` or ``InputError/invalidCell(file:line:column:columnName:found:expected:)``
    ///   naming the first cell that is not a number.
    public static func columns(_ names: [String], of table: CSVTable) throws(InputError) -> [DataColumn] {
        var out: [DataColumn] = []
        for name in names {
            let j = try table.column(name)
            var values: [DoubleDouble] = []
            values.reserveCapacity(table.rows.count)
            for row in table.rows {
                guard let v = DataColumn.parseDecimal(row.fields[j]) else {
                    throw .invalidCell(file: table.file, line: row.line, column: j + 1, columnName: name,
                                       found: row.fields[j], expected: "a number")
                }
                values.append(v)
            }
            out.append(DataColumn(name: name, extended: values))
        }
        return out
    }
}
