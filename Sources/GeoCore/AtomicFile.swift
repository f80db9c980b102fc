import Foundation

/// Writes files so that a reader never sees half a file and a failure leaves the old file intact:
/// the text goes to a temporary file in the same folder, which is then renamed over the target
/// (`AtomicFileWriter`, which also knows `-`, devices and links).
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
        let file = try AtomicFileWriter(path: path)
        file.interruptAfter = interruptAfter
        try file.append(data)
        try file.commit()
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
