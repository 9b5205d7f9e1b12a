import Foundation

/// Text encodings of input files.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// Try UTF-8 (with or without a byte-order mark), then GB18030.
    case automatic = "auto"
    case utf8
    /// GB18030, which includes GBK and GB2312 (common in Chinese statistical files).
    case gb18030
}

enum TextDecoding {
    /// GB18030 as Foundation names it (CFStringEncoding 0x0632).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The file's text, decoded; a UTF-8 byte-order mark is removed.
    static func read(_ path: String, encoding: TextEncoding = .automatic) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .unreadable(file: path, reason: exists ? "permission denied or a directory" : "no such file")
        }
        return try decode(data, file: path, encoding: encoding)
    }

    static func decode(_ data: Data, file: String, encoding: TextEncoding) throws(InputError) -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if encoding != .gb18030, let s = String(data: bytes, encoding: .utf8) { return s }
        if encoding != .utf8, let s = String(data: bytes, encoding: gb18030) { return s }
        let offset = firstInvalidUTF8(bytes)
        throw .unreadable(file: file, reason: encoding == .utf8
            ? "not valid UTF-8 (first bad byte at offset \(offset)); try --encoding gb18030"
            : "neither UTF-8 nor GB18030 (first bad UTF-8 byte at offset \(offset))")
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var it = data.makeIterator(), decoder = UTF8(), offset = 0, last = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): last = offset; offset += String(u).utf8.count
            case .emptyInput: return offset
            case .error: return last == offset ? offset : offset
            }
        }
    }
}
