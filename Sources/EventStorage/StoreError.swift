import Incidents

/// Why the event store cannot do what was asked; each message names the file, feature or value.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notAStore(String, reason: String)
    case notFound(String)
    case database(String)
    case badFeature(String, String)
    case badQuery(String)
    case unreachable(String)
    case unreadable(String)
    /// Another ingest stored an input of this name from another file while this one was being read.
    case inputRenamed(String, String, String?)

    public var description: String {
        switch self {
        case .notAStore(let p, let why): return "'\(p)' is not a geomap store: \(why)"
        case .notFound(let p): return "no store at '\(p)' (create one with 'geomap ingest INPUT --store \(p)')"
        case .database(let m): return m
        case .badFeature(let path, let why): return "\(path): \(why)"
        case .badQuery(let why): return why
        case .unreachable(let why): return why
        case .unreadable(let why): return why
        case .inputRenamed(let store, let name, let other):
            return "\(store): another ingest stored an input named \(name) from \(other ?? "elsewhere") meanwhile; run the ingest again to give this one another name"
        }
    }
}

extension ControlStatus {
    /// A status read back from a store's `status` column.
    public static func stored(_ text: String, in store: String) throws(StoreError) -> ControlStatus {
        guard let status = ControlStatus(rawValue: text) else {
            throw .database("\(store): unknown control status '\(text)' (expected \(ControlStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return status
    }
}
