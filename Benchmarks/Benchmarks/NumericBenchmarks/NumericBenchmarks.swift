import Benchmark
import Foundation
import Yardstick

// The numeric module's suite (Yardstick: trends, regression, reading). Panels are built before the measurements (setup outside the timed loop) from the
// same distribution as Benchmarks/peers/trends_numpy.py (level, slope, noise, missing share), so that the numpy
// peer fits the same kind of data of the same size.

/// `series` linear trends over 30 years with uniform noise, a share of values missing (NaN).
func panel(series: Int, missing: Double) -> Matrix {
    var rng = SplitMix64(seed: 7)
    var values = Matrix(rows: 30, columns: series)
    for j in 0..<series {
        let level = Double.random(in: 50...5000, using: &rng), slope = Double.random(in: -20...20, using: &rng)
        for i in 0..<30 {
            let v = level + slope * Double(i) + Double.random(in: -10...10, using: &rng)
            values[i, j] = Double.random(in: 0..<1, using: &rng) < missing ? .nan : v
        }
    }
    return values
}

let benchmarks: @Sendable () -> Void = {
    readingBenchmarks()
    gapBenchmarks()
    uncertaintyBenchmarks()
    let years = Array(1990...2019)
    let complete = panel(series: 100_000, missing: 0)
    let gappy = panel(series: 100_000, missing: 0.1)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(10), maxIterations: 15)

    Benchmark("LinearTrends100kx30Complete", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BatchTrends.fit(.linear, years: years, values: complete))
        }
    }
    Benchmark("LinearTrends100kx30Missing10pct", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BatchTrends.fit(.linear, years: years, values: gappy))
        }
    }

    // Filip (NIST StRD, degree 10): the extended-precision path on a small ill-conditioned design.
    let filip = filipData()
    Benchmark("RegressionFilipDegree10Extended", configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LinearRegression(response: filip.y, terms: .polynomial(filip.x, degree: 10)).fit())
        }
    }
    Benchmark("RegressionFilipDegree10Double", configuration: .init(metrics: [.wallClock, .throughput], timeUnits: .microseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LinearRegression(response: filip.y, terms: .polynomial(filip.x, degree: 10), precision: .double).fit())
        }
    }
}

/// Filip's 82 observations, from the test fixture.
func filipData() -> (x: DataColumn, y: DataColumn) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/nist-strd/Filip.dat")
    let lines = (try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
    let rows = lines.count >= 142 ? lines[60..<142].map { $0.split(separator: " ").map(String.init) } : []
    return (DataColumn(name: "x", decimalText: rows.map { $0[1] }) ?? DataColumn(name: "x", values: []),
            DataColumn(name: "y", decimalText: rows.map { $0[0] }) ?? DataColumn(name: "y", values: []))
}
