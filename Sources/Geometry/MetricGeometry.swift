import GeoCore
import Geodesy

/// Geometry in metres for lon/lat input: each operation projects to a `LocalProjection` centred on the data,
/// works there with GEOS, and brings the result back to lon/lat (GEOS's own writers would write projected
/// coordinates unchanged).
extension GeometryEngine {
    /// The area within `distance` of a lon/lat geometry, computed in an azimuthal equidistant projection
    /// centred on the geometry, so that distances from its centre are exact on the ellipsoid.
    public func buffer(_ g: GeoJSONGeometry, by distance: Distance, quadrantSegments: Int32 = 16) throws(GeometryError) -> GeoJSONGeometry {
        let local = try projection(for: g, kind: .azimuthalEquidistant)
        let projected = try project(g, local)
        let result = try buffer(projected, distance: distance.meters, quadrantSegments: quadrantSegments)
        return try unproject(result, local)
    }

    /// Area of a lon/lat (multi)polygon in km², in a Lambert azimuthal equal-area projection centred on it.
    public func areaKm2(_ g: GeoJSONGeometry) throws(GeometryError) -> Double {
        guard !g.allCoordinates.isEmpty else { return 0 }
        let local = try projection(for: g, kind: .lambertAzimuthalEqualArea)
        return try planarArea(project(g, local)) / 1_000_000
    }

    /// Voronoi cells of lon/lat sites in metres, clipped cell by cell to `area`, returned in lon/lat in the
    /// order of `sites`.
    public func voronoiCells(around sites: [Coordinate], within area: GeoJSONGeometry) throws(GeometryError) -> [GeoJSONGeometry] {
        guard !sites.isEmpty else { return [] }
        let local = try projection(for: .geometryCollection([area, .multiPoint(sites)]), kind: .azimuthalEquidistant)
        let projectedSites = try project(.multiPoint(sites), local).allCoordinates
        let cells = try voronoiCells(sites: projectedSites, clippedTo: project(area, local))
        var out: [GeoJSONGeometry] = []
        for cell in cells { out.append(try unproject(cell, local)) }
        return out
    }

    private func projection(for g: GeoJSONGeometry, kind: LocalProjection.Kind) throws(GeometryError) -> LocalProjection {
        guard let box = g.boundingBox else { throw .operationFailed("projection", reason: "empty geometry") }
        do { return try LocalProjection(center: box.center, kind: kind) } catch { throw .projection(error) }
    }

    private func project(_ g: GeoJSONGeometry, _ p: LocalProjection) throws(GeometryError) -> GeoJSONGeometry {
        do { return try p.project(g) } catch { throw .projection(error) }
    }

    private func unproject(_ g: GeoJSONGeometry, _ p: LocalProjection) throws(GeometryError) -> GeoJSONGeometry {
        do { return try p.unproject(g) } catch { throw .projection(error) }
    }
}
