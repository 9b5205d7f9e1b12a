import Testing
@testable import Yardstick

@Suite("Extended-precision QR")
struct ExtendedQRTests {
    @Test func solvesAndInvertsR() {
        // A = [[1, 1], [1, 2], [1, 3]], y = [1, 2, 2]: least squares b = (2/3, 1/2).
        let a = [1.0, 1, 1, 1, 2, 3].map(DoubleDouble.init)
        let qr = ExtendedQR(rows: 3, columns: 2, elements: a)
        let b = qr.solveR(qr.applyQTranspose([1.0, 2, 2].map(DoubleDouble.init)))
        #expect(abs((b[0] - DoubleDouble(2.0) / DoubleDouble(3.0)).double) < 1e-30)
        #expect(abs((b[1] - DoubleDouble(0.5)).double) < 1e-30)
        // (AᵀA)⁻¹ = R⁻¹R⁻ᵀ = [[7/3, -1], [-1, 1/2]].
        let inv = qr.inverseR()
        let c00 = inv[0] * inv[0] + inv[2] * inv[2], c11 = inv[3] * inv[3]
        #expect(abs((c00 - DoubleDouble(7.0) / DoubleDouble(3.0)).double) < 1e-29)
        #expect(abs((c11 - DoubleDouble(0.5)).double) < 1e-30)
    }
}
