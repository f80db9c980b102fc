import ArgumentParser
import Foundation
import GeoCore
import Geodesy

struct DestinationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destination",
        abstract: "The point at a distance and bearing from a start point (geodesic direct problem, PROJ).",
        discussion: """
        FROM is LAT,LON; DISTANCE a number with a unit (m, km, mi, nmi); BEARING degrees clockwise from
        north or a compass point in English or French (N, NNE, north-east, nord-est, NO, …).
        geojson writes the start, the destination and the geodesic between them.

        Example ("80 km north of Raqqa"):
          geomap destination 35.95283,39.00788 80km north --format geojson --out kantari.geojson
        """
    )

    @Argument(help: "Start point, LAT,LON.") var from: String
    @Argument(help: "Distance with a unit, e.g. 80km.") var distance: String
    @Argument(help: "Bearing: degrees or a compass point.") var bearing: String
    @Option(name: [.short, .long], help: "Output format: table, json or geojson.") var format: OutputFormat = .table
    @Option(name: [.short, .long], help: "Write to this file instead of stdout (atomically).") var out: String?

    func validate() throws {
        _ = try LatLonArgument.parse(from)
        _ = try DistanceArgument.parse(distance)
        _ = try BearingArgument.parse(bearing)
        try Self.require(format, in: [.table, .json, .geojson])
    }

    func run() throws {
        let start = try LatLonArgument.parse(from)
        let d = try DistanceArgument.parse(distance)
        let b = try BearingArgument.parse(bearing)
        let end = Geodesic.destination(from: start, distance: d, bearing: b)
        let text: String
        switch format {
        case .json:
            let json: JSONValue = [
                "from": ["lat": .number(start.latitude), "lon": .number(start.longitude)],
                "distance_km": .number(roundTo(d.kilometers, decimals: 6)),
                "bearing_deg": .number(roundTo(b.degrees, decimals: 6)),
                "lat": .number(roundTo(end.latitude, decimals: 6)),
                "lon": .number(roundTo(end.longitude, decimals: 6)),
            ]
            text = JSONWriter.string(json, pretty: true) + "\n"
        case .geojson:
            // The geodesic drawn as a line of points 1 km apart (at most 512), so it is curved where it should be.
            let steps = max(2, Int(min(512, d.kilometers.rounded(.up))))
            let path = (0...steps).map {
                Geodesic.destination(from: start, distance: d * (Double($0) / Double(steps)), bearing: b)
            }
            let label = "\(formatShortest(d.kilometers)) km \(b.compassPoint.englishName) of \(start)"
            text = GeoJSONFeatureCollection(features: [
                GeoJSONFeature(geometry: .point(start), properties: ["role": "start"]),
                GeoJSONFeature(geometry: .point(end), properties: [
                    "role": "destination", "expression": .string(label),
                    "distance_km": .number(d.kilometers), "bearing_deg": .number(roundTo(b.degrees, decimals: 6)),
                ]),
                GeoJSONFeature(geometry: .lineString(path), properties: ["role": "geodesic"]),
            ]).text
        default:
            text = TextTable.keyValue([
                ("from", start.description),
                ("distance_km", formatShortest(d.kilometers)),
                ("bearing_deg", "\(formatFixed(b.degrees, decimals: 4)) (\(b.compassPoint.englishName))"),
                ("to", end.description),
            ]) + "\n"
        }
        if let out {
            try AtomicFile.write(text, to: out)
        } else {
            try StandardOutput.write(text)
        }
    }
}
