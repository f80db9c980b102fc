import GeoCore

/// Areas of polygons up to a few hundred kilometres across, measured in a Lambert azimuthal equal-area projection
/// of WGS84 (PROJ) centred on the whole-degree cell of the polygon's middle. The projection keeps areas exact; a
/// straight edge in it departs from the geodesic edge so little that with edges of at most `maximumEdge` (the
/// uncertainty areas' arcs and radii: 5 km at most) the area stays within 1e-6 of PROJ's geodesic polygon area
/// (`Geodesic.area`, tested), at a fraction of its cost: the geodesic area solves an inverse problem per edge.
/// A shape with a longer edge (an outline's straight desert border: the departure grows with the cube of the
/// edge), wider than `maximumSpan` (as one across the antimeridian is, in plain longitudes) or near a pole is
/// measured by `Geodesic.area`.
///
/// One projection per cell met, kept for the measure's life: bounded by the earth's 64,800 cells, in practice by
/// the country a text is about. Not Sendable: PROJ objects belong to one thread.
public final class EqualAreaMeasure {
    /// Widest span in latitude or longitude measured in projection, in degrees.
    public static let maximumSpan: Degrees = 10
    /// Longest edge measured in projection, in degrees of latitude and of longitude (about 11 km).
    public static let maximumEdge: Degrees = 0.1
    private var projections: [Int: LocalProjection] = [:]

    public init() {}

    /// Area in m²: exteriors minus holes, whatever their winding.
    public func area(of geometry: GeoJSONGeometry) -> Double {
        guard let box = geometry.boundingBox, box.east - box.west <= Self.maximumSpan,
              box.north - box.south <= Self.maximumSpan, box.south > -80, box.north < 80,
              let projection = projection(near: box)
        else { return Geodesic.area(of: geometry) }
        var total = 0.0
        for rings in geometry.polygons {
            guard let outer = rings.first else { continue }
            guard let exterior = planarArea(outer, projection) else { return Geodesic.area(of: geometry) }
            var holes = 0.0
            for ring in rings.dropFirst() {
                guard let hole = planarArea(ring, projection) else { return Geodesic.area(of: geometry) }
                holes += hole
            }
            total += exterior - holes
        }
        return total
    }

    /// The projection of the cell holding the box's middle (latitudes −80…80, longitudes −180…180: the key is
    /// an index of 160 × 361 cells).
    private func projection(near box: BoundingBox) -> LocalProjection? {
        let lat = ((box.south + box.north) / 2).rounded(.down), lon = ((box.west + box.east) / 2).rounded(.down)
        guard lat >= -80, lat < 80, lon >= -180, lon <= 180 else { return nil }
        let key = Int(lat + 80) * 361 + Int(lon + 180)
        if let known = projections[key] { return known }
        guard let made = try? LocalProjection(center: Coordinate(longitude: lon + 0.5, latitude: lat + 0.5), kind: .lambertAzimuthalEqualArea)
        else { return nil }
        projections[key] = made
        return made
    }

    /// |shoelace area| of a ring in the projection; nil when an edge is longer than `maximumEdge` or PROJ cannot
    /// project a vertex.
    private func planarArea(_ ring: [Coordinate], _ projection: LocalProjection) -> Double? {
        guard ring.count >= 3 else { return 0 }
        var previous = ring[ring.count - 1]
        for c in ring {
            guard abs(c.latitude - previous.latitude) <= Self.maximumEdge, abs(c.longitude - previous.longitude) <= Self.maximumEdge
            else { return nil }
            previous = c
        }
        var xs = ring.map(\.longitude), ys = ring.map(\.latitude)
        do { try projection.project(xs: &xs, ys: &ys) } catch { return nil }
        var twice = 0.0
        var j = ring.count - 1
        for i in 0..<ring.count {
            twice += (xs[j] - xs[i]) * (ys[j] + ys[i])
            j = i
        }
        return abs(twice) / 2
    }
}
