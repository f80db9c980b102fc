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
        INPUT: reports (.txt) and event files (.yaml, .json, ACLED .csv). Writes into DIR, each file atomically:
        incidents.geojson, control_zones.geojson, places.geojson, uncertainty.geojson (RFC 7946; .geojsons RFC
        8142 sequences with --format geojsonseq; --format csv adds incidents.csv in ACLED's column order).
        Zones: buffer (default; polygons of divisions, discs sized by population, overlaps contested) or
        voronoi (cells clipped to the country, dissolved per actor), as of --as-of or the latest claim date.

        Example:
          geomap build ../shared/corpus/000_b936dedbd59c1222.txt --date 2014-01-14 --out layers/
        """
    )

    @Argument(help: "Reports and event files.") var inputs: [String]
    @Option(name: [.short, .long], help: ArgumentHelp("Folder for the layers (created if missing).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Control as of this date (YYYY-MM-DD); default: the latest claim.", valueName: "date")) var asOf: String?
    @Option(help: "Zone mode: buffer or voronoi.") var zones: ControlZoneBuilder.Mode = .buffer
    @Option(name: [.short, .long], help: "Layer format: geojson, geojsonseq or csv.") var format: LayerWriter.Format = .geojson
    @Option(help: ArgumentHelp("Report date for reports without a dateline (YYYY-MM-DD).", valueName: "date")) var date: String?
    @Flag(help: "In event files, report bad rows and leave them out instead of stopping.") var skipBadRows = false
    @Flag(help: "With --format csv: write texts as they are (by default a text a spreadsheet would run as a formula, =, +, -, @, gets a leading ').") var rawCsv = false
    @Option(help: ArgumentHelp("Also store the events, claims, places and zones in this event store.", valueName: "store")) var store: String?
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one report or event file") }
        guard out != "-" else { throw ValidationError("--out is the folder the layers go to; '-' (standard output) cannot hold them (use 'geomap query --layer' or 'geomap extract' for one stream)") }
        for d in [asOf, date].compactMap({ $0 }) where ReportDay(iso: d) == nil {
            throw ValidationError("'\(d)' is not a date YYYY-MM-DD")
        }
    }

    func run() throws {
        var build = LayerBuild(inputs: inputs, folder: out)
        build.asOf = asOf.flatMap(ReportDay.init(iso:))
        build.zoneMode = zones
        build.format = format
        build.reportDate = date.flatMap(ReportDay.init(iso:))
        build.skipBadRows = skipBadRows
        build.rawCSV = rawCsv
        build.warn = StandardError.note
        let summary = try build.run(gazetteer: try gazetteerOptions.open(), store: try store.map { try StoreOptions.open($0, create: true) })
        StandardError.note("wrote \(summary)\(store.map { "; stored in \($0)" } ?? "")")
    }
}
