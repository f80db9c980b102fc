import Foundation
import GeoCore

/// Reads an incidents layer written by `geomap build` (a FeatureCollection, or an RFC 8142 sequence) as
/// records. Every problem names the file and the feature.
public enum IncidentLayerReader {
    public static func read(_ path: String) throws(StoreError) -> [EventRecord] {
        let text: String
        do { text = try InputText.read(path) } catch { throw .unreadable(error.description) }
        let name = InputText.displayName(path)
        if text.first == "\u{1E}" || path.hasSuffix(".geojsons") {
            var out: [EventRecord] = []
            var line = 1
            for chunk in text.split(separator: "\u{1E}", omittingEmptySubsequences: false) {
                defer { line += chunk.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
                let body = chunk.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty else { continue }
                let where_ = "\(name): line \(line)"
                let json: JSONValue
                do { json = try JSONReader.parse(body) } catch { throw .badFeature(where_, error.reason) }
                let f: GeoJSONFeature
                do { f = try GeoJSONFeature(json: json) } catch { throw .badFeature(where_, error.description) }
                out.append(try EventRecord(feature: f, path: where_))
            }
            return out
        }
        let collection: GeoJSONFeatureCollection
        do { collection = try GeoJSONFeatureCollection(text: text) } catch { throw .badFeature(name, error.description) }
        var out: [EventRecord] = []
        out.reserveCapacity(collection.features.count)
        for (k, f) in collection.features.enumerated() { out.append(try EventRecord(feature: f, path: "\(name): features[\(k)]")) }
        return out
    }
}
