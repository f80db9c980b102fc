import Foundation
import GeoCore
import Incidents
import Geometry
import Places

/// Draws a map of the layers as SVG: basemap (Natural Earth countries and first-level regions from the
/// gazetteer), control zones per actor (contested hatched), uncertainty areas (dashed, with a line to their
/// anchor), incidents (symbol by event type, size by deaths), place labels without overlaps, a legend panel
/// beside the map (never over the data), a geodesic scale bar, a north arrow, the title, the as-of date and
/// the attribution. Groups carry ids (`basemap`, `control_zones`, `uncertainty`, `incidents`, `places`,
/// `labels`, `legend`, `furniture`) and the root carries the projection, so a reader can check where things are.
public struct MapRenderer {
    public var title: String
    public var asOf: String?
    public var width: Double
    public var extent: BoundingBox?
    /// Sources named in the attribution line.
    public var attribution = MapRenderer.baseAttribution
    /// The sources every map draws from: the gazetteer's places and Natural Earth's boundaries.
    public static let baseAttribution = ["Places: GeoNames (CC BY 4.0)", "Boundaries: Natural Earth (public domain)"]

    public init(title: String, asOf: String?, width: Double, extent: BoundingBox?) {
        self.title = title; self.asOf = asOf; self.width = width; self.extent = extent
    }

    /// Places drawn as points: countries and first-level regions are the basemap's business.
    static func isPoint(_ place: GeoJSONFeature) -> Bool {
        !["country", "region"].contains(place.properties["kind"]?.stringValue ?? "")
    }

    /// The extent that shows the incidents, zones and uncertainty areas, and the places within 300 km of
    /// them (a report on Syria that mentions talks in Geneva should not get a map of Europe); only places
    /// when there is nothing else. Padded by 15 %, at least half a degree across.
    public static func autoExtent(_ layers: MapLayers) -> BoundingBox? {
        let core = (layers.incidents + layers.zones + layers.uncertainty).compactMap(\.geometry).flatMap(\.allCoordinates)
        let points = layers.places.filter(isPoint).compactMap(\.geometry).flatMap(\.allCoordinates)
        var all = core
        if let box = BoundingBox(covering: core) {
            let near = box.expanded(by: 2.7)   // ≈ 300 km of latitude
            all += points.filter { near.containsPlanar($0) }
        } else {
            all = points
        }
        guard let b = BoundingBox(covering: all) else { return nil }
        let padLon = max(0.25, (b.east - b.west) * 0.15), padLat = max(0.25, (b.north - b.south) * 0.15)
        return BoundingBox(west: max(-180, b.west - padLon), south: max(-85, b.south - padLat),
                           east: min(180, b.east + padLon), north: min(85, b.north + padLat))
    }

    public func render(_ layers: MapLayers, gazetteer: GazetteerStore?) throws -> String {
        guard let extent = extent ?? Self.autoExtent(layers) else { throw MapError.nothingToDraw }
        let W = width, u = W / 100            // u: the unit every size is measured in (16 px at 1600 px wide)
        let margin = 2 * u, titleBand = 7.5 * u, footBand = 4 * u, legendWidth = 24 * u
        let frame = try MapFrame(extent: extent, x: margin, y: titleBand, width: W - legendWidth - 3 * margin,
                                 maxHeight: 1.3 * (W - legendWidth - 3 * margin), minHeight: 0.55 * (W - legendWidth - 3 * margin))
        let H = titleBand + frame.height + footBand
        let n = SVGText.number, esc = SVGText.escape
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(W))" height="\(n(H))" viewBox="0 0 \(n(W)) \(n(H))" \
            font-family="DejaVu Sans, Helvetica, Arial, sans-serif" data-crs="\(esc(frame.definition))" \
            data-transform="\(frame.scale) \(frame.originX) \(frame.originY)">

