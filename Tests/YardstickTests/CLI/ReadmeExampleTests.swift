import Foundation
import Testing

/// The README's examples with their output (`$ yardstick …` blocks) are what the built binary prints: every line
/// the README shows (a lone "…" stands for lines left out) is a line of the real output, in order.
@Suite("README examples")
struct ReadmeExampleTests {
    static let readme = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    /// Each fenced block that starts with `$ yardstick`: its arguments and the lines shown.
    static func examples() throws -> [(arguments: [String], lines: [String])] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var found: [(arguments: [String], lines: [String])] = []
        var block: [String]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let b = block, let first = b.first, first.hasPrefix("$ yardstick ") {
                    let arguments = first.dropFirst("$ yardstick ".count).split(separator: " ").map(String.init)
                    found.append((arguments, b.dropFirst().filter { $0.trimmingCharacters(in: .whitespaces) != "…" }))
                }
                block = block == nil ? [] : nil
            } else if block != nil {
                block!.append(line)
            }
        }
        return found
    }

    @Test func everyShownLineIsPrinted() throws {
        let examples = try Self.examples()
        #expect(!examples.isEmpty)
        for e in examples {
            let out = try BinaryRunner.run(e.arguments)
            #expect(out.status == 0, "yardstick \(e.arguments.joined(separator: " ")): \(out.stderr)")
            var printed = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
            for line in e.lines {
                guard let at = printed.firstIndex(of: line) else {
                    Issue.record("yardstick \(e.arguments.joined(separator: " ")) no longer prints: \(line)")
                    break
                }
                printed = printed[(at + 1)...]
            }
        }
    }
}
