import ArgumentParser
import Foundation
import GeoCore
import Incidents
import Pipeline

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
            polygon = try ControlledArea.of(actor: String(area.dropFirst(5)), layer: options.layer, store: source,
                                            asOf: asOf.flatMap(ReportDay.init(iso:)), gazetteer: gazetteerOptions.open)
        } else {
            polygon = try QueryArea.read(area)
        }
        try options.run(.within(polygon), on: source)
    }
}
