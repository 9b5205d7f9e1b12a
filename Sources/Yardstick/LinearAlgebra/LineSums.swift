import CKernels

/// The batched straight-line fit of ``LineKernel``, in C (`Sources/CKernels/line_fit.c`): four series at a time, one
/// in each lane of a four-double vector, each 4 × 4 block of values transposed in registers, the columns of the
/// series ahead prefetched. Compiled for AVX2 with FMA and for the baseline, the version chosen once by the processor,
/// as numpy chooses its kernels (Swift cannot compile one function for a wider instruction set than the rest of the
/// program). On the development machine (2 cores) it fits 1 000 000 series of 30 years with 10% of the values
/// missing in about 28 ms, where the earlier kernel (one series at a time, its sums added across the lanes) took
/// about 31 ms, against about 13 ms to read the matrix once.
enum LineSums {
    /// Whether the AVX2 + FMA versions run.
    static var wide: Bool { ys_line_kernels_wide() != 0 }
}

extension LineSums {
    /// A grid of years for ``fit(grid:columns:_:scratch:into:wide:)``: its count, years, basis t and t², centre,
    /// scale and 1/scale, Σt and Σt² summed in year order, and whether the model is fitted to ln y.
    struct Grid {
        var n: Int
        var years: UnsafePointer<Double>, t: UnsafePointer<Double>, tt: UnsafePointer<Double>
        var centre: Double, scale: Double, inverseScale: Double, tSum: Double, ttSum: Double
        var log: Bool
    }

    /// Where a run stores each series (arrays over the series): status, count, first and last year, γ₀, γ₁, the
    /// last entry of (XᵀX)⁻¹, centre, scale, RSS and the model's extra number (Σ ln y for the log-linear model).
    struct Output {
        var status: UnsafeMutablePointer<UInt8>
        var count: UnsafeMutablePointer<Int32>, first: UnsafeMutablePointer<Int32>, last: UnsafeMutablePointer<Int32>
        var g0: UnsafeMutablePointer<Double>, g1: UnsafeMutablePointer<Double>, v11: UnsafeMutablePointer<Double>
        var centre: UnsafeMutablePointer<Double>, scale: UnsafeMutablePointer<Double>
        var rss: UnsafeMutablePointer<Double>, extra: UnsafeMutablePointer<Double>
    }

    /// The status a run gives a series it leaves to the general kernel.
    static let declined = UInt8(YS_LINE_DECLINED)

    /// Fits the series `range` of `columns` (`grid.n` values each, NaN where a year is missing) in one C call, four
    /// series at a time, one in each vector lane: pass 1, the coefficients and pass 2; status 5 (on the grid's
    /// basis), 6 (in the series' own basis) or ``declined``. `scratch` holds 8n values. `wide` chooses the AVX2
    /// version (where the processor has it) or the baseline, for tests; by default the one that runs.
    ///
    /// - Complexity: O(n) per series.
    static func fit(grid: Grid, columns: UnsafePointer<Double>, _ range: Range<Int>, scratch: UnsafeMutablePointer<Double>,
                    into out: Output, wide: Bool? = nil) {
        var g = ys_line_grid(n: grid.n, years: grid.years, t: grid.t, tt: grid.tt, centre: grid.centre, scale: grid.scale,
                             inverse_scale: grid.inverseScale, t_sum: grid.tSum, tt_sum: grid.ttSum, log: grid.log ? 1 : 0)
        var o = ys_line_output(status: out.status, count: out.count, first: out.first, last: out.last, g0: out.g0,
                               g1: out.g1, v11: out.v11, centre: out.centre, scale: out.scale, rss: out.rss, extra: out.extra)
        if let wide {
            ys_line_fit_run_of_version(wide ? 1 : 0, &g, columns, range.lowerBound, range.upperBound, scratch, &o)
        } else {
            ys_line_fit_run(&g, columns, range.lowerBound, range.upperBound, scratch, &o)
        }
    }
}
