import Foundation
import GeoCore

/// Reads a report, refusing what is not text: empty files, binary files, invalid UTF-8.
public enum ReportText {
    /// `shownAs`: the name messages give the file (a spooled standard input is "-", shown as `<stdin>`).
    public static func read(_ path: String, shownAs: String? = nil) throws(PipelineError) -> String {
        let name = InputText.displayName(shownAs ?? path)
        let data: Data
        do { data = try InputText.bytes(path) } catch { throw PipelineError(shownAs == nil ? error.description : "\(name): cannot be read") }
        // Checked on the bytes, before decoding: NUL bytes mean a binary file, whatever else it holds.
        if data.prefix(8192).contains(0) { throw PipelineError("\(name): binary file, expected UTF-8 text") }
        guard let text = String(data: data, encoding: .utf8) else { throw PipelineError("\(name): not UTF-8 text") }
        guard !text.isEmpty else { throw PipelineError("\(name): empty file") }
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
