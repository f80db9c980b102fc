import ArgumentParser
import Cartography
import Foundation
import GeoCore
import Incidents
import Pipeline
import Places

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw control zones, incidents, uncertainty areas and places over a basemap, as SVG or PNG.",
        discussion: """
        INPUT: a folder of layers written by geomap build, layer files, reports (.txt) or event files (.yaml,
        .json, ACLED .csv; built on the fly). Lambert azimuthal equal-area centred on the extent (PROJ); basemap
        of countries and first-level regions from the gazetteer (Natural Earth); zones coloured per actor
        (Okabe–Ito palette), contested areas hatched; incidents by event type, sized by deaths; labels placed
        without overlaps; geodesic scale bar, north arrow, title, as-of date, attribution. PNG via rsvg-convert.

        Examples:
          geomap map Output/seed --out seed.png --title "Northern Syria, January 2014"
          geomap map ../shared/corpus/000_b936dedbd59c1222.txt --date 2014-01-14 --out seed.svg
        """
    )

    @Argument(help: "Layer folders, layer files, reports or event files.") var inputs: [String]
    @Option(name: [.short, .long], help: ArgumentHelp("The map: FILE.svg, FILE.png, or - for SVG on standard output.", valueName: "file")) var out: String
    @Option(help: ArgumentHelp("Title at the top of the map.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("Zones and incidents as of this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("auto (every feature shown) or W,S,E,N in degrees.", valueName: "extent")) var extent: String = "auto"
    @Option(help: ArgumentHelp("Image width in pixels.", valueName: "px")) var width: Int = 1600
    @Option(help: ArgumentHelp("Report date for reports without a dateline (YYYY-MM-DD).", valueName: "date")) var date: String?
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
        let lower = out.lowercased()
        guard out == "-" || lower.hasSuffix(".svg") || lower.hasSuffix(".png") else { throw ValidationError("--out must end in .svg or .png, or - (SVG on standard output), not '\(out)'") }
        guard (200...12000).contains(width) else { throw ValidationError("--width must be between 200 and 12000 pixels, not \(width)") }
        for d in [asOf, date].compactMap({ $0 }) where ReportDay(iso: d) == nil { throw ValidationError("'\(d)' is not a date YYYY-MM-DD") }
        if extent != "auto" {
            do {
                let b = try BoundingBox(parsing: extent)
                if b.crossesAntimeridian { throw ValidationError("--extent across the antimeridian is not drawn yet; give W < E") }
                if b.west == b.east || b.south == b.north { throw ValidationError("--extent '\(extent)' has no area") }
            } catch let e as BoundingBoxError { throw ValidationError("--extent: \(e)") }
        }
    }

    func run() throws {
        let gazetteer = try? gazetteerOptions.open()
        var layers = MapLayers()
        var reports: [String] = []
        for input in inputs {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { throw CommandError("\(input): no such file or folder") }
            if isDir.boolValue { try layers.add(folder: input) }
            else if ReportText.isLayer(input) { try layers.add(file: input) }
            else { reports.append(input) }
        }
        if !reports.isEmpty {
            guard let gazetteer else { _ = try gazetteerOptions.open(); return }
            let tempFolder = try TemporaryFiles.folder("map")
            defer { TemporaryFiles.removeFolder(tempFolder) }
            let temp = tempFolder.path
            var build = LayerBuild(inputs: reports, folder: temp)
            build.asOf = asOf.flatMap(ReportDay.init(iso:))
            build.reportDate = date.flatMap(ReportDay.init(iso:))
            _ = try build.run(gazetteer: gazetteer)
            try layers.add(folder: temp)
        }
        if let asOf { layers.keepIncidents(onOrBefore: asOf) }
        let shownAsOf = asOf ?? layers.zones.compactMap { $0.properties["as_of"]?.stringValue }.max()
            ?? layers.incidents.compactMap { $0.properties[IncidentColumn.eventDate.name]?.stringValue }.max()
        var renderer = MapRenderer(title: title ?? defaultTitle, asOf: shownAsOf, width: Double(width),
                                   extent: extent == "auto" ? nil : try BoundingBox(parsing: extent))
        if layers.places.contains(where: { $0.id?.description.hasPrefix("wof:") == true }) {
            renderer.attribution.append("Data from Who's On First (whosonfirst.org/docs/licenses)")
        }
        let svg = try renderer.render(layers, gazetteer: gazetteer?.store)
        if out.lowercased().hasSuffix(".png") {
            try PNGRasterizer.write(svg: svg, to: out, width: width)
        } else {
            try AtomicFile.write(svg, to: out)
        }
        StandardError.note("wrote \(out): \(layers.zones.count) zones, \(layers.incidents.count) incidents, \(layers.places.count) places, \(layers.uncertainty.count) uncertainty areas")
    }

    var defaultTitle: String {
        "Events from " + inputs.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
    }
}
