import Foundation
import GeoCore
import Geometry
import Places

/// Land as the gazetteer's country outlines draw it (Natural Earth 10m), each widened by `margin` for the
/// generalised coastline: a place a report locates lies on land, so an area about a settlement ("10 km west of
/// Latakia", "near Tartus") is cut at the sea. Borders are no cut: "20 km north of Azaz" may lie in Turkey.
/// The outlines and their widening come from `LandOutlines` (once for the workers of a job, only for the
/// countries an area reaches: an extraction in Syria widens a handful of the 200); each mask prepares its own.
final class LandMask {
    static let margin = Distance.kilometers(3)

    /// A class: the land test reaches into it for every vertex, and a value would be copied whole each time.
    private final class Country {
        let box: BoundingBox
        /// The widened outline, prepared (GEOS holds it: overlays with it cross no bridge).
        var widened: PreparedGeometry?
        /// The cells of the widened outline: "wholly on land?" for most areas without GEOS.
        var cells: InteriorCells?
        /// Whether `widened` and `cells` were set (from the shared outlines).
        var prepared = false

        init(box: BoundingBox) {
            self.box = box
        }
    }

    /// Most cells an area's box may cover for the grid to be asked (a 5° square; a larger area goes to GEOS).
    static let cellsAsked = 2_500

    private var countries: [Country]?
    /// The outlines, shared with the other workers' masks (`Locator.shareLand`).
    var outlines: LandOutlines { didSet { countries = nil } }
    private let engine: GeometryEngine

    init(outlines: LandOutlines, engine: GeometryEngine) {
        self.outlines = outlines
        self.engine = engine
    }

    /// The part of `area` on land; nil when that is all of it (it lies within one country's widened outline) or
    /// when the gazetteer has no outline near it (an area over no land at all is left as the words give it).
    func clip(_ area: GeoJSONGeometry) throws(LocatingError) -> GeoJSONGeometry? {
        guard let box = area.boundingBox else { return nil }
        if countries == nil { countries = try outlines.countries().map { Country(box: $0.box) } }
        let reached = countries!.indices.filter { countries![$0].box.expanded(by: 0.1).overlapsPlanar(box) }
        for i in reached where !countries![i].prepared {
            guard let shape = try outlines.widened(i, engine: engine) else { countries![i].prepared = true; continue }
            do {
                countries![i].widened = try engine.prepare(shape)
                countries![i].cells = shape.boundingBox.flatMap(InteriorCells.init(box:))
            } catch { throw .geometry(error) }
            countries![i].prepared = true
        }
        let near = reached.filter { countries![$0].widened != nil }
        guard !near.isEmpty else { return nil }
        do {
            for i in near where try insideCells(of: i, covering: box) { return nil }
            // Every vertex on land (an area within one outline, or across a border): nothing to cut but a bay
            // narrower than the spacing of the vertices (5 km at most), which the overlay would cost much more
            // to find. (A contains test would add nothing: what it accepts has every vertex on land.)
            if try allOnLand(area.allCoordinates, near) { return nil }
            return try engine.intersection(area, withEachOf: near.map { countries![$0].widened! })
        } catch { throw .geometry(error) }
    }

    /// Whether each vertex lies in one of the countries' widened outlines.
    private func allOnLand(_ vertices: [Coordinate], _ near: [Int]) throws(GeometryError) -> Bool {
        vertices: for v in vertices {
            for i in near where try covers(v, country: i) { continue vertices }
            return false
        }
        return true
    }

    /// Whether country `i`'s widened outline covers `point` (its cell first).
    private func covers(_ point: Coordinate, country i: Int) throws(GeometryError) -> Bool {
        let country = countries![i]
        guard let prepared = country.widened else { return false }
        guard country.cells != nil else { return prepared.covers(point) }
        return try country.cells!.covers(point, of: prepared)
    }

    /// Whether the grid cells over `box` all lie inside country `i`'s widened outline.
    private func insideCells(of i: Int, covering box: BoundingBox) throws(GeometryError) -> Bool {
        let country = countries![i]
        guard let prepared = country.widened, country.cells != nil else { return false }
        return try country.cells!.cover(box, of: prepared, cellsAsked: Self.cellsAsked)
    }
}
