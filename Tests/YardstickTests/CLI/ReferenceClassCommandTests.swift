import Foundation
import Testing

/// Reference classes through the binary, on the work reports in Data/hunan (#14): the class Xiangxi's fixed-asset
/// investment target of 2021 is judged by, recomputed here from the CSV files themselves.
@Suite("Reference classes through the command line")
struct ReferenceClassCommandTests {
    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    static func data(_ path: String) -> String { root.appendingPathComponent(path).path }
    static let arguments = [data("Data/hunan/work_report_results.csv"), data("Data/hunan/work_report_targets.csv"),
                            "--metadata", data("Data/zhuzhou/indicators.csv"), "--region-names", data("Data/hunan/regions.csv"),
                            "--region", "Xiangxi", "--indicator", "fixed_asset_investment_growth", "--format", "json", "--lang", "en"]

    static func target(_ extra: [String] = []) throws -> [String: Any] {
        let r = try BinaryRunner.run(["gap"] + arguments + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        return try #require((o["targets"] as! [[String: Any]]).first { $0["target_period"] as? String == "2021" })
    }

    @Test func theClassIsThePeersChangesBeforeTheTargetYear() throws {
        // The peers: the other prefecture-level divisions (regions.csv); their point values (not bounds) by year.
        let groups = Dictionary(uniqueKeysWithValues: try Fixtures.csv("../../Data/hunan/regions.csv").map { ($0["id"]!, $0["group"]!) })
        var values: [String: [Int: Double]] = [:]
        for row in try Fixtures.csv("../../Data/hunan/work_report_results.csv")
        where row["indicator"] == "fixed_asset_investment_growth" && ["=", "~"].contains(row["qualifier"]!) {
            values[row["region"]!, default: [:]][Int(row["year"]!)!] = Double(row["value"]!)!
        }
        var changes: [Double] = [], members = 0
        for (region, byYear) in values where region != "Xiangxi" && groups[region] == "prefecture" {
            let c = byYear.keys.sorted().compactMap { y in y < 2021 ? byYear[y - 1].map { byYear[y]! - $0 } : nil }
            if !c.isEmpty { members += 1; changes += c }
        }
        let n = Double(changes.count), mean = changes.reduce(0, +) / n
        let sd = (changes.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        let t = try Self.target()
        let basis = try #require(t["basis"] as? [String: Any])
        #expect(basis["code"] as? String == "reference_class")
        let p = try #require(basis["params"] as? [String: Any])
        #expect(p["source"] as? String == "peer_regions" && p["measure"] as? String == "difference")
        #expect(p["changes"] as? Int == changes.count && p["members"] as? Int == members)
        #expect(relativeError(p["mean"] as! Double, mean) < 1e-12 && relativeError(p["sd"] as! Double, sd) < 1e-12)
        #expect(t["probability"] is Double && t["unassessed"] is NSNull)
    }

    @Test func switchedOffTheTargetSaysWhatIsMissing() throws {
        let t = try Self.target(["--no-reference-class"])
        #expect(t["probability"] is NSNull && t["basis"] is NSNull)
        let u = try #require(t["unassessed"] as? [String: Any])
        #expect(u["code"] as? String == "reference_class_off")
        #expect(u["remedy"] as? String == "2 more years of Fixed-asset investment growth, or reference classes (drop --no-reference-class)")
    }
}
