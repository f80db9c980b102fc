import ArgumentParser
import Foundation
import GeoCore
import Geoparsing
import Locating
import Places
import Reports
import Zones
import Export
import Store

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

    enum ZoneMode: String, ExpressibleByArgument { case buffer, voronoi }
    enum LayerFormat: String, ExpressibleByArgument { case geojson, geojsonseq, csv }

    @Argument(help: "Reports and event files.") var inputs: [String]
    @Option(name: [.short, .long], help: ArgumentHelp("Folder for the layers (created if missing).", valueName: "dir")) var out: String
    @Option(help: ArgumentHelp("Control as of this date (YYYY-MM-DD); default: the latest claim.", valueName: "date")) var asOf: String?
    @Option(help: "Zone mode: buffer or voronoi.") var zones: ZoneMode = .buffer
    @Option(name: [.short, .long], help: "Layer format: geojson, geojsonseq or csv.") var format: LayerFormat = .geojson
    @Option(help: ArgumentHelp("Report date for reports without a dateline (YYYY-MM-DD).", valueName: "date")) var date: String?
    @Flag(help: "In event files, report bad rows and leave them out instead of stopping.") var skipBadRows = false
    @Option(help: ArgumentHelp("Also store the events, claims, places and zones in this event store.", valueName: "store")) var store: String?
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one report or event file") }
        for d in [asOf, date].compactMap({ $0 }) where ReportDay(iso: d) == nil {
            throw ValidationError("'\(d)' is not a date YYYY-MM-DD")
        }
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.open()
        let summary = try Self.build(inputs: inputs, into: out, gazetteer: gazetteer, asOf: asOf.flatMap(ReportDay.init(iso:)),
                                     zones: ControlZoneBuilder.Mode(rawValue: zones.rawValue) ?? .buffer,
                                     format: LayerWriter.Format(rawValue: format.rawValue) ?? .geojson,
                                     reportDate: date.flatMap(ReportDay.init(iso:)), skipBadRows: skipBadRows,
                                     store: try store.map { try StoreOptions.open($0, create: true) })
        StandardError.note("wrote \(summary)\(store.map { "; stored in \($0)" } ?? "")")
    }

    /// Reads the inputs and writes the layers into `folder` (also used by `geomap map` on reports); returns
    /// what was written, for the user.
    static func build(inputs: [String], into folder: String, gazetteer: Gazetteer, asOf: ReportDay?, zones mode: ControlZoneBuilder.Mode,
                      format: LayerWriter.Format, reportDate: ReportDay?, skipBadRows: Bool, store eventStore: (any EventStore)?) throws -> String {
        let loader = try InputLoader(gazetteer: gazetteer, reportDate: reportDate, skipBadRows: skipBadRows)
        var layers = LayerSet()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let writer = try LayerWriter(folder: folder, format: format)
        var claims: [ZoneClaim] = []
        for input in inputs {
            let loaded = try loader.load(input)
            layers.add(mentions: loaded.mentions)
            layers.add(relativeMentions: loaded.mentions)
            try writer.add(incidents: loaded.incidents, source: loaded.name)
            let inputClaims = try loader.zoneClaims(loaded)
            claims += inputClaims
            if let eventStore {
                _ = try eventStore.ingest(loader.storeBatch(loaded, claims: inputClaims))
            }
        }
        let zoneList = try ControlZoneBuilder(store: gazetteer.store).build(claims, asOf: asOf, mode: mode)
        layers.add(zones: zoneList)
        let written = try writer.finish(layers)
        try eventStore?.replaceZones(zoneList.map(StoredZone.init))
        return "\(written.count) layers to \(folder): \(writer.incidentCount) incidents, \(layers.controlZones.count) control zones, \(layers.places.count) places, \(layers.uncertainty.count) uncertainty areas"
    }
}
