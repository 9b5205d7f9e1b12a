import ArgumentParser
import Foundation
import Yardstick
import YardstickReport

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json, csv

    /// The format an output file's extension names (.html, .md, .json, .csv), text otherwise.
    init(forOutput output: String?) {
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "csv": self = .csv
        default: self = .text
        }
    }
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

    @Option(help: "Output: text, markdown, html, json or csv (default: from the --output file's extension, .html, .md, .json or .csv; otherwise text).")
    var format: ReportFormat?

    @OptionGroup var output: OutputOptions

    /// The format asked for, or the one the output file's extension names.
    var chosenFormat: ReportFormat { format ?? ReportFormat(forOutput: output.output) }

    @OptionGroup var language: LanguageOption

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var targets: TargetChoiceOptions

    func validate() throws {
        if Set(ScopeOptions.names(scope.region) ?? []).count > 1 {
            throw ValidationError("a report covers one region; give one --region (gap compares several)")
        }
    }

    func run() throws {
        try output.check(inputs: input.paths)          // before any work: an input is never replaced
        let index = try input.read(notes: language)
        var scope = try scope.scope(in: index)
        // The region: the one given, or the one with the most targets in the whole data (choosing indicators does
        // not change the region a report is about).
        guard let region = scope.regions?.first ?? index.regionWithMostTargets() else {
            throw CommandError("the data holds no targets (rows with kind 'target'); try yardstick trend")
        }
        if scope.regions == nil {
            let withTargets = Set(index.targets(in: scope).map(\.region))
            if withTargets.count > 1 {
                var just = scope
                just.regions = [region]
                Terminal.note(language.labels(for: index).regionChosen(region, targets: index.targets(in: just).count, regions: withTargets.count),
                              labels: language.labels(for: index))
            }
        }
        scope.regions = [region]
        scope.targetYears = try targets.targetYears(in: index, scope: scope)
        let count = index.targets(in: scope).count
        guard count > 0 else {
            let name = language.labels(for: index).regionName(region)
            throw CommandError(scope.indicators == nil ? "\(name) has no targets in the data; give a --region that has"
                                                       : "\(name) has no targets for the indicators chosen")
        }
        let progress = ProgressBar(total: count, label: "assessing targets")
        let assessments = GapAnalysis(settings: assessment.settings).assess(index, scope: scope, progress: progress.update)
        let labels = language.labels(for: index)
        // The region against its peers, where the data allow: without enough shared indicators, none.
        let peers = try? BenchmarkAnalysis(.report).run(index, focus: region)
        // How well the data's earlier targets were foretold, with the same settings: the whole data, where it has outcomes.
        let backtest = Backtest(settings: BacktestSettings(gap: assessment.settings, adjustment: assessment.targetRecord ? .targets : .none)).run(index.panel)
        let document = ReportBuilder(language: labels.language).document(region: region, assessments: assessments, index: index,
                                                                          peers: peers?.peers.regions.contains(region) == true ? peers : nil,
                                                                          backtest: backtest.assessed > 0 ? backtest : nil, model: assessment.model.kind)
        let text: String
        switch chosenFormat {
        case .text: text = TextReport.render(document, colour: output.output == nil && Terminal.colourOnStandardOutput)
        case .markdown: text = MarkdownReport.render(document)
        case .html: text = HTMLReport.render(document)
        case .json: text = ReportJSON.render(document)
        case .csv: text = GapRenderer.csv(assessments, labels: labels)
        }
        try output.write(text.hasSuffix("\n") ? text : text + "\n", inputs: input.paths)
        try targets.checkFailOn(document.assessments)
    }
}
