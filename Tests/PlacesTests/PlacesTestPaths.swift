import Foundation
import Places
import TestSupport

enum TestPaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static let defaultGazetteer = TestData.defaultGazetteerPath
    static let wofSyria = TestData.wofSyriaPath
    static func temporaryFile(_ name: String) throws -> String { try TestData.temporaryFile(name) }
}

enum DefaultGazetteer {
    static func get() throws -> Gazetteer { try TestData.defaultGazetteer.get() }
}
