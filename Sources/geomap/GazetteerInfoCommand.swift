import ArgumentParser
import GeoCore
import Places

struct GazetteerInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Sources, licences and counts of a gazetteer.",
        discussion: """
        Example:
          geomap gazetteer info --gazetteer syria.sqlite
        """
    )

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        let path = gazetteerOptions.path
        let store = try GazetteerStore(path: path)
        let info = try store.info()
        try StandardOutput.write("gazetteer  \(path)" + "\n")
        try StandardOutput.write("places     \(info.places)   names \(info.names)   polygons \(info.shapes)" + "\n")
        try StandardOutput.write("kinds      " + info.kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n")
        try StandardOutput.write("sources:" + "\n")
        try StandardOutput.write(TextTable.columns(header: ["  name", "records", "imported", "licence"],
                                rows: info.sources.map { ["  " + $0.0.name, String($0.records), $0.importedAt, $0.0.licence] }) + "\n")
    }
}
