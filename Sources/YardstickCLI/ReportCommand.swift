import ArgumentParser
import Yardstick
import YardstickReport

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json, csv
}

extension ReportLanguage: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The scorecard: headline, targets against trends, findings and caveats, as text, Markdown, HTML, JSON or CSV.",
        discussion: """
            With no file, the embedded Zhuzhou data. Without --region, the region with the most targets.
            Example: yardstick report --format html --output zhuzhou.html
            """)

    @OptionGroup var input: DataInputOptions

    @Option(help: "Output: text, markdown, html, json or csv.")
    var format: ReportFormat = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Labels in en or zh (default: the language of the data's indicator names).")
    var lang: ReportLanguage?

    @OptionGroup var assessment: AssessmentOptions

    func run() throws {
        var panel = try input.load()
        guard let region = input.region ?? panel.regionWithMostTargets else {
            throw CommandError("the data holds no targets (rows with kind 'target'); try yardstick trend")
        }
        let progress = ProgressBar(total: panel.targets.count { $0.region == region }, label: "assessing targets")
        let assessments = GapAnalysis(settings: assessment.settings)
            .assess(panel, region: region, progress: progress.update)
        panel.filter { $0.region == region }
        let document = ReportBuilder(language: lang ?? ReportBuilder.language(of: panel))
            .document(region: region, assessments: assessments, panel: panel)
        let text: String
        switch format {
        case .text: text = TextReport.render(document, colour: output == nil && Terminal.colourOnStandardOutput)
        case .markdown: text = MarkdownReport.render(document)
        case .html: text = HTMLReport.render(document)
        case .json: text = ReportJSON.render(document)
        case .csv: text = GapRenderer.csv(assessments)
        }
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandError(error) }
        } else {
            emit(text)
        }
    }
}
