import Foundation

/// Writes files so that a reader never sees half a file and a failure leaves the old file intact:
/// the text goes to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
        try write(data, to: path, interruptAfter: nil)
    }

    /// `interruptAfter`: stop with an error once that many bytes are in the temporary file, as a crash or a
    /// full disk would (tests prove that the previous file then survives byte for byte).
    static func write(_ data: Data, to path: String, interruptAfter: Int?) throws(AtomicFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw .folderMissing(path)
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            if let cut = interruptAfter {
                try data.prefix(cut).write(to: temp)
                throw AtomicFileError.cannotWrite(path, "interrupted after \(cut) bytes")
            }
            try data.write(to: temp)
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw .cannotWrite(path, (error as? AtomicFileError)?.description ?? error.localizedDescription)
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw .cannotWrite(path, reason)
        }
    }
}

public enum AtomicFileError: Error, Equatable, CustomStringConvertible {
    case folderMissing(String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .folderMissing(let p): return "cannot write '\(p)': its folder does not exist"
        case .cannotWrite(let p, let why): return "cannot write '\(p)': \(why)"
        }
    }
}
