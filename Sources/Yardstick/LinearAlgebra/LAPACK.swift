import COpenBLAS

/// Thin, checked calls into OpenBLAS's BLAS and LAPACK. Every routine's `info` goes through ``checkLAPACK(_:_:)``;
/// nothing here is public, and no C type leaves this file.
enum LAPACK {
    /// Householder QR with column pivoting (`dgeqp3`), in place: on return `a` holds R above the diagonal and the
    /// reflectors below it; `jpvt` is the one-based permutation (column `k` of A·P is column `jpvt[k]` of A).
    static func geqp3(_ a: inout Matrix) throws(LinearAlgebraError) -> (tau: [Double], jpvt: [Int32]) {
        var m = Int32(a.rows), n = Int32(a.columns), lda = Int32(max(1, a.rows)), info: Int32 = 0
        var jpvt = [Int32](repeating: 0, count: a.columns)
        var tau = [Double](repeating: 0, count: min(a.rows, a.columns))
        var lwork: Int32 = -1
        var query = 0.0
        dgeqp3_(&m, &n, &a.elements, &lda, &jpvt, &tau, &query, &lwork, &info)
        try checkLAPACK(info, "dgeqp3")
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(max(1, lwork)))
        dgeqp3_(&m, &n, &a.elements, &lda, &jpvt, &tau, &work, &lwork, &info)
        try checkLAPACK(info, "dgeqp3")
        return (tau, jpvt)
    }

    /// Overwrites `c` with Qᵀ·C (`dormqr`, side L, trans T), Q given by the reflectors of a `geqp3` factorisation.
    static func applyQTranspose(factors: Matrix, tau: [Double], to c: inout Matrix) throws(LinearAlgebraError) {
        var side = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: "T"))
        var m = Int32(c.rows), n = Int32(c.columns), k = Int32(tau.count)
        var lda = Int32(max(1, factors.rows)), ldc = Int32(max(1, c.rows)), info: Int32 = 0
        var a = factors.elements, t = tau
        var lwork: Int32 = -1
        var query = 0.0
        dormqr_(&side, &trans, &m, &n, &k, &a, &lda, &t, &c.elements, &ldc, &query, &lwork, &info, 1, 1)
        try checkLAPACK(info, "dormqr")
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Int(max(1, lwork)))
        dormqr_(&side, &trans, &m, &n, &k, &a, &lda, &t, &c.elements, &ldc, &work, &lwork, &info, 1, 1)
        try checkLAPACK(info, "dormqr")
    }

    /// Solves R·X = B (or Rᵀ·X = B when `transpose`) for the leading `order × order` upper triangle of `r`
    /// (`dtrtrs`); `b` is overwritten by X in its first `order` rows.
    static func solveUpperTriangular(
        _ r: Matrix, order: Int, _ b: inout Matrix, transpose: Bool = false
    ) throws(LinearAlgebraError) {
        guard order > 0, b.columns > 0 else { return }
        var uplo = CChar(UInt8(ascii: "U")), tr = CChar(UInt8(ascii: transpose ? "T" : "N"))
        var diag = CChar(UInt8(ascii: "N"))
        var n = Int32(order), nrhs = Int32(b.columns), lda = Int32(max(1, r.rows)), ldb = Int32(max(1, b.rows))
        var info: Int32 = 0
        var a = r.elements
        dtrtrs_(&uplo, &tr, &diag, &n, &nrhs, &a, &lda, &b.elements, &ldb, &info, 1, 1, 1)
        try checkLAPACK(info, "dtrtrs")
    }

    /// Reciprocal condition number, 1-norm, of the leading `order × order` upper triangle of `r` (`dtrcon`).
    static func reciprocalCondition(_ r: Matrix, order: Int) throws(LinearAlgebraError) -> Double {
        guard order > 0 else { return 0 }
        var norm = CChar(UInt8(ascii: "1")), uplo = CChar(UInt8(ascii: "U")), diag = CChar(UInt8(ascii: "N"))
        var n = Int32(order), lda = Int32(max(1, r.rows)), info: Int32 = 0, rcond = 0.0
        var a = r.elements
        var work = [Double](repeating: 0, count: 3 * order)
        var iwork = [Int32](repeating: 0, count: order)
        dtrcon_(&norm, &uplo, &diag, &n, &a, &lda, &rcond, &work, &iwork, &info, 1, 1, 1)
        try checkLAPACK(info, "dtrcon")
        return rcond
    }

    /// C = alpha·op(A)·op(B) + beta·C through `cblas_dgemm`.
    static func gemm(
        _ a: Matrix, transposeA: Bool = false, _ b: Matrix, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) throws(LinearAlgebraError) {
        let (m, ka) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        guard ka == kb, c.rows == m, c.columns == n else {
            throw .dimensionMismatch("gemm: \(m)×\(ka) times \(kb)×\(n) into \(c.rows)×\(c.columns)")
        }
        guard m > 0, n > 0 else { return }
        if ka == 0 {
            for i in c.elements.indices { c.elements[i] *= beta }
            return
        }
        cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(ka), alpha, a.elements, Int32(max(1, a.rows)),
            b.elements, Int32(max(1, b.rows)), beta, &c.elements, Int32(max(1, c.rows)))
    }
}

extension Matrix {
    /// The product `self · other`, computed by BLAS `dgemm`.
    ///
    /// Complexity: O(rows · columns · other.columns).
    public func multiplied(by other: Matrix) throws(LinearAlgebraError) -> Matrix {
        var c = Matrix(rows: rows, columns: other.columns)
        try LAPACK.gemm(self, other, into: &c)
        return c
    }

    /// The product `selfᵀ · other`, computed by BLAS `dgemm` without forming the transpose.
    public func transposeMultiplied(by other: Matrix) throws(LinearAlgebraError) -> Matrix {
        var c = Matrix(rows: columns, columns: other.columns)
        try LAPACK.gemm(self, transposeA: true, other, into: &c)
        return c
    }
}
