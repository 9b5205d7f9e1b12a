import Benchmark
import Foundation
import Yardstick

/// The uncertainty benchmark: a composite of 40 indicators over 300 regions, 100 000 draws of the weights (each
/// times U(0.5, 1.5)) and of the arithmetic or geometric mean, ranks and rank percentiles; the same work as
/// Benchmarks/peers/uncertainty_numpy.py (same shapes and distributions, lognormal indicators, min-max 0–100).
func uncertaintyBenchmarks() {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(20), maxIterations: 5)
    Benchmark("UncertaintyRanks300x40x100k", configuration: configuration) { benchmark, input in
        for _ in benchmark.scaledIterations { blackHole(try? UncertaintyAnalysis(input.0, settings: input.1).run(input.2)) }
    } setup: { uncertaintyInput() }
}

func uncertaintyInput() -> (CompositeSpecification, UncertaintySettings, CompositeData) {
    var rng = SplitMix64(seed: 3)
    let regions = (0..<300).map { "R\($0)" }, indicators = (0..<40).map { "I\($0)" }
    var values = Matrix(rows: 300, columns: 40)
    for j in 0..<40 {
        for i in 0..<300 {
            // Lognormal(3, 0.8) by Box–Muller.
            let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &rng), u2 = Double.random(in: 0..<1, using: &rng)
            values[i, j] = exp(3 + 0.8 * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2))
        }
    }
    let data = CompositeData(year: 2024, regions: regions, indicators: indicators, values: values,
                             directions: Array(repeating: .higher, count: 40))
    let spec = CompositeSpecification(structure: .flat(indicators))
    var settings = UncertaintySettings(draws: 100_000)
    settings.aggregations = [.arithmetic, .geometric]
    return (spec, settings, data)
}
