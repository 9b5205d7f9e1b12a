import Testing
@testable import Yardstick

/// The C line kernel (`Sources/CKernels/line_fit.c`): the AVX2 version, where the processor has it, against the
/// baseline; and each series' fit against a plain least-squares line computed here.
@Suite("Line kernel")
struct LineSumsTests {
    /// Columns of 30 years: complete, with NaN at the ends and inside, all NaN, two points, large levels, a constant.
    static let columns: [[Double]] = {
        var rng = SplitMix64(seed: 3)
        var out: [[Double]] = [Array(repeating: .nan, count: 30), (0..<30).map { $0 == 4 || $0 == 20 ? 7 : .nan },
                               Array(repeating: 5, count: 30)]
        for missing in [0.0, 0.1, 0.5] {
            for _ in 0..<9 {
                let level = Double.random(in: -1e6...1e6, using: &rng), slope = Double.random(in: -50...50, using: &rng)
                out.append((0..<30).map { i in
                    Double.random(in: 0..<1, using: &rng) < missing ? .nan : level + slope * Double(i) + Double.random(in: -9...9, using: &rng)
                })
            }
        }
        return out
    }()

    /// Runs the kernel over every column, by one version.
    static func run(wide: Bool) -> BatchTrendResult.Storage {
        let kernel = LineKernel(years: (1990...2019).map(Double.init), log: false)
        let storage = BatchTrendResult.Storage(model: .linear, series: columns.count)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 8 * 30)
        defer { scratch.deallocate() }
        let flat = columns.flatMap { $0 }
        flat.withUnsafeBufferPointer { LineSums.fit(grid: kernel.runGrid, columns: $0.baseAddress!, 0..<columns.count,
                                                    scratch: scratch, into: storage.lineOutput, wide: wide) }
        storage.grid = kernel.grid
        return storage
    }

    @Test func wideAgreesWithBaselineAndWithPlainLeastSquares() throws {
        let wide = Self.run(wide: true), base = Self.run(wide: false)
        for (j, y) in Self.columns.enumerated() {
            let seen = y.indices.filter { !y[$0].isNaN }
            #expect(wide.status[j] == base.status[j])
            // Too few points, or a column of one value bunched at no spread: left to the general kernel.
            if seen.count < 3 { #expect(base.status[j] == LineSums.declined); continue }
            // The plain formulas in years, for the slope a year and the RSS.
            let xs = seen.map { Double(1990 + $0) }, ys = seen.map { y[$0] }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
            let slope = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
            let rss = zip(xs, ys).reduce(0) { s, p in let e = p.1 - my - slope * (p.0 - mx); return s + e * e }
            for s in [wide, base] {
                let basis = s.basis(j)
                #expect(relativeError(s[1, j] / basis.scale, slope) <= 1e-10 || abs(slope) < 1e-9)
                #expect(abs(s[s.rss, j] - rss) <= 1e-9 * max(1, rss))
                #expect(s.counts(j).count == seen.count)
            }
            #expect(abs(wide[1, j] - base[1, j]) <= 1e-12 * max(1, abs(base[1, j])))
            #expect(abs(wide[wide.rss, j] - base[base.rss, j]) <= 1e-12 * max(1, base[base.rss, j]))
        }
    }
}
