import Foundation
import GeoCore
import Geometry
import Incidents
import Places

/// What an HTML map's script draws, as one JSON value: the four layers as GeoJSON, a basemap (countries and
/// first-level regions from the gazetteer, simplified for the view), settlements to label, the colours of
/// actors and event types, the extent, title and attribution.
struct HTMLMapData {
    var title: String
    var subtitle: String?
    var attribution: [String]
    var tiles: TileSource?
    var extent: BoundingBox
    /// Above this many incidents they are drawn on a canvas and clustered.
    var clusterAbove = 1500

    /// Basemap vertices closer than this fraction of the view's larger side are dropped.
    static let simplifyFraction = 1.0 / 1500
    /// Settlements labelled for orientation.
    static let labelCount = 60

    func json(_ layers: MapLayers, gazetteer: GazetteerStore?) throws -> JSONValue {
        var out = JSONObject()
        out["title"] = .string(title)
        out["subtitle"] = subtitle.map(JSONValue.string) ?? .null
        out["attribution"] = .array(attribution.map(JSONValue.string))
        out["tiles"] = tiles.map { JSONValue.object(["url": .string($0.template), "attribution": .string($0.attribution)]) } ?? .null
        out["extent"] = .array([extent.west, extent.south, extent.east, extent.north].map(JSONValue.number))
        out["clusterAbove"] = .number(Double(clusterAbove))
        let basemap = try gazetteer.map { try Self.basemap(Basemap($0, near: extent.expanded(by: 3), layers: layers), view: extent) } ?? (countries: [], regions: [])
        out["basemap"] = .object(["countries": Self.collection(basemap.countries), "regions": Self.collection(basemap.regions)])
        let wide = extent.expanded(by: 1)
        out["labels"] = .array(try (gazetteer?.largestSettlements(in: wide, limit: Self.labelCount) ?? []).map { p in
            .object(["name": .string(p.name), "lon": .number(Self.rounded(p.coordinate.longitude, 5)),
                     "lat": .number(Self.rounded(p.coordinate.latitude, 5)), "population": .number(Double(p.population))])
        })
        out["incidents"] = Self.collection(layers.incidents)
        out["zones"] = Self.collection(layers.zones)
        out["uncertainty"] = Self.collection(layers.uncertainty)
        out["places"] = Self.collection(layers.places.filter(MapRenderer.isPoint))
        out["style"] = .object([
            "actors": .object(JSONObject(MapStyle.actorColours(layers.zoneActors).sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
            "eventTypes": .object(JSONObject(layers.eventTypes.map { ($0, JSONValue.string(MapStyle.eventTypeColours[$0] ?? "#777777")) })),
        ])
        let timeline = layers.zones.contains { $0.properties["start_date"] != nil }
        let asOf = layers.zones.compactMap { $0.properties["as_of"]?.stringValue }.max()
        out["zoneNote"] = .string(timeline ? "Control (follows the day)" : asOf.map { "Control as of \($0)" } ?? "Control")
        return .object(out)
    }

    static func collection(_ features: [GeoJSONFeature]) -> JSONValue {
        .object(["type": .string("FeatureCollection"), "features": .array(features.map(\.jsonValue))])
    }

    /// The basemap's outlines simplified to the view's scale and rounded to 5 decimals (a pan of 3° still
    /// finds a map); each country with a point to label it inside the view.
    static func basemap(_ basemap: Basemap, view extent: BoundingBox) throws -> (countries: [GeoJSONFeature], regions: [GeoJSONFeature]) {
        let engine = try GeometryEngine()
        let tolerance = max(extent.east - extent.west, extent.north - extent.south) * simplifyFraction
        func drawn(_ g: GeoJSONGeometry) throws -> GeoJSONGeometry {
            try engine.simplified(g, tolerance: tolerance).mapCoordinates { Coordinate(longitude: rounded($0.longitude, 5), latitude: rounded($0.latitude, 5)) }
        }
        let countries = try basemap.countries.map { c in
            var props: JSONObject = ["name": .string(c.name), "focus": .bool(basemap.focus.contains(c.country ?? ""))]
            if let at = Basemap.labelPoint(c.geometry, in: extent, engine: engine) {
                props["label_at"] = .array([.number(rounded(at.longitude, 4)), .number(rounded(at.latitude, 4))])
            }
            return GeoJSONFeature(geometry: try drawn(c.geometry), properties: props)
        }
        let regions = try basemap.regions.map { r in GeoJSONFeature(geometry: try drawn(r.geometry), properties: ["name": .string(r.name)]) }
        return (countries, regions)
    }

    static func rounded(_ x: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (x * scale).rounded() / scale
    }
}
