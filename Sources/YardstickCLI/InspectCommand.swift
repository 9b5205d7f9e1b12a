import ArgumentParser
import Yardstick
import YardstickReport

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what was read: regions, indicators, periods, coverage, targets and warnings.",
        discussion: "Example: yardstick inspect WDICSV.csv --format json")

    @OptionGroup var input: DataInputOptions

    @OptionGroup var scope: ScopeOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if format == .csv { throw ValidationError("inspect writes text or json") }
    }

    func run() throws {
        let index = try input.read()
        let summary = PanelSummary(index, scope: try scope.scope(in: index))
        let labels = language.labels(for: index)
        emit(format == .json ? InspectRenderer.json(summary, labels: labels).rendered() : InspectRenderer.text(summary, labels: labels))
    }
}
