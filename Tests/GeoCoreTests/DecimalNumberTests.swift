import Foundation
import Testing
@testable import GeoCore

@Suite struct DecimalNumberTests {
    @Test(arguments: ["35.95283", "-0.5", "+12", "1e3", "2.5E-2", ".5", "5.", "\u{2212}39.0"])
    func decimalsAreNumbers(_ text: String) {
        #expect(DecimalNumber.parse(text) == Double(text.replacingOccurrences(of: "\u{2212}", with: "-")))
    }

    /// Swift's Double(String) reads all of these (0x22 is 34); none is a coordinate or a distance.
    @Test(arguments: ["0x22", "0X1p3", "inf", "-infinity", "nan", "NaN", "1e", "e5", ".", "-", "", " 1", "1 ", "1e400", "٣٥"])
    func restAreNot(_ text: String) {
        #expect(DecimalNumber.parse(text) == nil, "\(text)")
    }

    @Test func coordinatesAndBoxesUseIt() {
        #expect(throws: CoordinateError.self) { try Coordinate(parsingLatLon: "0x22,39.0") }
        #expect(throws: BoundingBoxError.self) { try BoundingBox(parsing: "38,0x22,39,36") }
        #expect(throws: DistanceError.self) { try Distance(parsing: "0x10 km") }
        #expect((try? Coordinate(parsingLatLon: "\u{2212}35.9,39"))?.latitude == -35.9)
    }
}

@Suite struct OutputTargetTests {
    func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-target-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func dashDevicesLinksAndFolders() throws {
        let dir = try folder()
        #expect(try OutputTarget.resolve("-") == .standardOutput)
        #expect(try OutputTarget.resolve("/dev/null") == .device("/dev/null"))
        #expect(mkfifo(dir + "/pipe", 0o600) == 0)
        #expect(try OutputTarget.resolve(dir + "/pipe") == .device(dir + "/pipe"))
        #expect(try OutputTarget.resolve(dir + "/new.json") == .file(dir + "/new.json"))
        // A chain of links, relative then absolute, ending at a file that does not exist yet.
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.json", withDestinationPath: dir + "/c.json")
        try FileManager.default.createSymbolicLink(atPath: dir + "/a.json", withDestinationPath: "b.json")
        #expect(try OutputTarget.resolve(dir + "/a.json") == .file(dir + "/c.json"))
        #expect(throws: AtomicFileError.self) { try OutputTarget.resolve(dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop1", withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop2", withDestinationPath: "loop1")
        #expect(throws: AtomicFileError.self) { try OutputTarget.resolve(dir + "/loop1") }
    }

    @Test func anAtomicWriteThroughALinkKeepsTheLink() throws {
        let dir = try folder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/latest.csv", withDestinationPath: "2014-01-14.csv")
        try AtomicFile.write("a,b\n", to: dir + "/latest.csv")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/latest.csv") == "2014-01-14.csv")
        #expect(try String(contentsOfFile: dir + "/2014-01-14.csv", encoding: .utf8) == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["2014-01-14.csv", "latest.csv"])
    }
}
