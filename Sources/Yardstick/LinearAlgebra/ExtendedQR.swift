/// Householder QR of a small, dense matrix in double-double arithmetic, for least-squares problems whose
/// conditioning would cost digits in double precision (high-degree polynomials, NIST's Filip and Wampler5).
///
/// LAPACK has no extended-precision QR, and OpenBLAS no extended BLAS (XBLAS), so this one is written here.
/// It is used only after LAPACK's pivoted QR (``PivotedQR``) has decided the rank and the columns to keep,
/// and only for designs with few columns: its cost is about 20 times that of `dgeqrf` on the same matrix.
///
/// Complexity: O(m·p²) double-double operations for an m × p matrix.
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 5.2.1.
struct ExtendedQR {
    /// Rows and columns of the factorised matrix.
    let rows: Int, columns: Int
    /// Column-major storage: R on and above the diagonal, Householder vectors (without their unit head) below.
    private var a: [DoubleDouble]
    private var beta: [DoubleDouble]

    /// Factorises `matrix` (column-major, `rows × columns`, rows ≥ columns).
    init(rows: Int, columns: Int, elements: [DoubleDouble]) {
        precondition(rows >= columns && elements.count == rows * columns)
        self.rows = rows
        self.columns = columns
        a = elements
        beta = Array(repeating: .zero, count: columns)
        for k in 0..<columns { reflect(column: k) }
    }

    private mutating func reflect(column k: Int) {
        let m = rows, base = k * m
        var norm2 = DoubleDouble.zero
        for i in k..<m { norm2 += a[base + i] * a[base + i] }
        let norm = norm2.squareRoot()
        if norm.hi == 0 { beta[k] = .zero; return }
        let alpha = a[base + k].hi >= 0 ? -norm : norm            // R_kk; sign avoids cancellation
        let v0 = a[base + k] - alpha
        // v = (x - alpha e1) / v0, so v[k] = 1; beta = -v0 / alpha.
        for i in (k + 1)..<m { a[base + i] = a[base + i] / v0 }
        beta[k] = -(v0 / alpha)
        a[base + k] = alpha
        for j in (k + 1)..<columns {
            let cj = j * m
            var s = a[cj + k]
            for i in (k + 1)..<m { s += a[base + i] * a[cj + i] }
            s *= beta[k]
            a[cj + k] -= s
            for i in (k + 1)..<m { a[cj + i] -= s * a[base + i] }
        }
    }

    /// R's element (i, j), i ≤ j.
    func r(_ i: Int, _ j: Int) -> DoubleDouble { a[i + j * rows] }

    /// Qᵀ·b for a vector of length `rows`.
    func applyQTranspose(_ b: [DoubleDouble]) -> [DoubleDouble] {
        var y = b
        let m = rows
        for k in 0..<columns {
            let base = k * m
            var s = y[k]
            for i in (k + 1)..<m { s += a[base + i] * y[i] }
            s *= beta[k]
            y[k] -= s
            for i in (k + 1)..<m { y[i] -= s * a[base + i] }
        }
        return y
    }

    /// Solves R·x = c[0..<columns] by back substitution.
    func solveR(_ c: [DoubleDouble]) -> [DoubleDouble] {
        var x = Array(c.prefix(columns))
        for i in stride(from: columns - 1, through: 0, by: -1) {
            var s = x[i]
            for j in (i + 1)..<columns { s -= r(i, j) * x[j] }
            x[i] = s / r(i, i)
        }
        return x
    }

    /// R⁻¹ (upper triangular, column-major `columns × columns`), so that (AᵀA)⁻¹ = R⁻¹R⁻ᵀ.
    func inverseR() -> [DoubleDouble] {
        let p = columns
        var inv = Array(repeating: DoubleDouble.zero, count: p * p)
        for j in 0..<p {
            var e = Array(repeating: DoubleDouble.zero, count: p)
            e[j] = .one
            let col = solveR(e)
            for i in 0...j { inv[i + j * p] = col[i] }
        }
        return inv
    }
}
