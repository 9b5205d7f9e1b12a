import Yardstick

/// The sentences of warnings about the data read and about regressions, English and Chinese side by side.
extension ReportLabels {
    /// An encoding's usual name.
    static func encodingName(_ e: TextEncoding) -> String {
        switch e {
        case .automatic, .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .utf16: "UTF-16"
        case .cp1252: "Windows-1252"
        }
    }

    /// What starts a note on standard error.
    public var notePrefix: String { pick("Note: ", "注意：") }

    public func panelWarning(_ w: PanelWarning) -> String {
        switch w {
        case let .unitsConverted(file, n):
            pick("\(file): \(count(n, "value", "values", zh: "")) converted between units that differ only by a magnitude word",
                 "\(file)：\(n)个数值在仅数量级不同的单位之间换算（万/亿）")
        case let .convertedToEarlierFiles(file, n):
            pick("\(file): \(count(n, "value", "values", zh: "")) converted to the units of the files read before",
                 "\(file)：\(n)个数值已换算为先前读取文件的单位")
        case let .subAnnualNotInTrends(file, n):
            pick("\(file): \(count(n, "quarterly or monthly value is", "quarterly or monthly values are", zh: "")) not used for yearly trends",
                 "\(file)：\(n)个季度或月度数值未用于年度趋势")
        case let .rowsWithoutValues(file, n):
            pick("\(file): \(count(n, "row has", "rows have", zh: "")) no value in any year (their regions do not appear)",
                 "\(file)：\(n)行在所有年份均无数值（其地区未列出）")
        case let .namesOfAbsentRegions(file, regions):
            pick("\(file): names given for regions the data does not hold: \(regions.joined(separator: ", "))",
                 "\(file)：为数据中没有的地区给出了名称：\(regions.joined(separator: "、"))")
        case let .statementsNotRead(file, lines):
            pick("\(file): \(count(lines.count, "clause", "clauses", zh: "")) with numbers not read as statements (lines \(lines.map(String.init).joined(separator: ", ")); yardstick extract --unparsed lists them)",
                 "\(file)：\(lines.count)处含数字的语句未能识别（第\(lines.map(String.init).joined(separator: "、"))行；yardstick extract --unparsed 可列出）")
        case let .statementsAlsoInOtherFiles(file, n):
            pick("\(file): \(count(n, "statement is", "statements are", zh: "")) also in the other files, word for word, and read once",
                 "\(file)：\(n)条数据与其他文件完全相同，只读取一次")
        case let .textRegionAssumed(file, region):
            pick("\(file): the report's statements are taken as \(region)'s, the only region of the other files (give --text-region to choose)",
                 "\(file)：报告中的数据按其他文件中唯一的地区\(region)读取（可用 --text-region 指定）")
        case let .encodingAssumed(file, encoding):
            pick("\(file): not UTF-8; read as \(Self.encodingName(encoding)) (a guess from its bytes; give --encoding to choose)",
                 "\(file)：不是UTF-8，按\(Self.encodingName(encoding))读取（据字节推测，可用 --encoding 指定）")
        case let .unknownColumns(file, columns):
            pick("\(file): columns Yardstick does not read, left out: \(columns.joined(separator: ", "))",
                 "\(file)：Yardstick不读取的列（已略去）：\(columns.joined(separator: "、"))")
        case let .columnsNotRead(file, columns, cells):
            pick("\(file): columns not read as indicators: \(columns.joined(separator: ", ")) (\(count(cells, "cell", "cells", zh: "")))",
                 "\(file)：未作为指标读取的列：\(columns.joined(separator: "、"))（\(cells)个单元格）")
        }
    }

    public func panelWarningParameters(_ w: PanelWarning) -> [(String, JSONValue)] {
        switch w {
        case let .unitsConverted(file, n), let .convertedToEarlierFiles(file, n), let .subAnnualNotInTrends(file, n),
             let .rowsWithoutValues(file, n), let .statementsAlsoInOtherFiles(file, n):
            [("file", .string(file)), ("count", .integer(n))]
        case let .columnsNotRead(file, columns, cells):
            [("file", .string(file)), ("columns", .array(columns.map(JSONValue.string))), ("cells", .integer(cells))]
        case let .encodingAssumed(file, encoding):
            [("file", .string(file)), ("encoding", .string(encoding.rawValue))]
        case let .unknownColumns(file, columns):
            [("file", .string(file)), ("columns", .array(columns.map(JSONValue.string)))]
        case let .namesOfAbsentRegions(file, regions):
            [("file", .string(file)), ("regions", .array(regions.map(JSONValue.string)))]
        case let .statementsNotRead(file, lines):
            [("file", .string(file)), ("lines", .array(lines.map(JSONValue.integer)))]
        case let .textRegionAssumed(file, region):
            [("file", .string(file)), ("region", .string(region))]
        }
    }

    public func regressionWarning(_ w: RegressionWarning) -> String {
        switch w {
        case let .rankDeficient(terms, tolerance):
            pick("rank deficient at tolerance \(NumberFormat.significant(tolerance, 3)): dropped \(terms.joined(separator: ", ")) (collinear with the other terms; no estimate, NA)",
                 "在容差\(NumberFormat.significant(tolerance, 3))下秩亏：剔除\(terms.joined(separator: "、"))（与其他项共线，无估计值，NA）")
        case .noResidualDegreesOfFreedom:
            pick("no residual degrees of freedom: standard errors, t, p and intervals are undefined", "残差自由度为零：标准误、t值、p值和区间均无定义")
        case .perfectFit:
            pick("the fit is exact (all residuals zero): t statistics are infinite", "完全拟合（残差全为零）：t统计量为无穷大")
        }
    }

    /// A warning, a note or a verdict as a JSON object: its code, its sentence and its parameters.
    static func coded(_ code: String, _ text: String, _ parameters: [(String, JSONValue)]) -> JSONValue {
        .object([("code", .string(code)), ("text", .string(text)), ("params", .object(parameters))])
    }
}
