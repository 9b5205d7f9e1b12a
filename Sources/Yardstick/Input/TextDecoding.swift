import Foundation

/// Text encodings of input files.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-16 when the bytes say so (a byte-order mark, or every other byte zero), otherwise UTF-8 when the file is
    /// valid UTF-8, otherwise GB18030 or Windows-1252 by ``TextDecoding/guessLegacy(_:)``; a guess is said.
    case automatic = "auto"
    case utf8
    /// GB18030, which includes GBK and GB2312 (common in Chinese statistical files).
    case gb18030
    /// UTF-16, little- or big-endian by its byte-order mark (little-endian without one): Excel's "Unicode text".
    case utf16
    /// Windows-1252, a superset of Latin-1: what Excel writes as "CSV" on Western-European Windows.
    case cp1252
}

enum TextDecoding {
    /// GB18030 as Foundation names it (CFStringEncoding 0x0632).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The file's text as UTF-8 bytes, without a byte-order mark: UTF-8 files as they are (validated), others
    /// converted. Large ASCII files are checked eight bytes at a time and never become a `String`.
    static func bytes(_ path: String, encoding: TextEncoding = .automatic) throws(InputError) -> OwnedBuffer<UInt8> {
        try decoded(path, encoding: encoding).bytes
    }

    /// ``bytes(_:encoding:)``, and the encoding it assumed when `encoding` is automatic and the file is not UTF-8
    /// (nil for UTF-8 or an encoding given): the caller says it.
    static func decoded(_ path: String, encoding: TextEncoding = .automatic) throws(InputError)
        -> (bytes: OwnedBuffer<UInt8>, assumed: TextEncoding?) {
        guard let raw = readFile(path) else {
            var directory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &directory)
            throw .unreadable(file: path, reason: !exists ? "no such file" : directory.boolValue ? "a directory" : "permission denied")
        }
        var bytes = raw.buffer
        if encoding == .utf16 || (encoding == .automatic && isUTF16(raw.buffer)) {
            let text = try utf16(raw.buffer, file: path)
            return (OwnedBuffer(Array(text.utf8)), encoding == .automatic ? .utf16 : nil)
        }
        if bytes.starts(with: byteOrderMark) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
        if (encoding == .automatic || encoding == .utf8)
            && (isASCII(UnsafeRawBufferPointer(bytes)) || String(validating: bytes, as: UTF8.self) != nil) {
            return (bytes.count == raw.count ? raw : OwnedBuffer(bytes), nil)
        }
        var chosen = encoding
        if encoding == .automatic { chosen = guessLegacy(bytes) }
        let text = try decode(Data(bytes), file: path, encoding: chosen)
        return (OwnedBuffer(Array(text.utf8)), encoding == .automatic ? chosen : nil)
    }

    /// Whether bytes are UTF-16: a byte-order mark (FF FE or FE FF), or, in the first 4 KiB, zero bytes in at least
    /// 40% of the odd or of the even positions (text mostly of ASCII characters in UTF-16 has one zero in every pair;
    /// UTF-8 and GB18030 text has none).
    ///
    /// - Complexity: O(1): at most 4 KiB are looked at.
    static func isUTF16(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) { return true }
        let z = zeros(bytes)
        return z.pairs >= 2 && 5 * max(z.even, z.odd) >= 2 * z.pairs
    }

    /// Zero bytes at even and at odd positions among the first 4 KiB's whole pairs.
    static func zeros(_ bytes: UnsafeBufferPointer<UInt8>) -> (even: Int, odd: Int, pairs: Int) {
        let n = min(bytes.count, 4096) & ~1
        var even = 0, odd = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { even += 1 }
            if bytes[i + 1] == 0 { odd += 1 }
        }
        return (even, odd, n / 2)
    }

    /// UTF-16 bytes as text: the byte order from the byte-order mark, otherwise from where the zero bytes are.
    static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(InputError) -> String {
        var bigEndian = false, start = 0
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { bigEndian = true; start = 2 }
        else if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { start = 2 }
        else { let z = zeros(bytes); bigEndian = z.even > z.odd }
        guard (bytes.count - start) % 2 == 0 else {
            throw .unreadable(file: file, reason: "UTF-16 (as its bytes say) but of an odd number of bytes; the file is cut short")
        }
        var units = [UInt16](repeating: 0, count: (bytes.count - start) / 2)
        for k in units.indices {
            let a = UInt16(bytes[start + 2 * k]), b = UInt16(bytes[start + 2 * k + 1])
            units[k] = bigEndian ? a << 8 | b : b << 8 | a
        }
        var text = String.UnicodeScalarView(), it = units.makeIterator(), decoder = UTF16()
        var index = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): text.append(u); index += 1
            case .emptyInput: return String(text)
            case .error:
                throw .unreadable(file: file, reason: "UTF-16 (as its bytes say) with a broken character after \(index) characters; give --encoding if it is not UTF-16")
            }
        }
    }

    /// GB18030 or Windows-1252 for bytes that are not UTF-8, by how their bytes above 0x7F are grouped: Chinese
    /// text in GB18030 has them in pairs (a character is a lead and a trail byte, both above 0x7F for the common
    /// characters of GB2312), Western text in Windows-1252 mostly alone (Zürich, São Paulo). Windows-1252 when more
    /// than half of the runs of such bytes have an odd length. The choice is a guess, always said.
    ///
    /// - Complexity: O(n).
    static func guessLegacy(_ bytes: UnsafeBufferPointer<UInt8>) -> TextEncoding {
        var runs = 0, odd = 0, length = 0
        for b in bytes {
            if b >= 0x80 { length += 1; continue }
            if length > 0 { runs += 1; odd += length % 2; length = 0 }
        }
        if length > 0 { runs += 1; odd += length % 2 }
        return 2 * odd > runs ? .cp1252 : .gb18030
    }

    /// The whole file read straight into owned memory (``PageMemory``, no intermediate `Data`); nil when it cannot
    /// be opened or read.
    private static func readFile(_ path: String) -> OwnedBuffer<UInt8>? {
        // `-` is standard input (read whole; a second `-` of the same run reads what is left: nothing).
        if path == "-" { return OwnedBuffer(Array(FileHandle.standardInput.readDataToEndOfFile())) }
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
        // No words when the bytes end before the first aligned address (a rebinding there would trap: misaligned).
        let wordsHigh = words == 0 ? 0 : (base + head).withMemoryRebound(to: UInt64.self, capacity: words) { p in
            UnsafeBufferPointer(start: p, count: words).reduce(0, |)
        }
        for k in (head + 8 * words)..<raw.count { high |= raw[k] }
        return (high & 0x80) == 0 && wordsHigh & 0x8080_8080_8080_8080 == 0
    }

    static func decode(_ data: Data, file: String, encoding: TextEncoding) throws(InputError) -> String {
        var bytes = data
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(3) }
        if encoding == .cp1252, let s = String(data: bytes, encoding: .windowsCP1252) { return s }
        if encoding == .automatic || encoding == .utf8, let s = String(data: bytes, encoding: .utf8) { return s }
        if encoding == .automatic || encoding == .gb18030, let s = String(data: bytes, encoding: gb18030) { return s }
        let offset = firstInvalidUTF8(bytes)
        let before = bytes.prefix(offset)
        let line = before.count { $0 == 10 } + 1
        let column = before.count - (before.lastIndex(of: 10).map { $0 - before.startIndex + 1 } ?? 0) + 1
        let at = "line \(line), byte \(column) of the line (offset \(offset))"
        switch encoding {
        case .utf8: throw .unreadable(file: file, reason: "not valid UTF-8 (first bad byte at \(at)); try --encoding gb18030 or cp1252")
        case .cp1252: throw .unreadable(file: file, reason: "not Windows-1252 (bytes 81, 8D, 8F, 90 and 9D have no character); try --encoding gb18030")
        default: throw .unreadable(file: file, reason: "neither UTF-8 nor GB18030 (first bad UTF-8 byte at \(at)); try --encoding cp1252 or utf16")
        }
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
