import ArgumentParser
import Yardstick
import YardstickReport

extension ForecastAdjustment: ExpressibleByArgument {}

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score the probabilities of meeting targets against the outcomes: each target assessed with only the data before its year.",
        discussion: """
            With no file, the embedded Zhuzhou data. Scores: Brier and log score, a calibration table, and the same \
            scores for the base rate and each published method's verdict.
            Example: yardstick backtest Data/china/national_record.csv --metadata Data/china/indicators.csv
            """)

    @OptionGroup var input: DataInputOptions

    @OptionGroup var scope: ScopeOptions

    @OptionGroup var assessment: AssessmentOptions

    @Option(help: ArgumentHelp("Score only the targets of this year and later (earlier ones still make the base rates and records).", valueName: "year"))
    var from: Int?

    @Option(help: "Probabilities scored: none (the trend's), record (the trend corrected by the indicator's record of earlier forecasts), or targets (from the record of its earlier targets against their outcomes; the share of every earlier target met while it has fewer than five).")
    var adjust: ForecastAdjustment = .none

    @Option(help: "The number of equal-width probability bins of the calibration table.")
    var bins = 10

    @OptionGroup var language: LanguageOption

    @Option(help: "Output: text, markdown, html, json or csv (default: from the --output file's extension, text otherwise).")
    var format: ReportFormat?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...100).contains(bins) else { throw ValidationError("--bins takes 1 to 100, got \(bins)") }
        if let from, !(1000...9999).contains(from) { throw ValidationError("--from takes a year, got \(from)") }
    }

    func run() throws {
        try output.check(inputs: input.paths)
        let index = try input.read(notes: language)
        let scope = try scope.scope(in: index)
        guard !index.targets(in: scope).isEmpty else {
            throw CommandError(scope == .everything ? "the data holds no targets (rows with kind 'target')"
                                                    : "no targets among the regions and indicators chosen")
        }
        // --target-record, as in gap and report, scores the targets' record.
        let settings = BacktestSettings(gap: assessment.settings, from: from, adjustment: assessment.targetRecord ? .targets : adjust, bins: bins)
        let result = Backtest(settings: settings).run(index.panel, scope: scope)
        guard !result.items.isEmpty else {
            throw CommandError("no target has an outcome in the data" + (from.map { " from \($0) on" } ?? "")
                               + ": a backtest needs targets whose year also has an actual or preliminary value")
        }
        let labels = language.labels(for: index)
        let document = BacktestDocument(result, labels: labels, model: assessment.model.kind)
        let text: String
        switch format ?? ReportFormat(forOutput: output.output) {
        case .text: text = BacktestRenderer.text(document)
        case .markdown: text = BacktestRenderer.markdown(document)
        case .html: text = BacktestRenderer.html(document)
        case .json: text = BacktestRenderer.json(result, labels: labels).rendered() + "\n"
        case .csv: text = BacktestRenderer.csv(result)
        }
        try output.write(text, inputs: input.paths)
    }
}
