import Foundation
import GeoCore

/// Reads an incidents layer written by `geomap build` (a FeatureCollection, or an RFC 8142 sequence) as
/// records. Every problem names the file and the feature.
public enum IncidentLayerReader {
    public static func read(_ path: String) throws(StoreError) -> [EventRecord] {
        let features: [(feature: GeoJSONFeature, location: String)]
        do { features = try GeoJSONFile.readFeatures(path) } catch { throw .unreadable(error.description) }
        let name = InputText.displayName(path)
        var out: [EventRecord] = []
        out.reserveCapacity(features.count)
        for (f, location) in features { out.append(try EventRecord(feature: f, path: "\(name): \(location)")) }
        return out
    }
}
