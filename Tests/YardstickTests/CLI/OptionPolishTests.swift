import Foundation
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
