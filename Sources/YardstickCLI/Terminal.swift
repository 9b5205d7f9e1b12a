import Foundation
import YardstickReport

/// What the command line needs to know about its terminal.
enum Terminal {
    /// Colour on standard output: only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    static var colourOnStandardOutput: Bool {
        TextReport.shouldColour(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// A progress bar on standard error for long runs, drawn only on a terminal and only past `threshold` items.
struct ProgressBar: Sendable {
    let total: Int
    let label: String
    let enabled: Bool

    init(total: Int, label: String, threshold: Int = 200) {
        self.total = total
        self.label = label
        enabled = total >= threshold && Terminal.standardErrorIsTerminal
    }

    func update(_ done: Int) {
        guard enabled, done == total || done % max(1, total / 100) == 0 else { return }
        let width = 30, filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}
