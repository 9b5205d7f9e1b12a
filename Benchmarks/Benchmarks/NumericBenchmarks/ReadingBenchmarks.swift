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
    // The same 1 000 000 values in the long, SDMX, Eurostat and tidy wide layouts, and the World Bank file.
    var wide = PanelReader()
    wide.regionColumn = "region"
    wide.periodColumn = "year"
    for (name, file, reader) in [("ReadLongCSV1mRows", "long_1m.csv", PanelReader()), ("ReadWDIWide100kRows", "wdi_100k.csv", PanelReader()),
                                 ("ReadSDMX1mValues", "sdmx_1m.csv", PanelReader()), ("ReadEurostat1mValues", "eurostat_1m.tsv", PanelReader()),
                                 ("ReadWide1mValues", "wide_1m.csv", wide)] {
        Benchmark(name, configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try reader.read([BenchFiles.path(file)])) }
        }
    }
}
