import ArgumentParser
import GeoCore
import Geodesy

struct DistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Geodesic distance and azimuths between two points on WGS84 (PROJ).",
        discussion: """
        A and B are LAT,LON in decimal degrees. Azimuths are degrees clockwise from true north in [0, 360);
        back_azimuth_deg is the direction from B back to A.

        Example:
          geomap distance 35.95283,39.00788 34.72405,36.72559 --format json
        """
    )

    @Argument(help: "First point, LAT,LON.") var a: String
    @Argument(help: "Second point, LAT,LON.") var b: String
    @Option(name: [.short, .long], help: "Output format: table or json.") var format: OutputFormat = .table

    func validate() throws {
        _ = try LatLonArgument.parse(a)
        _ = try LatLonArgument.parse(b)
        try Self.require(format, in: [.table, .json])
    }

    func run() throws {
        let from = try LatLonArgument.parse(a), to = try LatLonArgument.parse(b)
        let g = Geodesic.inverse(from: from, to: to)
        let azimuth = roundTo(g.initialBearing.degrees, decimals: 4).truncatingRemainder(dividingBy: 360)
        let back = roundTo(g.backBearing.degrees, decimals: 4).truncatingRemainder(dividingBy: 360)
        let compass = g.initialBearing.compassPoint
        switch format {
        case .json:
            let json: JSONValue = [
                "from": ["lat": .number(from.latitude), "lon": .number(from.longitude)],
                "to": ["lat": .number(to.latitude), "lon": .number(to.longitude)],
                "distance_km": .number(roundTo(g.distance.kilometers, decimals: 4)),
                "azimuth_deg": .number(azimuth),
                "back_azimuth_deg": .number(back),
                "compass": .string(compass.abbreviation),
            ]
            print(JSONWriter.string(json, pretty: true))
        default:
            print(TextTable.keyValue([
                ("from", from.description),
                ("to", to.description),
                ("distance_km", formatFixed(g.distance.kilometers, decimals: 4)),
                ("azimuth_deg", formatFixed(azimuth, decimals: 4)),
                ("back_azimuth_deg", formatFixed(back, decimals: 4)),
                ("compass", "\(compass.abbreviation) (\(compass.englishName))"),
            ]))
        }
    }
}
