import Foundation
import Testing
@testable import GeoCore

@Suite struct AtomicFileTests {
    @Test func anInterruptedWriteLeavesTheOldFileByteIdentical() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("incidents.geojson").path
        let old = GeoJSONFeatureCollection(features: [GeoJSONFeature(geometry: .point(Coordinate(longitude: 39.00788, latitude: 35.95283)))]).text
        try AtomicFile.write(old, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A new layer of 1,000 features, cut after half of its bytes.
        let features = (0..<1000).map { k in GeoJSONFeature(geometry: .point(Coordinate(longitude: Double(k) / 100, latitude: 35)), properties: ["k": .number(Double(k))]) }
        let new = Data(GeoJSONFeatureCollection(features: features).text.utf8)
        #expect(throws: AtomicFileError.self) { try AtomicFile.write(new, to: path, interruptAfter: new.count / 2) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["incidents.geojson"])   // no temporary left
        try AtomicFile.write(new, to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == new)
    }
}
