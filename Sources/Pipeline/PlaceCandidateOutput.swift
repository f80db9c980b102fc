import GeoCore
import Places

/// Ranked candidates of a name as `geomap resolve` prints them: JSON objects (DESIGN.md) or a table.
public enum PlaceCandidateOutput {
    public static func json(_ c: PlaceCandidate) -> JSONValue {
        var o: JSONObject = [
            "id": .string(c.place.id), "name": .string(c.place.name),
            "lat": .number(roundTo(c.place.coordinate.latitude, decimals: 6)),
            "lon": .number(roundTo(c.place.coordinate.longitude, decimals: 6)),
            "kind": .string(c.place.kind.rawValue),
            "admin1": c.place.admin1.map { .string($0) } ?? .null,
            "country": c.place.country.map { .string($0) } ?? .null,
            "population": .number(Double(c.place.population)),
            "score": .number(roundTo(c.score, decimals: 4)),
            "match": .string(c.level.description), "matched": .string(c.matched),
            "near_tie": .bool(c.nearTie),
        ]
        if let g = c.place.geonamesID, !c.place.id.hasPrefix("geonames:") { o["geonames_id"] = .number(Double(g)) }
        if let d = c.distanceFromNear { o["distance_km"] = .number(roundTo(d.kilometers, decimals: 3)) }
        return .object(o)
    }

    public static func table(_ cs: [PlaceCandidate]) -> String {
        let header = ["#", "score", "id", "name", "kind", "admin1", "cc", "population", "lat", "lon", "match"]
        let rows = cs.enumerated().map { k, c in
            [String(k + 1) + (c.nearTie ? "~" : ""), formatFixed(c.score, decimals: 3), c.place.id, c.place.name,
             c.place.kind.rawValue, c.place.admin1 ?? "", c.place.country ?? "", String(c.place.population),
             formatFixed(c.place.coordinate.latitude, decimals: 5), formatFixed(c.place.coordinate.longitude, decimals: 5),
             "\(c.level): \(c.matched)"]
        }
        return TextTable.columns(header: header, rows: rows)
    }
}
