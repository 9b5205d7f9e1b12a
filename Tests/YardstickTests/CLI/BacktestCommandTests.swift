import Foundation
import Testing

/// `yardstick backtest` through the built binary, on the national record in Data/china.
@Suite("backtest command")
struct BacktestCommandTests {
    static let record = ["Data/china/national_record.csv", "--metadata", "Data/china/indicators.csv"]

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try BinaryRunner.run(["backtest"] + Self.record + args + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    /// The keys of issue #16, and scores that agree with the items they are made from.
    @Test func jsonHasTheDocumentedKeysAndConsistentScores() throws {
        let d = try json(["--adjust", "targets"])
        for key in ["pairs", "assessed", "not_assessed", "brier", "log_score", "baselines", "calibration", "items"] { #expect(d[key] != nil, "\(key)") }
        let baselines = try #require(d["baselines"] as? [String: [String: Any]])
        for key in ["base_rate", "eurostat", "unsd", "escap", "sdr", "destatis"] { #expect(baselines[key]?["brier"] != nil, "\(key)") }
        #expect(baselines["eurostat"]?["accuracy"] != nil)
        let items = try #require(d["items"] as? [[String: Any]])
        #expect(items.count == d["pairs"] as? Int)
        for key in ["region", "indicator", "year", "probability", "outcome", "status"] { #expect(items[0][key] != nil, "\(key)") }
        let scored = items.compactMap { i -> (Double, Bool)? in (i["probability"] as? Double).map { ($0, i["outcome"] as? String == "met") } }
        #expect(scored.count == d["assessed"] as? Int)
        let brier = scored.map { ($0.0 - ($0.1 ? 1 : 0)) * ($0.0 - ($0.1 ? 1 : 0)) }.reduce(0, +) / Double(scored.count)
        #expect(abs(brier - (d["brier"] as! Double)) < 1e-12)
        let bins = try #require(d["calibration"] as? [[String: Any]])
        #expect(bins.map { $0["count"] as! Int }.reduce(0, +) == scored.count)
        // The goal of #16 on this record: the targets' record beats every baseline, and each bin of ten or more
        // targets holds its share met inside its band.
        let brierScored = d["brier"] as! Double
        for (key, b) in baselines where key != "pooled_base_rate" {
            let theirs = b["brier"] as! Double, ours = (b["model_brier"] as? Double) ?? brierScored
            #expect(ours < theirs, "\(key)")
        }
        for b in bins where b["count"] as! Int >= 10 { #expect(b["inside"] as? Bool == true, "\(b)") }
    }

    @Test func everyFormat() throws {
        for (format, marker) in [("text", "Brier"), ("markdown", "| predictor |"), ("html", "<svg"), ("csv", "region,indicator,year,comparator")] {
            let r = try BinaryRunner.run(["backtest"] + Self.record + ["--format", format, "--lang", "en"])
            #expect(r.status == 0 && r.stdout.contains(marker), "\(format): \(r.stderr)")
        }
        let zh = try BinaryRunner.run(["backtest"] + Self.record + ["--lang", "zh"])
        #expect(zh.stdout.hasPrefix("回测：目标实现概率与实际结果"))
    }

    @Test func badInputIsAClearError() throws {
        let noTargets = try BinaryRunner.temporaryFile("region,indicator,year,value\nA,x,2020,1\nA,x,2021,2\n")
        let a = try BinaryRunner.run(["backtest", noTargets])
        #expect(a.status == 1 && a.stderr.contains("the data holds no targets"))
        let noOutcome = try BinaryRunner.temporaryFile("region,indicator,year,value,kind\nA,x,2020,1,actual\nA,x,2021,2,actual\nA,x,2022,3,actual\nA,x,2023,4,target\n")
        let b = try BinaryRunner.run(["backtest", noOutcome])
        #expect(b.status == 1 && b.stderr.contains("no target has an outcome in the data"))
        let bins = try BinaryRunner.run(["backtest", "--bins", "0"])
        #expect(bins.status == 64 && bins.stderr.contains("--bins takes 1 to 100"))
        let adjust = try BinaryRunner.run(["backtest", "--adjust", "magic"])
        #expect(adjust.status == 64)
    }
}

extension BacktestCommandTests {
    /// The report ends with the backtest of the whole data: its scores in every format, the diagram in HTML, and
    /// the same numbers as `backtest`.
    @Test func theReportCarriesTheBacktest() throws {
        let alone = try json([])
        let report = try BinaryRunner.run(["report"] + Self.record + ["--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let d = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let b = try #require(d["backtest"] as? [String: Any])
        #expect(b["brier"] as? Double == alone["brier"] as? Double && b["pairs"] as? Int == alone["pairs"] as? Int)
        let html = try BinaryRunner.run(["report"] + Self.record + ["--format", "html", "--lang", "en"])
        #expect(html.stdout.contains("<h2>Backtest: probabilities of meeting targets against outcomes</h2>") && html.stdout.contains("aria-labelledby=\"rd-t\""))
        let text = try BinaryRunner.run(["report"] + Self.record + ["--lang", "en"])
        #expect(text.stdout.contains("\nBacktest: probabilities of meeting targets against outcomes\n"))
        let targets = try BinaryRunner.run(["report"] + Self.record + ["--format", "json", "--target-record"])
        let t = try #require(try JSONSerialization.jsonObject(with: Data(targets.stdout.utf8)) as? [String: Any])
        #expect((t["backtest"] as? [String: Any])?["adjustment"] as? String == "targets")
    }
}
