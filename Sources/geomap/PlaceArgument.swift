import ArgumentParser
import GeoCore
import Places

/// A place given on the command line: `LAT,LON` or a name resolved through the gazetteer (best candidate).
struct PlaceArgument {
    let coordinate: Coordinate
    /// The gazetteer record when the text was a name.
    let place: Place?

    /// True when the text looks like a coordinate pair rather than a name.
    static func looksLikeCoordinate(_ text: String) -> Bool {
        let t = text.replacingOccurrences(of: "\u{2212}", with: "-")
        return t.contains(where: \.isNumber) && t.allSatisfy { $0.isNumber || ",.-+ ".contains($0) }
    }

    static func resolve(_ text: String, gazetteer: () throws -> Gazetteer) throws -> PlaceArgument {
        if looksLikeCoordinate(text) { return PlaceArgument(coordinate: try LatLonArgument.parse(text), place: nil) }
        let g = try gazetteer()
        guard let best = try g.resolve(text, limit: 1).first else {
            throw CommandError("no place named '\(text)' in the gazetteer (\(g.store.path)); give LAT,LON or import the place")
        }
        return PlaceArgument(coordinate: best.place.coordinate, place: best.place)
    }

    var json: JSONValue {
        var o: JSONObject = [:]
        if let place {
            o["id"] = .string(place.id)
            o["name"] = .string(place.name)
        }
        o["lat"] = .number(roundTo(coordinate.latitude, decimals: 6))
        o["lon"] = .number(roundTo(coordinate.longitude, decimals: 6))
        return .object(o)
    }

    var label: String {
        guard let place else { return coordinate.description }
        return "\(place.name) (\(place.id)) \(coordinate)"
    }
}
