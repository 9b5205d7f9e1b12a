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
        #expect(r.stdout.hasPrefix("Zhuzhou: targets for 2024\n28 targets (25 for 2024, 3 of earlier years): "))
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
    /// Work longer than a second (here made 0 s) on a terminal draws a progress bar on standard error; a run shorter
    /// than the delay (here an hour, so that a slow sanitizer build stays short) draws none, nor does one whose
    /// standard error is piped.
    @Test func progressBarOnlyOnATerminal() throws {
        let data = InspectCommandTests.root.appendingPathComponent("Data/wdi/world_bank_pop.csv").path
        let run = "\(BinaryRunner.executable.path) trend \(data) --model linear --horizon 1 --format csv > /dev/null"
        guard let terminal = try BinaryRunner.onTerminal("env YARDSTICK_PROGRESS_DELAY=0 " + run),
              let quick = try BinaryRunner.onTerminal("env YARDSTICK_PROGRESS_DELAY=3600 " + run) else { return }   // shorter than its delay, however slow the build
        #expect(terminal.contains("fitting trends") && terminal.contains("1056/1056"))
        #expect(!quick.contains("fitting trends"))
        let piped = try BinaryRunner.run(["trend", data, "--model", "linear", "--horizon", "1", "--format", "csv"])
        // Piped: no bar, only the note about the rows without values.
        #expect(piped.status == 0 && !piped.stderr.contains("fitting trends")
                && piped.stderr == "Note: \(data): 8 rows have no value in any year (their regions do not appear)\n")
    }
}

extension ReportCommandTests {
    /// A region is chosen from the whole data: choosing indicators does not move the report to another region, and
    /// a region or indicator without targets is an error, not an empty report.
    @Test func regionChoiceAndScopesWithoutTargets() throws {
        let growth = try BinaryRunner.run(["report", "--indicator", "gdp_growth", "--lang", "en"])
        #expect(growth.status == 0 && growth.stdout.hasPrefix("Zhuzhou: targets for 2024\n1 target: 1 missed."), "\(growth.stdout.prefix(80))")
        let hunan = try BinaryRunner.run(["report", "--region", "Hunan", "--lang", "en"])
        #expect(hunan.status == 1 && hunan.stderr.contains("Hunan has no targets in the data"))
        let gdp = try BinaryRunner.run(["report", "--indicator", "gdp", "--lang", "en"])
        #expect(gdp.status == 1 && gdp.stderr.contains("Zhuzhou has no targets for the indicators chosen"))
        let byName = try BinaryRunner.run(["report", "--region", "株洲市", "--format", "json"])
        #expect(byName.status == 0 && byName.stdout.contains("\"title\": \"株洲市 2024年目标评估\""))
        // The short Chinese name and any case of the English name or id name the same region.
        for given in ["株洲", "zhuzhou", "ZHUZHOU"] {
            let r = try BinaryRunner.run(["report", "--region", given, "--format", "json"])
            #expect(r.status == 0 && r.stdout == byName.stdout, "\(given)")
        }
        for empty in ["", ",", "Zhuzhou,"] {
            let r = try BinaryRunner.run(["gap", "--region", empty])
            #expect(r.status == 64 && r.stderr.contains("--region takes names; an empty name was given"))
        }
    }

    /// Without --format, the output file's extension chooses it.
    @Test(arguments: [("html", "<!DOCTYPE html>"), ("md", "# 株洲市"), ("json", "{\n  \"title\""), ("csv", "region,indicator,"), ("txt", "株洲市 2024")])
    func formatFollowsTheOutputExtension(_ c: (String, String)) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).\(c.0)").path
        let r = try BinaryRunner.run(["report", "--output", path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(c.1))
    }

    /// Region names given for regions the data does not hold are reported (a misspelt id names nothing).
    @Test func namesOfAbsentRegionsAreAWarning() throws {
        let data = try BinaryRunner.temporaryFile("region,indicator,year,value\nA,g,2021,3\n")
        let names = try BinaryRunner.temporaryFile("id,name,name_en\nA,甲省,Alpha\na,甲,alpha\n", name: "regions.csv")
        let r = try BinaryRunner.run(["inspect", data, "--region-names", names, "--format", "json", "--lang", "zh"])
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let w = (o["warnings"] as! [[String: Any]])[0]
        #expect(w["code"] as? String == "names_of_absent_regions")
        #expect((w["params"] as! [String: Any])["regions"] as? [String] == ["a"])
        #expect(o["region_names"] as? [String] == ["甲省"])
    }
}

extension ReportCommandTests {
    /// The report shows its region against its peers: the embedded data's 14 prefecture-level divisions, the
    /// published rank histories, in every format.
    @Test func peerSectionInEveryFormat() throws {
        let text = try BinaryRunner.run(["report"])
        #expect(text.stdout.contains("同行比较: 株洲市与同行比较（截至2025年的最新值）"))
        #expect(text.stdout.contains("全国先进制造业百强城市排名：2021年第42位（共100），2022年第36位（共100），2023年第39位（共100）"))
        let json = try BinaryRunner.run(["report", "--format", "json"])
        let o = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let peers = try #require(o["peers"] as? [String: Any])
        // 13 of the 14 ranked: Xiangxi has fewer than 67% of the indicators (two reports in the data).
        #expect((peers["regions"] as! [[String: Any]]).count == 13 && peers["focus"] as? String == "Zhuzhou")
        let html = try BinaryRunner.run(["report", "--format", "html", "--lang", "en"])
        #expect(html.stdout.contains("<h2>Against its peers: Zhuzhou against its peers") && html.stdout.contains("<svg class=\"chart\" viewBox=\"0 0 820"))
        let md = try BinaryRunner.run(["report", "--format", "markdown", "--lang", "en"])
        #expect(md.stdout.contains("### Composite ranking") && md.stdout.contains("| **6** | **Zhuzhou** |"))
    }
}
