import Benchmark
import Yardstick
import YardstickReport

// The report module's suite: building the document and rendering each format for the embedded Zhuzhou data
// (the analysis is done once, outside the measurements), and the analysis of its targets.
let benchmarks: @Sendable () -> Void = {
    guard let panel = try? PanelReader().readEmbedded() else { return }
    let index = PanelIndex(panel)
    let zhuzhou = Scope(regions: ["Zhuzhou"])
    let assessments = GapAnalysis().assess(index, scope: zhuzhou)
    let document = ReportBuilder(language: .zh).document(region: "Zhuzhou", assessments: assessments, index: index)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], timeUnits: .microseconds)
    Benchmark("BuildZhuzhouDocument", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ReportBuilder(language: .zh).document(region: "Zhuzhou", assessments: assessments, index: index))
        }
    }
    Benchmark("RenderZhuzhouText", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(TextReport.render(document, colour: false)) }
    }
    Benchmark("RenderZhuzhouHTML", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(HTMLReport.render(document)) }
    }
    Benchmark("AssessZhuzhouTargets", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(GapAnalysis().assess(index)) }
    }
    Benchmark("IndexEmbeddedPanel", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(PanelIndex(panel)) }
    }
}
