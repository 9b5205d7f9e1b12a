import Foundation
import Testing
@testable import Yardstick

/// Weighted, no-intercept and rank-deficient fits against R 4.2.2 `lm` (values printed by R with 17 digits), and
/// the error sweep.
@Suite("Linear regression")
struct LinearRegressionTests {
    static func livestock() throws -> (x: DataColumn, y: DataColumn) {
        let rows = try Fixtures.csv("ols-trend/livestock_1970_2000_linear.csv")
        return (DataColumn(name: "x", decimalText: rows.map { $0["x"]! })!, DataColumn(name: "y", decimalText: rows.map { $0["y"]! })!)
    }

    /// R: lm(y ~ x, weights = seq_along(x)/length(x)) on livestock 1970–2000.
    @Test func weightedMatchesR() throws {
        let (x, y) = try LinearRegressionTests.livestock()
        let w = (1...x.count).map { Double($0) / Double(x.count) }
        let r = try LinearRegression(response: y, terms: .columns([x]), weights: w).fit()
        let tol = 1e-10
        #expect(relativeError(r.coefficients[0].estimate, -10967.32101256064) < tol)
        #expect(relativeError(r.coefficients[1].estimate, 5.6951497413489607) < tol)
        #expect(relativeError(r.coefficients[0].standardError, 971.25052798842773) < tol)
        #expect(relativeError(r.coefficients[1].standardError, 0.48806220273048606) < tol)
        #expect(relativeError(r.residualStandardDeviation, 14.478264677993661) < tol)
        #expect(relativeError(r.rSquared, 0.82441615739825069) < tol)
        #expect(relativeError(r.adjustedRSquared, 0.81836154213612144) < tol)
        #expect(relativeError(r.fStatistic, 136.16326086891937) < tol)
        #expect(relativeError(r.aic, 285.97234553489881) < tol)
        #expect(relativeError(r.bic, 290.27430714835424) < tol)
        #expect(relativeError(r.logLikelihood, -139.9861727674494) < tol)
    }

    /// R: lm(y ~ 0 + x1 + I(x1^2)): uncentred R².
    @Test func withoutInterceptMatchesR() throws {
        let x = DataColumn(name: "x1", values: [1, 2, 3, 4, 5, 6])
        let y = DataColumn(name: "y", values: [1.1, 1.9, 3.2, 3.9, 5.1, 6.2])
        let r = try LinearRegression(response: y, terms: .polynomial(x, degree: 2), includesIntercept: false).fit()
        #expect(r.coefficients.map(\.term) == ["x1", "x1^2"])
        #expect(relativeError(r.coefficients[0].estimate, 0.98895089285714277) < 1e-12)
        #expect(relativeError(r.coefficients[1].estimate, 0.0063616071428571636) < 1e-11)
        #expect(relativeError(r.coefficients[0].standardError, 0.059779535195956239) < 1e-12)
        #expect(relativeError(r.coefficients[1].standardError, 0.011955907039191249) < 1e-12)
        #expect(relativeError(r.rSquared, 0.99916789522502425) < 1e-12)
        #expect(relativeError(r.adjustedRSquared, 0.99875184283753637) < 1e-12)
        #expect(relativeError(r.fStatistic, 2401.5434721042252) < 1e-11)
    }

    /// R drops x2 = 2·x1 (NA); Yardstick drops it with a warning naming it, and the rest matches R.
    @Test func rankDeficiencyIsAWarningNamingTheDroppedTerm() throws {
        let x1 = DataColumn(name: "x1", values: [1, 2, 3, 4, 5, 6])
        let x2 = DataColumn(name: "x2", values: [2, 4, 6, 8, 10, 12])
        let y = DataColumn(name: "y", values: [1.1, 1.9, 3.2, 3.9, 5.1, 6.2])
        let r = try LinearRegression(response: y, terms: .columns([x1, x2])).fit()
        #expect(r.rank == 2)
        #expect(r.warnings == [.rankDeficient(droppedTerms: ["x2"], tolerance: LinearRegression.defaultRankTolerance)])
        #expect(r.coefficients[2].isAliased)
        #expect(r.coefficients[2].estimate.isNaN && r.coefficients[2].standardError.isNaN)    // R: NA
        // x1's column may be the one dropped instead; the fitted values are the same either way.
        let fitted = r.fitted
        let slope = 1.0228571428571427, intercept = -0.013333333333331917
        for (i, v) in [1.0, 2, 3, 4, 5, 6].enumerated() { #expect(abs(fitted[i] - (intercept + slope * v)) < 1e-12) }
        #expect(relativeError(r.coefficients[0].estimate, intercept) < 1e-10)
        #expect(relativeError(r.coefficients[0].standardError, 0.13506024522882357) < 1e-12)
    }

    static let badInputs: [(String, [Double], [Double], RegressionError)] = [
        ("NaN in x", [1, .nan, 3], [1, 2, 3], .nonFinite(column: "x", row: 1)),
        ("infinite y", [1, 2, 3], [1, .infinity, 3], .nonFinite(column: "y", row: 1)),
        ("lengths", [1, 2], [1, 2, 3], .lengthMismatch(column: "x", expected: 3, found: 2)),
        ("empty", [], [], .tooFewObservations(needed: 2, found: 0)),
    ]

    @Test(arguments: badInputs)
    func badInputThrowsAClearError(_ c: (String, [Double], [Double], RegressionError)) {
        let model = LinearRegression(response: DataColumn(name: "y", values: c.2),
                                     terms: .columns([DataColumn(name: "x", values: c.1)]))
        #expect(throws: c.3) { try model.fit() }
    }

    @Test func singlePointHasNoResidualDegreesOfFreedom() throws {
        let r = try LinearRegression(response: DataColumn(name: "y", values: [3]), terms: .columns([])).fit()
        #expect(r.coefficients[0].estimate == 3)
        #expect(r.warnings.contains(.noResidualDegreesOfFreedom))
        #expect(r.coefficients[0].standardError.isNaN)
    }

    @Test(arguments: [0.0, -1, .nan])
    func invalidWeightsAreRejected(_ w: Double) {
        let model = LinearRegression(response: DataColumn(name: "y", values: [1, 2, 4]),
                                     terms: .columns([DataColumn(name: "x", values: [1, 2, 3])]), weights: [1, w, 1])
        #expect(throws: RegressionError.self) { try model.fit() }
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(RegressionError.nonFinite(column: "gdp", row: 4).description.contains("data row 5"))
        #expect(RegressionError.invalidDegree(0).description.contains("at least 1"))
    }
}
