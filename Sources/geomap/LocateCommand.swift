import ArgumentParser
import Foundation
import GeoCore
import Locating
import Pipeline
import Places

struct LocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Locate a relative expression: point, uncertainty area and precision, geodesically (PROJ).",
        discussion: """
        English and French, any case and accents: "80 km north of Raqqa", "80km N of Raqqa", "some 15 kilometres
        south-east of Aleppo", "à 80 km au nord de Raqa", "à une quinzaine de kilomètres au sud d'Alep",
        "120 km from Homs", "à 120 km de Homs", "north-east of the city of Idlib", "au nord-est de la ville
        d'Idleb", "in the northern countryside of Hama", "dans la campagne nord de Hama", "near Azaz", "aux abords
        de Homs", "près de la frontière turque", "close to the Iraqi border". A name before the expression
        ("Kantari, 80 km north of Raqa") is checked against the area. The area follows MaNIS/GBIF; see the README.

        Example:
          geomap locate "à 80 km au nord de Raqa" --format json
          geomap locate "au nord-est de la ville d'Idleb" --format geojson --out idleb_ne.geojson
        """
    )

    @Argument(help: "The expression, quoted.") var expression: String
    @Option(name: [.short, .long], help: "Output format: json or geojson.") var format: OutputFormat = .json
    @Option(name: [.short, .long], help: "Write to this file instead of stdout (atomically).") var out: String?
    @Option(help: ArgumentHelp("How far direction-only forms reach from the anchor.", valueName: "distance")) var reach: String = "30km"
    @Option(help: ArgumentHelp("The report's country (ISO 3166-1 alpha-2): \"near the Turkish border\" lies on its side.", valueName: "cc")) var country: CountryCode?
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try Self.require(format, in: [.json, .geojson])
        _ = try DistanceArgument.parse(reach)
    }

    func run() throws {
        let locator = try Locator(gazetteer: try gazetteerOptions.open())
        locator.options.directionReach = try DistanceArgument.parse(reach)
        // The expression is free text: undo the minus-sign protection of numbers meant for option parsing.
        let text = expression.replacingOccurrences(of: String(NegativeNumberArguments.unicodeMinus), with: "-")
        let location = try locator.locate(expression: text, context: ResolveContext(country: country?.code))
        if let check = location.namedPlace, check.place == nil {
            StandardError.note("'\(check.text)' matches no gazetteer place inside the area: the computed location stands")
        }
        let output: String
        switch format {
        case .geojson: output = RelativeLocationFeatures.featureCollection(location, expression: text).text
        default: output = try RelativeLocationFeatures.json(location, expression: text)
        }
        if let out { try AtomicFile.write(output, to: out) } else { try StandardOutput.write(output) }
    }
}
