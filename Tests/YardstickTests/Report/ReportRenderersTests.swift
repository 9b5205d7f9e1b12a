import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Yardstick
@testable import YardstickReport

/// Golden files (Tests/Fixtures/golden) for the text, Markdown and HTML renderings of the fixture document: small
/// enough to review. To accept a deliberate change: YARDSTICK_UPDATE_GOLDEN=1 swift test --filter ReportRenderersTests.
@Suite("Report renderers")
struct ReportRenderersTests {
    static func golden(_ name: String, _ text: String) throws {
        let url = Fixtures.url("golden/\(name)")
        if ProcessInfo.processInfo.environment["YARDSTICK_UPDATE_GOLDEN"] != nil {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file")
    }

    @Test func textMatchesGolden() throws {
        try Self.golden("report.txt", TextReport.render(try ReportFixture.document(.en), colour: false))
    }

    @Test func markdownMatchesGolden() throws {
        try Self.golden("report.md", MarkdownReport.render(try ReportFixture.document(.en)))
    }

    @Test func htmlMatchesGolden() throws {
        try Self.golden("report.html", HTMLReport.render(try ReportFixture.document(.zh)))
    }

    @Test func scorecardColumnsLineUpWithChineseNames() throws {
        let text = TextReport.render(try ReportFixture.document(.zh), colour: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let table = lines[3..<(3 + 2 + 3)]
        // Every row ends its status column at the same cell; rows are padded to the widest cell before it.
        let statusStarts = table.dropFirst(2).map { line -> Int in
            let status = ["有望完成", "存在风险", "难以完成", "无法评估", "已完成", "未完成"].first { line.hasSuffix($0) } ?? ""
            return TextTable.cellWidth(String(line.dropLast(status.count)))
        }
        #expect(statusStarts.count == 3)
        #expect(Set(statusStarts).count == 1, "\(table)")
    }

    @Test(arguments: [(true, [:] as [String: String], true), (true, ["NO_COLOR": "1"], false), (true, ["NO_COLOR": ""], false),
                      (false, [:], false)])
    func colourOnlyOnATerminalWithoutNOCOLOR(_ c: (Bool, [String: String], Bool)) {
        #expect(TextReport.shouldColour(isTerminal: c.0, environment: c.1) == c.2)
    }

    @Test func colouredTextHasEscapesAndPlainTextNone() throws {
        let d = try ReportFixture.document(.en)
        #expect(TextReport.render(d, colour: true).contains("\u{1B}["))
        #expect(!TextReport.render(d, colour: false).contains("\u{1B}"))
    }

    @Test func htmlHasNoExternalResourceAndParsesAsXML() throws {
        let html = HTMLReport.render(try ReportFixture.document(.en))
        #expect(html.range(of: #"(src|href)\s*=\s*["']?\s*(https?:)?//"#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("<script") && !html.contains("<link"))
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { String(describing: $0) } ?? "")")
        #expect(html.contains("<title id=\"t-gdp_growth-2023\">") && html.contains("<desc id=\"d-gdp_growth-2023\">"))
        #expect(html.contains("Noto Sans CJK SC"))
    }

    @Test func jsonReusesTheGapSchema() throws {
        let d = try ReportFixture.document(.en)
        let o = try JSONSerialization.jsonObject(with: Data(ReportJSON.render(d).utf8)) as! [String: Any]
        let targets = o["targets"] as! [[String: Any]]
        let gap = (try JSONSerialization.jsonObject(with: Data(GapRenderer.json(d.assessments, labels: d.labels).rendered().utf8)) as! [String: Any])["targets"] as! [[String: Any]]
        #expect(targets.map { $0["indicator"] as! String } == gap.map { $0["indicator"] as! String })
        #expect(Set(targets[0].keys) == Set(gap[0].keys))
        #expect((o["findings"] as! [[String: Any]]).count == 2)
    }
}

@Suite("Atomic writes")
struct AtomicFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesTheWholeFileAndLeavesNoTemporary() throws {
        let dir = try Self.folder(), path = dir.appendingPathComponent("report.html").path
        try AtomicFile.write(String(repeating: "old ", count: 1000), to: path)
        try AtomicFile.write("new", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    }

    @Test func aMissingFolderIsAClearErrorAndWritesNothing() throws {
        let path = "/no/such/folder/report.html"
        #expect { try AtomicFile.write("x", to: path) } throws: { e in
            String(describing: e) == "cannot write /no/such/folder/report.html: the folder /no/such/folder does not exist"
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFailedRenameLeavesTheOldFileWhole() throws {
        let dir = try Self.folder()
        let target = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inner"), withIntermediateDirectories: true)
        // Renaming a file over a non-empty directory fails: the directory must survive and no temporary remain.
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: target.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out"])
    }
}
