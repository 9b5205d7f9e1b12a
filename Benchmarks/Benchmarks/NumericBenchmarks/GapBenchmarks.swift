import Benchmark
import Foundation
import Yardstick

/// An indexed panel of `targets` series (1000 regions × targets/1000 indicators), each with ten yearly values
/// (2014–2023, growing about 5% a year) and one target for 2025, built outside the measurements.
func gapPanel(targets: Int) -> PanelIndex {
    var rng = SplitMix64(seed: 21)
    var text = "region,indicator,year,value,kind,qualifier\n"
    text.reserveCapacity(targets * 330)
    for k in 0..<targets {
        var v = Double.random(in: 50...5000, using: &rng)
        for y in 2014...2023 {
            v *= 1 + Double.random(in: 0.01...0.09, using: &rng)
            text += "R\(k % 1000),I\(k / 1000),\(y),\(String(format: "%.4f", v)),actual,=\n"
        }
        text += "R\(k % 1000),I\(k / 1000),2025,\(String(format: "%.4f", v * 1.1)),target,>=\n"
    }
    return PanelIndex(try! PanelReader().read(texts: [("gap.csv", text)]))
}

/// Gap analysis of every target with the linear model at three sizes: the cost per target stays flat (each target
/// reads only its own series, found in O(1)).
func gapBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(10), maxIterations: 10)
    for size in [1_000, 10_000, 100_000] {
        Benchmark("GapAnalysisLinear\(size / 1000)kTargets", configuration: configuration) { benchmark, index in
            for _ in benchmark.scaledIterations {
                blackHole(GapAnalysis(settings: GapSettings(model: .linear)).assess(index))
            }
        } setup: { gapPanel(targets: size) }
    }
}
