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
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        func onTerminal(_ env: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            p.arguments = ["-qec", "\(env) \(BinaryRunner.executable.path) report --lang en", "/dev/null"]
            let out = Pipe()
            p.standardOutput = out
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let coloured = try onTerminal("env -u NO_COLOR")
        #expect(coloured.contains("\u{1B}[1mZhuzhou"), "\(coloured.prefix(200).debugDescription)")
        #expect(!(try onTerminal("env NO_COLOR=1")).contains("\u{1B}["))
    }

    @Test func unwritableOutputIsAClearError() throws {
        let r = try BinaryRunner.run(["report", "--output", "/no/such/dir/r.html", "--format", "html"])
        #expect(r.status != 0 && r.stderr.contains("cannot write /no/such/dir/r.html: the folder /no/such/dir does not exist"))
    }
}

extension ReportCommandTests {
    /// Many series on a terminal draw a progress bar on standard error; piped, nothing is drawn.
    @Test func progressBarOnlyOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let data = InspectCommandTests.root.appendingPathComponent("Data/wdi/world_bank_pop.csv").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "\(BinaryRunner.executable.path) trend \(data) --model linear --horizon 1 --format csv > /dev/null", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let terminal = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(terminal.contains("fitting trends") && terminal.contains("1056/1056"))
        let piped = try BinaryRunner.run(["trend", data, "--model", "linear", "--horizon", "1", "--format", "csv"])
        #expect(piped.status == 0 && piped.stderr.isEmpty)
    }
}
