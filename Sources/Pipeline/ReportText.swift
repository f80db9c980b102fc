import Foundation
import GeoCore

/// Reads a report, refusing what is not text: empty files, binary files, invalid UTF-8.
public enum ReportText {
    public static func read(_ path: String) throws(PipelineError) -> String {
        let text: String
        do { text = try InputText.read(path) } catch {
            if case .unreadable(.notUTF8) = error, let data = FileManager.default.contents(atPath: path), data.prefix(8192).contains(0) {
                throw PipelineError("\(path): binary file, expected UTF-8 text")
            }
            throw PipelineError(error.description)
        }
        let name = InputText.displayName(path)
        guard !text.isEmpty else { throw PipelineError("\(name): empty file") }
        if text.utf8.prefix(8192).contains(0) { throw PipelineError("\(name): binary file, expected UTF-8 text") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw PipelineError("\(name): empty file (only white space)") }
        return text
    }

    /// Analyst event files (YAML, JSON, ACLED CSV) by their extension; everything else is read as a report.
    public static func isEventFile(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".yaml", ".yml", ".json", ".csv"].contains { lower.hasSuffix($0) }
    }

    /// Incidents layers written by `geomap build`.
    public static func isLayer(_ path: String) -> Bool { path.hasSuffix(".geojson") || path.hasSuffix(".geojsons") }
}
