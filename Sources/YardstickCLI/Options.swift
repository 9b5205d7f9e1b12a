import ArgumentParser
import Yardstick
import YardstickReport

/// Output formats; each command accepts the subset it lists in its help.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Input options shared by every command that reads indicator data.
struct DataInputOptions: ParsableArguments {
    @Argument(help: "Long CSV files (region,indicator,year,value[,kind,qualifier,…]). None: the embedded Zhuzhou data.")
    var files: [String] = []

    @Option(help: "Only this region.")
    var region: String?

    @Option(help: "Only this indicator.")
    var indicator: String?

    /// The series read, filtered, with the counts of rows that are not trend points.
    func load() throws -> (series: [Series], missing: Int, notTrendPoints: Int) {
        var series: [Series] = [], missing = 0, other = 0
        let tables: [CSVTable]
        do {
            tables = files.isEmpty
                ? [try CSVTable(text: EmbeddedData.zhuzhouHistory, file: "embedded:Data/zhuzhou/history.csv")]
                : try files.map { try CSVTable(contentsOf: $0) }
            for t in tables {
                let r = try LongCSV.read(t)
                series += r.series; missing += r.missing; other += r.notTrendPoints
            }
        } catch { throw CommandError(error) }
        if let region { series = series.filter { $0.region == region } }
        if let indicator { series = series.filter { $0.indicator == indicator } }
        if series.isEmpty {
            throw CommandError("no series matched" + (region.map { " region '\($0)'" } ?? "") + (indicator.map { " indicator '\($0)'" } ?? ""))
        }
        return (series, missing, other)
    }
}

extension CommandError {
    init(_ message: String) { description = message }
}

/// Writes a finished rendering to standard output.
func emit(_ text: String) {
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
}
