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

    @OptionGroup var scope: ScopeOptions

    @Option(help: "Output: text, markdown, html, json or csv.")
    var format: ReportFormat = .text

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup var assessment: AssessmentOptions

    func validate() throws {
        if (ScopeOptions.names(scope.region)?.count ?? 0) > 1 {
            throw ValidationError("a report covers one region; give one --region (gap compares several)")
        }
    }

    func run() throws {
        let index = try input.read()
        var scope = try scope.scope(in: index)
        guard let region = scope.regions?.first ?? index.regionWithMostTargets(in: scope) else {
            throw CommandError("the data holds no targets (rows with kind 'target'); try yardstick trend")
        }
        scope.regions = [region]
        let progress = ProgressBar(total: index.targets(in: scope).count, label: "assessing targets")
        let assessments = GapAnalysis(settings: assessment.settings).assess(index, scope: scope, progress: progress.update)
        let labels = language.labels(for: index)
        let document = ReportBuilder(language: labels.language).document(region: region, assessments: assessments, index: index)
        let text: String
        switch format {
        case .text: text = TextReport.render(document, colour: output == nil && Terminal.colourOnStandardOutput)
        case .markdown: text = MarkdownReport.render(document)
        case .html: text = HTMLReport.render(document)
        case .json: text = ReportJSON.render(document)
        case .csv: text = GapRenderer.csv(assessments, labels: labels)
        }
        if let output {
            do { try AtomicFile.write(text, to: output) } catch { throw CommandError(error) }
        } else {
            emit(text)
        }
    }
}
