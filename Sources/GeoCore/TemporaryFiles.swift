import Foundation

/// Temporary files of this process, removed if it is interrupted (SIGINT, SIGTERM, SIGHUP, SIGPIPE) and, for a
/// process killed outright, recognised as garbage by the next run: their names carry the writer's process id
/// (`.NAME.PID.tmp`), and one whose process is gone is removed before a new one is made beside it.
public enum TemporaryFiles {
    /// Paths as C strings in fixed slots: the signal handler may only read memory and call `unlink`.
    private static let slotCount = 256
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let s = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: slotCount)
        s.initialize(repeating: nil, count: slotCount)
        return s
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    /// Registers a temporary path; returns its slot for `forget` (nil when all slots are taken: still removed
    /// by the writer, and by the next run if the process is killed).
    @discardableResult
    public static func register(_ path: String) -> Int? {
        lock.lock(); defer { lock.unlock() }
        installHandlers()
        guard let k = (0..<slotCount).first(where: { slots[$0] == nil }) else { return nil }
        slots[k] = strdup(path)
        return k
    }

    /// The path is renamed or removed: no longer this process's to clean.
    public static func forget(_ slot: Int?) {
        guard let slot else { return }
        lock.lock(); defer { lock.unlock() }
        let p = slots[slot]
        slots[slot] = nil
        free(p)
    }

    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        // A parent may hand its blocked signals down (a test runner does): unblocked here, or an interrupt
        // would wait, pending, until the run ends.
        var handled = sigset_t()
        sigemptyset(&handled)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&handled, sig) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            signal(sig) { received in
                TemporaryFiles.removeAll()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Called from the signal handler: no allocation, no lock. Files first, then the (then empty) folders.
    private static func removeAll() {
        for k in 0..<slotCount { if let p = slots[k] { unlink(p) } }
        for k in 0..<slotCount { if let p = slots[k] { rmdir(p) } }
    }

    /// A new folder `geomap-PURPOSE-PID-UUID` in the system's temporary folder, registered; folders of the same
    /// purpose left by processes that no longer run are removed first. Remove it with `removeFolder`.
    public static func folder(_ purpose: String) throws -> (path: String, slot: Int?) {
        let tmp = FileManager.default.temporaryDirectory.path
        let prefix = "geomap-\(purpose)-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix(while: { $0 != "-" })), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: (tmp as NSString).appendingPathComponent(entry)) }
        }
        let path = (tmp as NSString).appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return (path, register(path))
    }

    public static func removeFolder(_ folder: (path: String, slot: Int?)) {
        try? FileManager.default.removeItem(atPath: folder.path)
        forget(folder.slot)
    }

    /// The temporary name for `target` in `folder`: `.NAME.PID.tmp`. Temporaries of `NAME` left by processes
    /// that no longer run are removed first.
    public static func path(for target: String) -> String {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        removeStale(of: name, in: folder)
        return (folder as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
    }

    /// Removes `.NAME.PID.tmp` files in `folder` whose process is gone.
    public static func removeStale(of name: String, in folder: String) {
        let prefix = ".\(name).", suffix = ".tmp"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(suffix) && entry.count > prefix.count + suffix.count {
            let middle = entry.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pid = Int32(middle), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(entry))
            }
        }
    }
}
