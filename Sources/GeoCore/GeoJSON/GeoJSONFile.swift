import Foundation

/// Reads GeoJSON files (or standard input for "-"), with errors that name the file.
public enum GeoJSONFile {
    public static func read(_ path: String) throws(GeoJSONFileError) -> GeoJSONFeatureCollection {
        let text = try InputText.read(path)
        do { return try GeoJSONFeatureCollection(text: text) } catch {
            throw .malformed(path, error)
        }
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
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw .unreadable(.notFound(path))
            }
            guard !isDir.boolValue else { throw .unreadable(.isDirectory(path)) }
            guard let d = FileManager.default.contents(atPath: path) else { throw .unreadable(.unreadable(path)) }
            data = d
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(.notUTF8(path)) }
        return text
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
