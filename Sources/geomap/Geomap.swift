import ArgumentParser
import GeoCore

/// The `geomap` command: subcommands are one file each; they parse and print, the libraries do the work.
struct Geomap: ParsableCommand {
    static let version = GeomapVersion.current

    static let configuration = CommandConfiguration(
        commandName: "geomap",
        abstract: "Turn conflict reports into maps: gazetteer, geodesic relative locations, GeoJSON layers.",
        discussion: """
        Coordinates are WGS84 (EPSG:4326). On the command line a position is LAT,LON in decimal degrees
        (latitude first, as geod and cs2cs read it); in GeoJSON output it is [lon, lat] (RFC 7946).
        Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 failure, 64 usage error.

        Examples:
          geomap distance 35.95283,39.00788 34.72405,36.72559 --format json
          geomap destination 35.95283,39.00788 80km north --format geojson
          geomap check Output/demo/kantari_80km_north_of_raqqa.geojson
        """,
        version: version,
        subcommands: [ExtractCommand.self, BuildCommand.self, IngestCommand.self, QueryCommand.self, MapCommand.self, ResolveCommand.self, LocateCommand.self, DistanceCommand.self, DestinationCommand.self, CheckCommand.self, GazetteerCommand.self]
    )
}
