import EventStorage
import Foundation
import GeoCore
import Incidents
import Places
import Zones

/// The area an actor controls (status `controls`), for `query within zone:ACTOR`: from the control zones layer
/// beside an incidents layer, from the store's zones, or rebuilt from the store's claims as of a day.
public enum ControlledArea {
    public static func of(actor: String, layer: String?, store: any EventStore, asOf: ReportDay?,
                          gazetteer: () throws -> Gazetteer) throws -> GeoJSONGeometry {
        var zones: [(actor: String, status: ControlStatus?, geometry: GeoJSONGeometry)]
        if let layer {
            let folder = (layer as NSString).deletingLastPathComponent
            let ext = layer.hasSuffix(".geojsons") ? "geojsons" : "geojson"
            let path = (folder.isEmpty ? "." : folder) + "/control_zones." + ext
            guard FileManager.default.fileExists(atPath: path) else { throw PipelineError("zone:\(actor): no \(path) beside the layer") }
            zones = try GeoJSONFile.readFeatures(path).map(\.feature).compactMap { f in
                guard let g = f.geometry, let a = f.properties["actor"]?.stringValue else { return nil }
                return (a, f.properties["status"]?.stringValue.flatMap(ControlStatus.init(rawValue:)), g)
            }
        } else if let asOf {
            let gazetteer = try gazetteer()
            let claims = try store.claims().map { try ZoneClaim($0, gazetteer: gazetteer) }
            zones = try ControlZoneBuilder(store: gazetteer.store).build(claims, asOf: asOf).map { ($0.actor, $0.status, $0.geometry) }
        } else {
            zones = try store.zones().map { ($0.actor, $0.status, $0.geometry) }
        }
        let mine = zones.filter { $0.actor.caseInsensitiveCompare(actor) == .orderedSame && $0.status == .controls }
        guard !mine.isEmpty else {
            let known = Set(zones.filter { $0.status == .controls }.map(\.actor)).sorted()
            throw PipelineError("no control zone for '\(actor)'\(known.isEmpty ? " (no zones)" : "; zones exist for: \(known.joined(separator: ", "))")")
        }
        return try QueryArea.union(mine.flatMap { $0.geometry.polygons })
    }
}
