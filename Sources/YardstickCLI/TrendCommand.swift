import ArgumentParser
import Yardstick
import YardstickReport

/// `--model` choices: the trend models and `auto`.
enum ModelChoice: String, ExpressibleByArgument, CaseIterable {
    case linear, loglinear, quadratic, weighted, ses, holt, damped, auto
    var kind: TrendModelKind? { TrendModelKind(rawValue: rawValue) }
}

extension SmoothingInitialization: ExpressibleByArgument {}

struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Fit a trend to every series and project it with prediction intervals.",
        discussion: """
            Example: yardstick trend data.csv --model holt --alpha 0.8 --beta 0.2 --init simple --horizon 5
            --beta is β*, the smoothing of the level change (statsmodels' smoothing_trend); ETS β = α·β*.
            """)

    @OptionGroup var input: DataInputOptions

    @OptionGroup var scope: ScopeOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "Trend model: \(ModelChoice.allCases.map(\.rawValue).joined(separator: ", ")). auto picks by AICc.")
    var model: ModelChoice = .auto

    @Option(help: "Level smoothing α in [0, 1] (smoothing models); estimated when absent.")
    var alpha: Double?

    @Option(help: "Trend smoothing β* in [0, 1] (holt, damped); estimated when absent.")
    var beta: Double?

    @Option(help: "Damping φ in [0, 1] (damped); estimated in [0.8, 0.98] when absent.")
    var phi: Double?

    @Option(name: .customLong("init"), help: "Initial states: simple (l0 = y1, b0 = y2 − y1) or optimal (least squares).")
    var initialization: SmoothingInitialization = .optimal

    @Option(help: "Years to project past the last observation.")
    var horizon: Int = 5

    @Option(help: "Prediction-interval level in percent; repeat for several (default 80 and 95).")
    var level: [Double] = []

    @Option(help: "Output: text, json or csv.")
    var format: OutputFormat = .text

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1, got \(horizon)") }
        for l in level where !(l > 0 && l < 100) {
            throw ValidationError("--level takes a percentage between 0 and 100, got \(l)")
        }
        for (name, v) in [("alpha", alpha), ("beta", beta), ("phi", phi)] {
            if let v, !(0...1).contains(v) { throw ValidationError("--\(name) must be between 0 and 1, got \(v)") }
        }
    }

    func run() throws {
        let index = try input.read()
        let scope = try scope.scope(in: index)
        let series = index.histories(in: scope)
        let missing = index.panel.notRead, other = index.nonHistoryCount(in: scope)
        let labels = language.labels(for: index)
        guard !series.isEmpty else { throw CommandError("the data holds no actual values to fit a trend to") }
        let spec = TrendSpecification(model.kind, alpha: alpha, beta: beta, phi: phi, initialization: initialization)
        let bar = ProgressBar(total: series.count, label: "fitting trends")
        let outcomes = spec.forecastAll(series, horizon: horizon, levels: level.isEmpty ? [80, 95] : level, progress: bar.update)
        switch format {
        case .json: emit(TrendRenderer.json(outcomes, missing: missing, notTrendPoints: other, labels: labels).rendered())
        case .csv: emit(TrendRenderer.csv(outcomes))
        case .text: emit(TrendRenderer.text(outcomes, missing: missing, notTrendPoints: other, indicators: index.panel.indicators, labels: labels))
        }
    }
}
