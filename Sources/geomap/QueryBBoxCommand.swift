import ArgumentParser
import GeoCore
import EventStorage

struct QueryBBoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bbox",
        abstract: "Events in a W,S,E,N box (edges included; W > E crosses the antimeridian).",
        discussion: """
        Example:
          geomap query bbox 35.5,32.3,42.4,37.4 --from 2014-01-01 --store events.sqlite --format csv
        """
    )

    @Argument(help: ArgumentHelp("West,south,east,north in decimal degrees.", valueName: "W,S,E,N")) var box: String
    @OptionGroup var options: QueryOptions

    func validate() throws {
        do { _ = try BoundingBox(parsing: box) } catch { throw ValidationError("\(error)") }
    }

    func run() throws {
        try options.run(.bbox(try BoundingBox(parsing: box)), on: try options.openSource())
    }
}
