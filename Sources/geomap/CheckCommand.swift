import ArgumentParser
import Foundation
import GeoCore
import Pipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check GeoJSON files: RFC 7946 structure, geometry validity (GEOS), winding, extent.",
        discussion: """
        Prints one summary line per file on stdout. A file that is not GeoJSON stops with a one-line error
        naming the file and where it is wrong (line and column, or a path such as
        features[3].geometry.coordinates[0]). Invalid geometries are listed on stderr and make the exit code 1;
        polygon features that overlap one another are noted ('query within' takes their union).

        Example:
          geomap check Output/demo/kantari_80km_north_of_raqqa.geojson
        """
    )

    @Argument(help: "GeoJSON files ('-' reads standard input).") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one GeoJSON file") }
    }

    func run() throws {
        var problems = 0
        for path in files {
            let check = try GeoJSONCheck(path: path)
            for line in check.invalid { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            problems += check.invalid.count
            try StandardOutput.write(check.summary + "\n")
            for n in check.notes.prefix(5) { try StandardOutput.write("  note: \(n)" + "\n") }
            if check.notes.count > 5 { try StandardOutput.write("  note: \(check.notes.count - 5) more notes" + "\n") }
        }
        if problems > 0 { throw CommandError("\(problems) invalid geometr\(problems == 1 ? "y" : "ies")") }
    }
}
