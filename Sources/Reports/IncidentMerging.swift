import Foundation
import GeoCore
import Incidents

/// One incident told several times (a headline, then the details) becomes one, with every claim.
extension EventExtractor {
    /// Same kind of incident told twice: keep one, with the most precise location and every figure.
    static func merge(_ list: [Incident]) -> [Incident] {
        var out: [Incident] = []
        for e in list {
            if let k = out.firstIndex(where: { compatible($0, e) }) {
                var m = out[k]
                // The incident's own sentence beats a carried-over place; then the more precise place wins.
                let better = (m.locationFromContext && !e.locationFromContext && e.point != nil)
                    || (m.locationFromContext == e.locationFromContext && (e.geoPrecision ?? 9) < (m.geoPrecision ?? 9))
                if better || m.point == nil {
                    m.point = e.point; m.placeID = e.placeID; m.admin1 = e.admin1; m.locationText = e.locationText
                    m.geoPrecision = e.geoPrecision; m.locationFromContext = e.locationFromContext
                }
                if m.subType == "killing", e.subType != "killing" {
                    m.subType = e.subType; m.eventType = e.eventType; m.subEventType = e.subEventType
                }
                for c in e.claims where !m.claims.contains(c) {
                    // A figure now attributed replaces the same figure without a source.
                    if let u = m.claims.firstIndex(where: { $0.count == c.count && $0.source == nil }) { m.claims[u] = c } else if c.source != nil || !m.claims.contains(where: { $0.count == c.count }) { m.claims.append(c) }
                }
                for a in e.actors where !m.actors.contains(a) { m.actors.append(a) }
                if m.dateSource != .text, e.dateSource == .text { m.date = e.date; m.dateSource = e.dateSource; m.timePrecision = e.timePrecision }
                m.evidence = min(m.evidence.lowerBound, e.evidence.lowerBound)..<max(m.evidence.upperBound, e.evidence.upperBound)
                out[k] = m
            } else {
                out.append(e)
            }
        }
        return out
    }

    /// The same incident told again (a headline, then the details): the same kind (a death of unstated cause
    /// joins any kind with its toll), and the same toll, or the same place, or one adds no toll and has no place
    /// of its own or is told for the whole governorate the other lies in.
    static func compatible(_ a: Incident, _ b: Incident) -> Bool {
        let sameToll = a.claims.contains { x in b.claims.contains { $0.count == x.count } }
        guard a.subType == b.subType || ((a.subType == "killing" || b.subType == "killing") && sameToll) else { return false }
        if sameToll { return true }
        if a.placeID != nil, a.placeID == b.placeID { return true }
        guard a.claims.isEmpty || b.claims.isEmpty else { return false }
        if a.point == nil || b.point == nil || a.locationFromContext || b.locationFromContext { return true }
        // A governorate-level telling (precision 3) and a precise one in that governorate; two places each
        // precise (a town, a relative location about another) are two incidents.
        return a.admin1 != nil && a.admin1 == b.admin1 && a.geoPrecision != b.geoPrecision && max(a.geoPrecision ?? 0, b.geoPrecision ?? 0) == 3
    }
}
