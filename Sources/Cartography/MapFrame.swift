import GeoCore
import Geodesy

/// Where the map is drawn: a Lambert azimuthal equal-area projection (PROJ) centred on the extent, so areas
/// compare truly across the map, fitted into a pixel rectangle. Pixel = origin + scale × (x, −y).
public final class MapFrame {
    public let extent: BoundingBox
    public let projection: LocalProjection
    /// Pixel rectangle of the map.
    public let x: Double, y: Double, width: Double, height: Double
    /// Pixels per projected metre, and the pixel of projected (0, 0).
    public let scale: Double, originX: Double, originY: Double

    public init(extent: BoundingBox, x: Double, y: Double, width: Double, maxHeight: Double, minHeight: Double) throws(MapError) {
        self.extent = extent
        do { projection = try LocalProjection(center: extent.center, kind: .lambertAzimuthalEqualArea) } catch {
            throw .projection("\(error)")
        }
        // The extent's outline, densified, projected: its bounding box in metres.
        var xs: [Double] = [], ys: [Double] = []
        for k in 0...20 {
            let t = Double(k) / 20
            for c in [Coordinate(longitude: extent.west + t * (extent.east - extent.west), latitude: extent.south),
                      Coordinate(longitude: extent.west + t * (extent.east - extent.west), latitude: extent.north),
                      Coordinate(longitude: extent.west, latitude: extent.south + t * (extent.north - extent.south)),
                      Coordinate(longitude: extent.east, latitude: extent.south + t * (extent.north - extent.south))] {
                guard let p = try? projection.project(c) else { continue }
                xs.append(p.x); ys.append(p.y)
            }
        }
        let minX = xs.min() ?? -1, maxX = xs.max() ?? 1, minY = ys.min() ?? -1, maxY = ys.max() ?? 1
        let spanX = max(maxX - minX, 1), spanY = max(maxY - minY, 1)
        let h = min(maxHeight, max(minHeight, width * spanY / spanX))
        self.x = x; self.y = y; self.width = width; self.height = h
        scale = min(width / spanX, h / spanY)
        originX = x + width / 2 - scale * (minX + maxX) / 2
        originY = y + h / 2 + scale * (minY + maxY) / 2
    }

    /// The PROJ definition and the affine step, for readers who check where things are drawn.
    public var definition: String { projection.definition }

    public func pixel(_ c: Coordinate) -> (x: Double, y: Double)? {
        guard let p = try? projection.project(c), p.x.isFinite, p.y.isFinite else { return nil }
        return (originX + scale * p.x, originY - scale * p.y)
    }

    public func contains(_ p: (x: Double, y: Double)) -> Bool {
        p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height
    }

    /// SVG path data for polygons and lines, points closer than half a pixel merged (the basemap's outlines
    /// carry far more detail than a page shows).
    public func pathData(_ g: GeoJSONGeometry) -> String {
        var out = ""
        func ring(_ coords: [Coordinate], close: Bool) {
            var last: (x: Double, y: Double)?
            var n = 0
            for c in coords {
                guard let p = pixel(c) else { continue }
                if let l = last, abs(l.x - p.x) < 0.5, abs(l.y - p.y) < 0.5 { continue }
                out += (n == 0 ? "M" : "L") + SVGText.number(p.x) + " " + SVGText.number(p.y)
                last = p
                n += 1
            }
            if close, n > 0 { out += "Z" }
        }
        switch g {
        case .polygon, .multiPolygon: for rings in g.polygons { for r in rings { ring(r, close: true) } }
        case .lineString(let l): ring(l, close: false)
        case .multiLineString(let ls): for l in ls { ring(l, close: false) }
        case .geometryCollection(let gs): for part in gs { out += pathData(part) }
        default: break
        }
        return out
    }
}
