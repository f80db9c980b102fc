import Foundation

/// Where an `--out` path really writes: `-` is standard output; a device, FIFO or socket (`/dev/null`, a named
/// pipe, `/dev/stdout`) is written through, never replaced by a regular file; a symbolic link is followed, the
/// file it names being replaced atomically while the link stays; anything else is a regular file replaced
/// atomically.
public enum OutputTarget: Equatable {
    case standardOutput
    case device(String)
    case file(String)

    public static func resolve(_ path: String) throws(AtomicFileError) -> OutputTarget {
        if path == "-" { return .standardOutput }
        var st = stat()
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .cannotWrite(path, "it is a folder")
            default: return .device(path)
            }
        }
        return .file(try followLinks(path))
    }

    /// The path a chain of links ends at (a dangling link: the path it names, created by the write).
    static func followLinks(_ path: String) throws(AtomicFileError) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        throw .cannotWrite(path, "too many levels of symbolic links")
    }
}
