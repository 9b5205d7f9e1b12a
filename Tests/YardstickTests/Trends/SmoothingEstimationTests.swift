import Foundation
import Testing
@testable import Yardstick

/// Smoothing parameters estimated by Yardstick against R forecast 8.20 `ets()` (models ANN, AAN, AAdN, default
/// settings) on the same inputs. Values printed by R with 17 digits (Tests/Fixtures/smoothing/ets_estimated.R).
/// Both minimise the same criterion (for additive errors the likelihood is a function of SSE), so Yardstick's SSE
/// must be no larger than R's and its AICc no larger. Where both reach the same minimum the forecasts agree closely;
/// where Yardstick finds a lower one, they differ, and the SSE says which is better.
@Suite("Smoothing estimation against R ets")
struct SmoothingEstimationTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String, model: TrendModelKind, sse: Double, aicc: Double, mean: [Double]
        var description: String { "\(file) \(model)" }
    }

    static let cases: [Case] = [
        Case(file: "fpp1_oildata_1996_2007.csv", model: .ses, sse: 7573.4204840691655, aicc: 116.18880110016386,
             mean: [496.49111081935695, 496.49111081935695, 496.49111081935695]),
        Case(file: "fpp1_oildata_1996_2007.csv", model: .holt, sse: 6189.2298122226139, aicc: 124.76679120100998,
             mean: [515.40321103448343, 522.52420954494789, 529.64520805541235]),
        Case(file: "fpp1_oildata_1996_2007.csv", model: .damped, sse: 7578.1081522881004, aicc: 135.99622636025111,
             mean: [506.08327450819343, 510.91903092470341, 515.61077698541453]),
        Case(file: "ausair_1990_2004.csv", model: .ses, sse: 78.727587633600464, aicc: 73.67172271763269,
             mean: [41.596530955177336, 41.596530955177336, 41.596530955177336]),
        Case(file: "ausair_1990_2004.csv", model: .holt, sse: 43.748012778884707, aicc: 73.343359510292927,
             mean: [41.990432419628362, 43.420989649676649, 44.851546879724935]),
        Case(file: "ausair_1990_2004.csv", model: .damped, sse: 38.653591344431135, aicc: 77.319595355483955,
             mean: [43.155215930426301, 44.670721000155666, 46.149608261867641]),
    ]

    @Test(arguments: cases)
    func atLeastAsGoodAsR(_ c: Case) throws {
        let s = try ExponentialSmoothingTests.series(c.file)
        let fit = try TrendSpecification(c.model).fit(s)
        let sse = zip(fit.fitted, s.values).reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
        print("\(c): SSE \(sse) (R \(c.sse)), AICc \(fit.aicc!) (R \(c.aicc))")
        #expect(sse <= c.sse * (1 + 1e-6))
        // R's ets leaves the constant n·(ln(2π/n) + 1) out of −2 ln L; Yardstick keeps it (so that AICc compares with
        // the regression models').
        let n = Double(s.count)
        #expect(fit.aicc! - n * (log(2 * Double.pi / n) + 1) <= c.aicc + 1e-6 * abs(c.aicc))
        if sse >= c.sse * (1 - 1e-6) {
            for (f, m) in zip(fit.forecast(horizon: 3), c.mean) { #expect(relativeError(f.mean, m) < 1e-3) }
        }
    }
}
