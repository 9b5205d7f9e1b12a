import Benchmark
import Dispatch
import Foundation
import Yardstick

/// `series` trends of 30 years with noise, a share of values missing (NaN): linear (level 50–5000, slope ±20 a
/// year, noise ±10) or, for the log-linear model, positive and growing (level 50–5000, growth −5% to 8% a year,
/// noise ±3%). The numpy peer (Benchmarks/peers/trends_numpy.py) draws the same distributions.
func trendPanel(series: Int, missing: Double, positive: Bool) -> Matrix {
    var rng = SplitMix64(seed: 7)
    var elements = [Double](repeating: 0, count: 30 * series)
    elements.withUnsafeMutableBufferPointer { v in
        for j in 0..<series {
            let level = Double.random(in: 50...5000, using: &rng)
            let slope = positive ? Double.random(in: -0.05...0.08, using: &rng) : Double.random(in: -20...20, using: &rng)
            for i in 0..<30 {
                let x = positive ? level * exp(slope * Double(i)) * (1 + Double.random(in: -0.03...0.03, using: &rng))
                    : level + slope * Double(i) + Double.random(in: -10...10, using: &rng)
                v[j * 30 + i] = Double.random(in: 0..<1, using: &rng) < missing ? .nan : x
            }
        }
    }
    return Matrix(rows: 30, columns: series, elements: elements)
}

/// The memory floor: reading the matrix once, on the cores the fits use (each sums its share of the columns).
func readOnce(_ m: Matrix, threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> Double {
    final class Sums: @unchecked Sendable { var values: [Double]; init(_ n: Int) { values = Array(repeating: 0, count: n) } }
    let sums = Sums(threads), n = m.elements.count, part = (n + threads - 1) / threads
    m.elements.withUnsafeBufferPointer { e in
        nonisolated(unsafe) let e = e
        DispatchQueue.concurrentPerform(iterations: threads) { k in
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = k * part
            let end = min(n, i + part)
            while i + 4 <= end { s0 += e[i]; s1 += e[i + 1]; s2 += e[i + 2]; s3 += e[i + 3]; i += 4 }
            while i < end { s0 += e[i]; i += 1 }
            sums.values[k] = s0 + s1 + s2 + s3
        }
    }
    return sums.values.reduce(0, +)
}

/// Batched linear and log-linear fits of 10 000, 100 000 and 1 000 000 series × 30 years, complete and with 10% of
/// the values missing, and the memory floor of each size.
func trendBenchmarks() {
    let years = Array(1990...2019)
    for (count, label) in [(10_000, "10k"), (100_000, "100k"), (1_000_000, "1m")] {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(10), maxIterations: count >= 1_000_000 ? 10 : 20)
        for (model, name) in [(TrendModelKind.linear, "Linear"), (.loglinear, "LogLinear")] {
            for (missing, suffix) in [(0.0, "Complete"), (0.1, "Missing10pct")] {
                Benchmark("\(name)Trends\(label)x30\(suffix)", configuration: configuration) { benchmark, panel in
                    for _ in benchmark.scaledIterations { blackHole(try? BatchTrends.fit(model, years: years, values: panel)) }
                } setup: { trendPanel(series: count, missing: missing, positive: model == .loglinear) }
            }
        }
        Benchmark("MemoryFloor\(label)x30", configuration: configuration) { benchmark, panel in
            for _ in benchmark.scaledIterations { blackHole(readOnce(panel)) }
        } setup: { trendPanel(series: count, missing: 0, positive: false) }
    }
}
