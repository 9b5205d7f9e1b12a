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

    @OptionGroup var language: LanguageOption

    @Option(help: "Output: text, json or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let index = try input.read()
        let scope = try scope.scope(in: index)
        let count = index.targets(in: scope).count
        guard count > 0 else {
            throw CommandError(scope == .everything ? "the data holds no targets (rows with kind 'target')"
                                                    : "no targets among the regions and indicators chosen")
        }
        let progress = ProgressBar(total: count, label: "assessing targets")
        let assessments = GapAnalysis(settings: assessment.settings).assess(index, scope: scope, progress: progress.update)
        let labels = language.labels(for: index)
        switch format {
        case .json: emit(GapRenderer.json(assessments, labels: labels).rendered())
        case .csv: emit(GapRenderer.csv(assessments, labels: labels))
        case .text: emit(GapRenderer.text(assessments, labels: labels, method: assessment.method))
        }
    }
}
