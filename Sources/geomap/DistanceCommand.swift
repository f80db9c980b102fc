import ArgumentParser
import GeoCore
import Geodesy
import Places

struct DistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "Geodesic distance and azimuths between two points on WGS84 (PROJ).",
        discussion: """
        A and B are LAT,LON in decimal degrees or place names, resolved through the gazetteer (best candidate;
        check it with 'geomap resolve'). Azimuths are degrees clockwise from true north in [0, 360);
        back_azimuth_deg is the direction from B back to A.

        Example:
          geomap distance 35.95283,39.00788 34.72405,36.72559 --format json
          geomap distance Raqqa Homs
        """
    )

    @Argument(help: "First point: LAT,LON or a place name.") var a: String
    @Argument(help: "Second point: LAT,LON or a place name.") var b: String
    @Option(name: [.short, .long], help: "Output format: table or json.") var format: OutputFormat = .table
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        for p in [a, b] where PlaceArgument.looksLikeCoordinate(p) { _ = try LatLonArgument.parse(p) }
        try Self.require(format, in: [.table, .json])
    }

    func run() throws {
        var opened: Gazetteer?
        let gazetteer = { () throws -> Gazetteer in
            if let g = opened { return g }
            let g = try gazetteerOptions.open()
            opened = g
            return g
        }
        let fromPlace = try PlaceArgument.resolve(a, gazetteer: gazetteer)
        let toPlace = try PlaceArgument.resolve(b, gazetteer: gazetteer)
        let from = fromPlace.coordinate, to = toPlace.coordinate
        let g = Geodesic.inverse(from: from, to: to)
        let azimuth = roundTo(g.initialBearing.degrees, decimals: 4).truncatingRemainder(dividingBy: 360)
        let back = roundTo(g.backBearing.degrees, decimals: 4).truncatingRemainder(dividingBy: 360)
        let compass = g.initialBearing.compassPoint
        switch format {
        case .json:
            let json: JSONValue = [
                "from": fromPlace.json,
                "to": toPlace.json,
                "distance_km": .number(roundTo(g.distance.kilometers, decimals: 4)),
                "azimuth_deg": .number(azimuth),
                "back_azimuth_deg": .number(back),
                "compass": .string(compass.abbreviation),
            ]
            try StandardOutput.write(JSONWriter.string(json, pretty: true) + "\n")
        default:
            try StandardOutput.write(TextTable.keyValue([
                ("from", fromPlace.label),
                ("to", toPlace.label),
                ("distance_km", formatFixed(g.distance.kilometers, decimals: 4)),
                ("azimuth_deg", formatFixed(azimuth, decimals: 4)),
                ("back_azimuth_deg", formatFixed(back, decimals: 4)),
                ("compass", "\(compass.abbreviation) (\(compass.englishName))"),
            ]) + "\n")
        }
    }
}
