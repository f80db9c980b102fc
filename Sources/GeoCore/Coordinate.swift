import Foundation

/// Degrees of arc. Longitudes and latitudes are in degrees, east and north positive.
public typealias Degrees = Double

/// A position on the WGS84 ellipsoid (EPSG:4326), stored in GeoJSON order: longitude, then latitude.
public struct Coordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var longitude: Degrees
    public var latitude: Degrees

    public init(longitude: Degrees, latitude: Degrees) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Parses `LAT,LON` in decimal degrees (the order people and `geod`/`cs2cs` write), e.g. `35.95283,39.00788`.
    /// Throws `CoordinateError` naming the offending text when it is malformed or out of range.
    public init(parsingLatLon text: String) throws(CoordinateError) {
        let text = DecimalNumber.plainMinus(text)
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = DecimalNumber.parse(parts[0]), let lon = DecimalNumber.parse(parts[1]) else { throw .malformed(text) }
        guard (-90...90).contains(lat) else { throw .latitudeOutOfRange(lat, text) }
        guard (-180...180).contains(lon) else { throw .longitudeOutOfRange(lon, text) }
        self.init(longitude: lon, latitude: lat)
    }

    /// True when the latitude is within ±90° and the longitude within ±180°.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }

    /// The same point with its longitude brought into [-180, 180).
    public var wrapped: Coordinate {
        Coordinate(longitude: Coordinate.wrapLongitude(longitude), latitude: latitude)
    }

    /// Brings any longitude into [-180, 180).
    public static func wrapLongitude(_ lon: Degrees) -> Degrees {
        var x = (lon + 180).truncatingRemainder(dividingBy: 360)
        if x < 0 { x += 360 }
        return x - 180
    }

    public var description: String {
        func fmt(_ v: Double) -> String { formatFixed(v, decimals: 6) }
        return "\(fmt(latitude)),\(fmt(longitude))"
    }
}

/// Why a coordinate could not be read.
public enum CoordinateError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case latitudeOutOfRange(Double, String)
    case longitudeOutOfRange(Double, String)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "invalid coordinate '\(text)': expected LAT,LON in decimal degrees, e.g. 35.95283,39.00788"
        case .latitudeOutOfRange(let lat, let text):
            return "invalid coordinate '\(text)': latitude \(formatShortest(lat)) is outside [-90, 90]"
        case .longitudeOutOfRange(let lon, let text):
            return "invalid coordinate '\(text)': longitude \(formatShortest(lon)) is outside [-180, 180]"
        }
    }
}
