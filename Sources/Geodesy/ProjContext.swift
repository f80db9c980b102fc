import CPROJ

/// Owns one `PJ_CONTEXT` and collects what PROJ logs on it, so messages become errors instead of stderr noise.
/// Not Sendable: use one per task or owner, as PROJ requires one context per thread.
public final class ProjContext {
    let handle: OpaquePointer
    private let log = LogBuffer()

    final class LogBuffer {
        var messages: [String] = []
    }

    public init() throws(ProjError) {
        guard let ctx = proj_context_create() else { throw .contextUnavailable }
        handle = ctx
        proj_log_level(ctx, PJ_LOG_ERROR)
        proj_log_func(ctx, Unmanaged.passUnretained(log).toOpaque()) { app, _, message in
            guard let app, let message else { return }
            Unmanaged<LogBuffer>.fromOpaque(app).takeUnretainedValue().messages.append(String(cString: message))
        }
        // Grids are never fetched at run time: geomap works offline.
        proj_context_set_enable_network(ctx, 0)
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// Clears the log before an operation, so that a failure reports its own message.
    func reset() {
        log.messages.removeAll()
    }

    /// The best explanation of the last failure: PROJ's log if it said anything, else its error string.
    func lastError(fallback: String = "unknown error") -> String {
        if let last = log.messages.last(where: { !$0.isEmpty }) {
            return last.hasPrefix("proj_") ? String(last.drop(while: { $0 != ":" }).dropFirst().drop(while: { $0 == " " })) : last
        }
        let code = proj_context_errno(handle)
        if code != 0, let s = proj_context_errno_string(handle, code) { return String(cString: s) }
        return fallback
    }
}
