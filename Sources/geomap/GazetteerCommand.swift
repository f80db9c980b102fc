import ArgumentParser

struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Build, import into, reindex and describe gazetteers.",
        discussion: """
        Example:
          geomap gazetteer info
          geomap gazetteer import ../shared/data/whosonfirst-sy/wof_sy_places.csv --format wof --into syria.sqlite
        """,
        subcommands: [GazetteerBuildCommand.self, GazetteerImportCommand.self, GazetteerReindexCommand.self, GazetteerInfoCommand.self]
    )
}
