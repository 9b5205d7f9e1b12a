import Benchmark
import Foundation
import Yardstick

/// Files for the reading benchmarks, written once (outside any measurement) under the system temporary folder, where
/// the pandas peer (Benchmarks/peers/read_pandas.py) reads the same files.
enum ReadingFiles {
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-bench")
    static let long = folder.appendingPathComponent("long_1m.csv")
    static let wdi = folder.appendingPathComponent("wdi_20k.csv")

    /// 1 000 000 rows: 1000 regions × 40 indicators × 25 years.
    static func writeLong() {
        guard !FileManager.default.fileExists(atPath: long.path) else { return }
        var rng = SplitMix64(seed: 11)
        var text = "region,indicator,year,value\n"
        text.reserveCapacity(24_000_000)
        for r in 0..<1000 { for i in 0..<40 { for y in 1990..<2015 {
            text += "R\(r),I\(i),\(y),\(String(format: "%.4f", Double.random(in: 0..<1000, using: &rng)))\n"
        } } }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: long, atomically: true, encoding: .utf8)
    }

    /// 20 000 rows in the World Bank bulk layout, 64 years, a fifth of the cells empty.
    static func writeWDI() {
        guard !FileManager.default.fileExists(atPath: wdi.path) else { return }
        var rng = SplitMix64(seed: 12)
        var text = "Country Name,Country Code,Indicator Name,Indicator Code," + (1960..<2024).map(String.init).joined(separator: ",") + "\n"
        for r in 0..<20_000 {
            let cells = (0..<64).map { _ -> String in
                Double.random(in: 0..<1, using: &rng) < 0.2 ? "" : String(format: "%.6g", Double.random(in: 0..<100, using: &rng))
            }
            text += "\"Country \(r / 100)\",C\(r / 100),\"Indicator \(r % 100)\",IND.\(r % 100)," + cells.joined(separator: ",") + "\n"
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: wdi, atomically: true, encoding: .utf8)
    }
}

func readingBenchmarks() {
    ReadingFiles.writeLong()
    ReadingFiles.writeWDI()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(20), maxIterations: 10)
    Benchmark("ReadLongCSV1mRows", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PanelReader().read([ReadingFiles.long.path])) }
    }
    Benchmark("ReadWDIWide20kRows", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try PanelReader().read([ReadingFiles.wdi.path])) }
    }
}
