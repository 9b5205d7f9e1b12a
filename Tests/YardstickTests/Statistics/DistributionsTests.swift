import Testing
@testable import Yardstick

@Suite("Distributions against R 4.2.2")
struct DistributionsTests {
    @Test(arguments: RDistributionValues.pt)
    func studentTCDF(_ c: (t: Double, df: Double, p: Double)) {
        #expect(relativeError(StudentT(degreesOfFreedom: c.df).cdf(c.t), c.p) < 1e-12)
    }

    @Test(arguments: RDistributionValues.qt)
    func studentTQuantile(_ c: (p: Double, df: Double, t: Double)) {
        #expect(relativeError(StudentT(degreesOfFreedom: c.df).quantile(c.p), c.t) < 1e-12)
    }

    @Test(arguments: RDistributionValues.pnorm)
    func normalCDF(_ c: (z: Double, p: Double)) {
        #expect(relativeError(Normal.cdf(c.z), c.p) < 1e-12)
    }

    @Test(arguments: RDistributionValues.qnorm)
    func normalQuantile(_ c: (p: Double, z: Double)) {
        #expect(relativeError(Normal.quantile(c.p), c.z) < 1e-12)
    }

    @Test(arguments: RDistributionValues.pf)
    func fCDF(_ c: (f: Double, d1: Double, d2: Double, lower: Double, upper: Double)) {
        let f = FDistribution(numeratorDegrees: c.d1, denominatorDegrees: c.d2)
        #expect(relativeError(f.cdf(c.f), c.lower) < 1e-12)
        #expect(relativeError(f.survival(c.f), c.upper) < 1e-12)
    }

    @Test(arguments: RDistributionValues.qf)
    func fQuantile(_ c: (p: Double, d1: Double, d2: Double, f: Double)) {
        let f = FDistribution(numeratorDegrees: c.d1, denominatorDegrees: c.d2)
        #expect(relativeError(f.quantile(c.p), c.f) < 1e-12)
    }

    @Test(arguments: [Double.nan, -0.5, 1.5])
    func quantilesOutsideTheUnitIntervalAreNaN(_ p: Double) {
        #expect(Normal.quantile(p).isNaN)
        #expect(StudentT(degreesOfFreedom: 3).quantile(p).isNaN)
        #expect(FDistribution(numeratorDegrees: 2, denominatorDegrees: 3).quantile(p).isNaN)
    }

    @Test func infiniteArgumentsGiveTheLimits() {
        let t = StudentT(degreesOfFreedom: 4)
        #expect(t.cdf(.infinity) == 1)
        #expect(t.cdf(-.infinity) == 0)
        #expect(t.quantile(0) == -.infinity)
        #expect(StudentT(degreesOfFreedom: .infinity).cdf(1.5) == Normal.cdf(1.5))
        #expect(t.cdf(.nan).isNaN)
    }
}
