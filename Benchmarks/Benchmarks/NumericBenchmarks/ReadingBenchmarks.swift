import Benchmark
import Foundation
import Yardstick

/// The files of the reading benchmarks, written by Benchmarks/peers/make_inputs.py (run by `make bench` first)
/// under the system temporary folder, where the pandas peer reads the same files.
enum BenchFiles {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-bench")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
}

func readingBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(20), maxIterations: 10)
    for (name, file) in [("ReadLongCSV1mRows", "long_1m.csv"), ("ReadWDIWide100kRows", "wdi_100k.csv")] {
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try PanelReader().read([BenchFiles.path(file)])) }
        }
    }
}
