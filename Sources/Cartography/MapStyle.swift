import Foundation
import GeoCore
/// Colours and symbols. Actors get the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies), in a stable order: the same actors get the same colours on every map.
public enum MapStyle {
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    /// Colours for a set of actors: each actor's preferred slot comes from its name (FNV-1a), taken in name
    /// order, moving to the next free slot on a clash.
    public static func actorColours(_ actors: [String]) -> [String: String] {
        var used = Set<Int>(), out: [String: String] = [:]
        for a in Set(actors).sorted() {
            var slot = Int(fnv1a(a) % UInt64(palette.count))
            if used.count < palette.count { while used.contains(slot) { slot = (slot + 1) % palette.count } }
            used.insert(slot)
            out[a] = palette[slot]
        }
        return out
    }

    static func fnv1a(_ s: String) -> UInt64 { StableHash.fnv1a(s) }

    /// Colours of ACLED's event types on the interactive map (ColorBrewer Set1, apart from the actors'
    /// Okabe–Ito hues); other types take grey.
    public static let eventTypeColours: [String: String] = [
        "Battles": "#e41a1c", "Explosions/Remote violence": "#ff7f00", "Violence against civilians": "#984ea3",
        "Strategic developments": "#4daf4a", "Protests": "#377eb8", "Riots": "#a65628",
    ]

    public enum Symbol: String, CaseIterable, Sendable { case circle, square, triangle, diamond, pentagon, cross }

    /// ACLED's event types have fixed shapes; others take the remaining shapes in name order.
    public static func symbols(for types: [String]) -> [String: Symbol] {
        let fixed: [String: Symbol] = ["Explosions/Remote violence": .circle, "Battles": .square, "Violence against civilians": .triangle,
                                       "Strategic developments": .diamond, "Protests": .pentagon, "Riots": .cross]
        var out: [String: Symbol] = [:]
        var spare = Symbol.allCases.filter { s in !fixed.values.contains(s) || !types.contains { fixed[$0] == s } }
        for t in Set(types).sorted() {
            if let s = fixed[t] { out[t] = s } else { out[t] = spare.isEmpty ? .circle : spare.removeFirst() }
        }
        return out
    }

    /// SVG for a symbol of radius `r` centred on (0, 0).
    public static func shape(_ s: Symbol, r: Double, attributes: String) -> String {
        let n = SVGText.number
        switch s {
        case .circle: return "<circle r=\"\(n(r))\" \(attributes)/>"
        case .square: return "<rect x=\"\(n(-r * 0.886))\" y=\"\(n(-r * 0.886))\" width=\"\(n(r * 1.772))\" height=\"\(n(r * 1.772))\" \(attributes)/>"
        case .triangle:
            return "<path d=\"M0 \(n(-r * 1.25))L\(n(r * 1.1)) \(n(r * 0.7))L\(n(-r * 1.1)) \(n(r * 0.7))Z\" \(attributes)/>"
        case .diamond: return "<path d=\"M0 \(n(-r * 1.25))L\(n(r * 1.25)) 0L0 \(n(r * 1.25))L\(n(-r * 1.25)) 0Z\" \(attributes)/>"
        case .pentagon:
            let pts = (0..<5).map { k -> String in
                let a = Double(k) * 2 * .pi / 5 - .pi / 2
                return "\(n(r * 1.1 * cos(a))) \(n(r * 1.1 * sin(a)))"
            }
            return "<path d=\"M\(pts.joined(separator: "L"))Z\" \(attributes)/>"
        case .cross:
            let a = r * 0.4, b = r * 1.1
            return "<path d=\"M\(n(-a)) \(n(-b))H\(n(a))V\(n(-a))H\(n(b))V\(n(a))H\(n(a))V\(n(b))H\(n(-a))V\(n(a))H\(n(-b))V\(n(-a))H\(n(-a))Z\" \(attributes)/>"
        }
    }

    /// Symbol radius in pixels for a death toll (`unit`: a hundredth of the map's width): a base size so a
    /// single death stays visible, plus an area that grows with the number (radius with √).
    public static func radius(fatalities: Int?, unit: Double) -> Double {
        unit * (0.4 + 0.12 * Double(max(0, fatalities ?? 0)).squareRoot())
    }
}
