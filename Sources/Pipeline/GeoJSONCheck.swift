import Foundation
import GeoCore
import Geometry

/// `geomap check`: one GeoJSON file's structure (RFC 7946, read strictly), each geometry's validity (GEOS),
/// winding, extent, and polygon features that overlap one another (valid each, but not one area: `query
/// within` takes their union).
public struct GeoJSONCheck {
    public let path: String
    /// "FILE: N features (Point 3, Polygon 2); extent …".
    public private(set) var summary = ""
    public private(set) var notes: [String] = []
    /// One line per invalid geometry ("FILE: features[3]: invalid Polygon: Self-intersection[…]").
    public private(set) var invalid: [String] = []

    /// Overlap tests stop after this many candidate pairs (boxes that meet), so a huge file stays quick.
    static let pairLimit = 200_000

    public init(path: String) throws {
        self.path = path
        let engine = try GeometryEngine()
        let fc = try GeoJSONFile.read(path)
        let name = InputText.displayName(path)
        var types: [String: Int] = [:]
        var areas: [(index: Int, geometry: GeoJSONGeometry, box: BoundingBox)] = []
        for (k, f) in fc.features.enumerated() {
            guard let g = f.geometry else { types["null", default: 0] += 1; continue }
            types[g.typeName, default: 0] += 1
            let v = try engine.validity(g)
            if !v.isValid { invalid.append("\(name): features[\(k)]: invalid \(g.typeName): \(v.reason)") }
            if g.withRFC7946Winding() != g {
                notes.append("features[\(k)]: ring winding is not RFC 7946 (geomap rewinds it on output)")
            }
            if v.isValid, !g.polygons.isEmpty, let box = BoundingBox(covering: g.allCoordinates) { areas.append((k, g, box)) }
        }
        notes += try Self.overlaps(areas, engine: engine)
        let counts = types.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let extent = BoundingBox(covering: fc.features.compactMap(\.geometry).flatMap(\.allCoordinates)).map { "extent \($0)" } ?? "no extent"
        summary = "\(name): \(fc.features.count) features (\(counts.isEmpty ? "none" : counts)); \(extent)"
    }

    /// Pairs of polygon features that share area (touching edges do not count), found by a sweep over their
    /// boxes' west edges, then GEOS.
    static func overlaps(_ areas: [(index: Int, geometry: GeoJSONGeometry, box: BoundingBox)], engine: GeometryEngine) throws -> [String] {
        let sorted = areas.sorted { $0.box.west < $1.box.west }
        var out: [String] = []
        var pairs = 0
        for i in sorted.indices {
            for j in (i + 1)..<sorted.count {
                let a = sorted[i], b = sorted[j]
                if b.box.west > a.box.east { break }
                guard b.box.south <= a.box.north, a.box.south <= b.box.north else { continue }
                pairs += 1
                if pairs > pairLimit { return out + ["overlaps checked for the first \(pairLimit) pairs of features whose boxes meet"] }
                guard try engine.intersects(a.geometry, b.geometry),
                      try engine.planarArea(engine.intersection(a.geometry, b.geometry)) > 0 else { continue }
                let (first, second) = (min(a.index, b.index), max(a.index, b.index))
                out.append("features[\(first)] and features[\(second)] overlap ('geomap query within' takes the union of the file's polygons)")
            }
        }
        return out.sorted()
    }
}
