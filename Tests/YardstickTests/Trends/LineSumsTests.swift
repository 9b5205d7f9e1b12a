import Testing
@testable import Yardstick

/// The C passes of the batched line fit (`Sources/CKernels`): the AVX2 version, where the processor has it, against
/// the baseline, and the complete pass against the masked one on complete columns (the same bits, which is what
/// makes results independent of where a chunk of series starts).
@Suite("Line-fit passes")
struct LineSumsTests {
    /// Columns of 0 to 37 years: empty, one value, complete, with NaN at the ends and inside, all NaN, large levels.
    static let columns: [[Double]] = {
        var rng = SplitMix64(seed: 3)
        var out: [[Double]] = [[], [42], [1, 2, 3], [.nan, .nan], [.nan, 5, 6, .nan, 8]]
        for n in [4, 5, 7, 8, 30, 37] {
            for missing in [0.0, 0.1, 0.5] {
                let level = Double.random(in: -1e6...1e6, using: &rng), slope = Double.random(in: -50...50, using: &rng)
                out.append((0..<n).map { i in
                    Double.random(in: 0..<1, using: &rng) < missing ? .nan : level + slope * Double(i) + Double.random(in: -9...9, using: &rng)
                })
            }
        }
        return out
    }()

    static func grid(_ n: Int) -> [Double] { (0..<n).map { (Double($0) - Double(n - 1) / 2) / max(1, Double(n - 1) / 2) } }

    @Test(arguments: columns)
    func wideAgreesWithBaselineAndCompleteWithMasked(_ y: [Double]) {
        let t = Self.grid(y.count), y0 = y.first { !$0.isNaN } ?? 0
        let wide = LineSums.passes(wide: true, y, t, y0: y0, c0: y0 + 1, b: 2)
        let base = LineSums.passes(wide: false, y, t, y0: y0, c0: y0 + 1, b: 2)
        // Sums of up to 37 terms: the versions differ only by FMA's single rounding.
        let observed = y.filter { !$0.isNaN }
        #expect(base.masked[0] == Double(observed.count) && wide.masked[0] == base.masked[0])
        for (a, b) in zip(wide.masked, base.masked) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
        #expect(abs(wide.rss - base.rss) <= 1e-12 * max(1, base.rss))
        // The residuals about c₀ + b·t, summed plainly, for the baseline.
        let direct = zip(y, t).filter { !$0.0.isNaN }.reduce(0.0) { s, p in let e = p.0 - (y0 + 1) - 2 * p.1; return s + e * e }
        #expect(relativeError(base.rss, direct) <= 1e-12 || (direct == 0 && base.rss == 0))
        if observed.count == y.count {
            for v in [wide, base] {
                #expect(v.complete[0] == v.masked[3] && v.complete[1] == v.masked[4])   // the same bits
            }
        } else {
            #expect(!base.complete[0].isFinite && !wide.complete[0].isFinite)             // a gap shows
        }
    }
}
