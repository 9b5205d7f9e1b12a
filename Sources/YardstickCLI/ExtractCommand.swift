import ArgumentParser
import Foundation
import Yardstick
import YardstickReport

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read a report's text into observations: one row per quantitative statement, as the long CSV.",
        discussion: "Example: yardstick extract report.txt --region Zhuzhou --year 2024 --output report.csv")

    @Argument(help: "The report as UTF-8 (or GB18030) text.")
    var file: String

    @Option(help: "The region the report is about (its id in the other data).")
    var region: String = "region"

    @Option(help: "The year of the targets (the results are of the year before); default: from the headings.")
    var year: Int?

    @Option(help: "Output: csv or json (default: from the --output file's extension, csv otherwise).")
    var format: ExtractFormat?

    @Option(help: "Indicator metadata CSV (id,name,…): an extracted name equal to a row's name or English name becomes that row's id.")
    var metadata: String?

    @Option(help: "A CSV of name,id: the indicator an extracted name stands for (before the metadata's names).")
    var indicatorNames: String?

    @Flag(help: "List the clauses with numbers that were not read (CSV: line, reason, text; JSON: the whole extraction, whose \"unparsed\" lists them).")
    var unparsed = false

    @OptionGroup var output: OutputOptions

    enum ExtractFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

    func run() throws {
        let inputs = [file] + [metadata, indicatorNames].compactMap { $0 }
        try output.check(inputs: inputs)
        var extraction: Extraction
        do {
            extraction = try ReportExtractor(year: year).extract(contentsOf: file)
            var reader = PanelReader()
            reader.metadataFile = metadata
            reader.textNamesFile = indicatorNames
            let named = try reader.namingIndicators()
            if !named.isEmpty { extraction = extraction.named(by: named).extraction }
        } catch { throw CommandError(error) }
        guard extraction.targetYear != nil || extraction.resultsYear != nil || extraction.statements.isEmpty == false else {
            throw CommandError("\(file): no heading gives the report's year; give --year (the year of its targets)")
        }
        if extraction.statements.isEmpty && !unparsed {
            let outside = extraction.unparsed.filter { $0.reason == .outsideSections }.count
            throw CommandError(outside > 0
                ? "\(file): no statements: the \(outside) lines with numbers are outside any section; statements are read under a heading (#, 一、) or a label ending in a colon that says results (成绩, 回顾 …) or targets (目标, 安排 …); --unparsed lists them"
                : "\(file): no quantitative statements found")
        }
        let chosen = format ?? (output.output?.lowercased().hasSuffix(".json") == true ? .json : .csv)
        let rendered: String
        if unparsed {
            rendered = chosen == .json ? ExtractionRenderer.json(extraction, region: region).rendered() + "\n" : ExtractionRenderer.unparsedCSV(extraction)
        } else if chosen == .json {
            rendered = ExtractionRenderer.json(extraction, region: region).rendered() + "\n"
        } else {
            rendered = ExtractionRenderer.csv(extraction, region: region, file: file)
        }
        try output.write(rendered, inputs: inputs)
    }
}
