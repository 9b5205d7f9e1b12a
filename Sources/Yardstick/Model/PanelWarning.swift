/// Something about the data read that its user should know: returned with the panel, made into a sentence by the
/// report module.
public enum PanelWarning: Sendable, Equatable {
    /// Values converted within a file between units that differ by a magnitude word (万元 and 亿元).
    case unitsConverted(file: String, count: Int)
    /// Values of a file converted to the units the files read before give the same indicator.
    case convertedToEarlierFiles(file: String, count: Int)
    /// Quarterly or monthly values, which yearly trends do not use.
    case subAnnualNotInTrends(file: String, count: Int)
    /// Rows of a year-column table with no value in any year (their regions do not appear).
    case rowsWithoutValues(file: String, count: Int)
    /// Columns of a wide table not read as indicators (left out by `--indicator-columns` or not numeric), and the
    /// cells they hold.
    case columnsNotRead(file: String, columns: [String], cells: Int)
    /// Clauses of a report's text with numbers that were not read as statements (``ReportExtractor``), by line.
    case statementsNotRead(file: String, lines: [Int])
    /// Statements of a report's text that the other files already hold, word for word: read once.
    case statementsAlsoInOtherFiles(file: String, count: Int)
    /// A report's text read as the statements of `region`, the one region of the other files (no region was given).
    case textRegionAssumed(file: String, region: String)
    /// A file that is not UTF-8 read in the encoding its bytes suggest (``TextEncoding/automatic``).
    case encodingAssumed(file: String, encoding: TextEncoding)
    /// Columns of a long table or a metadata file that Yardstick does not read (not close to any it reads: those are
    /// errors), left out of every analysis.
    case unknownColumns(file: String, columns: [String])
    /// Regions named in a region-names file that the data does not hold (a misspelt id names nothing).
    case namesOfAbsentRegions(file: String, regions: [String])

    /// A stable identifier for machine output.
    public var code: String {
        switch self {
        case .unitsConverted: "units_converted"
        case .convertedToEarlierFiles: "converted_to_earlier_files"
        case .subAnnualNotInTrends: "sub_annual_not_in_trends"
        case .rowsWithoutValues: "rows_without_values"
        case .columnsNotRead: "columns_not_read"
        case .unknownColumns: "unknown_columns"
        case .encodingAssumed: "encoding_assumed"
        case .namesOfAbsentRegions: "names_of_absent_regions"
        case .statementsNotRead: "statements_not_read"
        case .textRegionAssumed: "text_region_assumed"
        case .statementsAlsoInOtherFiles: "statements_also_in_other_files"
        }
    }
}
