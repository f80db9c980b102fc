import GeoCore

/// Failures reported by PROJ, with PROJ's own log message where it gave one.
public enum ProjError: Error, Equatable, CustomStringConvertible {
    /// A CRS or operation definition PROJ could not build ("EPSG:99999", a bad PROJ string).
    case invalidDefinition(String, reason: String)
    /// A coordinate PROJ could not transform (outside the projection's domain, for example).
    case transformFailed(x: Double, y: Double, reason: String)
    case contextUnavailable

    public var description: String {
        switch self {
        case .invalidDefinition(let def, let reason): return "PROJ cannot use '\(def)': \(reason)"
        case .transformFailed(let x, let y, let reason):
            return "PROJ cannot transform (\(formatShortest(x)), \(formatShortest(y))): \(reason)"
        case .contextUnavailable: return "PROJ could not create a context"
        }
    }
}
