/// Derivative-free minimisation by the Nelder–Mead simplex method (Nelder & Mead 1965, with the standard
/// coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
///
/// ```swift
/// let r = NelderMead.minimise(start: [0, 0]) { p in (p[0] - 1) * (p[0] - 1) + (p[1] + 2) * (p[1] + 2) }
/// r.point   // ≈ [1, -2]
/// ```
/// The simplex lives in one buffer allocated once, and `f` reads its point from a buffer, so that an iteration
/// allocates nothing (estimating smoothing parameters for 100 000 series calls `f` tens of millions of times).
///
/// Complexity: at most `maxIterations` iterations, each one to d + 2 evaluations of `f` in d dimensions.
enum NelderMead {
    struct Result { let point: [Double]; let value: Double; let iterations: Int; let converged: Bool }

    static func minimise(
        start: [Double], step: Double = 0.5, tolerance: Double = 1e-12, maxIterations: Int = 5000,
        _ f: ([Double]) -> Double
    ) -> Result {
        minimising(start: start, step: step, tolerance: tolerance, maxIterations: maxIterations) { f(Array($0)) }
    }

    /// The same, with `f` reading its point from a buffer of `start.count` values.
    static func minimising(
        start: [Double], step: Double = 0.5, tolerance: Double = 1e-12, maxIterations: Int = 5000,
        _ f: (UnsafeBufferPointer<Double>) -> Double
    ) -> Result {
        let d = start.count
        guard d > 0 else { return Result(point: [], value: f(UnsafeBufferPointer(start: nil, count: 0)), iterations: 0, converged: true) }
        // Rows 0…d: the vertices; then the centroid and three trial points.
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: (d + 5) * d)
        defer { buffer.deallocate() }
        var values = [Double](repeating: 0, count: d + 1)
        func vertex(_ k: Int) -> UnsafeMutablePointer<Double> { buffer + k * d }
        let centroid = vertex(d + 1), reflected = vertex(d + 2), expanded = vertex(d + 3), contracted = vertex(d + 4)
        func value(_ p: UnsafeMutablePointer<Double>) -> Double { f(UnsafeBufferPointer(start: p, count: d)) }
        for k in 0...d {
            for i in 0..<d { vertex(k)[i] = start[i] + (k > 0 && i == k - 1 ? step : 0) }
            values[k] = value(vertex(k))
        }
        func swap(_ a: Int, _ b: Int) {
            values.swapAt(a, b)
            for i in 0..<d { let t = vertex(a)[i]; vertex(a)[i] = vertex(b)[i]; vertex(b)[i] = t }
        }
        func copy(_ from: UnsafeMutablePointer<Double>, to k: Int, _ v: Double) {
            for i in 0..<d { vertex(k)[i] = from[i] }
            values[k] = v
        }
        func along(_ c: Double, into p: UnsafeMutablePointer<Double>) {
            for i in 0..<d { p[i] = centroid[i] + c * (vertex(d)[i] - centroid[i]) }
        }
        for iteration in 1...maxIterations {
            for k in 1...d {                                       // insertion sort: best first
                var j = k
                while j > 0 && values[j] < values[j - 1] { swap(j, j - 1); j -= 1 }
            }
            if abs(values[d] - values[0]) <= tolerance * (abs(values[0]) + tolerance) {
                return Result(point: Array(UnsafeBufferPointer(start: vertex(0), count: d)), value: values[0],
                              iterations: iteration, converged: true)
            }
            for i in 0..<d {
                var s = 0.0
                for k in 0..<d { s += vertex(k)[i] }
                centroid[i] = s / Double(d)
            }
            along(-1, into: reflected)
            let fr = value(reflected)
            if fr < values[0] {
                along(-2, into: expanded)
                let fe = value(expanded)
                if fe < fr { copy(expanded, to: d, fe) } else { copy(reflected, to: d, fr) }
            } else if fr < values[d - 1] {
                copy(reflected, to: d, fr)
            } else {
                along(fr < values[d] ? -0.5 : 0.5, into: contracted)
                let fc = value(contracted)
                if fc < min(fr, values[d]) {
                    copy(contracted, to: d, fc)
                } else {
                    for k in 1...d {
                        for i in 0..<d { vertex(k)[i] = vertex(0)[i] + 0.5 * (vertex(k)[i] - vertex(0)[i]) }
                        values[k] = value(vertex(k))
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: Array(UnsafeBufferPointer(start: vertex(best), count: d)), value: values[best],
                      iterations: maxIterations, converged: false)
    }
}
