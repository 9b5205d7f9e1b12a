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

    /// The file's text as UTF-8 bytes, without a byte-order mark: UTF-8 files as they are (validated), GB18030
    /// files converted. Large ASCII files are checked eight bytes at a time and never become a `String`.
    static func bytes(_ path: String, encoding: TextEncoding = .automatic) throws(InputError) -> OwnedBuffer<UInt8> {
        guard let raw = readFile(path) else {
            var directory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &directory)
            throw .unreadable(file: path, reason: !exists ? "no such file" : directory.boolValue ? "a directory" : "permission denied")
        }
        var bytes = raw.buffer
        if bytes.starts(with: byteOrderMark) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
        if encoding != .gb18030 && (isASCII(UnsafeRawBufferPointer(bytes)) || String(validating: bytes, as: UTF8.self) != nil) {
            return bytes.count == raw.count ? raw : OwnedBuffer(bytes)
        }
        return OwnedBuffer(Array(try decode(Data(bytes), file: path, encoding: encoding).utf8))
    }

    /// The whole file read straight into owned memory (``PageMemory``, no intermediate `Data`); nil when it cannot
    /// be opened or read.
    private static func readFile(_ path: String) -> OwnedBuffer<UInt8>? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
              let stream = InputStream(fileAtPath: path) else { return nil }
        stream.open()
        defer { stream.close() }
        var capacity = size + 1, count = 0
        var block = PageMemory.allocate(bytes: capacity)
        while true {
            if count == capacity {                                    // the file grew while being read
                let bigger = PageMemory.allocate(bytes: capacity * 2)
                bigger.pointer.copyMemory(from: block.pointer, byteCount: count)
                PageMemory.free(block)
                block = bigger
                capacity *= 2
            }
            let n = stream.read(block.pointer.bindMemory(to: UInt8.self, capacity: capacity) + count, maxLength: capacity - count)
            if n < 0 { PageMemory.free(block); return nil }
            if n == 0 { break }
            count += n
        }
        return OwnedBuffer(block: block, count: count)
    }

    /// A text's UTF-8 bytes, without a leading byte-order mark.
    static func bytes(of text: String) -> OwnedBuffer<UInt8> {
        let utf8 = text.utf8
        return OwnedBuffer(utf8.starts(with: byteOrderMark) ? utf8.dropFirst(3) : utf8[...])
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether every byte is below 0x80 (the aligned middle as 64-bit words, OR-reduced: the compiler vectorises it).
    static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress else { return true }
        let head = min((8 - Int(bitPattern: base) % 8) % 8, raw.count)
        let words = (raw.count - head) / 8
        var high: UInt8 = 0
        for k in 0..<head { high |= raw[k] }
        let wordsHigh = (base + head).withMemoryRebound(to: UInt64.self, capacity: words) { p in
            UnsafeBufferPointer(start: p, count: words).reduce(0, |)
        }
        for k in (head + 8 * words)..<raw.count { high |= raw[k] }
        return (high & 0x80) == 0 && wordsHigh & 0x8080_8080_8080_8080 == 0
    }

    static func decode(_ data: Data, file: String, encoding: TextEncoding) throws(InputError) -> String {
        var bytes = data
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(3) }
        if encoding != .gb18030, let s = String(data: bytes, encoding: .utf8) { return s }
        if encoding != .utf8, let s = String(data: bytes, encoding: gb18030) { return s }
        let offset = firstInvalidUTF8(bytes)
        let before = bytes.prefix(offset)
        let line = before.count { $0 == 10 } + 1
        let column = before.count - (before.lastIndex(of: 10).map { $0 - before.startIndex + 1 } ?? 0) + 1
        let at = "line \(line), byte \(column) of the line (offset \(offset))"
        throw .unreadable(file: file, reason: encoding == .utf8
            ? "not valid UTF-8 (first bad byte at \(at)); try --encoding gb18030"
            : "neither UTF-8 nor GB18030 (first bad UTF-8 byte at \(at))")
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var it = data.makeIterator(), decoder = UTF8(), offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): offset += UTF8.width(u)
            case .emptyInput, .error: return offset
            }
        }
    }
}

extension TextDecoding {
    /// A whole text file as a string: UTF-8 (with or without a byte-order mark), or GB18030 when it is not UTF-8.
    static func text(_ path: String, encoding: TextEncoding = .automatic) throws(InputError) -> String {
        let b = try bytes(path, encoding: encoding)
        return String(decoding: b.buffer, as: UTF8.self)
    }
}
