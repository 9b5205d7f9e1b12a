import Foundation

/// Ordinary and weighted least squares, the equivalent of Excel's LINEST and R's `lm`.
///
/// ```swift
/// let model = LinearRegression(response: y, terms: .polynomial(x, degree: 10))
/// let result = try model.fit()
/// result.coefficients[3].estimate
/// ```
///
/// **Method.** The design is centred and scaled (``RegressionDesign``), LAPACK's `dgeqp3` factorises it in double
/// precision with column pivoting to decide the rank at ``rankTolerance`` and to estimate its condition number,
/// and then, with ``Precision/extended`` (the default), the kept columns are factorised again by a Householder QR
/// in double-double arithmetic (``ExtendedQR``) from which the coefficients, residuals and covariance are taken.
/// The result is accurate to about 12 significant digits or better on all eleven NIST StRD linear datasets,
/// Filip and Wampler5 included; ``Precision/double`` takes everything from LAPACK instead (faster for very large
/// designs, about 7 digits on Filip).
///
/// Complexity: O(n·p²) for n observations and p coefficients.
public struct LinearRegression: Sendable {
    /// The regressors.
    public enum Terms: Sendable {
        /// The given columns, each entering linearly.
        case columns([DataColumn])
        /// x, x², …, x^degree of one column.
        case polynomial(DataColumn, degree: Int)
    }

    /// Arithmetic used for the solution.
    public enum Precision: String, Sendable, CaseIterable {
        /// LAPACK in double precision only.
        case double
        /// LAPACK for the rank, then a double-double QR for the solution.
        case extended
    }

    /// The default ``rankTolerance``, 1e-10 (see ``PivotedQR`` for why).
    public static let defaultRankTolerance = 1e-10

    public var response: DataColumn
    public var terms: Terms
    public var includesIntercept: Bool
    /// Optional positive weights: the fit minimises Σ wᵢ·eᵢ².
    public var weights: [Double]?
    public var precision: Precision
    /// Relative tolerance on |R_kk|/|R_00| of the centred, scaled design below which a term is dropped.
    public var rankTolerance: Double

    public init(
        response: DataColumn, terms: Terms, includesIntercept: Bool = true, weights: [Double]? = nil,
        precision: Precision = .extended, rankTolerance: Double = LinearRegression.defaultRankTolerance
    ) {
        self.response = response
        self.terms = terms
        self.includesIntercept = includesIntercept
        self.weights = weights
        self.precision = precision
        self.rankTolerance = rankTolerance
    }

    /// Fits the model.
    /// - Throws: ``RegressionError`` for non-finite data, mismatched lengths, invalid weights or too few rows.
    public func fit() throws(RegressionError) -> RegressionResult {
        let design = try RegressionDesign(model: self)
        let n = design.rows, p = design.columns
        guard n >= 1 else { throw .tooFewObservations(needed: p, found: n) }
        let qr: PivotedQR
        let condition: Double
        do {
            qr = try PivotedQR(design.workingDouble, rankTolerance: rankTolerance)
            condition = try qr.conditionNumber()
        } catch { throw .linearAlgebra(error) }
        var kept = qr.keptColumns
        let rank = kept.count

        // γ for the kept columns, the weighted residuals, and S = R⁻¹ (rank × rank, column-major).
        var gamma = Array(repeating: DoubleDouble.zero, count: p)
        var residuals = Array(repeating: DoubleDouble.zero, count: n)
        var rInverse: [DoubleDouble]
        switch precision {
        case .extended:
            let ext = ExtendedQR(rows: n, columns: rank, elements: design.workingColumns(kept))
            let solution = ext.solveR(ext.applyQTranspose(design.response))
            for (k, j) in kept.enumerated() { gamma[j] = solution[k] }
            rInverse = ext.inverseR()
        case .double:
            do {
                let sol = try qr.solve(Matrix(rows: n, columns: 1, elements: design.response.map(\.double)))
                for j in kept { gamma[j] = DoubleDouble(sol[j, 0]) }
                kept = Array(qr.permutation[..<rank])          // R⁻¹ from LAPACK is in pivot order
                rInverse = try qr.inverseR().elements.map(DoubleDouble.init)
            } catch { throw .linearAlgebra(error) }
        }
        for i in 0..<n {
            var fit = DoubleDouble.zero
            for j in kept { fit += design.working[i + j * n] * gamma[j] }
            residuals[i] = design.response[i] - fit
        }
        return RegressionResult(
            design: design, gamma: gamma, kept: kept, rInverse: rInverse, residuals: residuals,
            rank: rank, conditionNumber: condition,
            dropped: qr.droppedColumns.sorted().map { design.termNames[$0] }, tolerance: rankTolerance)
    }
}
