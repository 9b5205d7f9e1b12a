import Foundation
import Testing
@testable import Yardstick

/// Quadratic and weighted trends against R 4.2.2, `auto`, and the edge-case sweep.
@Suite("Trend models")
struct TrendModelTests {
    static func livestock() throws -> Series {
        let rows = try Fixtures.csv("ols-trend/livestock_1970_2000_linear.csv")
        return Series(years: rows.map { Int(Double($0["x"]!)!) }, values: rows.map { Double($0["y"]!)! })
    }

    /// R: lm(y ~ poly(x, 2)) and lm(y ~ I(x-1985) + I((x-1985)^2)) on livestock.
    @Test func quadraticMatchesR() throws {
        let fit = try TrendSpecification(.quadratic).fit(try TrendModelTests.livestock())
        #expect(fit.parameter("centre_year") == 1985)
        #expect(relativeError(fit.parameter("level")!, 336.05244665547582) < 1e-10)
        #expect(relativeError(fit.parameter("slope")!, 5.5247005512096772) < 1e-10)
        #expect(relativeError(fit.parameter("curvature")!, 0.029387791403327097) < 1e-10)
        #expect(relativeError(fit.parameters[3].standardError!, 0.045194212528345538) < 1e-10)
        #expect(relativeError(fit.sigma, 17.97707388454992) < 1e-10)
        let f = fit.forecast(year: 2005, levels: [95])
        #expect(relativeError(f.mean, 458.3015742410002) < 1e-10)
        #expect(relativeError(f.intervals[0].lower, 408.34063655498539) < 1e-10)
        #expect(relativeError(f.intervals[0].upper, 508.262511927015) < 1e-10)
    }

    /// R: lm(y ~ x, weights = seq_along(x)/31); predict(…, interval = "prediction", weights = 1).
    @Test func weightedMatchesR() throws {
        let fit = try TrendSpecification(.weighted).fit(try TrendModelTests.livestock())
        #expect(relativeError(fit.parameter("intercept")!, -10967.32101256064) < 1e-10)
        #expect(relativeError(fit.parameter("slope")!, 5.6951497413489607) < 1e-10)
        #expect(relativeError(fit.sigma, 14.478264677993661) < 1e-10)
        let f2001 = fit.forecast(year: 2001, levels: [95]), f2005 = fit.forecast(year: 2005, levels: [95])
        #expect(relativeError(f2001.mean, 428.67361987862932) < 1e-10)
        #expect(relativeError(f2001.intervals[0].lower, 396.23598259640409) < 1e-10)
        #expect(relativeError(f2005.intervals[0].upper, 485.45166140667914) < 1e-10)
    }

    @Test func autoPicksTheSmallestAICcAmongFittedCandidates() throws {
        let s = try TrendModelTests.livestock()
        let auto = try TrendSpecification(nil).fit(s)
        for m in TrendModelKind.allCases {
            if let a = try? TrendSpecification(m).fit(s).aicc { #expect(auto.aicc! <= a + 1e-9, "\(m)") }
        }
    }

    @Test func autoFallsBackToLinearWithAWarningOnShortSeries() throws {
        let fit = try TrendSpecification(nil).fit(Series(years: [2019, 2020, 2021, 2022], values: [3003, 3106, 3420, 3500]))
        #expect(fit.model == .linear)
        #expect(fit.warnings.contains(.tooShortForSelection(found: 4, chosen: .linear)))
    }

    static let tooShort: [(String, [Int], [Double])] = [("empty", [], []), ("single", [2023], [445]), ("two", [2022, 2023], [242, 445])]

    @Test(arguments: tooShort)
    func tooShortHistoriesNameWhatEachModelNeeds(_ c: (String, [Int], [Double])) {
        #expect {
            try TrendSpecification(nil).fit(Series(years: c.1, values: c.2))
        } throws: { e in
            guard let e = e as? TrendError, case let .tooShortForAnyModel(found, needs) = e else { return false }
            return found == c.1.count && needs == [.linear: 3, .loglinear: 3, .quadratic: 4, .weighted: 3, .ses: 3, .holt: 5, .damped: 6]
        }
        #expect(throws: TrendError.tooFewPoints(model: .holt, needed: 5, found: c.1.count)) {
            try TrendSpecification(.holt).fit(Series(years: c.1, values: c.2))
        }
    }

    static let nonFinite: [Double] = [.nan, .infinity, -.infinity]

    @Test(arguments: nonFinite)
    func nonFiniteValuesAreErrorsNamingTheYear(_ v: Double) {
        #expect(throws: TrendError.nonFinite(year: 2021)) {
            try TrendSpecification(.linear).fit(Series(years: [2019, 2020, 2021, 2022], values: [1, 2, v, 4]))
        }
    }

    @Test func logLinearRejectsNonPositiveValues() {
        #expect(throws: TrendError.nonPositive(year: 2020, value: 0)) {
            try TrendSpecification(.loglinear).fit(Series(years: [2019, 2020, 2021], values: [1, 0, 4]))
        }
    }

    @Test func repeatedYearsAreRejected() {
        #expect(throws: TrendError.yearsNotIncreasing(year: 2020)) {
            try TrendSpecification(.linear).fit(Series(years: [2019, 2020, 2020], values: [1, 2, 3]))
        }
    }

    @Test func missingYearsAreAllowedInEveryModel() throws {
        let s = Series(years: [2010, 2011, 2013, 2014, 2016, 2017, 2018, 2019],
                       values: [10, 11.2, 13.1, 14.5, 16.2, 17.4, 18.1, 19.6])
        for m in TrendModelKind.allCases {
            let fit = try TrendSpecification(m).fit(s)
            let f = fit.forecast(horizon: 3, levels: [80, 95])
            #expect(f.map(\.year) == [2020, 2021, 2022], "\(m)")
            #expect(f.allSatisfy { $0.mean.isFinite && $0.intervals[1].lower <= $0.intervals[0].lower
                && $0.intervals[0].upper <= $0.intervals[1].upper }, "\(m)")
        }
    }

    @Test func estimatedSmoothingParametersStayInRange() throws {
        let s = try TrendModelTests.livestock()
        let fit = try TrendSpecification(.damped).fit(s)
        #expect((1e-4...0.9999).contains(fit.parameter("alpha")!))
        #expect((0.8...0.98).contains(fit.parameter("phi")!))
    }

    @Test func projectionRejectsBadHorizonAndLevels() {
        let s = Series(years: [2019, 2020, 2021], values: [1, 2, 3.5])
        #expect(throws: TrendError.self) { try TrendSpecification(.linear).forecast(s, horizon: 0, levels: [95]) }
        #expect(throws: TrendError.self) { try TrendSpecification(.linear).forecast(s, horizon: 2, levels: [100]) }
    }
}
