import Foundation
import Testing

@Suite("gap command")
struct GapCommandTests {
    func targets(_ args: [String]) throws -> [[String: Any]] {
        let r = try BinaryRunner.run(["gap"] + args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return (try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])["targets"] as! [[String: Any]]
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
        #expect(own.last?["status"] as? String == "not_assessable")
        #expect(euro.last?["status"] as? String == "at_risk")          // moderate progress: 21.5% achieved against 25%
    }

    @Test func textAndCSV() throws {
        let text = try BinaryRunner.run(["gap", "--region", "Zhuzhou"])
        #expect(text.status == 0 && text.stdout.contains("高新技术企业") && text.stdout.contains("25.0%"))
        let csv = try BinaryRunner.run(["gap", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").first?.hasSuffix("eurostat,unsd,escap,sdr,destatis") == true)
    }

    @Test func dataWithoutTargetsIsAClearError() throws {
        let file = try BinaryRunner.temporaryFile("region,indicator,year,value\nA,g,2021,3\n")
        let r = try BinaryRunner.run(["gap", file])
        #expect(r.status != 0 && r.stderr.contains("no targets"))
    }
}
