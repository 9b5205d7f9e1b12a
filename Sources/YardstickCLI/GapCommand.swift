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

    @Option(help: "Trend model for projections: \(ModelChoice.allCases.map(\.rawValue).joined(separator: ", ")) (default auto).")
    var model: ModelChoice = .auto

    @Option(help: "Status classes: own (probability), eurostat, unsd, escap, sdr or destatis.")
    var method: StatusMethod = .own

    @Option(help: "Tolerance of an 'about' target for rates and shares, in percentage points.")
    var rateTolerance: Double = 0.5

    @Option(help: "Tolerance of an 'about' target for levels, as a fraction (0.02 is 2%).")
    var levelTolerance: Double = 0.02

    @Option(help: "Output: text, json or csv.")
    var format: OutputFormat = .text

    func validate() throws {
        guard rateTolerance >= 0 else { throw ValidationError("--rate-tolerance must be at least 0, got \(rateTolerance)") }
        guard (0..<1).contains(levelTolerance) else { throw ValidationError("--level-tolerance must be in [0, 1), got \(levelTolerance)") }
    }

    func run() throws {
        let panel = try input.load()
        guard !panel.targets.isEmpty else { throw CommandError("the data holds no targets (rows with kind 'target')") }
        var settings = GapSettings(model: model.kind, method: method)
        settings.rateTolerance = rateTolerance
        settings.levelTolerance = levelTolerance
        let progress = ProgressBar(total: panel.targets.count, label: "assessing targets")
        let assessments = GapAnalysis(settings: settings).assess(panel, progress: progress.update)
        switch format {
        case .json: emit(GapRenderer.json(assessments).rendered())
        case .csv: emit(GapRenderer.csv(assessments))
        case .text: emit(GapRenderer.text(assessments, method: method))
        }
    }
}
