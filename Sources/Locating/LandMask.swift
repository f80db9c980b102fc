import Foundation
import GeoCore
import Geometry
import Places

/// Land as the gazetteer's country outlines draw it (Natural Earth 10m), each widened by `margin` for the
/// generalised coastline: a place a report locates lies on land, so an area about a settlement ("10 km west of
/// Latakia", "near Tartus") is cut at the sea. Borders are no cut: "20 km north of Azaz" may lie in Turkey.
/// Outlines are read once per locator, widened and prepared only when an area reaches them.
final class LandMask {
    static let margin = Distance.kilometers(3)

    private struct Country {
        let box: BoundingBox
        let outline: GeoJSONGeometry
        var widened: (shape: GeoJSONGeometry, prepared: PreparedGeometry)?
        /// Whether each cell of `cellSize` degrees met so far lies wholly inside the widened outline.
        var cellInside: [Int: Bool] = [:]
    }

    /// Cells of the grid that answers "wholly on land?" for most areas without GEOS: an area whose box is covered
    /// by cells inside one outline lies inside it, which is what the contains test would find at greater cost.
    static let cellSize: Degrees = 0.1
    /// Most cells an area's box may cover for the grid to be asked (a larger area goes to GEOS directly).
    static let cellsAsked = 64

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
                countries = try store.outlines(kind: .country).compactMap { o in o.geometry.boundingBox.map { Country(box: $0, outline: o.geometry) } }
            } catch { throw .gazetteer(error) }
        }
        let near = countries!.indices.filter { countries![$0].box.expanded(by: 0.1).overlapsPlanar(box) }
        guard !near.isEmpty else { return nil }
        var pieces: [GeoJSONGeometry] = []
        do {
            for i in near where countries![i].widened == nil {
                let shape = try engine.buffer(countries![i].outline, by: Self.margin, quadrantSegments: 4)
                countries![i].widened = (shape, try engine.prepare(shape))
            }
            for i in near where try insideCells(of: i, covering: box) { return nil }
            let lands = near.map { countries![$0].widened! }
            for land in lands where try land.prepared.contains(area) { return nil }
            // Every vertex on land (an area across a border): nothing to cut but a bay narrower than the spacing
            // of the vertices (2° of arc, 5 km at most), which the overlay would cost much more to find.
            if area.allCoordinates.allSatisfy({ v in lands.contains { $0.prepared.covers(v) } }) { return nil }
            for land in lands where try land.prepared.intersects(area) { pieces.append(try engine.intersection(area, land.shape)) }
            guard !pieces.isEmpty else { return nil }
            return pieces.count == 1 ? pieces[0] : try engine.union(pieces)
        } catch { throw .geometry(error) }
    }

    /// Whether the grid cells over `box` all lie inside country `i`'s widened outline (cells are tested once).
    private func insideCells(of i: Int, covering box: BoundingBox) throws(GeometryError) -> Bool {
        guard box.west >= -180, box.east <= 180, box.south >= -90, box.north <= 90, let land = countries![i].widened else { return false }
        let size = Self.cellSize
        let x0 = Int((box.west / size).rounded(.down)), x1 = Int((box.east / size).rounded(.down))
        let y0 = Int((box.south / size).rounded(.down)), y1 = Int((box.north / size).rounded(.down))
        guard (x1 - x0 + 1) * (y1 - y0 + 1) <= Self.cellsAsked else { return false }
        for y in y0...y1 {
            for x in x0...x1 {
                let key = (y + 900) * 3601 + (x + 1800)
                let inside: Bool
                if let known = countries![i].cellInside[key] {
                    inside = known
                } else {
                    let cell = BoundingBox(west: Double(x) * size, south: Double(y) * size, east: Double(x + 1) * size, north: Double(y + 1) * size)
                    inside = try land.prepared.contains(cell.polygon)
                    countries![i].cellInside[key] = inside
                }
                if !inside { return false }
            }
        }
        return true
    }
}
