import Foundation

/// Runs the built `yardstick` executable (end-to-end tests).
enum BinaryRunner {
    static let executable: URL = {
        let packageRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("yardstick"),
            packageRoot.appendingPathComponent(".build/debug/yardstick"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }()

    struct Output { let status: Int32; let stdout: String; let stderr: String }

    /// Runs the binary; `input`, when given, is its standard input (written from another thread, closed at the end).
    static func run(_ arguments: [String], environment: [String: String]? = nil, input: String? = nil) throws -> Output {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        p.standardOutput = out
        p.standardError = err
        if input != nil { p.standardInput = stdin }
        try p.run()
        if let input {
            let handle = stdin.fileHandleForWriting
            Thread.detachNewThread { handle.write(Data(input.utf8)); try? handle.close() }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// What a shell command prints on a pseudo-terminal (util-linux `script`), for behaviour that depends on one;
    /// nil when `script` is not installed.
    static func onTerminal(_ command: String) throws -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A temporary file holding `text`.
    static func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
