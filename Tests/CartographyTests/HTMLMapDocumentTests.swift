import Foundation
import GeoCore
import Testing
@testable import Cartography

@Suite struct HTMLMapDocumentTests {
    /// Debian's copyright files give each inlined library its copyright lines and whole licence text.
    @Test func leafletIsInlinedWithItsCopyrightAndLicence() throws {
        let library = try LeafletLibrary.load()
        #expect(library.leaflet.hasPrefix("/*!\n * Leaflet: leaflet.min.js from Debian"))
        for line in ["Copyright: 2010-2011  CloudMade; 2010-2019  Vladimir Agafonkin", "License: BSD-2-clause",
                     "Redistributions in binary form must reproduce the above copyright"] {
            #expect(library.leaflet.contains(line), "\(line)")
        }
        #expect(library.markerCluster.contains("Copyright: 2012-2017  David Leaver") && library.markerCluster.contains("License: Expat")
                && library.markerCluster.contains("Permission is hereby granted, free of charge"))
        #expect(!library.leaflet.contains("sourceMappingURL") && !library.styles.contains("url(images/"))
        #expect(library.styles.contains("url(data:image/png;base64,"))
    }

    /// A missing library is one line naming the file and the package.
    @Test func aMissingLibraryNamesThePackage() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-leaflet-\(UUID().uuidString)").path
        #expect(throws: MapError.badInput(empty + "/leaflet.min.js", "cannot read leaflet.min.js: install Debian's libjs-leaflet (scripts/setup.sh does), or set GEOMAP_LEAFLET_DIR to a folder holding it")) {
            try LeafletLibrary.load(folder: empty)
        }
    }

    /// Whatever a report holds, the data block cannot close its script element, and reads back the same.
    @Test func dataCannotEndItsScriptElement() throws {
        let hostile = "</script><script>alert(1)</script><!-- \u{2028} </SCRIPT >"
        let safe = HTMLMapDocument.scriptSafe(JSONWriter.string(.object(["actor": .string(hostile)])))
        #expect(!safe.contains("<"))
        #expect(try JSONReader.parse(safe)["actor"]?.stringValue == hostile)
    }

    /// The policy lists each inline script and the style sheet by the SHA-256 of its exact text.
    @Test func thePolicyNamesEachScriptByItsDigest() throws {
        var layers = MapLayers()
        layers.add([GeoJSONFeature(id: .string("r.txt:E1"), geometry: .point(Coordinate(longitude: 39.0, latitude: 35.95)),
                                   properties: ["event_date": .string("2014-01-14"), "event_type": .string("Battles")])], as: .incidents)
        let html = try HTMLMapDocument(title: "T", asOf: nil, extent: nil, tiles: nil).render(layers, gazetteer: nil, library: try LeafletLibrary.load())
        let scripts = html.components(separatedBy: "<script>").dropFirst().map { $0.components(separatedBy: "</script>")[0] }
        #expect(scripts.count == 3)
        for s in scripts { #expect(html.contains("'sha256-\(Data(SHA256.digest(Array(s.utf8))).base64EncodedString())'")) }
        #expect(html.contains("script-src 'sha256-") && html.contains("default-src 'none'") && !html.contains("unsafe-inline"))
    }
}