            """
        svg += "<defs><clipPath id=\"frame\"><rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\"/></clipPath>"
        svg += "<pattern id=\"hatch\" width=\"\(n(u * 0.8))\" height=\"\(n(u * 0.8))\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        svg += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(n(u * 0.8))\" stroke=\"#333333\" stroke-width=\"\(n(u * 0.15))\"/></pattern></defs>\n"
        svg += "<rect width=\"\(n(W))\" height=\"\(n(H))\" fill=\"#ffffff\"/>\n"
        svg += "<rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" fill=\"#dfe8f0\"/>\n"

        var labels = LabelPlacer(bounds: .init(x: frame.x + u * 0.5, y: frame.y + u * 0.5, width: frame.width - u, height: frame.height - u))
        // Labels keep clear of the north arrow (top right) and the scale bar (bottom left).
        labels.block(.init(x: frame.x + frame.width - 4.2 * u, y: frame.y, width: 4.2 * u, height: 5.2 * u))
        labels.block(.init(x: frame.x, y: frame.y + frame.height - 4.2 * u, width: frame.width * 0.2 + 6 * u, height: 4.2 * u))

        // Basemap: countries touching the extent, their first-level regions, neighbours named.
        svg += "<g id=\"basemap\" clip-path=\"url(#frame)\">\n"
        var countryLabels: [(String, (x: Double, y: Double))] = []
        if let gazetteer {
            let engine = try GeometryEngine()
            let basemap = try Basemap(gazetteer, near: extent.expanded(by: 1), layers: layers)
            for c in basemap.countries {
                let fill = basemap.focus.contains(c.country ?? "") ? "#fbfaf7" : "#e8e4db"
                svg += "<path class=\"country\" d=\"\(frame.pathData(c.geometry))\" fill=\"\(fill)\" stroke=\"none\"/>\n"
            }
            for r in basemap.regions {
                svg += "<path class=\"region\" d=\"\(frame.pathData(r.geometry))\" fill=\"none\" stroke=\"#b9b1a4\" stroke-width=\"\(n(u * 0.06))\" stroke-dasharray=\"\(n(u * 0.3)) \(n(u * 0.2))\"/>\n"
            }
            for c in basemap.countries {
                svg += "<path class=\"border\" d=\"\(frame.pathData(c.geometry))\" fill=\"none\" stroke=\"#6f685e\" stroke-width=\"\(n(u * 0.14))\" stroke-linejoin=\"round\"/>\n"
            }
            for c in basemap.countries {
                guard let at = Basemap.labelPoint(c.geometry, in: extent, engine: engine), let p = frame.pixel(at) else { continue }
                countryLabels.append((c.name.uppercased(), p))
            }
        }
        svg += "</g>\n"

        // Control zones.
        let actors = layers.zoneActors
        let colours = MapStyle.actorColours(actors)
        svg += "<g id=\"control_zones\" clip-path=\"url(#frame)\">\n"
        var hasContested = false
        for z in layers.zones {
            guard let g = z.geometry else { continue }
            let actor = z.properties["actor"]?.stringValue ?? ""
            let contested = z.properties["status"]?.stringValue == "contested"
            hasContested = hasContested || contested
            let style = contested
                ? "fill=\"url(#hatch)\" stroke=\"#333333\" stroke-width=\"\(n(u * 0.1))\""
                : "fill=\"\(colours[actor] ?? "#777777")\" fill-opacity=\"0.35\" stroke=\"\(colours[actor] ?? "#777777")\" stroke-width=\"\(n(u * 0.15))\""
            svg += "<path class=\"zone\" data-actor=\"\(esc(actor))\" data-status=\"\(contested ? "contested" : "controls")\" fill-rule=\"evenodd\" d=\"\(frame.pathData(g))\" \(style)/>\n"
        }
        svg += "</g>\n"

        // Uncertainty areas: dashed outlines, a thin line from the anchor to the located point.
        svg += "<g id=\"uncertainty\" clip-path=\"url(#frame)\">\n"
        for a in layers.uncertainty {
            guard let g = a.geometry else { continue }
            svg += "<path class=\"uncertainty\" d=\"\(frame.pathData(g))\" fill=\"#555555\" fill-opacity=\"0.06\" stroke=\"#333333\" stroke-width=\"\(n(u * 0.12))\" stroke-dasharray=\"\(n(u * 0.6)) \(n(u * 0.35))\"/>\n"
            if let alat = a.properties["anchor_lat"]?.numberValue, let alon = a.properties["anchor_lon"]?.numberValue,
               let lat = a.properties["lat"]?.numberValue, let lon = a.properties["lon"]?.numberValue,
               let p = frame.pixel(Coordinate(longitude: alon, latitude: alat)), let q = frame.pixel(Coordinate(longitude: lon, latitude: lat)),
               abs(p.x - q.x) + abs(p.y - q.y) > 1 {
                svg += "<line class=\"anchor-line\" x1=\"\(n(p.x))\" y1=\"\(n(p.y))\" x2=\"\(n(q.x))\" y2=\"\(n(q.y))\" stroke=\"#333333\" stroke-width=\"\(n(u * 0.08))\"/>\n"
            }
        }
        svg += "</g>\n"

        // Places as dots, under the incidents; their labels come last, over everything.
        let places = layers.places.filter(Self.isPoint).compactMap { f -> (String, Coordinate, Double)? in
            guard case .point(let c)? = f.geometry, let name = f.properties["name"]?.stringValue else { return nil }
            return (name, c, f.properties["mentions"]?.numberValue ?? 0)
        }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        svg += "<g id=\"places\">\n"
        for (name, c, _) in places {
            guard let p = frame.pixel(c), frame.contains(p) else { continue }
            svg += "<circle class=\"place\" cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(u * 0.25))\" fill=\"#222222\"><title>\(esc(name))</title></circle>\n"
        }
        svg += "</g>\n"

        // Incidents, largest first so small ones stay visible on top.
        let types = layers.eventTypes
        let symbols = MapStyle.symbols(for: types)
        svg += "<g id=\"incidents\">\n"
        var symbolRadius: [PixelKey: Double] = [:]   // a place's label must clear the incident drawn on it
        let drawn = layers.incidents.compactMap { f -> (GeoJSONFeature, Coordinate, Int?)? in
            guard case .point(let c)? = f.geometry else { return nil }
            // A toll from a layer is drawn within geomap's range of tolls; any number a file holds, never a trap.
            let best = f.properties[IncidentColumn.fatalitiesBest.name]?.numberValue
            return (f, c, best.flatMap { $0.isFinite && $0 >= 0 ? Int(min($0, Double(IncidentColumn.tollRange.upperBound))) : nil })
        }.sorted { ($0.2 ?? 0) > ($1.2 ?? 0) }
        for (f, c, dead) in drawn {
            guard let p = frame.pixel(c), frame.contains(p) else { continue }
            let type = f.properties[IncidentColumn.eventType.name]?.stringValue ?? ""
            let r = MapStyle.radius(fatalities: dead, unit: u)
            labels.block(.init(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r))
            symbolRadius[PixelKey(p)] = max(symbolRadius[PixelKey(p)] ?? 0, r)
            let fill = dead == nil ? "fill=\"#ffffff\"" : "fill=\"#a50f15\" fill-opacity=\"0.85\""
            svg += "<g class=\"incident\" data-id=\"\(esc(f.id?.description ?? ""))\" data-lon=\"\(c.longitude)\" data-lat=\"\(c.latitude)\" transform=\"translate(\(n(p.x)) \(n(p.y)))\">"
            svg += "<title>\(esc([f.properties[IncidentColumn.eventDate.name]?.stringValue, f.properties[IncidentColumn.subType.name]?.stringValue, f.properties[IncidentColumn.location.name]?.stringValue, dead.map { "\($0) dead" }].compactMap { $0 }.joined(separator: " · ")))</title>"
            svg += MapStyle.shape(symbols[type] ?? .circle, r: r, attributes: "\(fill) stroke=\"#3b0a0c\" stroke-width=\"\(n(u * 0.1))\"") + "</g>\n"
        }
        svg += "</g>\n"

        // Labels: neighbouring countries' names first, then places by mentions.
        svg += "<g id=\"labels\">\n"
        for (name, p) in countryLabels where frame.contains(p) {
            guard let l = labels.place(name, at: p, fontSize: u * 1.0, gap: 0) else { continue }
            svg += "<text class=\"label country\" data-box=\"\(n(l.box.x)) \(n(l.box.y)) \(n(l.box.width)) \(n(l.box.height))\" x=\"\(n(l.textX))\" y=\"\(n(l.baseline))\" font-size=\"\(n(u * 1.0))\" fill=\"#8c857a\" letter-spacing=\"\(n(u * 0.05))\">\(esc(name))</text>\n"
        }
        for (name, c, _) in places {
            guard let p = frame.pixel(c), frame.contains(p) else { continue }
            let gap = u * 0.5 + (symbolRadius[PixelKey(p)] ?? 0)
            guard let l = labels.place(name, at: p, fontSize: u * 1.05, gap: gap) else { continue }
            svg += "<text class=\"label\" data-box=\"\(n(l.box.x)) \(n(l.box.y)) \(n(l.box.width)) \(n(l.box.height))\" x=\"\(n(l.textX))\" y=\"\(n(l.baseline))\" font-size=\"\(n(u * 1.05))\" fill=\"#111111\" stroke=\"#ffffff\" stroke-width=\"\(n(u * 0.25))\" paint-order=\"stroke\">\(esc(name))</text>\n"
        }
        svg += "</g>\n"
        svg += "<rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" fill=\"none\" stroke=\"#444444\" stroke-width=\"\(n(u * 0.1))\"/>\n"

        svg += legend(x: frame.x + frame.width + margin, y: frame.y, u: u, actors: actors, colours: colours, contested: hasContested,
                      types: types, symbols: symbols, incidents: !drawn.isEmpty, uncertainty: !layers.uncertainty.isEmpty, places: !places.isEmpty)
        svg += furniture(frame: frame, u: u, W: W, H: H)
        svg += "</svg>\n"
        return svg
    }

    func legend(x: Double, y: Double, u: Double, actors: [String], colours: [String: String], contested: Bool, types: [String],
                symbols: [String: MapStyle.Symbol], incidents: Bool, uncertainty: Bool, places: Bool) -> String {
        let n = SVGText.number, esc = SVGText.escape
        var out = "<g id=\"legend\" font-size=\"\(n(u * 1.0))\" fill=\"#222222\">\n"
        var cy = y + u
        func heading(_ t: String) {
            out += "<text x=\"\(n(x))\" y=\"\(n(cy + u))\" font-weight=\"bold\">\(esc(t))</text>\n"
            cy += 2 * u
        }
        func entry(_ kind: String, _ key: String, swatch: String, label: String) {
            out += "<g class=\"legend-entry\" data-kind=\"\(kind)\" data-key=\"\(esc(key))\">\(swatch)"
            out += "<text x=\"\(n(x + 2.6 * u))\" y=\"\(n(cy + 0.35 * u))\">\(esc(label))</text></g>\n"
            cy += 1.8 * u
        }
        if !actors.isEmpty || contested {
            heading("Control")
            for a in actors {
                let c = colours[a] ?? "#777777"
                entry("actor", a, swatch: "<rect x=\"\(n(x))\" y=\"\(n(cy - 0.6 * u))\" width=\"\(n(1.8 * u))\" height=\"\(n(1.2 * u))\" fill=\"\(c)\" fill-opacity=\"0.35\" stroke=\"\(c)\" stroke-width=\"\(n(u * 0.15))\"/>", label: a)
            }
            if contested {
                entry("contested", "contested", swatch: "<rect x=\"\(n(x))\" y=\"\(n(cy - 0.6 * u))\" width=\"\(n(1.8 * u))\" height=\"\(n(1.2 * u))\" fill=\"url(#hatch)\" stroke=\"#333333\" stroke-width=\"\(n(u * 0.1))\"/>", label: "contested")
            }
            cy += 0.8 * u
        }
        if incidents {
            heading("Incidents")
            for t in types {
                let sym = MapStyle.shape(symbols[t] ?? .circle, r: 0.55 * u, attributes: "fill=\"#a50f15\" fill-opacity=\"0.85\" stroke=\"#3b0a0c\" stroke-width=\"\(n(u * 0.1))\"")
                entry("event_type", t, swatch: "<g transform=\"translate(\(n(x + 0.9 * u)) \(n(cy)))\">\(sym)</g>", label: t)
            }
            cy += 0.4 * u
            out += "<text x=\"\(n(x))\" y=\"\(n(cy + 0.4 * u))\" font-size=\"\(n(u * 0.9))\">Dead (best estimate)</text>\n"
            cy += 1.2 * u
            var sx = x
            for d in [1, 10, 50] {
                let r = MapStyle.radius(fatalities: d, unit: u)
                out += "<g class=\"legend-entry\" data-kind=\"size\" data-key=\"\(d)\"><circle cx=\"\(n(sx + r))\" cy=\"\(n(cy + r))\" r=\"\(n(r))\" fill=\"#a50f15\" fill-opacity=\"0.85\" stroke=\"#3b0a0c\" stroke-width=\"\(n(u * 0.1))\"/>"
                out += "<text x=\"\(n(sx + r))\" y=\"\(n(cy + 2 * r + 1.1 * u))\" text-anchor=\"middle\" font-size=\"\(n(u * 0.85))\">\(d)</text></g>\n"
                sx += 2 * r + 1.2 * u
            }
            cy += 2 * MapStyle.radius(fatalities: 50, unit: u) + 2 * u
            let r = MapStyle.radius(fatalities: nil, unit: u)
            entry("size", "unknown", swatch: "<circle cx=\"\(n(x + 0.9 * u))\" cy=\"\(n(cy))\" r=\"\(n(r))\" fill=\"#ffffff\" stroke=\"#3b0a0c\" stroke-width=\"\(n(u * 0.1))\"/>", label: "toll not reported")
            cy += 0.8 * u
        }
        if uncertainty || places {
            heading("Locations")
            if uncertainty {
                entry("uncertainty", "uncertainty", swatch: "<rect x=\"\(n(x))\" y=\"\(n(cy - 0.6 * u))\" width=\"\(n(1.8 * u))\" height=\"\(n(1.2 * u))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"\(n(u * 0.12))\" stroke-dasharray=\"\(n(u * 0.4)) \(n(u * 0.25))\"/>", label: "uncertainty of a relative location")
            }
            if places {
                entry("place", "place", swatch: "<circle cx=\"\(n(x + 0.9 * u))\" cy=\"\(n(cy))\" r=\"\(n(u * 0.25))\" fill=\"#222222\"/>", label: "place named in the reports")
            }
        }
        out += "</g>\n"
        return out
    }

    func furniture(frame: MapFrame, u: Double, W: Double, H: Double) -> String {
        let n = SVGText.number, esc = SVGText.escape
        var out = "<g id=\"furniture\" fill=\"#222222\">\n"
        out += "<text class=\"title\" x=\"\(n(frame.x))\" y=\"\(n(3.6 * u))\" font-size=\"\(n(2.2 * u))\" font-weight=\"bold\">\(esc(title))</text>\n"
        if let asOf {
            out += "<text class=\"as-of\" x=\"\(n(frame.x))\" y=\"\(n(5.9 * u))\" font-size=\"\(n(1.3 * u))\" fill=\"#444444\">as of \(esc(asOf))</text>\n"
        }
        // Scale bar, bottom left on a white plate.
        if let bar = ScaleBar.measure(frame) {
            let bx = frame.x + 1.2 * u, by = frame.y + frame.height - 2.2 * u
            let label = bar.kilometers >= 1 ? "\(SVGText.number(bar.kilometers)) km" : "\(SVGText.number(bar.kilometers * 1000)) m"
            out += "<g class=\"scale-bar\" data-km=\"\(bar.kilometers)\" data-px=\"\(bar.pixels)\">"
            out += "<rect x=\"\(n(bx - 0.6 * u))\" y=\"\(n(by - 1.6 * u))\" width=\"\(n(bar.pixels + 1.2 * u + LabelPlacer.textWidth(label, fontSize: u)))\" height=\"\(n(2.4 * u))\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
            out += "<rect x=\"\(n(bx))\" y=\"\(n(by - 0.25 * u))\" width=\"\(n(bar.pixels / 2))\" height=\"\(n(0.5 * u))\" fill=\"#222222\"/>"
            out += "<rect x=\"\(n(bx + bar.pixels / 2))\" y=\"\(n(by - 0.25 * u))\" width=\"\(n(bar.pixels / 2))\" height=\"\(n(0.5 * u))\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"\(n(u * 0.08))\"/>"
            out += "<text x=\"\(n(bx + bar.pixels + 0.5 * u))\" y=\"\(n(by + 0.35 * u))\" font-size=\"\(n(u))\">\(label)</text></g>\n"
        }
        // North arrow, top right: it points along the meridian through the map's centre.
        let c = frame.extent.center
        if let p0 = frame.pixel(c), let p1 = frame.pixel(Coordinate(longitude: c.longitude, latitude: min(89.9, c.latitude + 0.1))) {
            let angle = atan2(p1.x - p0.x, p0.y - p1.y) * 180 / .pi
            let ax = frame.x + frame.width - 2.2 * u, ay = frame.y + 3 * u
            out += "<g class=\"north-arrow\" transform=\"translate(\(n(ax)) \(n(ay))) rotate(\(n(angle)))\">"
            out += "<circle r=\"\(n(1.7 * u))\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
            out += "<path d=\"M0 \(n(-1.3 * u))L\(n(0.6 * u)) \(n(0.8 * u))L0 \(n(0.3 * u))L\(n(-0.6 * u)) \(n(0.8 * u))Z\" fill=\"#222222\"/>"
            out += "<text y=\"\(n(-1.75 * u))\" text-anchor=\"middle\" font-size=\"\(n(0.9 * u))\" font-weight=\"bold\">N</text></g>\n"
        }
        out += "<text class=\"attribution\" x=\"\(n(frame.x))\" y=\"\(n(H - 1.4 * u))\" font-size=\"\(n(0.85 * u))\" fill=\"#555555\">\(esc(attribution.joined(separator: " · ") + " · Projection: Lambert azimuthal equal-area (PROJ) · Made with geomap"))</text>\n"
        out += "</g>\n"
        return out
    }
}

/// A pixel position rounded to whole pixels, to find what is drawn at a point.
struct PixelKey: Hashable {
    let x: Int, y: Int
    init(_ p: (x: Double, y: Double)) { x = Self.pixel(p.x); y = Self.pixel(p.y) }

    /// Far-off or undefined positions share the edge keys rather than trap.
    static func pixel(_ v: Double) -> Int { Int(max(-1e12, min(1e12, v.rounded()))) }
}
