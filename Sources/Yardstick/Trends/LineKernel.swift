import Foundation

/// The fast path of a batched straight line (linear, or log-linear on ln y): the C kernel of ``LineSums`` fits four
/// series at a time, one in each vector lane (AVX2 where the processor has it), so that a fit costs little more than
/// reading the columns.
///
/// Per series, with t = (year − c)/s in the grid's basis and y shifted by its first observed value y₀ (so that the
/// sums do not grow with its level), m the mask of observed years:
/// - pass 1: n = Σm, Sₜ = Σm·t, Sₜₜ = Σm·t², S = Σm·(y − y₀), Sₜᵧ = Σm·t·(y − y₀), in year order;
/// - b = (Sₜᵧ − Sₜ·S/n)/(Sₜₜ − Sₜ²/n), a = y₀ + S/n − b·Sₜ/n;
/// - pass 2: RSS = Σm·(y − a − b·t)², from the residuals themselves; TSS = RSS + b²·(Sₜₜ − Sₜ²/n).
/// A complete series keeps the grid's basis (computed once) and stores only a, b and RSS; a series with missing
/// years is moved to its own basis (c its mean observed year, s half its observed span, as the one-series path
/// fits it), exactly, by the affine change of t. Anything unusual (an infinite or, for the log-linear
/// model, non-positive value, fewer than three points, observations bunched in a corner of the grid) goes to the
/// general kernel (``BatchTrends/Kernel``), which gives the one-series path's reason; so do the weighted and
/// quadratic models. The results agree with the one-series path to 1e-13 (tested) and do not depend on the threads
/// or on a series' neighbours.
///
/// - Complexity: O(n) per series of n years: one read of its column, one pass over four transposed columns in L1.
final class LineKernel: @unchecked Sendable {
    let n: Int
    let log: Bool
    /// The grid's basis: centre c, scale s and 1/s.
    let centre: Double, scale: Double, inverseScale: Double
    /// The grid's years, t and t² (n values each).
    let years: UnsafeMutablePointer<Double>, t: UnsafeMutablePointer<Double>, tt: UnsafeMutablePointer<Double>
    /// Σt and Σt² over the grid, in year order (as the kernel sums a complete series).
    let tSum: Double, ttSum: Double

    /// The grid's count, first and last years, basis and (XᵀX)⁻¹, for the series fitted on it.
    var grid: (count: Int, first: Int, last: Int, centre: Double, scale: Double, v: [Double]) {
        let count = Double(n), tm = tSum / count, sttc = ttSum - tSum * tm
        return (n, n > 0 ? Int(years[0]) : 0, n > 0 ? Int(years[n - 1]) : 0, centre, scale, [1 / count + tm * tm / sttc, -tm / sttc, 1 / sttc])
    }

    init(years grid: [Double], log: Bool) {
        n = grid.count
        self.log = log
        centre = n > 0 ? grid.reduce(0, +) / Double(n) : 0
        scale = n > 0 ? max(1, (grid[n - 1] - grid[0]) / 2) : 1
        inverseScale = 1 / scale
        years = .allocate(capacity: max(n, 1))
        t = .allocate(capacity: max(n, 1))
        tt = .allocate(capacity: max(n, 1))
        var s = 0.0, ss = 0.0
        for i in 0..<n {
            years[i] = grid[i]
            t[i] = (grid[i] - centre) / scale
            tt[i] = t[i] * t[i]
            s += t[i]
            ss += tt[i]
        }
        tSum = s
        ttSum = ss
    }

    deinit {
        years.deallocate()
        t.deallocate()
        tt.deallocate()
    }

    /// The grid as the C kernel reads it.
    var runGrid: LineSums.Grid {
        LineSums.Grid(n: n, years: UnsafePointer(years), t: UnsafePointer(t), tt: UnsafePointer(tt), centre: centre,
                      scale: scale, inverseScale: inverseScale, tSum: tSum, ttSum: ttSum, log: log)
    }

    /// Fits the series `range` of the columns at `columns` (`rows` values each) in one run of the C kernel
    /// (``LineSums/fit(grid:columns:_:scratch:into:wide:)``), then the series it declines by `otherwise`.
    /// `scratch` holds at least 8n values.
    func fit(columns: UnsafePointer<Double>, _ range: Range<Int>, rows: Int, scratch: UnsafeMutablePointer<Double>,
             into out: BatchTrendResult.Storage, otherwise: BatchTrends.Kernel) {
        if n >= 3 && rows == n {
            LineSums.fit(grid: runGrid, columns: columns, range, scratch: scratch, into: out.lineOutput)
            for j in range where out.status[j] == LineSums.declined {
                otherwise.fit(column: columns + j * rows, rows: rows, scratch: scratch, into: out, series: j)
            }
        } else {
            for j in range { otherwise.fit(column: columns + j * rows, rows: rows, scratch: scratch, into: out, series: j) }
        }
    }
}
