import Foundation
import Places

/// Paths and shared fixtures of the test suites: the embedded default gazetteer (built by `make gazetteer`,
/// which `make test` runs first) and the shared data read in place from ../shared.
public enum TestData {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static let defaultGazetteerPath = packageRoot.appendingPathComponent(GazetteerLocation.relativePath).path
    public static let wofSyriaPath = shared.appendingPathComponent("data/whosonfirst-sy/wof_sy_places.csv").path

    public static func temporaryFile(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// The default gazetteer, loaded once per test process.
    public static let defaultGazetteer: Result<Gazetteer, Error> = Result { try Gazetteer(path: defaultGazetteerPath) }

    /// The default gazetteer with ../shared/data/whosonfirst-sy imported (Ram Hamdan and the dev corpus's
    /// villages are only there), built once per test process in a temporary file.
    public static let wofGazetteer: Result<Gazetteer, Error> = Result {
        let path = try temporaryFile("wof.sqlite")
        try GazetteerStore(path: defaultGazetteerPath).copy(to: path)
        let wof = try WhosOnFirstCSV.read(wofSyriaPath, country: "SY")
        _ = try GazetteerStore(path: path).write(wof.places, source: GazetteerSource(name: "wof", licence: WhosOnFirstCSV.licence, detail: "test"))
        return try Gazetteer(path: path)
    }
}

/// Seeded generator so random tests repeat exactly.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &self) }
}
