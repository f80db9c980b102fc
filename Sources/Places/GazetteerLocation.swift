import Foundation

/// Where the embedded default gazetteer lives: `Gazetteer/build/gazetteer.sqlite` in the source tree, found
/// from any working directory.
public enum GazetteerLocation {
    public static let relativePath = "Gazetteer/build/gazetteer.sqlite"

    /// `$GEOMAP_GAZETTEER`, else the tree the running binary was built in (`.build/<config>/geomap`), else the
    /// tree this source file was compiled from.
    public static func defaultPath() -> String {
        if let env = ProcessInfo.processInfo.environment["GEOMAP_GAZETTEER"], !env.isEmpty { return env }
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent(relativePath)
            if fm.fileExists(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return sourceRoot.appendingPathComponent(relativePath).path
    }
}
