import GeoCore

/// A metric projection centred on a point, for geometry work in metres (buffers, unions, areas) near it.
/// Azimuthal equidistant keeps distances and azimuths from the centre exact on the ellipsoid; Lambert
/// azimuthal equal-area keeps areas exact. Both stay within 1% for a few hundred kilometres around the centre.
public final class LocalProjection {
    public enum Kind: String, Sendable {
        case azimuthalEquidistant = "aeqd"
        case lambertAzimuthalEqualArea = "laea"
    }

    public let center: Coordinate
    public let kind: Kind
    private let transform: CoordinateTransform

    public init(center: Coordinate, kind: Kind = .azimuthalEquidistant) throws(ProjError) {
        self.center = center
        self.kind = kind
        let definition = "+proj=\(kind.rawValue) +lat_0=\(center.latitude) +lon_0=\(center.longitude) "
            + "+x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs"
        // The operation PROJ itself derives for EPSG:4326 → this CRS in longitude-first order (the datum is
        // WGS84 on both sides), given directly: a CRS-to-CRS search would read PROJ's database every time.
        let operation = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
            + "+step +proj=\(kind.rawValue) +lat_0=\(center.latitude) +lon_0=\(center.longitude) +x_0=0 +y_0=0 +ellps=WGS84"
        transform = try CoordinateTransform(operation: operation, source: "EPSG:4326", target: definition)
    }

    /// The PROJ string of the projected CRS.
    public var definition: String { transform.target }

    public func project(_ c: Coordinate) throws(ProjError) -> ProjectedPoint {
        try transform.transform(ProjectedPoint(x: c.longitude, y: c.latitude))
    }

    public func unproject(_ p: ProjectedPoint) throws(ProjError) -> Coordinate {
        let g = try transform.transform(p, inverse: true)
        return Coordinate(longitude: g.x, latitude: g.y)
    }

    /// Longitudes and latitudes in place to projected metres (x, y), in one PROJ call.
    public func project(xs: inout [Double], ys: inout [Double]) throws(ProjError) {
        try transform.transform(xs: &xs, ys: &ys)
    }

    /// The geometry in projected metres (x in the longitude slot, y in the latitude slot).
    public func project(_ g: GeoJSONGeometry) throws(ProjError) -> GeoJSONGeometry {
        try mapAll(g, inverse: false)
    }

    /// A projected geometry back to longitude/latitude.
    public func unproject(_ g: GeoJSONGeometry) throws(ProjError) -> GeoJSONGeometry {
        try mapAll(g, inverse: true)
    }

    private func mapAll(_ g: GeoJSONGeometry, inverse: Bool) throws(ProjError) -> GeoJSONGeometry {
        let all = g.allCoordinates
        var xs = all.map(\.longitude), ys = all.map(\.latitude)
        try transform.transform(xs: &xs, ys: &ys, inverse: inverse)
        var k = 0
        return g.mapCoordinates { _ in
            defer { k += 1 }
            return Coordinate(longitude: xs[k], latitude: ys[k])
        }
    }
}
