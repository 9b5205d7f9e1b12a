import Foundation
import YardstickReport

/// What the command line needs to know about its terminal.
enum Terminal {
    /// Colour on standard output: only on a terminal, and never when `NO_COLOR` is set (no-color.org).
    static var colourOnStandardOutput: Bool {
        TextReport.shouldColour(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A sentence for the reader on standard error (what the output leaves out, and why), prefixed `Note: ` (注意：).
    static func note(_ sentence: String, labels: ReportLabels? = nil) {
        FileHandle.standardError.write(Data(((labels?.notePrefix ?? "Note: ") + sentence + "\n").utf8))
    }
}

/// A progress bar on standard error for long runs: drawn only on a terminal, and only once the work has taken more
/// than a second (`YARDSTICK_PROGRESS_DELAY` seconds, for tests). Safe to update from several threads.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    let label: String
    let enabled: Bool
    private let start = Date()
    private let delay = ProcessInfo.processInfo.environment["YARDSTICK_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
    private var drawn = false
    private let lock = NSLock()

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        enabled = total > 0 && Terminal.standardErrorIsTerminal
    }

    func update(_ done: Int) {
        guard enabled, done == total || done % max(1, total / 100) == 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        guard drawn || Date().timeIntervalSince(start) >= delay else { return }
        drawn = true
        let width = 30, filled = total > 0 ? width * min(done, total) / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)\(done >= total ? "\n" : "")".utf8))
    }
}
