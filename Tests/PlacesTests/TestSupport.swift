import Foundation
import Places

enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    /// The embedded default gazetteer, built by `make gazetteer` (which `make test` runs first).
    static let defaultGazetteer = packageRoot.appendingPathComponent(GazetteerLocation.relativePath).path
    /// The shared Who's On First file, read in place (../shared/data/README.md).
    static let wofSyria = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/whosonfirst-sy/wof_sy_places.csv").path

    static func temporaryFile(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-places-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }
}

/// The default gazetteer, opened once for all tests (loading it is the slow part).
enum DefaultGazetteer {
    static let shared: Result<Gazetteer, Error> = Result { try Gazetteer(path: TestPaths.defaultGazetteer) }
    static func get() throws -> Gazetteer { try shared.get() }
}
