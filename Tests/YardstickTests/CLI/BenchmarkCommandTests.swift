import Foundation
import Testing

/// `yardstick benchmark` through the binary.
@Suite("benchmark command")
struct BenchmarkCommandTests {
    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    static func data(_ path: String) -> String { root.appendingPathComponent(path).path }

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try BinaryRunner.run(["benchmark"] + args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    }

    /// The HDI 2022 from its components and the structure file, through the command line.
    @Test func humanDevelopmentIndexThroughTheCommand() throws {
        let o = try json([Self.data("Data/hdi/hdr_2023_24.csv"), "--metadata", Self.data("Data/hdi/indicators.csv"),
                          "--structure", Self.data("Data/hdi/hdi_structure.csv"), "--period", "2022"])
        let regions = o["regions"] as! [[String: Any]]
        #expect(regions.count == 193)
        let text = try String(contentsOfFile: Self.data("Data/hdi/hdr_2023_24.csv"), encoding: .utf8)
        var hdi: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if f.count > 3 && f[1] == "hdi" && f[2] == "2022" { hdi[f[0]] = Double(f[3]) }
        }
        for r in regions {
            let score = r["score"] as! Double, region = r["region"] as! String
            #expect((score / 100 * 1000).rounded() / 1000 == hdi[region], "\(region)")
        }
        #expect(regions.first?["region"] as? String == "CHE")
        // Monaco and North Korea lack half the components: screened out (the default coverage is two thirds).
        let warnings = (o["warnings"] as! [[String: Any]]).filter { $0["code"] as? String == "screened_out" }
        #expect(Set(warnings.map { ($0["params"] as! [String: Any])["region"] as! String }) == ["MCO", "PRK"])
    }

    /// What the new-user trial found: each is now an error that says what to change.
    @Test(arguments: [
        (["--indicators", "gdp,gpd"], 1, "no indicator 'gpd'; did you mean gdp? (the data has"),
        (["--indicators", "gdp", "--period", "1800"], 1, "no values of the indicators in 1800; the data has 2001–2024"),
        (["--focus", "Hunan", "--indicators", "gdp"], 1, "Hunan's group in the region metadata has no other region to compare it with"),
        (["--focus", "Zhuzhou", "--indicators", "gdp", "--since", "2050"], 1, "--since 2050 must be a year before the period (2024) with values"),
        (["--focus", "Zhuzhou", "--indicators", "gdp", "--convergence", "gdp_growth"], 1, "convergence needs a positive level"),
        (["--focus", "Zhuzhou", "--indicators", "gdp", "--convergence", "foo"], 1, "no indicator 'foo'"),
        (["--uncertainty", "99999999999"], 64, "--uncertainty takes 0 to 10 000 000 draws"),
    ])
    func trialFindingsAreErrors(_ c: ([String], Int32, String)) throws {
        let r = try BinaryRunner.run(["benchmark"] + c.0 + ["--lang", "en"])
        #expect(r.status == c.1 && r.stderr.contains(c.2), "\(r.stderr)")
    }

    /// A geometric mean meeting min-max's zeros says so; partial coverage is flagged; β says whether it is significant.
    @Test func notesSayWhatTheNumbersCannot() throws {
        let o = try json(["--focus", "Zhuzhou", "--indicators", "gdp,gdp_growth,population", "--aggregate", "geometric",
                          "--convergence", "gdp", "--lang", "en"])
        let codes = (o["warnings"] as! [[String: Any]]).map { $0["code"] as! String }
        #expect(codes.contains("zero_in_mean") && codes.contains("partial_coverage"))
        let partial = (o["regions"] as! [[String: Any]]).filter { ($0["coverage"] as! Double) < 1 }
        #expect(!partial.isEmpty)
        let beta = (o["convergence"] as! [[String: Any]])[0]
        #expect((beta["text"] as! String).contains("5% level"))
    }

    /// The embedded data: Zhuzhou against the 13 other prefecture-level divisions (its group), not its province.
    @Test func zhuzhouAgainstItsPeers() throws {
        let o = try json(["--focus", "株洲市", "--indicators", "gdp,gdp_growth", "--uncertainty", "400", "--lang", "en"])
        let regions = (o["regions"] as! [[String: Any]]).map { $0["region"] as! String }
        #expect(o["focus"] as? String == "Zhuzhou" && regions.contains("Zhuzhou") && !regions.contains("Hunan"))
        #expect(regions.count == 14)
        for r in o["regions"] as! [[String: Any]] {
            let low = r["rank_p05"] as! Int, median = r["rank_median"] as! Int, high = r["rank_p95"] as! Int
            #expect(low <= median && median <= high)
        }
        let history = (o["rank_history"] as! [[String: Any]]).first { $0["indicator"] as? String == "advanced_manufacturing_city_rank" }!
        let focus = (history["focus"] as! [[String: Any]]).map { ($0["year"] as! Int, $0["rank"] as! Int, $0["of"] as? Int) }
        #expect(focus.map(\.0) == [2021, 2022, 2023] && focus.map(\.1) == [42, 36, 39] && focus.allSatisfy { $0.2 == 100 })
    }

    @Test func errorsAreClear() throws {
        let file = try BinaryRunner.temporaryFile("region,indicator,year,value\nA,x,2020,1\nB,x,2020,2\n")
        let noDirection = try BinaryRunner.run(["benchmark", file])
        #expect(noDirection.status == 1 && noDirection.stderr.contains("no direction for x: give --direction ID=higher|lower"))
        let weights = try BinaryRunner.temporaryFile("id,weight\ny,2\n", name: "w.csv")
        let unknown = try BinaryRunner.run(["benchmark", file, "--direction", "x=higher", "--weights", weights])
        #expect(unknown.status == 1 && unknown.stderr.contains("weights given for y, which the index does not have"))
        let bad = try BinaryRunner.run(["benchmark", file, "--direction", "x=higher", "--vary-aggregation", "median"])
        #expect(bad.status == 64 && bad.stderr.contains("--vary-aggregation: unknown choice 'median'"))
        let zscores = try BinaryRunner.run(["benchmark", file, "--direction", "x=higher", "--normalise", "zscore", "--uncertainty", "10",
                                            "--vary-aggregation", "arithmetic,geometric"])
        #expect(zscores.status == 1 && zscores.stderr.contains("the geometric mean cannot combine zscore values"))
    }

    /// Every format, written by extension; the HTML has its rank-interval chart.
    @Test(arguments: ["txt", "md", "html", "json", "csv"])
    func everyFormat(_ ext: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).\(ext)").path
        let r = try BinaryRunner.run(["benchmark", "--focus", "Zhuzhou", "--indicators", "gdp,gdp_growth", "--uncertainty", "200",
                                      "--output", path])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        switch ext {
        case "html": #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<svg class=\"chart\"") && !text.contains("src=\"http"))
        case "json": #expect(text.hasPrefix("{\n  \"period\": \"latest\""))
        case "csv": #expect(text.hasPrefix("region,name,rank,score,rank_median,rank_p05,rank_p95,group_index,gdp_value,"))
        case "md": #expect(text.hasPrefix("# 株洲市与同行比较"))
        default: #expect(text.hasPrefix("株洲市与同行比较"))
        }
    }
}
