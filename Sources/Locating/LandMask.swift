import Foundation
import GeoCore
import Geometry
import Places

/// Land as the gazetteer's country outlines draw it (Natural Earth 10m), each widened by `margin` for the
/// generalised coastline: a place a report locates lies on land, so an area about a settlement ("10 km west of
/// Latakia", "near Tartus") is cut at the sea. Borders are no cut: "20 km north of Azaz" may lie in Turkey.
/// Outlines are read once per locator (their boxes scanned from the text), parsed, widened and prepared only
/// when an area reaches them: an extraction in Syria parses a handful of the 200 countries.
final class LandMask {
    static let margin = Distance.kilometers(3)

    /// A class: the land test reaches into it for every vertex, and a value would be copied whole each time.
    private final class Country {
        let box: BoundingBox
        let outline: GazetteerStore.StoredOutline
        /// The widened outline, prepared (GEOS holds it: overlays with it cross no bridge).
        var widened: PreparedGeometry?
        /// The cells of the widened outline: "wholly on land?" for most areas without GEOS.
        var cells: InteriorCells?

        init(box: BoundingBox, outline: GazetteerStore.StoredOutline) {
            self.box = box
            self.outline = outline
        }
    }

    /// Most cells an area's box may cover for the grid to be asked (a 5° square; a larger area goes to GEOS).
    static let cellsAsked = 2_500

    private var countries: [Country]?
    private let store: GazetteerStore
    private let engine: GeometryEngine

    init(store: GazetteerStore, engine: GeometryEngine) {
        self.store = store
        self.engine = engine
    }

    /// The part of `area` on land; nil when that is all of it (it lies within one country's widened outline) or
    /// when the gazetteer has no outline near it (an area over no land at all is left as the words give it).
    func clip(_ area: GeoJSONGeometry) throws(LocatingError) -> GeoJSONGeometry? {
        guard let box = area.boundingBox else { return nil }
        if countries == nil {
            do {
                var read: [Country] = []
                for o in try store.storedOutlines(kind: .country) {
                    if let box = try o.boundingBox() { read.append(Country(box: box, outline: o)) }
                }
                countries = read
            } catch { throw .gazetteer(error) }
        }
        let near = countries!.indices.filter { countries![$0].box.expanded(by: 0.1).overlapsPlanar(box) }
        guard !near.isEmpty else { return nil }
        for i in near where countries![i].widened == nil {
            let outline: GeoJSONGeometry?
            do { outline = try countries![i].outline.geometry() } catch { throw .gazetteer(error) }
            guard let outline else { continue }
            do {
                let shape = try engine.buffer(outline, by: Self.margin, quadrantSegments: 4)
                countries![i].widened = try engine.prepare(shape)
                countries![i].cells = shape.boundingBox.flatMap(InteriorCells.init(box:))
            } catch { throw .geometry(error) }
        }
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
