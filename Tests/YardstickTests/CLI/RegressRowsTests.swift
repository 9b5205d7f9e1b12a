import Foundation
import Testing

/// `regress` rows (#15): missing values left out and reported as R's `lm` does with `na.omit` (or an error with
/// `--na fail`, R's `na.fail`), and `--where COLUMN=VALUE`. Each fit equals the fit of a file holding only the rows
/// kept.
@Suite("regress: missing values and --where")
struct RegressRowsTests {
    static let data = "g,x,y\na,1,2.1\na,2,3.9\nb,3,NA\na,3,6.2\na,4,\nb,5,9\na,5,9.8\n"

    static func fit(_ text: String, _ extra: [String] = []) throws -> [String: Any] {
        let path = try BinaryRunner.temporaryFile(text)
        let r = try BinaryRunner.run(["regress", path, "--y", "y", "--x", "x", "--format", "json"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    static func estimates(_ o: [String: Any]) -> [Double] { (o["coefficients"] as! [[String: Any]]).map { $0["estimate"] as! Double } }

    @Test func missingValuesAreLeftOutAndReported() throws {
        let omitted = try Self.fit(Self.data)
        let kept = try Self.fit("g,x,y\na,1,2.1\na,2,3.9\na,3,6.2\nb,5,9\na,5,9.8\n")
        #expect(Self.estimates(omitted) == Self.estimates(kept) && omitted["n"] as? Int == 5)
        let o = try #require(omitted["omitted"] as? [String: Any])
        #expect(o["count"] as? Int == 2 && o["lines"] as? [Int] == [4, 6])
        let path = try BinaryRunner.temporaryFile(Self.data)
        let text = try BinaryRunner.run(["regress", path, "--y", "y", "--x", "x"])
        #expect(text.stdout.hasSuffix("(2 observations deleted due to missingness: lines 4, 6)\n"))
    }

    @Test func naFailStopsAtTheFirstMissingValue() throws {
        let path = try BinaryRunner.temporaryFile(Self.data)
        let r = try BinaryRunner.run(["regress", path, "--y", "y", "--x", "x", "--na", "fail"])
        #expect(r.status == 1 && r.stderr.contains("\(path):4:3: column 'y' holds 'NA', expected a number"))
    }

    @Test func whereChoosesRows() throws {
        let a = try Self.fit(Self.data, ["--where", "g=a"])
        let only = try Self.fit("g,x,y\na,1,2.1\na,2,3.9\na,3,6.2\na,5,9.8\n")
        #expect(Self.estimates(a) == Self.estimates(only) && a["filtered_out"] as? Int == 2)
        let path = try BinaryRunner.temporaryFile(Self.data)
        for (args, status, message) in [(["--where", "colour=a"], Int32(1), "colour"), (["--where", "g"], 64, "--where takes COLUMN=VALUE, got 'g'")] {
            let r = try BinaryRunner.run(["regress", path, "--y", "y", "--x", "x"] + args)
            #expect(r.status == status && r.stderr.contains(message), "\(r.stderr)")
        }
    }
}

/// `-` reads standard input (#15), in every command that reads data; errors name it `<stdin>`.
@Suite("standard input")
struct StandardInputTests {
    @Test func dashReadsStandardInput() throws {
        let history = try Fixtures.text("../../Data/zhuzhou/history.csv")
        let piped = try BinaryRunner.run(["inspect", "-", "--format", "json"], input: history)
        let path = try BinaryRunner.temporaryFile(history)
        let file = try BinaryRunner.run(["inspect", path, "--format", "json"])
        #expect(piped.status == 0 && piped.stdout == file.stdout)
        let regress = try BinaryRunner.run(["regress", "-", "--y", "y", "--x", "x", "--format", "json"], input: RegressRowsTests.data)
        #expect(regress.status == 0 && regress.stdout.contains("\"n\": 5"))
        let bad = try BinaryRunner.run(["inspect", "-"], input: "region,indicator,year,value\nA,g,2020,x\n")
        #expect(bad.status == 1 && bad.stderr.hasPrefix("Error: <stdin>:2:4: column 'value' holds 'x'"))
        let twice = try BinaryRunner.run(["inspect", "-", "-"], input: "")
        #expect(twice.status == 64 && twice.stderr.contains("standard input (-) can be read once"))
    }
}
