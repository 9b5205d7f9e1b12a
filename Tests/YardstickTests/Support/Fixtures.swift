import Foundation

/// Files under `Tests/Fixtures/`, found from this source file's path so that tests run from any directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(path))) as! [String: Any]
    }

    /// Rows of a small comma-separated file with a header, as dictionaries of strings.
    static func csv(_ path: String) throws -> [[String: String]] {
        let lines = try text(path).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\"", with: "") }
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }
}
