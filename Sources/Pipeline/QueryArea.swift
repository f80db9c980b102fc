import Foundation
import GeoCore
import Geometry

/// The area of `query within`: the polygons of a GeoJSON file or any GDAL source (or an actor's zones) as one valid area, their
/// union. Overlapping features taken as one MultiPolygon would be invalid, and an even-odd containment test
/// would drop the points where they overlap.
public enum QueryArea {
    /// `layer`, `filter`: which layer of a GDAL source, and an OGR SQL attribute filter on its features.
    public static func read(_ path: String, layer: String? = nil, where filter: String? = nil) throws -> GeoJSONGeometry {
        let polygons = try LayerSource.polygons(path, layer: layer, where: filter)
        guard !polygons.isEmpty else {
            throw PipelineError("\(InputText.displayName(path)): no Polygon or MultiPolygon\(filter.map { " where \($0)" } ?? "") in the file")
        }
        return try union(polygons)
    }

    /// The union of polygons, each made valid first (a bow-tie ring, a hole touching its shell).
    public static func union(_ polygons: [[[Coordinate]]]) throws -> GeoJSONGeometry {
        let engine = try GeometryEngine()
        let valid = try polygons.map { p -> GeoJSONGeometry in
            let g = GeoJSONGeometry.polygon(p)
            return try engine.isValid(g) ? g : engine.makeValid(g)
        }
        let area = try engine.union(valid).polygons
        guard !area.isEmpty else { throw PipelineError("the polygons enclose no area") }
        return .multiPolygon(area)
    }
}
