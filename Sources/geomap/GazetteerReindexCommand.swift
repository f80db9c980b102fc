import ArgumentParser
import Places

struct GazetteerReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild a gazetteer's name index (after an upgrade changed the name-matching rules).",
        discussion: """
        Example:
          geomap gazetteer reindex --gazetteer syria.sqlite
        """
    )

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let store = try GazetteerStore(path: gazetteerOptions.path)
        let s = try store.reindex()
        StandardError.note("reindexed \(gazetteerOptions.path): \(s.places) places, \(s.entries) index entries")
    }
}
