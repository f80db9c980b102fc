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
        abstract: "Draw control zones, incidents, uncertainty areas and places over a basemap: SVG, PNG, or an interactive HTML map.",
        discussion: """
        INPUT: a folder of layers written by geomap build (any --format), layer files (GeoJSON, or through GDAL:
        GeoPackage, FlatGeobuf, Shapefile, KML), reports (.txt) or event files (.yaml, .json, ACLED .csv; built
        on the fly). Lambert azimuthal equal-area centred on the extent (PROJ); basemap
        of countries and first-level regions from the gazetteer (Natural Earth); zones coloured per actor
        (Okabe–Ito palette), contested areas hatched; incidents by event type, sized by deaths; labels placed
        without overlaps; geodesic scale bar, north arrow, title, as-of date, attribution. PNG via rsvg-convert.
        HTML: one offline file (Leaflet from Debian inlined): layers to switch, popups with every source's toll and
        the evidence, a day slider (zones from the control timeline), place search; no request unless --tiles.

        Examples:
          geomap map Output/seed --out seed.png --title "Northern Syria, January 2014"
          geomap map Output/seed/layers.gpkg --out seed.svg
          geomap map ../shared/corpus/000_b936dedbd59c1222.txt --date 2014-01-14 --out seed.svg
          geomap map ../shared/corpus/000_b936dedbd59c1222.txt --date 2014-01-14 --out seed.html
        """
    )

    @Argument(help: "Layer folders, layer files, reports or event files.") var inputs: [String]
    @Option(name: [.short, .long], help: ArgumentHelp("The map: FILE.svg, FILE.png, FILE.html, or - for SVG on standard output.", valueName: "file")) var out: String
    @Option(help: ArgumentHelp("Title at the top of the map.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("Zones and incidents as of this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Option(help: ArgumentHelp("auto (every feature shown) or W,S,E,N in degrees.", valueName: "extent")) var extent: String = "auto"
    @Option(help: ArgumentHelp("Image width in pixels.", valueName: "px")) var width: Int = 1600
    @Option(help: ArgumentHelp("Report date for reports without a dateline (YYYY-MM-DD).", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("HTML: a tile server's URL template ({z}/{x}/{y}) under the layers (the page then loads its tiles).", valueName: "url")) var tiles: String?
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
        let lower = out.lowercased()
        guard out == "-" || [".svg", ".png", ".html"].contains(where: lower.hasSuffix) else { throw ValidationError("--out must end in .svg, .png or .html, or - (SVG on standard output), not '\(out)'") }
        if let tiles {
            guard lower.hasSuffix(".html") else { throw ValidationError("--tiles is for an HTML map (--out FILE.html)") }
            do { _ = try TileSource(template: tiles) } catch { throw ValidationError("\(error)") }
        }
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
        guard let format = MapJob.format(of: out) else { throw ValidationError("--out must end in .svg, .png or .html, or be - (SVG on standard output)") }
        var job = MapJob(inputs: inputs, out: out, format: format)
        job.title = title; job.asOf = asOf.flatMap(ReportDay.init(iso:)); job.width = width
        job.reportDate = date.flatMap(ReportDay.init(iso:))
        job.extent = extent == "auto" ? nil : try BoundingBox(parsing: extent)
        job.tiles = try tiles.map { try TileSource(template: $0) }
        let gazetteer = try? gazetteerOptions.open()
        if job.readsReports, gazetteer == nil { _ = try gazetteerOptions.open() }   // its error says why
        StandardError.note(try job.run(gazetteer: gazetteer))
    }
}
