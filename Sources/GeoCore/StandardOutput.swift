import Foundation

/// Standard output for data: every write is checked, so a full disk, `/dev/full` or a closed pipe is a one-line
/// error with exit status 1, never a silent success or a trap.
public enum StandardOutput {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public static func write(_ text: String) throws(WriteError) {
        try write(Data(text.utf8))
    }

    public static func write(_ data: Data) throws(WriteError) {
        try FileHandle.standardOutput.writeChecked(data)
    }

    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedDescription
    }
}

extension FileHandle {
    /// Writes all of `data`, a failure being a `WriteError` that names `name` ("standard output", a temporary file).
    public func writeChecked(_ data: Data, naming name: String = "standard output") throws(StandardOutput.WriteError) {
        do { try write(contentsOf: data) } catch {
            throw StandardOutput.WriteError(description: "cannot write to \(name): \(StandardOutput.reason(error))")
        }
    }
}
