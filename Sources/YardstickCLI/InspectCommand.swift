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

    @Option(help: "Output: text or json (default: from the --output file's extension, text otherwise).")
    var format: TextOrJSON?

    @OptionGroup var output: OutputOptions

    var chosenFormat: OutputFormat { format?.format ?? OutputFormat(forOutput: output.output) }

    func validate() throws {
        if chosenFormat == .csv {
            throw ValidationError(format == nil ? "inspect writes text or json, and --output's .csv extension asks for csv; give --format text or json"
                                                : "inspect writes text or json")
        }
    }

    func run() throws {
        try output.check(inputs: input.paths)          // before any work: an input is never replaced
        let index = try input.read(notes: nil)
        let summary = PanelSummary(index, scope: try scope.scope(in: index))
        let labels = language.labels(for: index)
        let text = chosenFormat == .json ? InspectRenderer.json(summary, labels: labels).rendered() + "\n" : InspectRenderer.text(summary, labels: labels)
        try output.write(text, inputs: input.paths)
    }
}
