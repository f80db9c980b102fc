import Foundation

/// A tile server's URL template (`https://{s}.tile.example.org/{z}/{x}/{y}.png`) for users who have one.
public struct TileSource: Sendable, Equatable {
    public let template: String
    /// The origin the page's Content-Security-Policy lets images come from (`{s}` as a wildcard).
    public let origin: String
    public var attribution: String

    public init(template: String, attribution: String? = nil) throws(MapError) {
        guard let schemeEnd = template.range(of: "://"), ["http", "https"].contains(template[..<schemeEnd.lowerBound].lowercased()) else {
            throw .badInput(template, "--tiles must be an http(s) URL template such as https://{s}.tile.example.org/{z}/{x}/{y}.png")
        }
        for part in ["{z}", "{x}", "{y}"] where !template.contains(part) {
            throw .badInput(template, "--tiles must hold {z}, {x} and {y}")
        }
        let host = template[schemeEnd.upperBound...].prefix { $0 != "/" }
        let pattern = host.replacingOccurrences(of: "{s}", with: "*")
        guard !pattern.isEmpty, pattern.allSatisfy({ $0.isLetter || $0.isNumber || "-.:*".contains($0) }) else {
            throw .badInput(template, "--tiles: the host '\(host)' may hold only letters, digits, '-', '.', a port and {s}")
        }
        self.template = template
        origin = template[..<schemeEnd.upperBound] + pattern
        self.attribution = attribution ?? "Tiles: \(host)"
    }
}
