import Foundation
import Testing
@testable import Yardstick

/// `trend --summary` and `--output` through the built binary.
@Suite("trend --summary and --output")
struct TrendSummaryCommandTests {
    static let fertility = Fixtures.url("panels/wdi_fertility_wide.csv").path

    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-\(UUID().uuidString)-\(name)").path
    }

    static func csvRows(_ text: String) -> [[String: String]] {
        var rows: [[String]] = [], field = "", row: [String] = [], quoted = false
        for c in text {
            if quoted {
                if c == "\"" { quoted = false } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { row.append(field); field = "" } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(c) }
        }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    /// One row per series with a value (210 of the 219 rows), written atomically to the file named; every number
    /// is the one-series fit's, printed so that it reads back to the same double.
    @Test func oneRowPerSeriesToAFile() throws {
        let out = Self.temporary("trends.csv")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try BinaryRunner.run(["trend", Self.fertility, "--model", "linear", "--summary", "--output", out])
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        let rows = Self.csvRows(try String(contentsOfFile: out, encoding: .utf8))
        #expect(rows.count == 210)
        let china = try #require(rows.first { $0["region"] == "CHN" })
        let index = PanelIndex(try PanelReader().read([Self.fertility]))
        let fit = try TrendSpecification(.linear).fit(index.history(region: "CHN", indicator: "SP.DYN.TFRT.IN"))
        #expect(china["model"] == "linear" && china["n"] == "52" && china["first_year"] == "1960" && china["last_year"] == "2011")
        #expect(relativeError(Double(china["slope"]!)!, fit.parameter("slope")!) < 1e-12)
        #expect(relativeError(Double(china["sigma"]!)!, fit.sigma) < 1e-12)
        let p = fit.forecast(year: 2016, levels: [80, 95])         // five years after 2011, the last with a value
        #expect(china["year"] == "2016")
        #expect(relativeError(Double(china["projection"]!)!, p.mean) < 1e-12)
        #expect(relativeError(Double(china["upper_95"]!)!, p.intervals[1].upper) < 1e-12)
        // Streamed to standard output, the same bytes.
        let piped = try BinaryRunner.run(["trend", Self.fertility, "--model", "linear", "--summary", "--format", "csv"])
        #expect(piped.stdout == (try String(contentsOfFile: out, encoding: .utf8)))
    }

    /// JSON, with the series that cannot be fitted in place and the values not used counted.
    @Test func jsonSummary() throws {
        let r = try BinaryRunner.run(["trend", Self.fertility, "--model", "quadratic", "--summary", "--format", "json", "--lang", "en"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let series = try #require(json["series"] as? [[String: Any]])
        #expect(json["model"] as? String == "quadratic" && json["horizon"] as? Int == 5 && series.count == 210)
        #expect((json["skipped"] as? [String: Int])?["missing"] == 1542)
        let fitted = series.filter { $0["model"] is String }
        #expect(fitted.count + series.count { $0["not_fitted"] != nil } == 210)
        let first = try #require(fitted.first)
        #expect(Set(first.keys) == ["region", "indicator", "model", "n", "first_year", "last_year", "parameters", "standard_errors",
                                    "sigma", "r_squared", "aicc", "growth", "projection", "warnings"])
        #expect(Set((first["parameters"] as? [String: Double])?.keys ?? [:].keys) == ["centre_year", "level", "slope", "curvature"])
    }

    /// No command writes over one of its inputs: the data file, or the metadata, by the same path or another.
    @Test(arguments: [["trend", "--summary"], ["trend"], ["inspect", "--format", "json"], ["gap"], ["benchmark"], ["report"]])
    func outputNeverReplacesAnInput(_ command: [String]) throws {
        let copy = Self.temporary("data.csv")
        try FileManager.default.copyItem(atPath: Self.fertility, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let dotted = (copy as NSString).deletingLastPathComponent + "/./" + (copy as NSString).lastPathComponent
        for target in [copy, dotted] {
            let r = try BinaryRunner.run(command + [copy, "--output", target])
            #expect(r.status != 0 && r.stderr.contains("is an input of this command"), "\(command): \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    /// --output onto a symbolic link writes the file it names and keeps the link; an existing file keeps its mode
    /// (both were replaced by a new file with the default mode).
    @Test func outputThroughALinkKeepsTheLinkAndTheMode() throws {
        let folder = Self.temporary("linked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/target.csv", link = folder + "/link.csv"
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try BinaryRunner.run(["trend", Self.fertility, "--summary", "--format", "csv", "--output", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("region,indicator,model"))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.csv", "target.csv"])
    }

    /// A failed run leaves no file and no temporary file behind.
    @Test func failedRunLeavesNothing() throws {
        let folder = Self.temporary("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = folder + "/bad.csv"
        try "Country Name,Country Code,Indicator Name,Indicator Code,2001,2002\nA,a,X,x,1,2\nB,b,X,x,3,zz\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["trend", bad, "--summary", "--output", folder + "/out.csv"])
        #expect(r.status != 0 && r.stderr.contains("bad.csv:3:6:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["bad.csv"])
    }
}
