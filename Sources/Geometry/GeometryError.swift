import Geodesy

/// Failures of geometry operations, with GEOS's own message where it gave one.
public enum GeometryError: Error, Equatable, CustomStringConvertible {
    case contextUnavailable
    /// GEOS rejected an input or failed during an operation.
    case operationFailed(String, reason: String)
    /// A geometry could not be carried across the WKB bridge.
    case invalidWKB(String)
    case projection(ProjError)

    public var description: String {
        switch self {
        case .contextUnavailable: return "GEOS could not create a context"
        case .operationFailed(let op, let reason): return "GEOS \(op) failed: \(reason)"
        case .invalidWKB(let reason): return "invalid WKB: \(reason)"
        case .projection(let e): return e.description
        }
    }
}
