/// A named numeric column, as read from a table, for ``LinearRegression``.
///
/// Values read from text keep the digits a `Double` cannot hold (they are parsed to double-double precision), so
/// that a regression on decimal data such as NIST's is solved for the data as written, not for its rounding.
///
/// ```swift
/// let x = DataColumn(name: "year", values: [2019, 2020, 2021])
/// let y = DataColumn(name: "y", decimalText: ["0.8116", "0.9072", "0.9052"])!
/// ```
public struct DataColumn: Sendable {
    /// The column's name, used for the term it enters as.
    public let name: String
    /// The values, rounded to `Double`.
    public let values: [Double]
    /// The values to double-double precision.
    let extended: [DoubleDouble]

    /// A column of `Double` values (taken as exact).
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
        self.extended = values.map(DoubleDouble.init)
    }

    /// A column parsed from decimal text (`-6.860120914`, `1.5E-03`); nil when a cell is not a plain decimal
    /// number. Readers that need to say which cell failed use ``parseDecimal(_:)`` cell by cell.
    public init?(name: String, decimalText: [String]) {
        var ext: [DoubleDouble] = []
        ext.reserveCapacity(decimalText.count)
        for cell in decimalText {
            guard let v = DataColumn.parseDecimal(cell) else { return nil }
            ext.append(v)
        }
        self.name = name
        self.extended = ext
        self.values = ext.map(\.double)
    }

    init(name: String, extended: [DoubleDouble]) {
        self.name = name
        self.extended = extended
        self.values = extended.map(\.double)
    }

    /// Parses one decimal cell, keeping about 31 significant digits; nil for anything that is not a decimal number.
    static func parseDecimal(_ text: String) -> DoubleDouble? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let v = DoubleDouble(decimal: Substring(trimmed)) { return v }
        // More than 31 digits, or a form the exact parser does not take (inf, hex): fall back to Double.
        guard let d = Double(trimmed), d.isFinite else { return nil }
        return DoubleDouble(d)
    }

    /// Number of values.
    public var count: Int { values.count }
}
