import ArgumentParser
import Export
import Foundation
import Incidents
import Pipeline
import Zones

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write GIS layers (incidents, control zones, places, uncertainty) from reports and event files.",
        discussion: """
        INPUT: reports (.txt), event files (.yaml, .json, ACLED .csv). Writes incidents, control_zones, places,
        uncertainty into DIR, moved into place at the end: .geojson (default), .geojsons, ACLED's incidents.csv
        (csv), or through GDAL one layers.gpkg (gpkg) or a file per layer (fgb, kml, shp). Zones: buffer or
        voronoi, as of --as-of or the latest claim; --timeline: one per actor, status, period (start/end_date).

        Examples:
          geomap build ../shared/corpus/000_b936dedbd59c1222.txt --date 2014-01-14 --out layers/
          geomap build reports/*.txt --format gpkg --timeline --out layers/
        """
    )

    @Argument(help: "Reports and event files.") var inputs: [String]
    @Option(name: [.short, .long], help: ArgumentHelp("Folder for the layers (created if missing).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Control as of this date (YYYY-MM-DD); default: the latest claim.", valueName: "date")) var asOf: String?
    @Option(help: "Zone mode: buffer or voronoi.") var zones: ControlZoneBuilder.Mode = .buffer
    @Option(name: [.short, .long], help: "Layer format: geojson, geojsonseq, csv, gpkg, fgb, kml or shp.") var format: LayerWriter.Format = .geojson
    @Flag(help: "Control zones as a timeline: one feature per actor, status and period, with start_date and end_date.") var timeline = false
    @Option(help: ArgumentHelp("Report date for reports without a dateline (YYYY-MM-DD).", valueName: "date")) var date: String?
    @Flag(help: "In event files, report bad rows and leave them out instead of stopping.") var skipBadRows = false
    @Flag(help: "With --format csv: write texts as they are (by default a text a spreadsheet would run as a formula, =, +, -, @, gets a leading ').") var rawCsv = false
    @Option(help: ArgumentHelp("Also store the events, claims, places and zones in this event store.", valueName: "store")) var store: String?
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one report or event file") }
        guard out != "-" else { throw ValidationError("--out is the folder the layers go to; '-' (standard output) cannot hold them (use 'geomap query --layer' or 'geomap extract' for one stream)") }
        if timeline, asOf != nil { throw ValidationError("--timeline writes every period; --as-of picks one day: give one of them") }
        for d in [asOf, date].compactMap({ $0 }) where ReportDay(iso: d) == nil {
            throw ValidationError("'\(d)' is not a date YYYY-MM-DD")
        }
    }

    func run() throws {
        var build = LayerBuild(inputs: inputs, folder: out)
        build.asOf = asOf.flatMap(ReportDay.init(iso:))
        build.zoneMode = zones
        build.format = format
        build.timeline = timeline
        build.reportDate = date.flatMap(ReportDay.init(iso:))
        build.skipBadRows = skipBadRows
        build.rawCSV = rawCsv
        build.warn = StandardError.note
        let summary = try build.run(gazetteer: try gazetteerOptions.open(), store: try store.map { try StoreOptions.open($0, create: true) })
        StandardError.note("wrote \(summary)\(store.map { "; stored in \($0)" } ?? "")")
    }
}
