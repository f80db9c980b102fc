import Foundation
import GeoCore
import Incidents

/// A control zone over a period: from `start` to `end`, both days included, the actor's zone of that status
/// stayed the same. The undated period (nil, nil) is drawn from the claims that carry no date.
public struct ControlPeriod: Sendable {
    public let zone: ControlZone
    public let start: ReportDay?
    public let end: ReportDay?
}

extension ControlZoneBuilder {
    /// Control zones as a timeline. A place's claim holds until a later claim on that place (undated claims
    /// count as the oldest, as for `--as-of`). The zones are drawn again only on the days a claim changes
    /// what holds (who, what status, which source), not on every calendar day; each actor × status keeps one
    /// period while its zone (polygons, places, sources) stays the same. The last period ends on the last
    /// claim date. Every period's zone is the zone `build(asOf:)` gives on any of its days.
    public func timeline(_ claims: [ZoneClaim], mode: Mode = .buffer) throws -> [ControlPeriod] {
        guard let center = Self.center(of: claims) else { return [] }
        struct Key: Hashable, Comparable {
            let actor: String, status: String
            static func < (a: Key, b: Key) -> Bool { (a.actor, a.status) < (b.actor, b.status) }
        }
        struct Holding: Equatable { let actor: String, status: ControlStatus, source: String }
        var state: [String: ZoneClaim] = [:]
        var periods: [ControlPeriod] = []
        func inForce() -> [ZoneClaim] { state.values.sorted { $0.place.id < $1.place.id } }

        let undated = claims.filter { $0.date == nil }
        for c in undated { state[c.place.id] = c }
        if !undated.isEmpty {
            periods += try build(inForce: inForce(), day: nil, mode: mode, center: center).map { ControlPeriod(zone: $0, start: nil, end: nil) }
        }
        var byDate: [ReportDay: [ZoneClaim]] = [:]
        for c in claims { if let d = c.date { byDate[d, default: []].append(c) } }   // in input order: the last one of a day wins
        let dates = byDate.keys.sorted()
        var open: [Key: (zone: ControlZone, start: ReportDay)] = [:]
        var holdings: [String: Holding] = state.mapValues { Holding(actor: $0.actor, status: $0.status, source: $0.source) }
        for (k, day) in dates.enumerated() {
            for c in byDate[day] ?? [] { state[c.place.id] = c }
            let now = state.mapValues { Holding(actor: $0.actor, status: $0.status, source: $0.source) }
            if k > 0, now == holdings { continue }   // nothing that is drawn changed: every period goes on
            holdings = now
            var seen: Set<Key> = []
            for zone in try build(inForce: inForce(), day: day, mode: mode, center: center) {
                let key = Key(actor: zone.actor, status: zone.status.rawValue)
                seen.insert(key)
                if let o = open[key], o.zone.geometry == zone.geometry, o.zone.places == zone.places, o.zone.sources == zone.sources { continue }
                if let o = open[key] { periods.append(ControlPeriod(zone: o.zone, start: o.start, end: day.adding(days: -1))) }
                open[key] = (zone, day)
            }
            for (key, o) in open where !seen.contains(key) {
                periods.append(ControlPeriod(zone: o.zone, start: o.start, end: day.adding(days: -1)))
                open[key] = nil
            }
        }
        for (_, o) in open.sorted(by: { $0.key < $1.key }) { periods.append(ControlPeriod(zone: o.zone, start: o.start, end: dates.last)) }
        // By actor and status, then by first day, the undated period first.
        return periods.sorted { a, b in
            let (ka, kb) = (Key(actor: a.zone.actor, status: a.zone.status.rawValue), Key(actor: b.zone.actor, status: b.zone.status.rawValue))
            if ka != kb { return ka < kb }
            guard let sa = a.start else { return b.start != nil }
            guard let sb = b.start else { return false }
            return sa < sb
        }
    }
}
