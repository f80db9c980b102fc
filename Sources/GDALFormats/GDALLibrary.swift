import CGDAL

/// GDAL's process-wide state: drivers registered once, errors kept (thread-locally, by GDAL) for the typed
/// error rather than printed on stderr.
enum GDALLibrary {
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        return true
    }()

    static func ensure() { _ = registered }

    /// GDAL's last error message on this thread, or `fallback` when it left none.
    static func lastError(_ fallback: String) -> String {
        let message = CPLGetLastErrorMsg().map { String(cString: $0) } ?? ""
        return message.isEmpty ? fallback : message
    }

    /// Whether GDAL recorded a failure since the last `CPLErrorReset`.
    static var failed: Bool { CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal }

    /// The version GDAL reports ("3.6.2").
    static var version: String { GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "?" }

    /// Runs `body` with `options` as a GDAL string list (`KEY=VALUE` items).
    static func withStringList<R>(_ options: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows -> R {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for o in options { list = CSLAddString(list, o) }
        defer { CSLDestroy(list) }
        return try body(list)
    }
}
