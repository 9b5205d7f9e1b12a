import Foundation
import Testing

/// The layering rules of the README's Architecture section, checked on the sources themselves (the numeric module
/// is one SwiftPM target, so the compiler does not check them).
@Suite("Layering")
struct LayeringTests {
    static let sources = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file under `folder`, with its text.
    static func files(_ folder: String) throws -> [(name: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        let names = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
        return try names.sorted().map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// Lines of code (comments left out) that match `pattern`, as "file: line".
    static func offending(_ files: [(name: String, text: String)], _ pattern: String) -> [String] {
        files.flatMap { f in
            f.text.split(separator: "\n").filter { line in
                let code = line.trimmingCharacters(in: .whitespaces)
                return !code.hasPrefix("//") && code.range(of: pattern, options: .regularExpression) != nil
            }.map { "\(f.name): \($0)" }
        }
    }

    @Test func onlyLinearAlgebraTouchesC() throws {
        let numeric = try Self.files("Yardstick").filter { !$0.name.hasPrefix("LinearAlgebra/") }
        #expect(Self.offending(numeric, #"import (COpenBLAS|CKernels|Glibc)|\b(mmap|madvise|openblas_|cblas_|LAPACK_|ys_line_)"#).isEmpty)
        #expect(!(try Self.files("Yardstick/LinearAlgebra")).filter { $0.text.contains("import COpenBLAS") }.isEmpty)
    }

    @Test func theModelNamesNothingOfTheInputLayer() throws {
        let model = try Self.files("Yardstick/Model")
        #expect(Self.offending(model, #"\b(InputError|PanelReader|PanelBuilder|CSVTable|CSVCursor|LongCSV|InputCell)\b"#).isEmpty)
    }

    @Test func theNumericModuleReturnsValuesNotSentences() throws {
        let numeric = try Self.files("Yardstick")
        #expect(Self.offending(numeric, #"^\s*print\("#).isEmpty)
        // Notes, verdicts and warnings are enums; their only text is a code.
        let findings = numeric.filter { ["Gaps/AssessmentNote.swift", "Gaps/PresetVerdict.swift", "Model/PanelWarning.swift",
                                         "Trends/TrendError.swift"].contains($0.name) }
        #expect(findings.count == 4)
        #expect(Self.offending(findings, #"description|String\(format"#).isEmpty)
    }

    @Test func theReportModuleComputesNoAnalysisAndTheBuilderCallsNoRenderer() throws {
        let report = try Self.files("YardstickReport")
        #expect(Self.offending(report, #"GapAnalysis\(|TrendSpecification\(|BatchTrends\.|LinearRegression\(|\.fit\("#).isEmpty)
        let builder = report.filter { $0.name == "ReportBuilder.swift" || $0.name == "FindingSentences.swift" }
        #expect(Self.offending(builder, #"Renderer|TextReport|MarkdownReport|HTMLReport|ReportJSON"#).isEmpty)
    }

    @Test func noCommandFiltersThePanel() throws {
        let cli = try Self.files("YardstickCLI")
        #expect(Self.offending(cli, #"\.filter \{ \$0\.(region|indicator) =="#).isEmpty)
    }
}
