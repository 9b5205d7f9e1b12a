import ArgumentParser
import Yardstick
import YardstickReport

struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Least-squares regression, the equivalent of LINEST or R's lm.",
        discussion: "Reads a CSV with a header. Example: yardstick regress data.csv --y y --x x --degree 2")

    @Argument(help: "CSV file with a header row (- reads standard input).")
    var file: String

    @Option(help: "Response column.")
    var y: String

    @Option(help: "Regressor column; repeat for several.")
    var x: [String] = []

    @Option(help: "Fit a polynomial of this degree in the single --x column.")
    var degree: Int?

    @Flag(help: "Fit without an intercept (R² is then uncentred).")
    var noIntercept = false

    @Option(help: "Column of positive weights (weighted least squares).")
    var weights: String?

    @Option(help: "Rows with a missing value (empty, NA, ..) in a column used: omit (left out and reported, as R's na.omit; default) or fail (an error, as na.fail).")
    var na: NumericTable.MissingValues = .omit

    @Option(name: .customLong("where"), help: ArgumentHelp("Use only the rows where COLUMN holds VALUE (repeatable: every condition must hold).", valueName: "COLUMN=VALUE"))
    var conditions: [String] = []

    @Option(help: "Arithmetic for the solution: extended (default, double-double) or double (LAPACK only).")
    var precision: LinearRegression.Precision = .extended

    @Option(help: "Output: text or json (default: from the --output file's extension, text otherwise).")
    var format: TextOrJSON?

    @OptionGroup var output: OutputOptions

    var chosenFormat: OutputFormat { format?.format ?? OutputFormat(forOutput: output.output) }

    func validate() throws {
        if x.isEmpty && noIntercept { throw ValidationError("give at least one --x, or keep the intercept") }
        if let degree {
            guard x.count == 1 else { throw ValidationError("--degree needs exactly one --x column, got \(x.count)") }
            guard degree >= 1 else { throw ValidationError("--degree must be at least 1, got \(degree)") }
        }
        if chosenFormat == .csv { throw ValidationError("regress writes text or json, and --output's .csv extension asks for csv; give --format text or json") }
        for c in conditions where !c.contains("=") || c.hasPrefix("=") {
            throw ValidationError("--where takes COLUMN=VALUE, got '\(c)'")
        }
    }

    func run() throws {
        try output.check(inputs: [file])          // before any work: an input is never replaced
        let result: RegressionResult, selection: NumericTable.Selection
        do {
            let table = try CSVTable(contentsOf: file)
            let wheres = conditions.map { c in
                let parts = c.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                return (column: parts[0], value: parts[1])
            }
            selection = try NumericTable.select([y] + x + (weights.map { [$0] } ?? []), of: table, where: wheres, missing: na)
            var columns = selection.columns
            let w = weights != nil ? columns.removeLast().values : nil
            let terms: LinearRegression.Terms = degree.map { .polynomial(columns[1], degree: $0) }
                ?? .columns(Array(columns.dropFirst()))
            result = try LinearRegression(response: columns[0], terms: terms, includesIntercept: !noIntercept,
                                          weights: w, precision: precision).fit()
        } catch { throw CommandError(error) }
        let rows = RegressionRenderer.Rows(omittedLines: selection.omittedLines, filteredOut: selection.filteredOut)
        let text = chosenFormat == .json ? RegressionRenderer.json(result, rows: rows).rendered() + "\n" : RegressionRenderer.text(result, rows: rows)
        try output.write(text, inputs: [file])
    }
}

extension LinearRegression.Precision: ExpressibleByArgument {}

extension NumericTable.MissingValues: ExpressibleByArgument {}
