/// Derivative-free minimisation by the Nelder–Mead simplex method (Nelder & Mead 1965, with the standard
/// coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
///
/// ```swift
/// let r = NelderMead.minimise(start: [0, 0]) { p in (p[0] - 1) * (p[0] - 1) + (p[1] + 2) * (p[1] + 2) }
/// r.point   // ≈ [1, -2]
/// ```
/// Complexity: at most `maxIterations` iterations, each one to d + 2 evaluations of `f` in d dimensions.
enum NelderMead {
    struct Result { let point: [Double]; let value: Double; let iterations: Int; let converged: Bool }

    static func minimise(
        start: [Double], step: Double = 0.5, tolerance: Double = 1e-12, maxIterations: Int = 5000,
        _ f: ([Double]) -> Double
    ) -> Result {
        let d = start.count
        guard d > 0 else { return Result(point: [], value: f([]), iterations: 0, converged: true) }
        var simplex = [start]
        for i in 0..<d { var p = start; p[i] += step; simplex.append(p) }
        var values = simplex.map(f)
        for iteration in 1...maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[d] - values[0])
            if spread <= tolerance * (abs(values[0]) + tolerance) {
                return Result(point: simplex[0], value: values[0], iterations: iteration, converged: true)
            }
            var centroid = Array(repeating: 0.0, count: d)
            for p in simplex.dropLast() { for i in 0..<d { centroid[i] += p[i] / Double(d) } }
            func along(_ c: Double) -> [Double] { (0..<d).map { centroid[$0] + c * (simplex[d][$0] - centroid[$0]) } }
            let reflected = along(-1), fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2), fe = f(expanded)
                if fe < fr { simplex[d] = expanded; values[d] = fe } else { simplex[d] = reflected; values[d] = fr }
            } else if fr < values[d - 1] {
                simplex[d] = reflected; values[d] = fr
            } else {
                let contracted = fr < values[d] ? along(-0.5) : along(0.5)
                let fc = f(contracted)
                if fc < min(fr, values[d]) {
                    simplex[d] = contracted; values[d] = fc
                } else {
                    for k in 1...d {
                        simplex[k] = (0..<d).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = f(simplex[k])
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[best], value: values[best], iterations: maxIterations, converged: false)
    }
}
