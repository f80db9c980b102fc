import Foundation

/// Reads GeoJSON files (or standard input for "-"), with errors that name the file.
public enum GeoJSONFile {
    public static func read(_ path: String) throws(GeoJSONFileError) -> GeoJSONFeatureCollection {
        let text = try InputText.read(path)
        do { return try GeoJSONFeatureCollection(text: text) } catch {
            throw .malformed(path, error)
        }
    }

    /// The features of a FeatureCollection, or of an RFC 8142 sequence (`.geojsons`, or text that starts with
    /// the record separator), each with where it is in the file (`features[3]`, `line 12`) for messages.
    public static func readFeatures(_ path: String) throws(GeoJSONFileError) -> [(feature: GeoJSONFeature, location: String)] {
        let text = try InputText.read(path)
        guard text.first == "\u{1E}" || path.hasSuffix(".geojsons") else {
            do {
                return try GeoJSONFeatureCollection(text: text).features.enumerated().map { ($0.element, "features[\($0.offset)]") }
            } catch {
                throw .malformed(path, error)
            }
        }
        var out: [(feature: GeoJSONFeature, location: String)] = []
        var line = 1
        for chunk in text.split(separator: "\u{1E}", omittingEmptySubsequences: false) {
            defer { line += chunk.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
            let body = chunk.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { continue }
            let json: JSONValue
            do { json = try JSONReader.parse(body) } catch { throw .malformed(path, GeoJSONError(at: "line \(line)", error.reason)) }
            do { out.append((try GeoJSONFeature(json: json, path: "line \(line)"), "line \(line)")) } catch { throw .malformed(path, error) }
        }
        return out
    }
}

public enum GeoJSONFileError: Error, Equatable, CustomStringConvertible {
    case unreadable(InputTextError)
    case malformed(String, GeoJSONError)

    public var description: String {
        switch self {
        case .unreadable(let e): return e.description
        case .malformed(let path, let e): return "\(InputText.displayName(path)): malformed GeoJSON: \(e)"
        }
    }
}

/// Reads a whole text input: a file, or standard input for "-".
public enum InputText {
    public static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    public static func read(_ path: String) throws(GeoJSONFileError) -> String {
        guard let text = String(data: try bytes(path), encoding: .utf8) else { throw .unreadable(.notUTF8(path)) }
        return text
    }

    /// The input's bytes, not yet decoded.
    public static func bytes(_ path: String) throws(GeoJSONFileError) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw .unreadable(.notFound(path))
        }
        guard !isDir.boolValue else { throw .unreadable(.isDirectory(path)) }
        guard let d = FileManager.default.contents(atPath: path) else { throw .unreadable(.unreadable(path)) }
        return d
    }
}

public enum InputTextError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String)
    case notUTF8(String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .isDirectory(let p): return "\(p): is a folder, expected a file"
        case .unreadable(let p): return "\(p): cannot be read (permissions?)"
        case .notUTF8(let p): return "\(InputText.displayName(p)): not UTF-8 text"
        }
    }
}
