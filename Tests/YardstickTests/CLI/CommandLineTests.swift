import Foundation
import Testing

/// End-to-end: the built binary, its exit codes, messages and JSON.
@Suite("yardstick command line")
struct CommandLineTests {
    func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test func regressOnFilipMatchesNIST() throws {
        let c = try NISTCase.load("Filip")
        // Filip.dat holds the data on lines 61–142 as "y x"; written here as CSV text, digits untouched.
        let lines = try Fixtures.text("nist-strd/Filip.dat").split(separator: "\n", omittingEmptySubsequences: false)
        let csv = lines[60..<142].map { $0.split(separator: " ").joined(separator: ",") }
        #expect(csv.count == c.columns[0].count)
        let file = try BinaryRunner.temporaryFile("y,x\n" + csv.joined(separator: "\n") + "\n")
        let r = try BinaryRunner.run(["regress", file, "--y", "y", "--x", "x", "--degree", "10", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try json(r.stdout)
        let coefficients = out["coefficients"] as! [[String: Any]]
        for (k, beta) in zip(coefficients, c.beta) { #expect(logRelativeError(k["estimate"] as! Double, beta) >= 9) }
        #expect(logRelativeError(out["residual_sd"] as! Double, c.residualSD) >= 9)
        for key in ["r_squared", "adj_r_squared", "n", "warnings"] { #expect(out[key] != nil, "\(key)") }
    }

    @Test func trendJSONHasTheContractKeys() throws {
        let rows = try Fixtures.csv("ols-trend/livestock_1970_2000_linear.csv")
        let file = try BinaryRunner.temporaryFile("region,indicator,year,value\n"
            + rows.map { "R,I,\(Int(Double($0["x"]!)!)),\($0["y"]!)" }.joined(separator: "\n") + "\n")
        let r = try BinaryRunner.run(["trend", file, "--model", "linear", "--horizon", "3", "--level", "80", "--level", "95", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let series = (try json(r.stdout)["series"] as! [[String: Any]])[0]
        for key in ["region", "indicator", "model", "parameters", "sigma", "fitted", "forecast", "warnings"] {
            #expect(series[key] != nil, "\(key)")
        }
        let forecast = series["forecast"] as! [[String: Any]]
        #expect(forecast.map { $0["year"] as! Int } == [2001, 2002, 2003])
        let intervals = forecast[0]["intervals"] as! [String: [Double]]
        #expect(Set(intervals.keys) == ["80", "95"])
        // R: predict(lm(y ~ x), data.frame(x = 2001)) on livestock.
        let ref = (try Fixtures.json("ols-trend/lm_trend_reference.json")["cases"] as! [String: Any])["livestock_1970_2000_linear"] as! [String: Any]
        #expect(relativeError(forecast[0]["mean"] as! Double, (ref["predicted"] as! [Double])[0]) < 1e-9)
    }

    @Test func defaultDataRunsWithNoArguments() throws {
        let r = try BinaryRunner.run(["trend", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Zhuzhou · gdp"))
        #expect(r.stdout.contains("Not fitted"))
        let zh = try BinaryRunner.run(["trend"])
        #expect(zh.stdout.contains("株洲市 · gdp") && zh.stdout.contains("未拟合"))
    }

    static let failures: [([String], String)] = [
        (["regress", "/no/such.csv", "--y", "y", "--x", "x"], "/no/such.csv: cannot read: no such file"),
        (["trend", "--model", "nosuch"], "nosuch"),
        (["trend", "--horizon", "0"], "--horizon must be at least 1"),
        (["trend", "--level", "120"], "--level takes a percentage"),
        (["trend", "--alpha", "1.5", "--model", "ses"], "--alpha must be between 0 and 1"),
        (["trend", "--region", "Atlantis"], "no region 'Atlantis'; the data has Zhuzhou"),
        (["regress", "/dev/null", "--y", "y", "--x", "x", "--x", "z", "--degree", "2"], "--degree needs exactly one --x"),
        (["nosuch"], "unknown command 'nosuch'"),
    ]

    @Test(arguments: failures)
    func badInvocationsExitNonZeroWithAClearMessage(_ c: ([String], String)) throws {
        let r = try BinaryRunner.run(c.0)
        #expect(r.status != 0)
        #expect(r.stderr.contains(c.1), "\(r.stderr)")
    }

    @Test func malformedDataNamesFileLineAndColumn() throws {
        let file = try BinaryRunner.temporaryFile("region,indicator,year,value\nA,g,2021,3\nA,g,2022,three\n")
        let r = try BinaryRunner.run(["trend", file])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(file):3:4: column 'value' holds 'three', expected a number"), "\(r.stderr)")
    }
}
