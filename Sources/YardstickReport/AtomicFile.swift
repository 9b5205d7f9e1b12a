import Foundation

/// Writing a file so that a failed run never leaves half a report: the text goes to a temporary file in the
/// same folder, which is then renamed over the destination (a rename within one file system is atomic). A symbolic
/// link is written through to its target, and an existing file keeps its mode.
public enum AtomicFile {
    public enum WriteError: Error, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self { case let .cannotWrite(path, reason): "cannot write \(path): \(reason)" }
        }
    }

    /// Where writing to `path` goes: through a symbolic link to the file it names (the link is kept, as a shell's
    /// `>` keeps it), and the mode of a file already there (kept too; a new file gets the default).
    static func destination(_ path: String) -> (path: String, mode: mode_t?) {
        var resolved = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        }
        return stat(resolved, &info) == 0 ? (resolved, info.st_mode & 0o7777) : (resolved, nil)
    }

    public static func write(_ text: String, to requested: String) throws(WriteError) {
        let (path, mode) = destination(requested)
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
        if let mode { chmod(temporary.path, mode) }
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
        private let mode: mode_t?
        private let handle: FileHandle
        private var committed = false

        public init(path requested: String) throws(WriteError) {
            let (path, mode) = AtomicFile.destination(requested)
            self.mode = mode
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
            if let mode { chmod(temporary, mode) }
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
