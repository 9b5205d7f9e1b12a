import ArgumentParser
import Foundation
import Yardstick

@main
struct YardstickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yardstick",
        abstract: "Compare development indicators with their targets, their trends and their peers.",
        discussion: """
            With no input file, commands use the embedded Zhuzhou data (Data/zhuzhou). \
            Every number is computed through OpenBLAS/LAPACK; see the README for methods and accuracy.
            """,
        version: YardstickVersion.build,
        subcommands: [ReportCommand.self, GapCommand.self, BacktestCommand.self, BenchmarkCommand.self, InspectCommand.self, TrendCommand.self, RegressCommand.self, ExtractCommand.self]
    )

    /// Rejects an unknown subcommand before parsing, so that `yardstick nosuch --help` fails (exit 64) instead of
    /// printing the root help; scripts use that to learn which commands this build has.
    static func main() {
        PageMemory.keepFreedMemory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let known = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !known.contains(first) {
            FileHandle.standardError.write(Data(
                "Error: unknown command '\(first)'. Commands: \(known.dropLast().joined(separator: ", ")).\n".utf8))
            Foundation.exit(64)
        }
        main(arguments)
    }
}

/// An error the command line reports: the library's message, printed by ArgumentParser as `Error: …`, exit 1.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { description = String(describing: error) }
}
