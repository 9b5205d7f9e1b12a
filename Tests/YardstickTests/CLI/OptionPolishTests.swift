import Foundation
@testable import Yardstick
import Testing

/// Options as analysts expect them (#15): help lists only what works, a level given twice is one level.
@Suite("Options: help and duplicates")
struct OptionPolishTests {
    @Test(arguments: ["inspect", "regress"])
    func helpListsOnlyTheFormatsTheCommandWrites(_ command: String) throws {
        let help = try BinaryRunner.run([command, "--help"])
        let format = help.stdout.components(separatedBy: "--format <format>").last ?? ""
        let values = format.components(separatedBy: "(values:").dropFirst().first?.prefix { $0 != ")" } ?? ""
        #expect(values.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } == ["text", "json"])
        let csv = try BinaryRunner.run([command] + (command == "regress" ? ["x.csv", "--y", "y", "--x", "x"] : []) + ["--format", "csv"])
        #expect(csv.status == 64 && csv.stderr.contains("Please provide one of 'text' and 'json'"))
    }

    @Test func aLevelGivenTwiceIsOneLevel() throws {
        let r = try BinaryRunner.run(["trend", "--region", "Zhuzhou", "--indicator", "gdp_growth", "--model", "linear",
                                      "--level", "95", "--level", "80", "--level", "95", "--format", "csv"])
        #expect(r.status == 0 && r.stdout.hasPrefix("region,indicator,model,year,type,value,lower_95,upper_95,lower_80,upper_80\n"))
    }
}

extension OptionPolishTests {
    /// An unknown name is an error naming the close matches first (#15).
    @Test(arguments: [(["gap", "--indicator", "gpd_growth"], "no indicator 'gpd_growth'; did you mean gdp_growth? (the data has "),
                      (["gap", "--region", "Zhuzho"], "no region 'Zhuzho'; did you mean Zhuzhou? (the data has "),
                      (["benchmark", "--indicators", "gdp,gpd"], "no indicator 'gpd'; did you mean gdp? (the data has "),
                      (["trend", "--region", "Atlantis"], "no region 'Atlantis'; the data has Zhuzhou, ")])
    func unknownNamesSuggestCloseMatches(_ arguments: [String], _ message: String) throws {
        let r = try BinaryRunner.run(arguments)
        #expect(r.status == 1 && r.stderr.hasPrefix("Error: " + message), "\(r.stderr)")
    }

    @Test func theDistanceCountsASwapOnce() {
        #expect(NameSuggestions.distance("gpd", "gdp") == 1 && NameSuggestions.distance("gdp", "cpi") == 3)
        #expect(NameSuggestions.close(to: "GDP-growth", in: ["gdp_growth", "cpi_growth", "gdp"]) == ["gdp_growth"])
    }
}

extension OptionPolishTests {
    /// `--target-year` chooses the targets assessed (#15); a year without targets is an error naming those with.
    @Test func targetYearChoosesTheTargets() throws {
        let r = try BinaryRunner.run(["gap", "--region", "Zhuzhou", "--target-year", "2023,2022", "--format", "json"])
        let t = (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["targets"] as! [[String: Any]]
        #expect(Set(t.map { $0["target_period"] as! String }) == ["2022", "2023"] && t.count == 2)
        let report = try BinaryRunner.run(["report", "--target-year", "2023", "--lang", "en"])
        #expect(report.stdout.hasPrefix("Zhuzhou: targets for 2023\n1 target: 1 missed."))
        let none = try BinaryRunner.run(["gap", "--target-year", "2030"])
        #expect(none.status == 1 && none.stderr.contains("no targets in 2030 among those chosen; the data has targets for 2017, 2020, 2022, 2023, 2024"))
    }

    /// A report on data with several regions' targets says which region it covers and why (#15).
    @Test func aReportSaysWhichRegionItChose() throws {
        let r = try BinaryRunner.run(["report", "--lang", "en"])
        #expect(r.stderr == "Note: the report covers Zhuzhou, the region with the most targets (28) of the 3 with targets; give --region for another\n")
        #expect(try BinaryRunner.run(["report", "--region", "Zhuzhou"]).stderr.isEmpty)
    }
}

extension OptionPolishTests {
    /// Header names match without case or width (#15): `REGION`, `Year` and full-width `ｙｅａｒ` are the columns.
    @Test func headersMatchWithoutCaseOrWidth() throws {
        let plain = try BinaryRunner.run(["inspect", "-", "--format", "json"], input: "region,indicator,year,value\nA,g,2020,1\nA,g,2021,2\n")
        let odd = try BinaryRunner.run(["inspect", "-", "--format", "json"], input: "ＲＥＧＩＯＮ,Indicator,ｙｅａｒ,VALUE\nA,g,2020,1\nA,g,2021,2\n")
        #expect(plain.status == 0 && odd.status == 0 && odd.stdout == plain.stdout, "\(odd.stderr)")
    }
}

extension OptionPolishTests {
    /// `--output -` is standard output, as `-` is standard input: no file named `-` is written.
    @Test func outputDashIsStandardOutput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-dash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let p = Process()
        p.executableURL = BinaryRunner.executable
        p.arguments = ["gap", "--format", "csv", "--output", "-"]
        p.currentDirectoryURL = directory
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == (try BinaryRunner.run(["gap", "--format", "csv"])).stdout)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("-").path))
    }
}

extension OptionPolishTests {
    /// An indicator by its name in either language, as a region (found in a new user's trial).
    @Test func indicatorByName() throws {
        let byID = try BinaryRunner.run(["gap", "--region", "Zhuzhou", "--indicator", "gdp_growth,rd_intensity", "--format", "csv"])
        for names in ["地区生产总值增长,全社会研发投入强度", "gdp growth,R&D expenditure as a share of GDP"] {
            let r = try BinaryRunner.run(["gap", "--region", "Zhuzhou", "--indicator", names, "--format", "csv"])
            #expect(r.status == 0 && r.stdout == byID.stdout, "\(names): \(r.stderr)")
        }
        #expect(byID.stdout.split(separator: "\n").count > 2)
    }
}
