import ArgumentParser
import Foundation
import GeoCore
import Reports
import Store
import Zones

struct QueryWithinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "within",
        abstract: "Events inside a polygon file or an actor's control zone.",
        discussion: """
        POLYGON_FILE: a GeoJSON file; all its Polygon and MultiPolygon geometries count. zone:ACTOR: the zone the
        actor controls — from the store (the zones of the last ingest or build; with --as-of D rebuilt from the
        stored claims as of that day) or, with --layer, from control_zones.geojson beside the layer. Points on
        the edge count as inside (GEOS prepared geometry).

        Examples:
          geomap query within zone:ISIL --layer Output/seed/incidents.geojson
          geomap query within raqqa_governorate.geojson --store events.sqlite --from 2014-01-01
        """
    )

    @Argument(help: ArgumentHelp("A GeoJSON polygon file, or zone:ACTOR.", valueName: "polygon")) var area: String
    @Option(help: ArgumentHelp("With zone:ACTOR and a store: the zone as of this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @OptionGroup var options: QueryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if let asOf, ReportDay(iso: asOf) == nil { throw ValidationError("'\(asOf)' is not a date YYYY-MM-DD") }
        if asOf != nil, !area.hasPrefix("zone:") { throw ValidationError("--as-of applies to zone:ACTOR only") }
        if asOf != nil, options.layer != nil { throw ValidationError("--as-of needs --store: zones are rebuilt from the stored claims") }
    }

    func run() throws {
        let source = try options.openSource()
        let polygon: GeoJSONGeometry
        if area.hasPrefix("zone:") {
            polygon = try zone(actor: String(area.dropFirst(5)), source: source)
        } else {
            let polygons = try GeoJSONFile.readFeatures(area).compactMap(\.feature.geometry).flatMap(\.polygons)
            guard !polygons.isEmpty else { throw CommandError("\(area): no Polygon or MultiPolygon in the file") }
            polygon = .multiPolygon(polygons)
        }
        try options.run(.within(polygon), on: source)
    }

    /// The actor's controlled area (status controls), as one multipolygon.
    func zone(actor: String, source: any EventStore) throws -> GeoJSONGeometry {
        var zones: [(actor: String, status: String, geometry: GeoJSONGeometry)]
        if let layer = options.layer {
            let folder = (layer as NSString).deletingLastPathComponent
            let ext = layer.hasSuffix(".geojsons") ? "geojsons" : "geojson"
            let path = (folder.isEmpty ? "." : folder) + "/control_zones." + ext
            guard FileManager.default.fileExists(atPath: path) else { throw CommandError("zone:\(actor): no \(path) beside the layer") }
            zones = try GeoJSONFile.readFeatures(path).map(\.feature).compactMap { f in
                guard let g = f.geometry, let a = f.properties["actor"]?.stringValue else { return nil }
                return (a, f.properties["status"]?.stringValue ?? "", g)
            }
        } else if let asOf {
            let gazetteer = try gazetteerOptions.open()
            let claims = try source.claims().map { try ZoneClaim($0, gazetteer: gazetteer) }
            zones = try ControlZoneBuilder(store: gazetteer.store).build(claims, asOf: ReportDay(iso: asOf)).map { ($0.actor, $0.status, $0.geometry) }
        } else {
            zones = try source.zones().map { ($0.actor, $0.status, $0.geometry) }
        }
        let mine = zones.filter { $0.actor.caseInsensitiveCompare(actor) == .orderedSame && $0.status == "controls" }
        guard !mine.isEmpty else {
            let known = Set(zones.filter { $0.status == "controls" }.map(\.actor)).sorted()
            throw CommandError("no control zone for '\(actor)'\(known.isEmpty ? " (no zones)" : "; zones exist for: \(known.joined(separator: ", "))")")
        }
        return .multiPolygon(mine.flatMap { $0.geometry.polygons })
    }
}
