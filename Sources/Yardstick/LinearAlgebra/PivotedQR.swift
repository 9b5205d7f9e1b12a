/// A QR factorisation with column pivoting, A·P = Q·R, from LAPACK `dgeqp3`, with an explicit numerical rank.
///
/// ```swift
/// let qr = try PivotedQR(design)                 // rank decided at the default tolerance
/// let beta = try qr.solve(Matrix(columns: [y]))  // least-squares coefficients, zero for dropped columns
/// ```
///
/// **Rank.** Column k of A·P is kept when |R_kk| > `rankTolerance` · |R_00|. Pivoting orders |R_kk| decreasingly,
/// so the dropped columns are the trailing ones, and ``droppedColumns`` names them in A's numbering. The default
/// tolerance, 1e-10, is far above double rounding (1e-16) and far below any design Yardstick builds from centred,
/// scaled time, so a drop means a truly collinear column, never an ill-conditioned but informative one.
///
/// Complexity: O(m·n²) for an m × n matrix; ``solve(_:)`` is O(m·n·k) for k right-hand sides.
struct PivotedQR {
    /// The default relative tolerance on |R_kk| / |R_00|.
    static let defaultRankTolerance = 1e-10

    let factors: Matrix
    let tau: [Double]
    /// Zero-based permutation: column k of A·P is column `permutation[k]` of A.
    let permutation: [Int]
    /// The numerical rank at `rankTolerance`.
    let rank: Int
    let rankTolerance: Double

    init(_ a: Matrix, rankTolerance: Double = PivotedQR.defaultRankTolerance) throws(LinearAlgebraError) {
        guard a.rows > 0, a.columns > 0 else { throw .empty("the matrix to factorise") }
        guard a.isFinite else { throw .nonFiniteInput("the matrix to factorise") }
        var work = a
        let (tau, jpvt) = try LAPACK.geqp3(&work)
        factors = work
        self.tau = tau
        permutation = jpvt.map { Int($0) - 1 }
        self.rankTolerance = rankTolerance
        let r00 = abs(work[0, 0])
        var rank = 0
        for k in 0..<min(a.rows, a.columns) where abs(work[k, k]) > rankTolerance * r00 && r00 > 0 { rank = k + 1 }
        self.rank = rank
    }

    /// Columns of A (zero-based) left out of the fit because they are collinear with the kept ones.
    var droppedColumns: [Int] { Array(permutation[rank...]) }

    /// Columns of A (zero-based) kept, in A's order.
    var keptColumns: [Int] { permutation[..<rank].sorted() }

    /// Least-squares solution of A·X ≈ B for every column of B; rows of dropped columns are zero.
    func solve(_ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == factors.rows else {
            throw .dimensionMismatch("right-hand side has \(b.rows) rows, the matrix \(factors.rows)")
        }
        var c = b
        try LAPACK.applyQTranspose(factors: factors, tau: tau, to: &c)
        try LAPACK.solveUpperTriangular(factors, order: rank, &c)
        var x = Matrix(rows: factors.columns, columns: b.columns)
        for j in 0..<b.columns { for k in 0..<rank { x[permutation[k], j] = c[k, j] } }
        return x
    }

    /// (AᵀA)⁻¹ restricted to the kept columns, in A's numbering (zero rows and columns for dropped ones).
    ///
    /// Formula: (AᵀA)⁻¹ = P·R⁻¹·R⁻ᵀ·Pᵀ, with R⁻¹ from `dtrtrs` on the identity.
    func unscaledCovariance() throws(LinearAlgebraError) -> Matrix {
        let rinv = try inverseR()
        var cov = Matrix(rows: rank, columns: rank)
        try LAPACK.gemm(rinv, rinv, transposeB: true, into: &cov)
        var full = Matrix(rows: factors.columns, columns: factors.columns)
        for a in 0..<rank { for b in 0..<rank { full[permutation[a], permutation[b]] = cov[a, b] } }
        return full
    }

    /// R⁻¹ of the kept part (rank × rank, upper triangular, in pivot order: row and column k belong to column
    /// `permutation[k]` of A), from `dtrtrs` on the identity.
    func inverseR() throws(LinearAlgebraError) -> Matrix {
        var rinv = Matrix(rows: rank, columns: rank)
        for k in 0..<rank { rinv[k, k] = 1 }
        try LAPACK.solveUpperTriangular(factors, order: rank, &rinv)
        return rinv
    }

    /// The 1-norm condition number of the kept part of R (equal to that of A·P restricted to kept columns,
    /// estimated by `dtrcon`); infinite when the rank is zero.
    func conditionNumber() throws(LinearAlgebraError) -> Double {
        guard rank > 0 else { return .infinity }
        return 1 / (try LAPACK.reciprocalCondition(factors, order: rank))
    }
}
