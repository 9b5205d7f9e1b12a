import Foundation
import Testing

@Suite("report command")
struct ReportCommandTests {
    @Test(arguments: ["text", "markdown", "html", "json", "csv"])
    func writesEveryFormatAtomically(_ format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("zhuzhou.\(format)").path
        let r = try BinaryRunner.run(["report", "--format", format, "--output", path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["zhuzhou.\(format)"])
        if format == "html" { #expect(text.contains("<svg") && !text.contains("src=\"http")) }
    }

    @Test func defaultIsTheZhuzhouScorecardWithoutColourWhenPiped() throws {
        let r = try BinaryRunner.run(["report", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Zhuzhou: targets for 2024\n28 targets: "))
        #expect(r.stdout.contains("High-tech enterprises: above 1200 家 in 2023; the 2024 target of > 1500 家 needs 25.0% growth in one year"))
        #expect(!r.stdout.contains("\u{1B}"))
    }

    /// On a real terminal (a pseudo-terminal from util-linux `script`), colour appears, unless NO_COLOR is set.
    @Test func colourOnATerminalUnlessNOCOLOR() throws {
        let run = "\(BinaryRunner.executable.path) report --lang en"
        guard let coloured = try BinaryRunner.onTerminal("env -u NO_COLOR " + run),
              let plain = try BinaryRunner.onTerminal("env NO_COLOR=1 " + run) else { return }
        #expect(coloured.contains("\u{1B}[1mZhuzhou"), "\(coloured.prefix(200).debugDescription)")
        #expect(!plain.contains("\u{1B}["))
    }

    @Test func unwritableOutputIsAClearError() throws {
        let r = try BinaryRunner.run(["report", "--output", "/no/such/dir/r.html", "--format", "html"])
        #expect(r.status != 0 && r.stderr.contains("cannot write /no/such/dir/r.html: the folder /no/such/dir does not exist"))
    }
}

extension ReportCommandTests {
    /// Many series on a terminal draw a progress bar on standard error; piped, nothing is drawn.
    @Test func progressBarOnlyOnATerminal() throws {
        let data = InspectCommandTests.root.appendingPathComponent("Data/wdi/world_bank_pop.csv").path
        guard let terminal = try BinaryRunner.onTerminal(
            "\(BinaryRunner.executable.path) trend \(data) --model linear --horizon 1 --format csv > /dev/null") else { return }
        #expect(terminal.contains("fitting trends") && terminal.contains("1056/1056"))
        let piped = try BinaryRunner.run(["trend", data, "--model", "linear", "--horizon", "1", "--format", "csv"])
        #expect(piped.status == 0 && piped.stderr.isEmpty)
    }
}
