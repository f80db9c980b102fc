import Foundation
import GeoCore
import Places
import Locating

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let defaultGazetteer = root.appendingPathComponent(GazetteerLocation.relativePath).path
    static let wofSyria = root.deletingLastPathComponent().appendingPathComponent("shared/data/whosonfirst-sy/wof_sy_places.csv").path

    /// The embedded default gazetteer, loaded once for the tests of this process (locators are per test:
    /// they own a GEOS context).
    static let gazetteer: Result<Gazetteer, Error> = Result { try Gazetteer(path: defaultGazetteer) }
    static func locator() throws -> Locator { try Locator(gazetteer: gazetteer.get()) }

    /// The default gazetteer with the shared Who's On First file imported (Ram Hamdan is only there).
    static func wofLocator() throws -> Locator { try Locator(gazetteer: wofGazetteer.get()) }
    static let wofGazetteer: Result<Gazetteer, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-locating-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("wof.sqlite").path
        try GazetteerStore(path: defaultGazetteer).copy(to: path)
        let wof = try WhosOnFirstCSV.read(wofSyria, country: "SY")
        _ = try GazetteerStore(path: path).write(wof.places, source: GazetteerSource(name: "wof", licence: WhosOnFirstCSV.licence, detail: "test"))
        return try Gazetteer(path: path)
    }
}

/// Seeded generator so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &self) }
}
