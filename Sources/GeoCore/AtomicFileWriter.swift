import Foundation

/// A file written piece by piece into a temporary file beside the target and renamed over it on `commit()`,
/// so readers never see a half-written file and a failed or abandoned write leaves the old file as it was.
/// The target is an `OutputTarget`: `-` writes standard output, a device or FIFO is written through, a link
/// is followed. Owns the file descriptor; an uncommitted temporary file is removed in `deinit`, on SIGINT or
/// SIGTERM, or by the next run if this process is killed (`TemporaryFiles`).
public final class AtomicFileWriter {
    public let path: String
    /// The temporary file and the file it replaces (nil when writing through to a device or stdout).
    let temporary: (path: String, target: String)?
    private let slot: Int?
    private var fd: Int32
    private var buffer = OutputBuffer(capacity: AtomicFileWriter.flushSize + 64 * 1024)
    private var committed = false
    /// Bytes handed to the writer so far (buffered or on disk).
    public private(set) var byteCount = 0
    /// Fail once this many bytes have reached the temporary file, as a crash or a full disk would (tests).
    var interruptAfter: Int?
    static let flushSize = 1 << 20

    var tempPath: String { temporary?.path ?? path }

    public init(path: String) throws(AtomicFileError) {
        self.path = path
        switch try OutputTarget.resolve(path) {
        case .standardOutput:
            fflush(nil)   // what stdio holds goes first
            fd = dup(STDOUT_FILENO)
            temporary = nil
            slot = nil
        case .device(let device):
            fd = open(device, O_WRONLY)
            temporary = nil
            slot = nil
        case .file(let target):
            let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
                throw .folderMissing(path)
            }
            let temp = TemporaryFiles.path(for: target)
            temporary = (temp, target)
            slot = TemporaryFiles.register(temp)
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.forget(slot)
            throw .cannotWrite(path, reason)
        }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed, let temporary { unlink(temporary.path) }
        TemporaryFiles.forget(slot)
    }

    public func append(_ data: Data) throws(AtomicFileError) {
        data.withUnsafeBytes { buffer.append($0) }
        byteCount += data.count
        if buffer.count >= Self.flushSize { try flush() }
    }

    public func append(_ text: String) throws(AtomicFileError) {
        let before = buffer.count
        buffer.append(contentsOf: text)
        byteCount += buffer.count - before
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends through a closure that writes into the buffer directly.
    public func append(_ fill: (inout OutputBuffer) -> Void) throws(AtomicFileError) {
        let before = buffer.count
        fill(&buffer)
        byteCount += buffer.count - before
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws(AtomicFileError) {
        if let cut = interruptAfter {
            let onDisk = byteCount - buffer.count
            if onDisk + buffer.count > cut {
                buffer.truncate(to: cut - onDisk)
                _ = buffer.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                throw .cannotWrite(path, "interrupted after \(cut) bytes")
            }
        }
        var start = 0
        while start < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + start, $0.count - start) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path, String(cString: strerror(errno)))
            }
            start += n
        }
        buffer.removeAll()
    }

    /// Writes what is buffered, syncs and renames the temporary file over the target.
    public func commit() throws(AtomicFileError) {
        precondition(!committed, "commit() called twice")
        try flush()
        guard close(fd) == 0 else { fd = -1; throw .cannotWrite(path, String(cString: strerror(errno))) }
        fd = -1
        if let temporary {
            guard rename(temporary.path, temporary.target) == 0 else { throw .cannotWrite(path, String(cString: strerror(errno))) }
        }
        committed = true
        TemporaryFiles.forget(slot)
    }
}
