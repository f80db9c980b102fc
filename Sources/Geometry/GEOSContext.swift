import CGEOS

/// Owns one reentrant GEOS context (`GEOSContextHandle_t`) and collects the error messages GEOS reports on it.
/// Not Sendable: one per task or owner.
final class GEOSContext {
    let handle: OpaquePointer
    private let messages = MessageBuffer()

    final class MessageBuffer {
        var last: String?
    }

    init() throws(GeometryError) {
        guard let h = GEOS_init_r() else { throw .contextUnavailable }
        handle = h
        GEOSContext_setErrorMessageHandler_r(h, { message, userData in
            guard let message, let userData else { return }
            Unmanaged<MessageBuffer>.fromOpaque(userData).takeUnretainedValue().last = String(cString: message)
        }, Unmanaged.passUnretained(messages).toOpaque())
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// The error GEOS reported since the last call, for an operation named `operation`.
    func failure(_ operation: String) -> GeometryError {
        defer { messages.last = nil }
        return .operationFailed(operation, reason: messages.last ?? "no message from GEOS")
    }
}

/// Owns one `GEOSGeometry` created in `context`; destroys it in `deinit`.
final class GEOSGeometryHandle {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, taking pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }
}
