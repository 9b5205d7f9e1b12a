import Testing
@testable import Yardstick

@Suite("Pivoted QR (LAPACK dgeqp3)")
struct PivotedQRTests {
    @Test func solvesAnOverdeterminedSystem() throws {
        // y = 1 + 2x exactly.
        let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3]])
        let qr = try PivotedQR(x)
        #expect(qr.rank == 2)
        let b = try qr.solve(Matrix(columns: [[1, 3, 5, 7]]))
        #expect(abs(b[0, 0] - 1) < 1e-14 && abs(b[1, 0] - 2) < 1e-14)
        // (XᵀX)⁻¹ for this design: [[0.7, -0.3], [-0.3, 0.2]].
        let cov = try qr.unscaledCovariance()
        #expect(abs(cov[0, 0] - 0.7) < 1e-14 && abs(cov[0, 1] + 0.3) < 1e-14 && abs(cov[1, 1] - 0.2) < 1e-14)
    }

    @Test func rankDeficiencyDropsTheCollinearColumn() throws {
        let x = Matrix(columns: [[1, 1, 1, 1], [1, 2, 3, 4], [2, 4, 6, 8]])
        let qr = try PivotedQR(x)
        #expect(qr.rank == 2)
        #expect(qr.droppedColumns.count == 1)
        #expect([1, 2].contains(qr.droppedColumns[0]))
        let b = try qr.solve(Matrix(columns: [[2, 3, 4, 5]]))
        #expect(b[qr.droppedColumns[0], 0] == 0)
    }

    @Test func conditionNumberOfTheIdentityIsOne() throws {
        let qr = try PivotedQR(Matrix(columns: [[1, 0], [0, 1]]))
        #expect(abs(try qr.conditionNumber() - 1) < 1e-14)
    }

    static let bad: [(String, Matrix)] = [
        ("NaN", Matrix(columns: [[1, .nan]])), ("infinity", Matrix(columns: [[.infinity, 1]])),
        ("empty", Matrix(rows: 0, columns: 2)),
    ]

    @Test(arguments: bad)
    func nonFiniteOrEmptyInputThrows(_ c: (String, Matrix)) {
        #expect(throws: LinearAlgebraError.self) { try PivotedQR(c.1) }
    }

    @Test func zeroMatrixHasRankZero() throws {
        let qr = try PivotedQR(Matrix(rows: 3, columns: 2))
        #expect(qr.rank == 0)
        #expect(try qr.conditionNumber() == .infinity)
    }

    @Test func lapackInfoCodesMapToErrors() {
        #expect(throws: LinearAlgebraError.illegalArgument(routine: "dgeqp3", argument: 4)) { try checkLAPACK(-4, "dgeqp3") }
        #expect(throws: LinearAlgebraError.singular(routine: "dtrtrs", index: 2)) { try checkLAPACK(2, "dtrtrs") }
        #expect(LinearAlgebraError.singular(routine: "dtrtrs", index: 2).description.contains("collinear"))
    }
}
