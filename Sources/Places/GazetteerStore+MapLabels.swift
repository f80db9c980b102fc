import GeoCore
import GRDB

extension GazetteerStore {
    /// A settlement a map names for orientation.
    public struct LabelPlace: Sendable, Equatable {
        public let id: String, name: String, coordinate: Coordinate, population: Int
    }

    /// The most populous cities and towns inside `box` (planar test, no antimeridian crossing), largest first.
    public func largestSettlements(in box: BoundingBox, limit: Int) throws(GazetteerError) -> [LabelPlace] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT id, name, lon, lat, population FROM places
                    WHERE kind IN ('city', 'town') AND population > 0 AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?
                    ORDER BY population DESC, id LIMIT ?
                    """, arguments: [box.west, box.east, box.south, box.north, max(0, limit)]).map { r in
                    LabelPlace(id: r["id"], name: r["name"], coordinate: Coordinate(longitude: r["lon"], latitude: r["lat"]), population: r["population"])
                }
            }
        } catch {
            throw .database("\(path): largest settlements: \(error)")
        }
    }
}
