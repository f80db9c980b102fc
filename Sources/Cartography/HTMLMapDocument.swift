import Foundation
import GeoCore
import Places

/// An interactive map in one HTML file that opens from `file://` with no network: Leaflet (Debian's) and the
/// map's script inlined, the layers as JSON in a data block. Its Content-Security-Policy lets only these
/// scripts and styles run (by their SHA-256) and, without `tiles`, forbids every request; report text is
/// data, drawn as text.
public struct HTMLMapDocument {
    public var title: String
    public var asOf: String?
    public var extent: BoundingBox?
    public var tiles: TileSource?
    public var attribution = MapRenderer.baseAttribution
    /// Incidents above this count are clustered on a canvas.
    public var clusterAbove = 1500

    public init(title: String, asOf: String?, extent: BoundingBox?, tiles: TileSource?) {
        self.title = title; self.asOf = asOf; self.extent = extent; self.tiles = tiles
    }

    public func render(_ layers: MapLayers, gazetteer: GazetteerStore?, library: LeafletLibrary) throws -> String {
        guard let extent = extent ?? MapRenderer.autoExtent(layers) else { throw MapError.nothingToDraw }
        var data = HTMLMapData(title: title, subtitle: asOf.map { "as of \($0)" }, attribution: attribution + ["Leaflet (BSD-2-Clause)", "Made with geomap"],
                               tiles: tiles, extent: extent)
        data.clusterAbove = clusterAbove
        let json = Self.scriptSafe(JSONWriter.string(try data.json(layers, gazetteer: gazetteer)))
        let app = try Self.resource("map", "js"), styles = library.styles + "\n" + (try Self.resource("map", "css"))
        let scripts = [library.leaflet, library.markerCluster, app]
        let policy = [
            "default-src 'none'",
            "script-src " + scripts.map { "'sha256-\(Self.digest($0))'" }.joined(separator: " "),
            "style-src 'sha256-\(Self.digest(styles))'",
            "img-src data:" + (tiles.map { " " + $0.origin } ?? ""),
            "connect-src 'none'", "font-src 'none'", "base-uri 'none'", "form-action 'none'",
        ].joined(separator: "; ")
        // The policy is written as it is (quotes included): it holds base64 digests and a checked host only.
        precondition(!policy.contains { "\"<>&".contains($0) })
        let esc = SVGText.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="geomap \(esc(GeomapVersion.current))">
            <title>\(esc(title))</title>
            <style>\(styles)</style>
            </head>
            <body>
            <svg width="0" height="0" aria-hidden="true" focusable="false"><defs><pattern id="geomap-hatch" width="8" height="8" \
            patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="#333333" stroke-width="2"/>\
            </pattern></defs></svg>
            <div id="map" role="application" aria-label="\(esc(title))"></div>
            <script type="application/json" id="geomap-data">\(json)</script>

            """
        for s in scripts { html += "<script>\(s)</script>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    /// JSON that cannot end its script element or open a comment inside it: every `<` as `\u003c` (the
    /// same string to JSON.parse).
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// The base64 SHA-256 of a script or style element's text, as a Content-Security-Policy names it.
    static func digest(_ text: String) -> String {
        Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
    }

    static func resource(_ name: String, _ ext: String) throws(MapError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Web"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw .badInput("\(name).\(ext)", "the HTML map's \(ext == "js" ? "script" : "style sheet") is missing from geomap's resources")
        }
        return text
    }
}
