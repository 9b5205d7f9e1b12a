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

    @OptionGroup var assessment: AssessmentOptions

    @Option(help: "Output: text, json or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let panel = try input.load()
        guard !panel.targets.isEmpty else { throw CommandError("the data holds no targets (rows with kind 'target')") }
        let progress = ProgressBar(total: panel.targets.count, label: "assessing targets")
        let assessments = GapAnalysis(settings: assessment.settings).assess(panel, progress: progress.update)
        switch format {
        case .json: emit(GapRenderer.json(assessments).rendered())
        case .csv: emit(GapRenderer.csv(assessments))
        case .text: emit(GapRenderer.text(assessments, method: assessment.method))
        }
    }
}
