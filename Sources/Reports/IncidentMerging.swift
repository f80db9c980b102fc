import Foundation
import GeoCore
import Incidents

/// One incident told several times (a headline, then the details) becomes one, with every claim.
extension EventExtractor {
    /// Same kind of incident told twice: keep one, with the most precise location and every figure.
    static func merge(_ list: consuming [Incident]) -> [Incident] {
        var out: [Incident] = []
        out.reserveCapacity(list.count)
        // Each kept incident's kind as a number, and whether it is a killing: most pairs differ in kind and
        // neither is a killing, which `compatible` would turn down first; they are turned down here without
        // reading the incidents.
        var kindNumbers: [String: Int] = [:]
        var kinds: [Int] = [], killings: [Bool] = []
        func number(_ kind: String) -> Int {
            if let n = kindNumbers[kind] { return n }
            kindNumbers[kind] = kindNumbers.count
            return kindNumbers.count - 1
        }
        // Taken from the end of the reversed list: each incident moves into the result, none is copied.
        list.reverse()
        while let e = list.popLast() {
            let kind = number(e.subType), killing = e.subType == "killing"
            // Read in place (`firstIndex(where:)` handed each incident to the test as a copy).
            let k = out.withUnsafeBufferPointer { kept in
                kept.indices.first { (kinds[$0] == kind || killing || killings[$0]) && compatible(kept[$0], e) }
            }
            if let k {
                absorb(e, into: &out[k])
                kinds[k] = number(out[k].subType)
                killings[k] = out[k].subType == "killing"
            } else {
                out.append(consume e)
                kinds.append(kind)
                killings.append(killing)
            }
        }
        return out
    }

    /// `m` told again as `e`: changed in place (an incident is a large value, and copying it back and forth was
    /// most of the merging's cost).
    static func absorb(_ e: Incident, into m: inout Incident) {
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
        // A side named in one telling beats "Unidentified" in another.
        if m.actors.count > 1 { m.actors.removeAll { $0 == "Unidentified" } }
        if m.dateSource != .text, e.dateSource == .text { m.date = e.date; m.dateSource = e.dateSource; m.timePrecision = e.timePrecision }
        m.evidence = min(m.evidence.lowerBound, e.evidence.lowerBound)..<max(m.evidence.upperBound, e.evidence.upperBound)
    }

    /// The same incident told again (a headline, then the details): the same kind (a death of unstated cause
    /// joins any kind with its toll), not on two days the text gives, and the same place, or no place for one of
    /// them, or the same toll at a region and a town of it.
    static func compatible(_ a: Incident, _ b: Incident) -> Bool {
        // Tolls are compared only where they decide (most pairs differ in kind or place first).
        func sameToll() -> Bool { a.claims.contains { x in b.claims.contains { $0.count == x.count && x.count > 0 } } }
        guard a.subType == b.subType || ((a.subType == "killing" || b.subType == "killing") && sameToll()) else { return false }
        // Two days the text gives are two incidents.
        if a.dateSource == .text, b.dateSource == .text, a.date != b.date { return false }
        if a.placeID != nil, a.placeID == b.placeID { return true }
        if a.point == nil || b.point == nil { return true }
        // The same toll at two places of one governorate: a headline's region and the details' town.
        return a.admin1 == b.admin1 && a.geoPrecision != b.geoPrecision && sameToll()
    }
}
