import CKernels

/// The vector passes of a batched straight-line fit (``LineKernel``), in C (`Sources/CKernels`): compiled for AVX2
/// with FMA and for the baseline, the version chosen once by the processor, as numpy chooses its kernels (Swift
/// cannot compile one function for a wider instruction set than the rest of the program). On the development
/// machine the AVX2 passes fit 1 000 000 series of 30 years in about half the time of the same passes written with
/// Swift's `SIMD4` (baseline SSE2). Within one version a complete series gives the same bits by the masked and the
/// complete pass.
enum LineSums {
    /// Whether the AVX2 + FMA versions run.
    static var wide: Bool { ys_line_kernels_wide() != 0 }

    /// Over the years whose value is not NaN: count, Σt, Σt², Σ(y − y₀), Σt·(y − y₀), written to `out[0...4]`.
    ///
    /// - Complexity: O(n), one pass.
    @inline(__always)
    static func masked(_ y: UnsafePointer<Double>, _ t: UnsafePointer<Double>, _ n: Int, y0: Double,
                       into out: UnsafeMutablePointer<Double>) {
        ys_line_masked_sums(y, t, n, y0, out)
    }

    /// Σ(y − y₀) and Σt·(y − y₀) over every year (non-finite if a value is missing or infinite), to `out[0...1]`.
    ///
    /// - Complexity: O(n), one pass.
    @inline(__always)
    static func complete(_ y: UnsafePointer<Double>, _ t: UnsafePointer<Double>, _ n: Int, y0: Double,
                         into out: UnsafeMutablePointer<Double>) {
        ys_line_complete_sums(y, t, n, y0, out)
    }

    /// Σ(y − c₀ − b·t)² over the years whose value is not NaN.
    ///
    /// - Complexity: O(n), one pass.
    @inline(__always)
    static func rss(_ y: UnsafePointer<Double>, _ t: UnsafePointer<Double>, _ n: Int, c0: Double, b: Double) -> Double {
        ys_line_rss(y, t, n, c0, b)
    }
}

extension LineSums {
    /// The three passes of the AVX2 version (`wide`, where the processor has it) or the baseline, whichever runs:
    /// the masked sums, the complete sums and the RSS about c₀ + b·t; for tests that compare the two versions.
    static func passes(wide: Bool, _ y: [Double], _ t: [Double], y0: Double, c0: Double, b: Double)
        -> (masked: [Double], complete: [Double], rss: Double) {
        var out = [Double](repeating: 0, count: 8)
        ys_line_passes_of_version(wide ? 1 : 0, y, t, y.count, y0, c0, b, &out)
        return (Array(out[0..<5]), Array(out[5..<7]), out[7])
    }
}
