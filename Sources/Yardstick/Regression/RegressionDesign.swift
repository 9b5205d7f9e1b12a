import Foundation

/// The design a regression is solved in: centred and scaled working columns, and the map back to the user's terms.
///
/// For a term x with centre c and scale s (a power of two, so that dividing by it is exact) the working column is
/// (x − c)/s; a polynomial of degree k uses tʲ, t = (x − c)/s. Without an intercept nothing is centred. The
/// coefficients γ of the working design map to the reported β by β = M·γ:
/// - columns: β_j = γ_j / s_j and β₀ = γ₀ − Σ_j c_j·γ_j / s_j;
/// - polynomial: β_j = Σ_{k ≥ j} γ_k·C(k, j)·(−c)^(k−j) / s^k.
/// Centring and scaling make the working design well conditioned (Filip's degree-10 design goes from a condition
/// number near 1e15 to about 1e7), so the pivoted QR sees the problem's real rank.
struct RegressionDesign {
    let rows: Int
    let columns: Int
    /// Working design, column-major, in double-double, rows already multiplied by √w.
    let working: [DoubleDouble]
    /// Response, multiplied by √w.
    let response: [DoubleDouble]
    /// √w per row (1 without weights).
    let rootWeights: [DoubleDouble]
    /// β = M·γ, column-major p × p.
    let transform: [DoubleDouble]
    let termNames: [String]
    let hasIntercept: Bool

    init(model: LinearRegression) throws(RegressionError) {
        let y = model.response
        let n = y.count
        try RegressionDesign.checkFinite(y)
        var cols: [[DoubleDouble]] = []
        var names: [String] = []
        let intercept = model.includesIntercept
        if intercept { cols.append(Array(repeating: .one, count: n)); names.append("(Intercept)") }
        var transform: [[DoubleDouble]]   // rows of M, built below

        switch model.terms {
        case let .columns(xs):
            var centres: [DoubleDouble] = [], scales: [DoubleDouble] = []
            for x in xs {
                guard x.count == n else { throw .lengthMismatch(column: x.name, expected: n, found: x.count) }
                try RegressionDesign.checkFinite(x)
                let c = intercept ? RegressionDesign.mean(x.extended) : .zero
                let s = RegressionDesign.powerOfTwoScale(x.extended, centre: c)
                cols.append(x.extended.map { ($0 - c) / s })
                names.append(x.name)
                centres.append(c); scales.append(s)
            }
            let p = cols.count
            transform = Array(repeating: Array(repeating: .zero, count: p), count: p)
            let offset = intercept ? 1 : 0
            if intercept { transform[0][0] = .one }
            for j in 0..<xs.count {
                transform[j + offset][j + offset] = .one / scales[j]
                if intercept { transform[0][j + offset] = -(centres[j] / scales[j]) }
            }
        case let .polynomial(x, degree):
            guard degree >= 1 else { throw .invalidDegree(degree) }
            guard x.count == n else { throw .lengthMismatch(column: x.name, expected: n, found: x.count) }
            try RegressionDesign.checkFinite(x)
            let c = intercept ? RegressionDesign.mean(x.extended) : .zero
            let s = RegressionDesign.powerOfTwoScale(x.extended, centre: c)
            let t = x.extended.map { ($0 - c) / s }
            var power = Array(repeating: DoubleDouble.one, count: n)
            for k in 1...degree {
                for i in 0..<n { power[i] = power[i] * t[i] }
                cols.append(power)
                names.append(k == 1 ? x.name : "\(x.name)^\(k)")
            }
            let first = intercept ? 0 : 1
            let p = cols.count
            transform = Array(repeating: Array(repeating: .zero, count: p), count: p)
            // Row j of M (power j), column k (power k): C(k, j)·(−c)^(k−j) / s^k.
            for j in first...degree {
                for k in j...degree {
                    var term = DoubleDouble(RegressionDesign.binomial(k, j))
                    for _ in 0..<(k - j) { term = term * (-c) }
                    for _ in 0..<k { term = term / s }
                    transform[j - first][k - first] = term
                }
            }
        }
        guard !cols.isEmpty else { throw .noTerms }

        var roots = Array(repeating: DoubleDouble.one, count: n)
        if let w = model.weights {
            guard w.count == n else { throw .lengthMismatch(column: "weights", expected: n, found: w.count) }
            for (i, v) in w.enumerated() {
                guard v.isFinite, v > 0 else { throw .invalidWeight(row: i, value: v) }
                roots[i] = DoubleDouble(v).squareRoot()
            }
        }
        rows = n
        columns = cols.count
        var work: [DoubleDouble] = []
        work.reserveCapacity(n * cols.count)
        for col in cols { for i in 0..<n { work.append(col[i] * roots[i]) } }
        working = work
        response = (0..<n).map { y.extended[$0] * roots[$0] }
        rootWeights = roots
        termNames = names
        hasIntercept = intercept
        var m: [DoubleDouble] = []
        for k in 0..<columns { for j in 0..<columns { m.append(transform[j][k]) } }
        self.transform = m
    }

    /// The working design rounded to double, for LAPACK's pivoted QR.
    var workingDouble: Matrix {
        Matrix(rows: rows, columns: columns, elements: working.map(\.double))
    }

    /// The working columns listed, in double-double, column-major.
    func workingColumns(_ list: [Int]) -> [DoubleDouble] {
        list.flatMap { working[($0 * rows)..<(($0 + 1) * rows)] }
    }

    /// M[j, k].
    func m(_ j: Int, _ k: Int) -> DoubleDouble { transform[j + k * columns] }

    static func checkFinite(_ c: DataColumn) throws(RegressionError) {
        if let row = c.values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(column: c.name, row: row) }
    }

    static func mean(_ v: [DoubleDouble]) -> DoubleDouble {
        guard !v.isEmpty else { return .zero }
        var s = DoubleDouble.zero
        for x in v { s += x }
        return s / DoubleDouble(Double(v.count))
    }

    /// The power of two nearest max |x − c| (1 for a constant column), so that scaling is exact.
    static func powerOfTwoScale(_ v: [DoubleDouble], centre: DoubleDouble) -> DoubleDouble {
        let largest = v.map { abs(($0 - centre).hi) }.max() ?? 0
        guard largest > 0, largest.isFinite else { return .one }
        return DoubleDouble(Foundation.exp2(Foundation.log2(largest).rounded()))
    }

    static func binomial(_ n: Int, _ k: Int) -> Double {
        var r = 1.0
        if k == 0 { return 1 }
        for i in 1...k { r = r * Double(n - k + i) / Double(i) }
        return r.rounded()
    }
}
