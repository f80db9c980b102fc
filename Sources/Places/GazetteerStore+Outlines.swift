import Foundation
import GeoCore
import GRDB

extension GazetteerStore {
    /// An administrative area's outline with its name, for drawing.
    public struct Outline: Sendable {
        public let id: String, name: String, country: String?, geometry: GeoJSONGeometry
    }

    /// An outline as stored, its GeoJSON read only when asked (`geometry()`): its box is scanned from the text,
    /// so a reader that needs the few outlines near an area parses those alone.
    public struct StoredOutline: Sendable {
        public let id: String, name: String, country: String?
        public let geojson: String
        let source: String

        /// The box of the outline's positions, scanned from its text (parsed when the scan cannot read it).
        public func boundingBox() throws(GazetteerError) -> BoundingBox? {
            if let box = GeoJSONGeometry.boundingBox(scanning: geojson) { return box }
            return try geometry()?.boundingBox
        }

        public func geometry() throws(GazetteerError) -> GeoJSONGeometry? {
            do { return try GeoJSONFeatureCollection(text: geojson).features.first?.geometry } catch {
                throw .database("\(source): outline of \(id): \(error)")
            }
        }
    }

    /// Outlines of every area of `kind` as stored (in the given countries when `countries` is not nil).
    public func storedOutlines(kind: PlaceKind, countries: Set<String>? = nil) throws(GazetteerError) -> [StoredOutline] {
        do {
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT p.id, p.name, p.country, s.geojson FROM places p JOIN shapes s ON s.place_rowid = p.rowid WHERE p.kind = ?",
                                 arguments: [kind.rawValue])
            }
            return rows.compactMap { r -> StoredOutline? in
                let country: String? = r["country"]
                if let countries, !countries.contains(country ?? "") { return nil }
                return StoredOutline(id: r["id"], name: r["name"], country: country, geojson: r["geojson"], source: path)
            }
        } catch {
            throw .database("\(path): outlines of \(kind.rawValue): \(error)")
        }
    }

    /// Outlines of every area of `kind` (in the given countries when `countries` is not nil).
    public func outlines(kind: PlaceKind, countries: Set<String>? = nil) throws(GazetteerError) -> [Outline] {
        var out: [Outline] = []
        for o in try storedOutlines(kind: kind, countries: countries) {
            if let g = try o.geometry() { out.append(Outline(id: o.id, name: o.name, country: o.country, geometry: g)) }
        }
        return out
    }
}
