import Testing
@testable import Yardstick

@Suite("Nelder–Mead")
struct NelderMeadTests {
    @Test func findsTheMinimumOfRosenbrock() {
        let r = NelderMead.minimise(start: [-1.2, 1], tolerance: 1e-16, maxIterations: 20_000) { p in
            100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0])
        }
        #expect(r.converged)
        #expect(abs(r.point[0] - 1) < 1e-5 && abs(r.point[1] - 1) < 1e-5)
    }

    @Test func reportsNonConvergence() {
        let r = NelderMead.minimise(start: [5, 5], maxIterations: 3) { $0[0] * $0[0] + $0[1] * $0[1] }
        #expect(!r.converged && r.iterations == 3)
    }
}
