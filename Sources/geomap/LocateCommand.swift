import ArgumentParser
import Foundation
import GeoCore
import Locating
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
        de Homs". A name before the expression ("Kantari, 80 km north of Raqa") is checked against the area.
        The uncertainty area follows the MaNIS georeferencing guide; see the README.

        Example:
          geomap locate "à 80 km au nord de Raqa" --format json
          geomap locate "au nord-est de la ville d'Idleb" --format geojson --out idleb_ne.geojson
        """
    )

    @Argument(help: "The expression, quoted.") var expression: String
    @Option(name: [.short, .long], help: "Output format: json or geojson.") var format: OutputFormat = .json
    @Option(name: [.short, .long], help: "Write to this file instead of stdout (atomically).") var out: String?
    @Option(help: ArgumentHelp("How far direction-only forms reach from the anchor.", valueName: "distance")) var reach: String = "30km"
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
        let location = try locator.locate(expression: text)
        if let check = location.namedPlace, check.place == nil {
            StandardError.note("'\(check.text)' matches no gazetteer place inside the area: the computed location stands")
        }
        let output: String
        switch format {
        case .geojson: output = RelativeLocationOutput.featureCollection(location, expression: text).text
        default: output = JSONWriter.string(RelativeLocationOutput.json(location, expression: text), pretty: true) + "\n"
        }
        if let out { try AtomicFile.write(output, to: out) } else { FileHandle.standardOutput.write(Data(output.utf8)) }
    }
}

/// The JSON and GeoJSON of a located expression (DESIGN.md: `geomap locate`).
enum RelativeLocationOutput {
    static func anchor(_ p: Place) -> JSONValue {
        ["id": .string(p.id), "name": .string(p.name), "lat": .number(p.coordinate.latitude), "lon": .number(p.coordinate.longitude)]
    }

    static func json(_ l: RelativeLocation, expression: String) -> JSONValue {
        let e = l.expression
        var o: JSONObject = [
            "expression": .string(expression),
            "form": .string(e.form.rawValue),
            "anchor": anchor(l.anchor),
            "distance_km": e.distance.map { .number(roundTo($0.kilometers, decimals: 3)) } ?? .null,
            "bearing_deg": l.bearing.map { .number(roundTo($0.degrees, decimals: 3)) } ?? .null,
            "lat": .number(roundTo(l.point.latitude, decimals: 6)),
            "lon": .number(roundTo(l.point.longitude, decimals: 6)),
            "geo_precision": .number(Double(l.geoPrecision)),
            "uncertainty_km": .number(roundTo(l.uncertaintyRadius.kilometers, decimals: 3)),
            "uncertainty": l.uncertainty.jsonValue,
        ]
        if let d = e.distance {
            o["distance_range_km"] = .array([.number(roundTo(d.low, decimals: 3)), .number(roundTo(d.high, decimals: 3))])
        }
        if let hw = e.bearingHalfWidth, let b = l.bearing {
            o["bearing_range_deg"] = .array([.number(Bearing(degrees: b.degrees - hw).degrees), .number(Bearing(degrees: b.degrees + hw).degrees)])
        }
        if let check = l.namedPlace {
            var n: JSONObject = ["text": .string(check.text)]
            n["place"] = check.place.map(anchor) ?? .null
            n["distance_km"] = check.distanceFromPoint.map { .number(roundTo($0.kilometers, decimals: 3)) } ?? .null
            n["rejected"] = .array(check.rejected.prefix(5).map(anchor))
            o["named_place"] = .object(n)
        }
        return .object(o)
    }

    /// The point (with the DESIGN's properties) and the uncertainty polygon (the uncertainty layer's properties).
    static func featureCollection(_ l: RelativeLocation, expression: String) -> GeoJSONFeatureCollection {
        let distance: JSONValue = l.expression.distance.map { .number(roundTo($0.kilometers, decimals: 3)) } ?? .null
        let bearing: JSONValue = l.bearing.map { .number(roundTo($0.degrees, decimals: 3)) } ?? .null
        return GeoJSONFeatureCollection(features: [
            GeoJSONFeature(geometry: .point(l.point), properties: [
                "role": "location", "expression": .string(expression), "anchor": .string(l.anchor.name),
                "anchor_id": .string(l.anchor.id), "distance_km": distance, "bearing_deg": bearing,
                "geo_precision": .number(Double(l.geoPrecision)),
                "uncertainty_km": .number(roundTo(l.uncertaintyRadius.kilometers, decimals: 3)),
            ]),
            GeoJSONFeature(geometry: l.uncertainty, properties: [
                "role": "uncertainty", "expression": .string(expression), "anchor": .string(l.anchor.name),
                "distance_km": distance, "bearing_deg": bearing,
            ]),
        ])
    }
}
