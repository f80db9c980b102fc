import EventStorage
import Export
import Foundation
import GeoCore
import Incidents
import Places
import Zones

/// The area an actor controls (status `controls`), for `query within zone:ACTOR`: from the control zones layer
/// beside an incidents layer (in the same GeoPackage; with `--as-of`, the timeline's period holding that day),
/// from the store's zones, or rebuilt from the store's claims as of a day.
public enum ControlledArea {
    public static func of(actor: String, layer: String?, store: any EventStore, asOf: ReportDay?,
                          gazetteer: () throws -> Gazetteer) throws -> GeoJSONGeometry {
        var zones: [(actor: String, status: ControlStatus?, geometry: GeoJSONGeometry)]
        if let layer {
            zones = try layerZones(beside: layer, actor: actor, asOf: asOf)
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

    /// The control zones that go with an incidents layer: the GeoPackage's `control_zones` layer, or the
    /// `control_zones` file of the same format beside it. With a day, the periods of a timeline holding it.
    static func layerZones(beside layer: String, actor: String, asOf: ReportDay?) throws -> [(actor: String, status: ControlStatus?, geometry: GeoJSONGeometry)] {
        let features: [GeoJSONFeature]
        if layer.lowercased().hasSuffix(".gpkg") {
            features = try LayerSource.features(layer, layer: "control_zones").map(\.feature)
        } else {
            let folder = (layer as NSString).deletingLastPathComponent
            let path = (folder.isEmpty ? "." : folder) + "/control_zones." + (layer as NSString).pathExtension
            guard FileManager.default.fileExists(atPath: path) else { throw PipelineError("zone:\(actor): no \(path) beside the layer") }
            features = LayerSource.isGeoJSON(path) ? try GeoJSONFile.readFeatures(path).map(\.feature)
                : try LayerSource.features(path).map(\.feature)
        }
        var chosen = features
        if let asOf {
            guard features.contains(where: { $0.properties["start_date"] != nil }) else {
                throw PipelineError("zone:\(actor) --as-of \(asOf): the control zones beside \(InputText.displayName(layer)) are of one day; build them with --timeline")
            }
            func day(_ f: GeoJSONFeature, _ key: String) -> ReportDay? { f.properties[key]?.stringValue.flatMap(ReportDay.init(iso:)) }
            let dated = features.filter { f in day(f, "start_date").map { $0 <= asOf && (day(f, "end_date").map { asOf <= $0 } ?? true) } ?? false }
            // Before the first dated period, the undated one (claims without a date) holds.
            chosen = dated.isEmpty ? features.filter { day($0, "start_date") == nil } : dated
        }
        return chosen.compactMap { f in
            guard let g = f.geometry, let a = f.properties["actor"]?.stringValue else { return nil }
            return (a, f.properties["status"]?.stringValue.flatMap(ControlStatus.init(rawValue:)), g)
        }
    }
}
