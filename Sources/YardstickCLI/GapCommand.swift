import ArgumentParser
import Yardstick
import YardstickReport

extension StatusMethod: ExpressibleByArgument {}

struct GapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gap",
        abstract: "Compare every target with the actuals and the trend: gap, required vs trend growth, probability, status.",
        discussion: "With no file, the embedded Zhuzhou data. Example: yardstick gap --method eurostat --format json")

    @OptionGroup var input: DataInputOptions

    @OptionGroup var scope: ScopeOptions

    @OptionGroup var assessment: AssessmentOptions

    @OptionGroup var targets: TargetChoiceOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "Output: text, json or csv (default: from the --output file's extension, text otherwise).")
    var format: OutputFormat?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.check(inputs: input.paths)          // before any work: an input is never replaced
        let index = try input.read(notes: language)
        var scope = try scope.scope(in: index)
        scope.targetYears = try targets.targetYears(in: index, scope: scope)
        let count = index.targets(in: scope).count
        guard count > 0 else {
            throw CommandError(scope == .everything ? "the data holds no targets (rows with kind 'target')"
                                                    : "no targets among the regions and indicators chosen")
        }
        let progress = ProgressBar(total: count, label: "assessing targets")
        var settings = assessment.settings
        settings.keepsPaths = false                 // the tables show no charts
        let assessments = GapAnalysis(settings: settings).assess(index, scope: scope, progress: progress.update)
        let labels = language.labels(for: index)
        let pieces: [String]
        switch format ?? OutputFormat(forOutput: output.output) {
        case .json: pieces = [GapRenderer.json(assessments, labels: labels).rendered() + "\n"]
        case .csv: pieces = GapRenderer.csvPieces(assessments, labels: labels)
        case .text: pieces = [GapRenderer.text(assessments, labels: labels, method: assessment.method)]
        }
        let sink = try output.sink(inputs: input.paths)
        for piece in pieces { try sink.write(piece) }
        try sink.finish()
        try targets.checkFailOn(assessments)
    }
}
