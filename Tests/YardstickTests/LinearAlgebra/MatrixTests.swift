import Testing
@testable import Yardstick

@Suite("Matrix and BLAS")
struct MatrixTests {
    @Test func storageIsColumnMajor() {
        let m = Matrix(columns: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 3 && m.columns == 2)
        #expect(m[2, 1] == 6)
        #expect(m.elements == [1, 2, 3, 4, 5, 6])
        #expect(m.row(1) == [2, 5])
        #expect(m.transposed[1, 2] == 6)
    }

    @Test func gemmMultiplies() throws {
        let a = Matrix(columns: [[1, 3], [2, 4]])          // [[1, 2], [3, 4]]
        let b = Matrix(columns: [[5, 7], [6, 8]])          // [[5, 6], [7, 8]]
        #expect(try a.multiplied(by: b) == Matrix(columns: [[19, 43], [22, 50]]))
        #expect(try a.transposeMultiplied(by: b) == Matrix(columns: [[26, 38], [30, 44]]))
    }

    @Test func gemmRejectsMismatchedShapes() {
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 3).multiplied(by: Matrix(rows: 2, columns: 2)) }
    }

    @Test(arguments: [(0, 3), (3, 0), (0, 0)])
    func emptyProductsAreEmptyOrZero(_ shape: (Int, Int)) throws {
        let a = Matrix(rows: shape.0, columns: shape.1), b = Matrix(rows: shape.1, columns: 2)
        let c = try a.multiplied(by: b)
        #expect(c.rows == shape.0 && c.columns == 2 && c.elements.allSatisfy { $0 == 0 })
    }
}
