import Foundation

/// Where a PostgreSQL server is and how to log in: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]`,
/// with the standard `PG*` variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE) filling
/// what the URL leaves out. `description` never shows the password.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum SSLMode: String, Sendable { case disable, allow, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode

    public static func isURL(_ text: String) -> Bool { text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostGISError) {
        guard Self.isURL(text), let c = URLComponents(string: text) else {
            throw .badURL("'\(Self.redacted(text))' is not a postgresql://USER@HOST:PORT/DB address")
        }
        host = c.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGHOST"] ?? "localhost"
        port = c.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
        user = c.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = c.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? (environment["PGDATABASE"] ?? user) : (path.removingPercentEncoding ?? path)
        let mode = c.queryItems?.first { $0.name == "sslmode" }?.value ?? environment["PGSSLMODE"] ?? "prefer"
        guard let m = SSLMode(rawValue: mode) else {
            throw .badURL("sslmode '\(mode)' is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
        sslMode = m
        guard (1...65535).contains(port) else { throw .badURL("port \(port) is out of range") }
    }

    public var description: String { "postgresql://\(user)@\(host):\(port)/\(database)" }

    /// The text with any password in it replaced, for error messages.
    public static func redacted(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound < at else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}

public enum PostGISError: Error, Equatable, CustomStringConvertible {
    case badURL(String)
    case unreachable(String)
    case login(String)
    case server(String)

    public var description: String {
        switch self {
        case .badURL(let m), .unreachable(let m), .login(let m), .server(let m): return m
        }
    }
}
