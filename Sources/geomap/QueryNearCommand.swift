import ArgumentParser
import GeoCore
import EventStorage

struct QueryNearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "near",
        abstract: "Events within a geodesic distance of a place or a point, nearest first.",
        discussion: """
        The R*Tree is searched with a box sized from the radius (wider in longitude towards the poles, split at
        ±180°, all longitudes around a pole inside the circle); each candidate's geodesic distance (WGS84, PROJ)
        then decides. Results carry distance_km and bearing_deg (from the query point to the event).

        Example:
          geomap query near Raqqa --radius 100km --layer Output/seed/incidents.geojson
        """
    )

    @Argument(help: ArgumentHelp("A place name (resolved through the gazetteer) or LAT,LON.", valueName: "place")) var place: String
    @Option(help: ArgumentHelp("Search radius with its unit, e.g. 50km, 800m, 20mi.", valueName: "distance")) var radius: String
    @OptionGroup var options: QueryOptions
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        do { _ = try Distance(parsing: radius) } catch { throw ValidationError("--radius: \(error)") }
    }

    func run() throws {
        let r = try Distance(parsing: radius)
        let center = try PlaceArgument.resolve(place, gazetteer: gazetteerOptions.open)
        if let p = center.place { StandardError.note("near \(p.name) (\(p.id)) \(center.coordinate)") }
        try options.run(.near(center.coordinate, radius: r), on: try options.openSource())
    }
}
