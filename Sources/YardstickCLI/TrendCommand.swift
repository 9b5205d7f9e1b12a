import Foundation
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
            Every series of a large file, one row each: yardstick trend WDICSV.csv --model linear --summary --output trends.csv
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

    @Option(parsing: .unconditional, help: "Years to project past the last observation.")
    var horizon: Int = 5

    @Option(help: "Prediction-interval level in percent; repeat for several (default 80 and 95).")
    var level: [Double] = []

    @Flag(help: "One row per series (model, n, years, parameters, σ, growth with its 95% interval, the projection at the horizon with its intervals) instead of a table of every year.")
    var summary = false

    @Option(help: "Output: text, json or csv (default: from the --output file's extension, text otherwise).")
    var format: OutputFormat?

    @OptionGroup var output: OutputOptions

    var chosenFormat: OutputFormat { format ?? OutputFormat(forOutput: output.output) }

    /// The levels asked for, each once, in the order given (`--level 95 --level 95` is one level).
    var levels: [Double] {
        var seen = Set<Double>()
        return level.isEmpty ? [80, 95] : level.filter { seen.insert($0).inserted }
    }

    var specification: TrendSpecification {
        TrendSpecification(model.kind, alpha: alpha, beta: beta, phi: phi, initialization: initialization)
    }

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
        try output.check(inputs: input.paths)          // before any work: an input is never replaced
        // A file of whole series per row is summarised as it is read, one block in memory at a time; what it gives
        // is what reading the whole panel gives (tested), only in the file's size.
        if summary, scope.region.isEmpty, scope.indicator.isEmpty, var rows = try input.seriesRows() {
            var pending: SeriesBlock?
            do { pending = try rows.next() } catch { throw CommandError(error) }
            guard pending != nil else { throw CommandError("the data holds no actual values to fit a trend to") }
            let labels = ReportLabels(language: language.lang ?? ReportBuilder.language(ofIndicatorNames: Array(rows.indicatorNames.values)))
            let renderer = TrendSummaryRenderer(format: TrendSummaryRenderer.Format(rawValue: chosenFormat.rawValue)!,
                                                model: model.kind, horizon: horizon, levels: levels, labels: labels)
            let sink = try output.sink(inputs: input.paths)
            try Self.summarise(next: {
                if let block = pending { pending = nil; return block }
                do { return try rows.next() } catch { throw CommandError(error) }
            }, count: nil, specification: specification, renderer: renderer, horizon: horizon, levels: levels, sink: sink) {
                (rows.missing, 0)
            }
            // Rows without any value are no series: said, not silently left out.
            if rows.emptyRows > 0 { Terminal.note(labels.panelWarning(.rowsWithoutValues(file: input.files[0], count: rows.emptyRows))) }
            return
        }
        let index = try input.read(notes: language)
        let scope = try scope.scope(in: index)
        let missing = index.panel.notRead, other = index.nonHistoryCount(in: scope)
        let labels = language.labels(for: index)
        guard index.histories(in: scope).contains(where: { !$0.isEmpty }) else {
            throw CommandError("the data holds no actual values to fit a trend to")
        }
        if summary {
            let count = index.histories(in: scope).count
            let renderer = TrendSummaryRenderer(format: TrendSummaryRenderer.Format(rawValue: chosenFormat.rawValue)!,
                                                model: model.kind, horizon: horizon, levels: levels, labels: labels,
                                                indicators: index.panel.indicators)
            var blocks = index.seriesBlocks(in: scope).makeIterator()
            try Self.summarise(next: { blocks.next() }, count: count, specification: specification,
                               renderer: renderer, horizon: horizon, levels: levels,
                               sink: output.sink(inputs: input.paths)) { (missing, other) }
            for w in index.panel.warnings { if case .rowsWithoutValues = w { Terminal.note(labels.panelWarning(w)) } }
            return
        }
        let series = index.histories(in: scope)
        let bar = ProgressBar(total: series.count, label: "fitting trends")
        let outcomes = specification.forecastAll(series, horizon: horizon, levels: levels, progress: bar.update)
        let text: String
        switch chosenFormat {
        case .json: text = TrendRenderer.json(outcomes, missing: missing, notTrendPoints: other, labels: labels).rendered()
        case .csv: text = TrendRenderer.csv(outcomes)
        case .text: text = TrendRenderer.text(outcomes, missing: missing, notTrendPoints: other, indicators: index.panel.indicators, labels: labels)
        }
        try output.write(text.hasSuffix("\n") ? text : text + "\n", inputs: input.paths)
    }

    /// Fits and writes the summaries block by block, one block in memory at a time: while one block is fitted
    /// and rendered (on one core), the next is read (on the other). `skipped` gives the counts of values not used,
    /// known once the blocks are read.
    static func summarise(next: @escaping () throws -> SeriesBlock?, count: Int?, specification: TrendSpecification,
                          renderer: TrendSummaryRenderer, horizon: Int, levels: [Double], sink: OutputSink,
                          skipped: () -> (missing: Int, notTrendPoints: Int)) throws {
        let bar = count.map { ProgressBar(total: $0, label: "fitting trends") }
        try sink.write(renderer.head())
        var done = 0
        try Pipeline.run(produce: next, transform: { block, threads in
            renderer.rows(block, specification.summarise(block, horizon: horizon, levels: levels, threads: threads), first: false)
        }, consume: { block, text in
            try sink.write(done == 0 ? renderer.firstRows(text) : text)
            done += block.count
            bar?.update(done)
        })
        let (missing, other) = skipped()
        try sink.write(renderer.tail(missing: missing, notTrendPoints: other, any: done > 0))
        try sink.finish()
    }
}

/// Reading one block while the one before is worked on: `produce` gives the blocks in order (nil after the last),
/// `transform` works on one (given the threads it may use), `consume` takes the results in order. With two cores,
/// `produce(k + 1)` and `transform(k)` run at once; memory holds two blocks and one result.
enum Pipeline {
    static func run<B, R>(produce: @escaping () throws -> B?, transform: @escaping (B, Int) -> R,
                          consume: (B, R) throws -> Void) throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard var current = try produce() else { return }
        while true {
            let following = Slot<B>(), result = Slot<R>()
            let block = current
            let tasks: [() -> Void] = [
                { do { following.value = try produce() } catch { following.error = error } },
                { result.value = transform(block, max(1, cores - 1)) },
            ]
            if cores > 1 {
                nonisolated(unsafe) let work = tasks
                DispatchQueue.concurrentPerform(iterations: 2) { work[$0]() }
            } else {
                tasks.forEach { $0() }
            }
            try consume(block, result.value!)
            if let error = following.error { throw error }
            guard let next = following.value else { return }
            current = next
        }
    }

    /// A value one task sets and the caller reads after both tasks end.
    private final class Slot<T>: @unchecked Sendable {
        var value: T?
        var error: Error?
    }
}
