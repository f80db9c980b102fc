/// Why a GeoJSON text could not be read: where (a JSON path such as `features[2].geometry.coordinates[0]`,
/// or a line and column for syntax errors) and what is wrong.
public struct GeoJSONError: Error, Equatable, CustomStringConvertible {
    public let location: String
    public let reason: String

    public init(at location: String, _ reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { location.isEmpty ? reason : "\(location): \(reason)" }
}
