import ArgumentParser
import Foundation
import GeoCore
import Geometry

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check GeoJSON files: RFC 7946 structure, geometry validity (GEOS), winding, extent.",
        discussion: """
        Prints one summary line per file on stdout. A file that is not GeoJSON stops with a one-line error
        naming the file and where it is wrong (line and column, or a path such as
        features[3].geometry.coordinates[0]). Invalid geometries are listed on stderr and make the exit code 1.

        Example:
          geomap check Output/demo/kantari_80km_north_of_raqqa.geojson
        """
    )

    @Argument(help: "GeoJSON files ('-' reads standard input).") var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one GeoJSON file") }
    }

    func run() throws {
        let engine = try GeometryEngine()
        var problems = 0
        for path in files {
            let fc = try GeoJSONFile.read(path)
            var types: [String: Int] = [:]
            var notes: [String] = []
            for (k, f) in fc.features.enumerated() {
                guard let g = f.geometry else { types["null", default: 0] += 1; continue }
                types[g.typeName, default: 0] += 1
                let v = try engine.validity(g)
                if !v.isValid {
                    problems += 1
                    FileHandle.standardError.write(Data("\(InputText.displayName(path)): features[\(k)]: invalid \(g.typeName): \(v.reason)\n".utf8))
                }
                if g.withRFC7946Winding() != g {
                    notes.append("features[\(k)]: ring winding is not RFC 7946 (geomap rewinds it on output)")
                }
            }
            let counts = types.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let extent = BoundingBox(covering: fc.features.compactMap(\.geometry).flatMap(\.allCoordinates))
                .map { "extent \($0)" } ?? "no extent"
            try StandardOutput.write("\(InputText.displayName(path)): \(fc.features.count) features (\(counts.isEmpty ? "none" : counts)); \(extent)" + "\n")
            for n in notes.prefix(5) { try StandardOutput.write("  note: \(n)" + "\n") }
        }
        if problems > 0 { throw CommandError("\(problems) invalid geometr\(problems == 1 ? "y" : "ies")") }
    }
}
