import GeoCore
import Geometry
import Places

/// What the static and the HTML map take from the gazetteer for their basemap: the countries and first-level
/// regions near the view, the countries the data is in (drawn light, their neighbours receding), and where a
/// country's name goes.
struct Basemap {
    let countries: [GazetteerStore.Outline]
    let regions: [GazetteerStore.Outline]
    let focus: Set<String>

    /// Outlines whose boxes overlap `near`; regions of those countries only.
    init(_ store: GazetteerStore, near box: BoundingBox, layers: MapLayers) throws {
        func overlaps(_ o: GazetteerStore.Outline) -> Bool { o.geometry.boundingBox?.overlapsPlanar(box) ?? false }
        countries = try store.outlines(kind: .country).filter(overlaps)
        regions = try store.outlines(kind: .region, countries: Set(countries.compactMap(\.country))).filter(overlaps)
        focus = Set(layers.places.filter(MapRenderer.isPoint).compactMap { $0.properties["country"]?.stringValue })
    }

    /// A point inside the part of an outline that `view` shows (GEOS's point on surface), or nil when none shows.
    static func labelPoint(_ outline: GeoJSONGeometry, in view: BoundingBox, engine: GeometryEngine) -> Coordinate? {
        guard let visible = try? engine.intersection(outline, view.polygon), !visible.polygons.isEmpty else { return nil }
        return try? engine.pointOnSurface(visible)
    }
}
