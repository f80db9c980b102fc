import Foundation

/// Leaflet and Leaflet.markercluster as Debian installs them (`libjs-leaflet`, `libjs-leaflet.markercluster`),
/// read to be inlined into an HTML map: scripts with their copyright and licence from the packages' copyright
/// files, style sheets with their images as `data:` URIs (an offline page loads nothing).
public struct LeafletLibrary: Sendable {
    public let leaflet: String, markerCluster: String, styles: String

    /// Debian's folder; `GEOMAP_LEAFLET_DIR` names another one holding the same files.
    public static var folder: String {
        ProcessInfo.processInfo.environment["GEOMAP_LEAFLET_DIR"] ?? "/usr/share/javascript/leaflet"
    }

    public static func load(folder: String = folder, documentation: String = "/usr/share/doc") throws(MapError) -> LeafletLibrary {
        func read(_ name: String, package: String) throws(MapError) -> String {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .badInput(path, "cannot read \(name): install Debian's \(package) (scripts/setup.sh does), or set GEOMAP_LEAFLET_DIR to a folder holding it")
            }
            return withoutSourceMaps(text)
        }
        let leaflet = try read("leaflet.min.js", package: "libjs-leaflet")
        let cluster = try read("leaflet.markercluster.min.js", package: "libjs-leaflet.markercluster")
        var css = try read("leaflet.css", package: "libjs-leaflet")
        for image in ["layers-2x.png", "layers.png", "marker-icon.png"] {
            let path = (folder as NSString).appendingPathComponent("images/" + image)
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            css = css.replacingOccurrences(of: "url(images/\(image))", with: "url(data:image/png;base64,\(bytes.base64EncodedString()))")
        }
        let clusterCSS = try read("MarkerCluster.css", package: "libjs-leaflet.markercluster")
            + "\n" + read("MarkerCluster.Default.css", package: "libjs-leaflet.markercluster")
        let doc = documentation as NSString
        return LeafletLibrary(
            leaflet: licenceComment("Leaflet", file: "leaflet.min.js", copyright: doc.appendingPathComponent("libjs-leaflet/copyright")) + leaflet,
            markerCluster: licenceComment("Leaflet.markercluster", file: "leaflet.markercluster.min.js",
                                          copyright: doc.appendingPathComponent("libjs-leaflet.markercluster/copyright")) + cluster,
            styles: css + "\n" + clusterCSS)
    }

    /// Source-map comments point at files the page does not carry.
    static func withoutSourceMaps(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("//# sourceMappingURL=") && !$0.hasPrefix("/*# sourceMappingURL=") }
            .joined(separator: "\n")
    }

    /// `/*! … */` with the copyright lines and licence text of the package's main files (`Files: *`), read
    /// from its machine-readable copyright file.
    static func licenceComment(_ name: String, file: String, copyright path: String) -> String {
        var lines = ["\(name): \(file) from Debian (\(path))"]
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let stanzas = DebianCopyright.stanzas(text)
            if let main = stanzas.first(where: { $0["Files"] == "*" }) {
                lines.append("Copyright: " + (main["Copyright"] ?? "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; "))
                let licence = main["License"]?.split(separator: "\n").first.map(String.init) ?? ""
                lines.append("License: " + licence)
                if let full = stanzas.first(where: { $0["Files"] == nil && $0["License"]?.split(separator: "\n").first.map(String.init) == licence })?["License"] {
                    lines += full.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
                }
            }
        }
        return "/*!\n" + lines.map { " * " + $0.replacingOccurrences(of: "*/", with: "* /") }.joined(separator: "\n") + "\n */\n"
    }
}

/// Debian's machine-readable copyright format (DEP-5): stanzas of fields, continuation lines indented,
/// " ." an empty line.
enum DebianCopyright {
    static func stanzas(_ text: String) -> [[String: String]] {
        var out: [[String: String]] = [], current: [String: String] = [:], key: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { out.append(current); current = [:] }
                key = nil
            } else if line.first == " " || line.first == "\t", let k = key {
                let body = line.trimmingCharacters(in: .whitespaces)
                current[k, default: ""] += "\n" + (body == "." ? "" : body)
            } else if let colon = line.firstIndex(of: ":") {
                let k = String(line[..<colon])
                current[k] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                key = k
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.map { $0.mapValues { $0.hasPrefix("\n") ? String($0.dropFirst()) : $0 } }
    }
}
