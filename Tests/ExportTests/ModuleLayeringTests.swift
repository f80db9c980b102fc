import Foundation
import Testing
import TestSupport

/// The layout the README describes, held by the sources themselves: the modules below the text stack import
/// none of it, no file grows past one concept's size, and the CLI stays thin.
@Suite struct ModuleLayeringTests {
    static let sources = TestData.packageRoot.appendingPathComponent("Sources")

    static func swiftFiles(_ module: String) throws -> [URL] {
        let dir = sources.appendingPathComponent(module)
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    @Test(arguments: ["Incidents", "Zones", "GDALFormats", "Export", "EventStorage", "Store", "PostGISStore", "Cartography"])
    func modulesBelowTheTextStackDoNotImportIt(_ module: String) throws {
        let text = ["Geoparsing", "Locating", "Reports", "Patterns", "Pipeline", "CPCRE2"]
        let files = try Self.swiftFiles(module)
        #expect(!files.isEmpty, "no sources under Sources/\(module)")
        for f in files {
            let imports = try String(contentsOf: f, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("import ") || $0.hasPrefix("@testable import ") }
            for line in imports {
                let name = line.split(separator: " ").last.map(String.init) ?? ""
                #expect(!text.contains(name), "\(module)/\(f.lastPathComponent): \(line)")
            }
        }
    }

    /// Lines as `wc -l` counts them.
    static func lineCount(_ f: URL) throws -> Int { try Data(contentsOf: f).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

    @Test func noSourceFileIsOver400Lines() throws {
        guard let e = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil) else { return }
        var checked = 0
        for case let f as URL in e where f.pathExtension == "swift" {
            let lines = try Self.lineCount(f)
            #expect(lines <= 400, "\(f.path): \(lines) lines")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func theCLIIsThin() throws {
        var total = 0
        for f in try Self.swiftFiles("geomap") {
            let lines = try Self.lineCount(f)
            total += lines
            if f.lastPathComponent.hasSuffix("Command.swift") { #expect(lines <= 150, "\(f.lastPathComponent): \(lines) lines") }
        }
        #expect(total > 0 && total < 1200, "Sources/geomap: \(total) lines")
    }
}
