import Foundation
import Testing
@testable import Yardstick

/// The eleven NIST StRD linear least-squares datasets, read from the original files as decimal text.
struct NISTCase: CustomStringConvertible, Sendable {
    let name: String
    let columns: [DataColumn]      // y first
    let intercept: Bool
    let degree: Int?               // polynomial degree, nil for Longley's six columns
    let beta: [Double], sd: [Double], residualSD: Double, rSquared: Double
    var description: String { name }

    static func load(_ name: String) throws -> NISTCase {
        let cert = try Fixtures.json("nist-strd/certified_lls.json")[name] as! [String: Any]
        let text = try Fixtures.text("nist-strd/\(name).dat")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.prefix(12).joined(separator: "\n")
        let range = header.range(of: #"Data\s+\(lines\s+(\d+)\s+to\s+(\d+)\)"#, options: .regularExpression)!
        let numbers = header[range].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let rows = lines[(numbers[0] - 1)..<numbers[1]].map { $0.split(separator: " ").map(String.init) }
        let width = rows[0].count
        let names = ["y"] + (width == 2 ? ["x"] : (1..<width).map { "x\($0)" })
        let columns = (0..<width).map { j in DataColumn(name: names[j], decimalText: rows.map { $0[j] })! }
        let c = cert["certified"] as! [String: Any]
        let intercept = cert["intercept"] as! Bool
        let nParams = cert["n_params"] as! Int
        return NISTCase(
            name: name, columns: columns, intercept: intercept,
            degree: name == "Longley" ? nil : nParams - (intercept ? 1 : 0),
            beta: (c["beta"] as! [String]).map { Double($0)! }, sd: (c["sd"] as! [String]).map { Double($0)! },
            residualSD: Double(c["residual_sd"] as! String)!, rSquared: Double(c["r_squared"] as! String)!)
    }

    func model(_ precision: LinearRegression.Precision) -> LinearRegression {
        let terms: LinearRegression.Terms = degree.map { .polynomial(columns[1], degree: $0) }
            ?? .columns(Array(columns.dropFirst()))
        return LinearRegression(response: columns[0], terms: terms, includesIntercept: intercept, precision: precision)
    }

    /// The smallest LRE over coefficients, their SDs, the residual SD and R².
    func worstLRE(_ r: RegressionResult) -> Double {
        let b = zip(r.coefficients, beta).map { logRelativeError($0.estimate, $1) }
        let s = zip(r.coefficients, sd).map { logRelativeError($0.standardError, $1) }
        return (b + s + [logRelativeError(r.residualStandardDeviation, residualSD),
                         logRelativeError(r.rSquared, rSquared)]).min()!
    }
}

@Suite("NIST StRD linear least squares")
struct NISTTests {
    static let names = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
                        "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]

    @Test(arguments: names)
    func everyCertifiedValueHasAtLeastNineDigits(_ name: String) throws {
        let c = try NISTCase.load(name)
        let result = try c.model(.extended).fit()
        #expect(result.coefficients.count == c.beta.count)
        #expect(result.warnings.filter { if case .rankDeficient = $0 { true } else { false } }.isEmpty)
        let lre = c.worstLRE(result)
        #expect(lre >= 9, "\(name): LRE \(lre)")
    }

    /// Prints the LRE table for the extended (default) and the LAPACK-only double path, and checks that the
    /// extended path is never worse.
    @Test func lreTable() throws {
        var lines = ["dataset    extended  double"]
        for name in NISTTests.names {
            let c = try NISTCase.load(name)
            let ext = c.worstLRE(try c.model(.extended).fit())
            let dbl = c.worstLRE(try c.model(.double).fit())
            lines.append(name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: " %8.1f %7.1f", ext, dbl))
            #expect(ext >= dbl - 0.5, "\(name)")
        }
        print(lines.joined(separator: "\n"))
    }
}
