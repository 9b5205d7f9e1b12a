/// A dense matrix of `Double` stored column by column (the layout BLAS and LAPACK expect).
///
/// ```swift
/// let x = Matrix(columns: [[1, 1, 1], [1, 2, 3]])   // 3 × 2
/// x[2, 1]                                           // 3.0
/// ```
///
/// Element `(i, j)` lives at `elements[i + j * rows]`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in column-major order; `count == rows * columns`.
    public internal(set) var elements: [Double]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from column-major elements.
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(elements.count == rows * columns, "expected \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix whose columns are the given arrays, all of the same length.
    public init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "columns must have equal lengths")
        self.init(rows: rows, columns: columns.count, elements: columns.flatMap { $0 })
    }

    /// The element in row `i` and column `j` (both zero-based).
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { self[i, $0] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t[j, i] = self[i, j] } }
        return t
    }

    /// The rows whose indices are given, in that order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: indices.count, columns: columns)
        for j in 0..<columns { for (r, i) in indices.enumerated() { m[r, j] = self[i, j] } }
        return m
    }

    /// Whether every element is finite.
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }
}
