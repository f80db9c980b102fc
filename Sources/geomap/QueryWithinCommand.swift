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
        POLYGON_FILE: GeoJSON or any GDAL source: its polygons (of --polygon-layer, else its first polygon layer;
        matching --where). zone:ACTOR: the actor's zone from the store (--as-of D: rebuilt from its claims) or the
        zones beside --layer or in its GeoPackage (--as-of D: the --timeline period holding D). Edges count inside.

        Examples:
          geomap query within zone:ISIL --layer Output/seed/incidents.geojson
          geomap query within layers/layers.gpkg --where "actor = 'ISIL' AND status = 'controls'" --layer layers/layers.gpkg
        """
    )

    @Argument(help: ArgumentHelp("A GeoJSON polygon file, or zone:ACTOR.", valueName: "polygon")) var area: String
    @Option(help: ArgumentHelp("With zone:ACTOR: the zone as of this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("The polygon source's layer to read (GDAL sources).", valueName: "name")) var polygonLayer: String?
    @Option(name: .customLong("where"), help: ArgumentHelp("Only the polygon source's features matching this OGR SQL filter, e.g. \"actor = 'ISIL'\".", valueName: "expr")) var filter: String?
    @OptionGroup var options: QueryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if let asOf, ReportDay(iso: asOf) == nil { throw ValidationError("'\(asOf)' is not a date YYYY-MM-DD") }
        if asOf != nil, !area.hasPrefix("zone:") { throw ValidationError("--as-of applies to zone:ACTOR only") }
        if area.hasPrefix("zone:"), filter != nil || polygonLayer != nil { throw ValidationError("--where and --polygon-layer apply to a polygon file, not zone:ACTOR") }
    }

    func run() throws {
        let source = try options.openSource()
        let polygon = area.hasPrefix("zone:")
            ? try ControlledArea.of(actor: String(area.dropFirst(5)), layer: options.layer, store: source,
                                    asOf: asOf.flatMap(ReportDay.init(iso:)), gazetteer: gazetteerOptions.open)
            : try QueryArea.read(area, layer: polygonLayer, where: filter)
        try options.run(.within(polygon), on: source)
    }
}
