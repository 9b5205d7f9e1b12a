import Foundation
import Testing
@testable import Yardstick

/// `report --lang zh` in every format says nothing in English outside ids, units, codes and source addresses, and
/// `--lang en` nothing in Chinese outside names, units and sources: the report's words come from one table.
@Suite("Report language")
struct ReportLanguageTests {
    static let formats = ["text", "markdown", "html", "json", "csv"]

    /// What may appear in a report in `language`: the data's ids, units and sources, and names in that language
    /// (an indicator without an English name keeps its own in English), longest first.
    static func allowed(_ language: String) -> [String] {
        guard let panel = try? PanelReader().readEmbedded() else { return [] }
        let zh = language == "zh"
        var words = Set<String>()
        for o in panel.observations { words.formUnion([o.region, o.indicator, o.unit, o.source]) }
        for i in panel.indicators.values { words.formUnion([i.id, i.unit, zh ? i.name : i.englishName ?? i.name]) }
        for (id, n) in panel.regionNames { words.formUnion([id, (zh ? n.name : n.englishName) ?? ""]) }
        // Names of methods and formats.
        words.formUnion(["Yardstick", YardstickVersion.string, "AICc", "logit", "Saltelli", "Sobol", "JSON", "CSV", "COINr"])
        return words.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The human-readable text of an output: all of text and Markdown; HTML's text nodes; JSON's titles, sentences
    /// and labels (not its keys and codes); CSV's label columns.
    static func prose(_ output: String, format: String) throws -> [String] {
        switch format {
        case "html":
            var s = output.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
            s = s.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
            return [s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")]
        case "json":
            var out: [String] = []
            func walk(_ v: Any, key: String) {
                if let d = v as? [String: Any] { for (k, x) in d where k != "params" { walk(x, key: k) } }
                else if let a = v as? [Any] { for x in a { walk(x, key: key) } }
                else if let s = v as? String, ["title", "headline", "text", "label", "caveats", "name"].contains(key) { out.append(s) }
            }
            walk(try JSONSerialization.jsonObject(with: Data(output.utf8)), key: "")
            return out
        case "csv":
            let table = try CSVTable(text: output, file: "report.csv")
            let labels = table.header.indices.filter { table.header[$0].hasSuffix("_label") }
            return table.rows.flatMap { row in labels.map { row.fields[$0] } }
        default:
            return [output]
        }
    }

    static func strippingAllowed(_ texts: [String], language: String) -> String {
        var s = texts.joined(separator: "\n")
        for a in allowed(language) { s = s.replacingOccurrences(of: a, with: " ") }
        return s.replacingOccurrences(of: "https?://\\S+", with: " ", options: .regularExpression)
    }

    /// The report and the benchmark, in every format.
    static let runs: [(String, String)] = formats.map { ("report", $0) } + formats.map { ("benchmark", $0) }
    static let benchmarkArguments = ["--focus", "Zhuzhou", "--indicators", "gdp,gdp_growth", "--uncertainty", "200", "--sensitivity",
                                     "--sensitivity-samples", "32", "--since", "2015", "--convergence", "gdp"]

    static func run(_ c: (String, String), _ language: String) throws -> BinaryRunner.Output {
        try BinaryRunner.run([c.0, "--lang", language, "--format", c.1] + (c.0 == "benchmark" ? benchmarkArguments : []))
    }

    @Test(arguments: runs)
    func chineseReportHasNoEnglish(_ c: (String, String)) throws {
        let format = c.1
        let r = try Self.run(c, "zh")
        #expect(r.status == 0, "\(r.stderr)")
        let text = Self.strippingAllowed(try Self.prose(r.stdout, format: format), language: "zh")
        let words = text.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }
        #expect(words.isEmpty, "\(format): \(Set(words).sorted())")
        if c != ("benchmark", "csv") { #expect(text.contains(c.0 == "report" ? "目标" : "同行")) }
    }

    @Test(arguments: runs)
    func englishReportHasNoChinese(_ c: (String, String)) throws {
        let format = c.1
        let r = try Self.run(c, "en")
        #expect(r.status == 0, "\(r.stderr)")
        let text = Self.strippingAllowed(try Self.prose(r.stdout, format: format), language: "en")
        let han = text.unicodeScalars.filter { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
        #expect(han.isEmpty, "\(format): \(String(String.UnicodeScalarView(han)))")
        if c != ("benchmark", "csv") { #expect(text.contains(c.0 == "report" ? "target" : "peers")) }
    }
}
