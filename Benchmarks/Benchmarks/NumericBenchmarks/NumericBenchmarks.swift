import Benchmark
import Foundation
import Yardstick

// The numeric module's suite (Yardstick: trends, regression, reading, gap analysis, uncertainty). Each benchmark
// runs in a process of its own, and builds its input in `setup`, outside the measurement, so that its peak memory
// is its own. The inputs follow the same distributions as the peers' (Benchmarks/peers/), or are the same files
// (written by Benchmarks/peers/make_inputs.py).

let benchmarks: @Sendable () -> Void = {
    trendBenchmarks()
    readingBenchmarks()
    gapBenchmarks()
    uncertaintyBenchmarks()

    // Filip (NIST StRD, degree 10): the extended-precision path on a small ill-conditioned design.
    let micro = Benchmark.Configuration(metrics: [.wallClock, .throughput], timeUnits: .microseconds)
    Benchmark("RegressionFilipDegree10Extended", configuration: micro) { benchmark, filip in
        for _ in benchmark.scaledIterations {
            blackHole(try? LinearRegression(response: filip.y, terms: .polynomial(filip.x, degree: 10)).fit())
        }
    } setup: { filipData() }
    Benchmark("RegressionFilipDegree10Double", configuration: micro) { benchmark, filip in
        for _ in benchmark.scaledIterations {
            blackHole(try? LinearRegression(response: filip.y, terms: .polynomial(filip.x, degree: 10), precision: .double).fit())
        }
    } setup: { filipData() }
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
