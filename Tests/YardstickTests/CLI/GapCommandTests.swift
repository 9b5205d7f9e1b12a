import Foundation
import Testing

@Suite("gap command")
struct GapCommandTests {
    func targets(_ args: [String]) throws -> [[String: Any]] {
        let r = try BinaryRunner.run(["gap"] + args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["targets"] as! [[String: Any]]
    }

    /// A JSON object as text with sorted keys, to compare two objects whole.
    func canonical(_ o: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func embeddedDataHasEveryKeyAndKnownStatuses() throws {
        let t = try targets([])
        #expect(t.count == 38)
        let keys = ["region", "indicator", "target_period", "comparator", "target", "target_high", "latest_period", "latest",
                    "gap_abs", "gap_rel", "completion", "required_growth", "trend_growth", "projection", "probability", "status",
                    "method_statuses", "ambition_percentile", "track_record", "notes"]
        for x in t { for k in keys { #expect(x[k] != nil, "\(k)") } }
        let statuses = Set(t.map { $0["status"] as! String })
        #expect(statuses.isSubset(of: ["met", "missed", "on_track", "at_risk", "off_track", "not_assessable"]))
        let hte = try #require(t.first { $0["indicator"] as? String == "high_tech_enterprises" && $0["target_period"] as? String == "2024" })
        #expect(hte["required_growth"] as? Double == 0.25)
        #expect(hte["latest_kind"] as? String == "lower_bound")
        #expect(Set((hte["method_statuses"] as! [String: Any]).keys) == ["eurostat", "unsd", "escap", "sdr", "destatis"])
    }

    @Test func methodChangesTheStatus() throws {
        let own = try targets(["--indicator", "high_tech_enterprises"])
        let euro = try targets(["--indicator", "high_tech_enterprises", "--method", "eurostat"])
        // Own: one value (550 in 2019) and the bounds of 2022 and 2023 taken as values, a lower estimate (#14).
        #expect(own.last?["status"] as? String == "off_track")
        let basis = try #require(own.last?["basis"] as? [String: Any])
        #expect(basis["code"] as? String == "bounds_as_values")
        #expect((basis["params"] as? [String: Any])?["lower_estimate"] as? Bool == true)
        #expect(euro.last?["status"] as? String == "at_risk")          // moderate progress: 21.5% achieved against 25%
    }

    @Test func textAndCSV() throws {
        let text = try BinaryRunner.run(["gap", "--region", "Zhuzhou"])
        #expect(text.status == 0 && text.stdout.contains("高新技术企业") && text.stdout.contains("25.0%"))
        let csv = try BinaryRunner.run(["gap", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").first?.hasSuffix("eurostat,eurostat_label,unsd,unsd_label,escap,escap_label,sdr,sdr_label,destatis,destatis_label") == true)
    }

    @Test func dataWithoutTargetsIsAClearError() throws {
        let file = try BinaryRunner.temporaryFile("region,indicator,year,value\nA,g,2021,3\n")
        let r = try BinaryRunner.run(["gap", file])
        #expect(r.status != 0 && r.stderr.contains("no targets"))
    }
}

extension GapCommandTests {
    /// Through the binary: `--region` and `--indicator` choose rows of the result; the JSON of a target is the same
    /// with and without them (the two cases that once changed: a target relative to another region's series, and
    /// a count whose earlier value comes from its growth series).
    @Test func scopingOptionsDoNotChangeAnAssessment() throws {
        let file = try BinaryRunner.temporaryFile(Panels.gapHeader + ScopeTests.relativeToAnotherRegion)
        let meta = try BinaryRunner.temporaryFile(ScopeTests.growthRates, name: "meta.csv")
        let all = try targets([file, "--metadata", meta])
        let scoped = try targets([file, "--metadata", meta, "--region", "A"])
        #expect(scoped.count == 1 && all.count == 1)
        #expect(try canonical(scoped[0]) == canonical(all[0]))
        #expect(scoped[0]["status"] as? String != "not_assessable")
        let trains = try targets(["--indicator", "rail_sea_trains"])
        let unscoped = try targets([]).filter { $0["indicator"] as? String == "rail_sea_trains" }
        #expect(try canonical(trains[0]) == canonical(unscoped[0]))
        #expect(trains[0]["baseline_period"] as? String == "2022")
        #expect(trains[0]["baseline"] as? Double == 242)
    }

    @Test func unknownRegionOrIndicatorIsAnError() throws {
        let r = try BinaryRunner.run(["gap", "--region", "Atlantis"])
        #expect(r.status == 1 && r.stderr.contains("no region 'Atlantis'; the data has Zhuzhou"))
        let i = try BinaryRunner.run(["gap", "--indicator", "gpd"])
        #expect(i.status == 1 && i.stderr.contains("no indicator 'gpd'"))
    }
}

extension GapCommandTests {
    /// `--fail-on` (#15): exit status 2 when a target shown is in a chosen state, the output written all the same.
    @Test func failOnGivesExitStatusTwoAfterWritingTheOutput() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("failon-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        // The embedded GDP growth target of 2024 was missed (5.7% against about 7%); industry's two targets were met
        // (2024) and missed (2023), none at risk or off track.
        let missed = try BinaryRunner.run(["gap", "--region", "Zhuzhou", "--indicator", "gdp_growth", "--fail-on", "missed,off_track", "--output", out])
        #expect(missed.status == 2 && missed.stderr == "yardstick: --fail-on: 1 missed\n")
        #expect(FileManager.default.fileExists(atPath: out))
        let met = try BinaryRunner.run(["gap", "--region", "Zhuzhou", "--indicator", "scale_industry_va_growth", "--fail-on", "at_risk", "--fail-on", "off_track"])
        #expect(met.status == 0 && met.stderr.isEmpty)
        let report = try BinaryRunner.run(["report", "--indicator", "gdp_growth", "--fail-on", "missed"])
        #expect(report.status == 2)
        let bad = try BinaryRunner.run(["gap", "--fail-on", "late"])
        #expect(bad.status == 64 && bad.stderr.contains("--fail-on takes off_track, at_risk, missed, not_assessable, got 'late'"))
    }
}
