import Foundation
import Testing
@testable import Pipeline

@Suite struct ReportStreamTests {
    /// Chunks end after the last blank line, else after the last line break; never inside a line.
    @Test func chunksBreakAtBlankLinesThenLines() {
        func cut(_ s: String) -> String? {
            let d = Data(s.utf8)
            return ReportStream.lastBreak(in: d).map { String(decoding: d[..<$0], as: UTF8.self) }
        }
        #expect(cut("a\n\nb\nc") == "a\n\n")
        #expect(cut("a\nb\nc") == "a\nb\n")
        #expect(cut("no line break") == nil)
        #expect(cut("x\n\n\ny") == "x\n\n\n")
        #expect(cut("\n") == "\n")
    }

    @Test func inputKindsComeFromTheExtension() {
        #expect(ReportText.isEventFile("events.YAML") && ReportText.isEventFile("a.json") && ReportText.isEventFile("acled.csv"))
        #expect(!ReportText.isEventFile("report.txt") && !ReportText.isEventFile("layer.geojson"))
        #expect(ReportText.isLayer("incidents.geojson") && ReportText.isLayer("incidents.geojsons") && !ReportText.isLayer("a.json"))
    }

    @Test func unreadableReportsAreOneLineErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes, expected) in [("empty", Data(), "empty file"), ("blank", Data(" \n\t".utf8), "only white space"),
                                        ("binary", Data([0x47, 0x00, 0x01]), "binary file"), ("latin1", Data([0x41, 0xE9, 0x20]), "not UTF-8")] {
            let file = dir.appendingPathComponent(name + ".txt")
            try bytes.write(to: file)
            #expect(throws: PipelineError.self) { try ReportText.read(file.path) }
            do { _ = try ReportText.read(file.path) } catch { #expect(error.description.contains(expected), "\(name): \(error)") }
        }
        do { _ = try ReportText.read(dir.appendingPathComponent("missing.txt").path) } catch {
            #expect(error.description.contains("no such file"))
        }
    }
}
