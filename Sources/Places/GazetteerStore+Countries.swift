import Foundation
import GeoCore
import GRDB

/// Look-ups of single places by what identifies them other than a name: a GeoNames id, a country's code.
extension GazetteerStore {
    /// The place carrying a GeoNames id, if any.
    public func place(geonamesID: Int) throws(GazetteerError) -> Place? {
        try firstPlace { try Int64.fetchOne($0, sql: "SELECT rowid FROM places WHERE geonames_id = ? LIMIT 1", arguments: [geonamesID]) }
    }

    /// A country's capital (GeoNames feature code PPLC), if the gazetteer marks one.
    public func capital(of country: String) throws(GazetteerError) -> Place? {
        try firstPlace { try Int64.fetchOne($0, sql: "SELECT rowid FROM places WHERE feature_code = 'PPLC' AND country = ? LIMIT 1", arguments: [country]) }
    }

    /// A country's own place (ISO 3166-1 alpha-2), preferring one with an outline.
    public func country(iso: String) throws(GazetteerError) -> Place? {
        try firstPlace {
            try Int64.fetchOne($0, sql: """
                SELECT p.rowid FROM places p LEFT JOIN shapes s ON s.place_rowid = p.rowid
                WHERE p.kind = 'country' AND p.country = ? ORDER BY s.place_rowid IS NULL LIMIT 1
                """, arguments: [iso.uppercased()])
        }
    }

    /// The polygon of a country (ISO 3166-1 alpha-2), from Natural Earth.
    public func countryShape(iso: String) throws(GazetteerError) -> GeoJSONGeometry? {
        let id: String?
        do {
            id = try queue.read {
                try String.fetchOne($0, sql: "SELECT p.id FROM places p JOIN shapes s ON s.place_rowid = p.rowid WHERE p.kind = 'country' AND p.country = ? LIMIT 1",
                                   arguments: [iso.uppercased()])
            }
        } catch { throw .database("\(path): \(error)") }
        guard let id else { return nil }
        return try shape(placeID: id)
    }
}
