import ArgumentParser
import Foundation
import Yardstick
import YardstickReport

extension Normalisation: ExpressibleByArgument {}
extension Aggregation: ExpressibleByArgument {}
extension Imputation: ExpressibleByArgument {}
extension OutlierRule: ExpressibleByArgument {}

enum WeightDrawChoice: String, ExpressibleByArgument, CaseIterable { case uniform, dirichlet }

struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Rank regions against their peers: per-indicator comparisons, a composite index, its rank uncertainty and sensitivity.",
        discussion: """
            Every region of the data is a peer; --region chooses the rows shown, --focus the region the output is about.
            Example: yardstick benchmark --focus Zhuzhou --indicators gdp,gdp_growth --uncertainty 10000 --sensitivity
            """)

    @OptionGroup var input: DataInputOptions

    @OptionGroup var scope: ScopeOptions

    @Option(help: "The region the output is about (highlighted everywhere; its published rank histories shown).")
    var focus: String?

    @Option(help: "A year, or latest (each region's latest value, its year shown). Default latest.")
    var period: String = "latest"

    @Option(help: "The indicators compared, comma-separated (default: the structure's, or every indicator at least two regions have).")
    var indicators: String?

    @Option(help: "Normalisation for every indicator: \(Normalisation.allCases.map(\.rawValue).joined(separator: ", ")) (default: goalposts where the structure gives them, minmax otherwise).")
    var normalise: Normalisation?

    @Option(help: "Aggregation for every group: arithmetic, geometric or harmonic (default: the structure's, arithmetic).")
    var aggregate: Aggregation?

    @Option(help: "Imputation of missing values: none, mean, median or latest.")
    var imputation: Imputation = .none

    @Option(help: "Outlier treatment: none or coinr (winsorise up to five points, then log).")
    var outliers: OutlierRule = .none

    @Option(help: "Least share of the indicators a region needs, and of a group's weight present (0–1; default two thirds).")
    var minCoverage: Double?

    @Option(help: "Weights CSV (id,weight), relative within each group.")
    var weights: String?

    @Option(help: "Structure CSV: id,parent,weight,aggregate,transform,lower,upper,direction[,target].")
    var structure: String?

    @Option(help: "Monte Carlo draws for rank uncertainty (0: none).")
    var uncertainty: Int = 0

    @Option(help: "How weights are drawn: uniform (each times U(0.5, 1.5)) or dirichlet.")
    var weightDraws: WeightDrawChoice = .uniform

    @Option(help: "Normalisations the uncertainty and sensitivity analyses draw from, besides the nominal one (comma-separated; 'fixed' for none).")
    var varyNormalisation: String = "minmax,prank"

    @Option(help: "Aggregations drawn from, besides the nominal one ('fixed' for none, the default; e.g. arithmetic,geometric).")
    var varyAggregation: String = "fixed"

    @Option(help: "Imputations drawn from, besides the nominal one ('fixed' for none).")
    var varyImputation: String = "none,mean,median"

    @Flag(help: "Variance-based sensitivity indices of every region's rank and score to each pillar's weight and each choice.")
    var sensitivity = false

    @Option(help: "Base sample size N of the sensitivity analysis (N·(k + 2) evaluations).")
    var sensitivitySamples: Int = 1024

    @Option(help: "Seed of the random draws (results are the same for a seed, whatever the threads).")
    var seed: UInt64 = 1

    @Option(help: "Rank changes since this year.")
    var since: Int?

    @Option(help: "The frontier is the mean of the best K values.")
    var frontierTop: Int = 1

    @Option(help: "β- and σ-convergence of these indicators (comma-separated), from the first year three regions have to the period.")
    var convergence: String?

    @Option(help: "Output: text, markdown, html, json or csv (default: from the --output file's extension, text otherwise).")
    var format: ReportFormat?

    @OptionGroup var output: OutputOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard period == "latest" || Int(period) != nil else { throw ValidationError("--period takes a year or latest, got '\(period)'") }
        if let minCoverage, !(0...1).contains(minCoverage) { throw ValidationError("--min-coverage must be between 0 and 1, got \(minCoverage)") }
        guard (0...10_000_000).contains(uncertainty) else { throw ValidationError("--uncertainty takes 0 to 10 000 000 draws, got \(uncertainty)") }
        guard (16...1_000_000).contains(sensitivitySamples) else {
            throw ValidationError("--sensitivity-samples takes 16 to 1 000 000, got \(sensitivitySamples)")
        }
        guard frontierTop >= 1 else { throw ValidationError("--frontier-top must be at least 1, got \(frontierTop)") }
        _ = try alternatives(varyNormalisation, "--vary-normalisation", Normalisation.init)
        _ = try alternatives(varyAggregation, "--vary-aggregation", Aggregation.init)
        _ = try alternatives(varyImputation, "--vary-imputation", Imputation.init)
    }

    /// A list of alternatives, or none for 'fixed'.
    func alternatives<T>(_ text: String, _ option: String, _ make: (String) -> T?) throws -> [T] {
        guard text != "fixed" else { return [] }
        return try text.split(separator: ",").map { part in
            let word = part.trimmingCharacters(in: .whitespaces)
            guard let value = make(word) else { throw ValidationError("\(option): unknown choice '\(word)'") }
            return value
        }
    }

    func run() throws {
        try output.check(inputs: input.paths + [structure, weights].compactMap { $0 })          // before any work: an input is never replaced
        let index = try input.read(notes: language)
        let scope = try scope.scope(in: index)
        let focus = try self.focus.map { try ScopeOptions.region($0, in: index) }
        var settings = BenchmarkSettings()
        settings.indicators = ScopeOptions.names(indicators.map { [$0] } ?? [])
        settings.period = period == "latest" ? .latest : .year(Int(period)!)
        do {
            settings.structure = try structure.map { try StructureReader.read(CSVTable(contentsOf: $0)) }
            settings.weights = try weights.map { try WeightsReader.read(CSVTable(contentsOf: $0)) } ?? [:]
        } catch { throw CommandError(error) }
        (settings.normalisation, settings.aggregation, settings.imputation) = (normalise, aggregate, imputation)
        (settings.outliers, settings.frontierTop, settings.since) = (outliers, frontierTop, since)
        if let minCoverage { settings.minimumCoverage = minCoverage }
        (settings.uncertaintyDraws, settings.seed) = (uncertainty, seed)
        settings.weightDraws = weightDraws == .uniform ? .uniform(0.5...1.5) : .dirichlet(concentration: 20)
        settings.sensitivitySamples = sensitivity ? sensitivitySamples : nil
        settings.normalisations = try alternatives(varyNormalisation, "--vary-normalisation", Normalisation.init)
        settings.aggregations = try alternatives(varyAggregation, "--vary-aggregation", Aggregation.init)
        settings.imputations = try alternatives(varyImputation, "--vary-imputation", Imputation.init)
        settings.convergence = ScopeOptions.names(convergence.map { [$0] } ?? []) ?? []
        let findings: BenchmarkFindings
        do { findings = try BenchmarkAnalysis(settings).run(index, focus: focus) } catch { throw CommandError(error) }
        let labels = language.labels(for: index)
        let shown = scope.regions.map { names in findings.composite.regions.filter(names.contains) }
        let text: String
        switch format ?? ReportFormat(forOutput: output.output) {
        case .json: text = BenchmarkRenderer.json(findings, labels: labels, regions: shown).rendered() + "\n"
        case .csv: text = BenchmarkRenderer.csv(findings, labels: labels, regions: shown)
        case .markdown: text = BenchmarkRenderer.markdown(findings, labels: labels, regions: shown)
        case .html: text = BenchmarkRenderer.html(findings, labels: labels, regions: shown)
        case .text: text = BenchmarkRenderer.text(findings, labels: labels, regions: shown, colour: output.output == nil && Terminal.colourOnStandardOutput)
        }
        try output.write(text.hasSuffix("\n") ? text : text + "\n", inputs: input.paths + [structure, weights].compactMap { $0 })
    }
}
