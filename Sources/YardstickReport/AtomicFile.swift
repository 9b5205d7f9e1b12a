import Foundation

/// Writing a file so that a failed run never leaves half a report: the text goes to a temporary file in the
/// same folder, which is then renamed over the destination (a rename within one file system is atomic).
public enum AtomicFile {
    public enum WriteError: Error, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self { case let .cannotWrite(path, reason): "cannot write \(path): \(reason)" }
        }
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotWrite(path: path, reason: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// A file written piece by piece: the pieces go to a temporary file beside the destination, which ``commit()``
    /// renames over it. Until then the destination is untouched, and a writer dropped without committing (a failed
    /// run) removes its temporary file. Memory does not grow with what is written.
    public final class Writer {
        public let path: String
        private let temporary: String
        private let handle: FileHandle
        private var committed = false

        public init(path: String) throws(WriteError) {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .cannotWrite(path: path, reason: "the folder \(folder.path) does not exist")
            }
            self.path = path
            temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw .cannotWrite(path: path, reason: "cannot create a file in \(folder.path)")
            }
            self.handle = handle
        }

        public func write(_ text: String) throws(WriteError) {
            do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                throw .cannotWrite(path: path, reason: error.localizedDescription)
            }
        }

        /// Closes the temporary file and renames it over the destination.
        public func commit() throws(WriteError) {
            do { try handle.close() } catch { throw .cannotWrite(path: path, reason: error.localizedDescription) }
            if rename(temporary, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
            committed = true
        }

        deinit {
            guard !committed else { return }
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
