import Foundation
import Testing

/// `make install` (#15): scripts/install.sh puts the binary, its completions and its man page under a prefix; the
/// man page in docs/ documents every option the binary has (regenerate it with `make man`).
@Suite("install")
struct InstallTests {
    static let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()

    @Test func installsBinaryCompletionsAndManPage() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let p = Process()
        p.executableURL = Self.root.appendingPathComponent("scripts/install.sh")
        p.arguments = [BinaryRunner.executable.path, prefix.path]
        p.standardOutput = Pipe()
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let binary = prefix.appendingPathComponent("bin/yardstick").path
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        for (path, mark) in [("share/bash-completion/completions/yardstick", "_yardstick"), ("share/zsh/site-functions/_yardstick", "#compdef yardstick"),
                             ("share/fish/vendor_completions.d/yardstick.fish", "complete -c 'yardstick'"), ("share/man/man1/yardstick.1", ".Dt YARDSTICK 1")] {
            let text = try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(mark), "\(path)")
            if !path.hasPrefix("share/man") { for c in ["report", "gap", "benchmark", "inspect", "trend", "regress", "extract"] { #expect(text.contains(c), "\(path) \(c)") } }
        }
    }

    /// Every long option of every command (from the binary's own description of itself) is in docs/yardstick.1.
    @Test func theManPageHasEveryOption() throws {
        let dump = try BinaryRunner.run(["--experimental-dump-help"])
        let tree = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as! [String: Any]
        var options: Set<String> = []
        func walk(_ c: [String: Any]) {
            for a in c["arguments"] as? [[String: Any]] ?? [] {
                for n in a["names"] as? [[String: Any]] ?? [] where n["kind"] as? String == "long" { options.insert(n["name"] as! String) }
            }
            for s in c["subcommands"] as? [[String: Any]] ?? [] { walk(s) }
        }
        walk(tree["command"] as! [String: Any])
        let man = try String(contentsOf: Self.root.appendingPathComponent("docs/yardstick.1"), encoding: .utf8)
        let missing = options.filter { !man.contains("Fl -\($0)") }.sorted()
        #expect(options.count > 50 && missing.isEmpty, "docs/yardstick.1 lacks \(missing); run make man")
    }
}
