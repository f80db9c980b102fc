import Foundation

/// A longitude/latitude box, west-south-east-north as in GeoJSON's `bbox`.
/// When `west > east` the box crosses the antimeridian (RFC 7946 §5.2).
public struct BoundingBox: Hashable, Sendable, Codable, CustomStringConvertible {
    public var west: Degrees
    public var south: Degrees
    public var east: Degrees
    public var north: Degrees

    public init(west: Degrees, south: Degrees, east: Degrees, north: Degrees) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// The smallest box holding all coordinates (not antimeridian-aware); nil when empty.
    public init?<S: Sequence>(covering coordinates: S) where S.Element == Coordinate {
        var it = coordinates.makeIterator()
        guard let first = it.next() else { return nil }
        var w = first.longitude, e = first.longitude, s = first.latitude, n = first.latitude
        while let c = it.next() {
            w = min(w, c.longitude); e = max(e, c.longitude)
            s = min(s, c.latitude); n = max(n, c.latitude)
        }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// Parses `W,S,E,N` in decimal degrees; `W > E` is allowed and means the box crosses 180°.
    public init(parsing text: String) throws(BoundingBoxError) {
        let text = DecimalNumber.plainMinus(text)
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { DecimalNumber.parse($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3],
              [w, s, e, n].allSatisfy(\.isFinite)
        else { throw .malformed(text) }
        guard (-180...180).contains(w), (-180...180).contains(e) else { throw .longitudeOutOfRange(text) }
        guard (-90...90).contains(s), (-90...90).contains(n) else { throw .latitudeOutOfRange(text) }
        guard s <= n else { throw .southAboveNorth(text) }
        self.init(west: w, south: s, east: e, north: n)
    }

    public var crossesAntimeridian: Bool { west > east }

    /// The box as one or two boxes that do not cross the antimeridian.
    public var splitAtAntimeridian: [BoundingBox] {
        guard crossesAntimeridian else { return [self] }
        return [BoundingBox(west: west, south: south, east: 180, north: north),
                BoundingBox(west: -180, south: south, east: east, north: north)]
    }

    public func contains(_ c: Coordinate) -> Bool {
        guard c.latitude >= south, c.latitude <= north else { return false }
        if crossesAntimeridian { return c.longitude >= west || c.longitude <= east }
        return c.longitude >= west && c.longitude <= east
    }

    /// Whether the point lies in the box taken as a plain rectangle (edges included).
    public func containsPlanar(_ c: Coordinate) -> Bool {
        c.longitude >= west && c.longitude <= east && c.latitude >= south && c.latitude <= north
    }

    /// Whether two boxes share any point, treating both as plain x/y rectangles (projected coordinates,
    /// or boxes that do not cross the antimeridian).
    public func overlapsPlanar(_ other: BoundingBox) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }

    /// The box grown by `degrees` on every side (latitudes clamped to ±90).
    public func expanded(by degrees: Degrees) -> BoundingBox {
        BoundingBox(west: west - degrees, south: max(-90, south - degrees),
                    east: east + degrees, north: min(90, north + degrees))
    }

    /// The box as a polygon in degrees (counter-clockwise; planar, for boxes that do not cross the antimeridian).
    public var polygon: GeoJSONGeometry {
        .polygon([[Coordinate(longitude: west, latitude: south), Coordinate(longitude: east, latitude: south),
                   Coordinate(longitude: east, latitude: north), Coordinate(longitude: west, latitude: north),
                   Coordinate(longitude: west, latitude: south)]])
    }

    public var center: Coordinate {
        var midLon = (west + east) / 2
        if crossesAntimeridian { midLon = Coordinate.wrapLongitude((west + east + 360) / 2) }
        return Coordinate(longitude: midLon, latitude: (south + north) / 2)
    }

    public var description: String {
        [west, south, east, north].map { formatShortest($0) }.joined(separator: ",")
    }
}

public enum BoundingBoxError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case longitudeOutOfRange(String)
    case latitudeOutOfRange(String)
    case southAboveNorth(String)

    public var description: String {
        switch self {
        case .malformed(let t): return "invalid bbox '\(t)': expected W,S,E,N in decimal degrees"
        case .longitudeOutOfRange(let t): return "invalid bbox '\(t)': W and E must be within [-180, 180]"
        case .latitudeOutOfRange(let t): return "invalid bbox '\(t)': S and N must be within [-90, 90]"
        case .southAboveNorth(let t): return "invalid bbox '\(t)': S is greater than N"
        }
    }
}
