import Foundation

/// The fast path of a batched straight line (linear, or log-linear on ln y): each series' column read four values at
/// a time (``LineSums``: AVX2 where the processor has it), its sums kept in vector accumulators, so that a fit costs
/// little more than reading the column.
///
/// Per series, with t = (year − c)/s in the grid's basis and y shifted by its first observed value y₀ (so that the
/// sums do not grow with its level):
/// - pass 1: n = Σm, Sₜ = Σm·t, Sₜₜ = Σm·t², S = Σm·(y − y₀), Sₜᵧ = Σm·t·(y − y₀), m the mask of observed years;
/// - b = (Sₜᵧ − Sₜ·S/n)/(Sₜₜ − Sₜ²/n), a = y₀ + S/n − b·Sₜ/n;
/// - pass 2: RSS = Σm·(y − (y₀ + a) − b·t)², from the residuals themselves; TSS = RSS + b²·(Sₜₜ − Sₜ²/n).
/// A complete series keeps the grid's basis (computed once) and stores only a, b and RSS; a series with missing
/// years is moved to its own basis (c its mean observed year, s half its observed span, as the one-series path
/// fits it), exactly, by the affine change of t. Anything unusual (an infinite or, for the log-linear
/// model, non-positive value, fewer than three points) goes to the general kernel (``BatchTrends/Kernel``), which
/// gives the one-series path's reason; so do the weighted and quadratic models. The results agree with the
/// one-series path to 1e-13 (tested) and do not depend on the threads.
///
/// - Complexity: O(n) per series of n years, two passes over a column that stays in L1 cache.
final class LineKernel: @unchecked Sendable {
    let n: Int
    let log: Bool
    /// The grid's years and, for complete series, its basis: c, s, and t; each padded to a multiple of four.
    let centre: Double, scale: Double
    let years: UnsafeMutablePointer<Double>, t: UnsafeMutablePointer<Double>
    let tSum: Double, ttSum: Double
    /// 1/s, and the grid's 1/n and 1/Sₜₜᶜ (0 when Sₜₜᶜ is not above 1% of Sₜₜ: then the masked fit declines too).
    let inverseScale: Double, gridInverses: (count: Double, centredSquares: Double)
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
        let padded = (n + 3) & ~3
        let y = UnsafeMutablePointer<Double>.allocate(capacity: max(padded, 4))
        let tt = UnsafeMutablePointer<Double>.allocate(capacity: max(padded, 4))
        for i in 0..<max(padded, 4) {
            y[i] = i < n ? grid[i] : 0
            tt[i] = i < n ? (grid[i] - centre) / scale : 0
        }
        // Σt and Σt² summed by the masked pass itself over a complete column (the years), so that a complete series
        // gives the same bits whichever pass fits it.
        let count = grid.count, sums = UnsafeMutablePointer<Double>.allocate(capacity: 5)
        sums.initialize(repeating: 0, count: 5)
        if count > 0 { LineSums.masked(y, tt, count, y0: grid[0], into: sums) }
        let s = sums[1], ss = sums[2]
        sums.deallocate()
        years = y
        t = tt
        tSum = s
        ttSum = ss
        inverseScale = 1 / scale
        let rk = 1 / Double(max(n, 1)), sttc = ss - s * (s * rk)
        gridInverses = (rk, sttc > 0.01 * ss ? 1 / sttc : 0)
    }

    deinit {
        years.deallocate()
        t.deallocate()
    }

    /// Fits the series `range` of the columns at `columns` (`rows` values each), each by ``fit(column:rows:scratch:into:series:)``
    /// or, where it declines, by `otherwise`. A series that follows a complete one is first tried as complete
    /// (``fitComplete(column:rows:scratch:into:series:)``, without masks); either way a complete series gives the
    /// same bits, so the result does not depend on where a chunk starts.
    func fit(columns: UnsafePointer<Double>, _ range: Range<Int>, rows: Int, scratch: UnsafeMutablePointer<Double>,
             into out: BatchTrendResult.Storage, otherwise: BatchTrends.Kernel) {
        var complete = true
        for j in range {
            let column = columns + j * rows
            if complete && fitComplete(column: column, rows: rows, scratch: scratch, into: out, series: j) { continue }
            switch fit(column: column, rows: rows, scratch: scratch, into: out, series: j) {
            case .complete: complete = true
            case .gaps: complete = false
            case .declined:
                complete = false
                otherwise.fit(column: column, rows: rows, scratch: scratch, into: out, series: j)
            }
        }
    }

    /// A complete series (no missing value, every value finite and, for the log-linear model, positive) fitted on
    /// the grid's basis with the grid's Σt and Σt²: pass 1 sums only y and t·y. False, and nothing written, for any
    /// other series.
    @inline(__always)
    func fitComplete(column: UnsafePointer<Double>, rows: Int, scratch: UnsafeMutablePointer<Double>,
                     into out: BatchTrendResult.Storage, series j: Int) -> Bool {
        guard n >= 3, rows == n else { return false }
        let t = UnsafePointer(self.t)
        var y = column
        if log {
            for i in 0..<n {
                let v = column[i]
                guard v > 0, v.isFinite else { return false }           // also NaN
                scratch[i] = Foundation.log(v)
            }
            y = UnsafePointer(scratch)
        }
        let y0 = y[0], sums = scratch + n
        LineSums.complete(y, t, n, y0: y0, into: sums)
        let sy = sums[0], sty = sums[1]
        guard sy.isFinite, sty.isFinite else { return false }       // a missing or infinite value
        // The grid's 1/n, t̄ and 1/Sₜₜᶜ, computed once as pass 1 of the masked fit computes them for a complete column.
        let st = tSum, rk = gridInverses.count, tm = st * rk, rs = gridInverses.centredSquares
        guard rs > 0 else { return false }
        let b = (sty - st * sy * rk) * rs, a = sy * rk - b * tm
        let k = Double(n)
        let rss = LineSums.rss(y, t, n, c0: y0 + a, b: b)
        out.setGridFit(j, y0 + a, b, rss: rss, extra: log ? k * y0 + sy : nil)
        return true
    }

    /// What ``fit(column:rows:scratch:into:series:)`` did with a series.
    enum Outcome { case complete, gaps, declined }

    /// Fits series `j` (its column at `column`, `n` values) into `out`, with masks for missing years; declines
    /// when the general kernel must. `scratch` holds at least n + 5 values (the column's logarithms, then the sums).
    @inline(__always)
    func fit(column: UnsafePointer<Double>, rows: Int, scratch: UnsafeMutablePointer<Double>,
             into out: BatchTrendResult.Storage, series j: Int) -> Outcome {
        guard n >= 3, rows == n else { return .declined }
        let years = UnsafePointer(self.years), t = UnsafePointer(self.t)
        var y = column
        if log {
            for i in 0..<n {
                let v = column[i]
                if v.isNaN { scratch[i] = v; continue }
                guard v > 0, v.isFinite else { return .declined }
                scratch[i] = Foundation.log(v)
            }
            y = UnsafePointer(scratch)
        }
        // Pass 1: masked sums in the grid's basis, y shifted by its first observed value.
        var first = 0
        while first < n && y[first].isNaN { first += 1 }
        guard first < n else { return .declined }
        let y0 = y[first], sums = scratch + n
        LineSums.masked(y, t, n, y0: y0, into: sums)
        let k = sums[0], st = sums[1], stt = sums[2], sy = sums[3], sty = sums[4]
        guard k >= 3, sy.isFinite, sty.isFinite else { return .declined }   // too few, or an infinite value: named there
        // Two divisions, 1/n and 1/Sₜₜᶜ, each used several times (a chain of divisions cost a third of the time).
        let rk = 1 / k, tm = st * rk, sttc = stt - st * tm
        // Observations bunched in a corner of the grid leave Sₜₜ − Sₜ²/n to cancellation: their own basis is better.
        guard sttc > 0.01 * stt else { return .declined }
        let rs = 1 / sttc
        let b = (sty - st * sy * rk) * rs, a = sy * rk - b * tm       // a relative to y₀, in the grid's basis
        let rss = LineSums.rss(y, t, n, c0: y0 + a, b: b)
        let jacobian = log ? k * y0 + sy : 0                       // Σ ln y, for the log-linear likelihood
        if k == Double(n) {
            out.setGridFit(j, y0 + a, b, rss: rss, extra: log ? jacobian : nil)
            return .complete
        }
        // The series' own basis: c′ = c + s·t̄ (its mean observed year), s′ = half its observed span; there
        // t′ = (s·t + c − c′)/s′, so γ₁′ = b·s′/s, γ₀′ = the mean of y, and Σ(t′ − t̄′)² = Sₜₜᶜ·(s/s′)².
        var last = n - 1
        while y[last].isNaN { last -= 1 }
        let c = centre + scale * tm, s = max(1, (years[last] - years[first]) / 2), ratio = s * inverseScale   // s′/s
        out.setCount(j, Int(k), first: years[first], last: years[last])
        out.setBasis(j, centre: c, scale: s)
        out.setLineFit(j, y0 + sy * rk, b * ratio, v11: rs * ratio * ratio, rss: rss, extra: log ? jacobian : nil)
        return .gaps
    }


}
