import Foundation
import GeoCore
import Incidents
import Places
import Zones

/// The control timeline: N claims on DATES distinct days spread over DAYS calendar days (a front line that
/// moves: three actors holding the western, middle and eastern parts, the boundaries shifting with the days),
/// built as one timeline beside the zones rebuilt as of every calendar day from the first date to the last.
func timelineCase(_ args: [String]) {
    guard args.count == 7, let n = Int(args[3]), let dateCount = Int(args[4]), let days = Int(args[5]), dateCount >= 1, days >= dateCount
    else { fail("usage: timeline DB N DATES DAYS COUNTRY") }
    let gazetteer: Gazetteer
    do { gazetteer = try Gazetteer(path: args[2]) } catch { fail("\(error)") }
    let index = gazetteer.index
    let rows = Array((0..<index.placeCount).filter { index.country($0) == args[6] && !index.kind($0).isAdministrative }.prefix(max(1, n / 4)))
    let places: [Int64: Place]
    do { places = try gazetteer.store.places(rowids: rows.map { index.rowids[$0] }) } catch { fail("\(error)") }
    let pool = rows.sorted { index.longitudes[$0] < index.longitudes[$1] }.compactMap { places[index.rowids[$0]] }
    guard !pool.isEmpty, let first = ReportDay(iso: "2015-01-01") else { fail("no places of \(args[6])") }
    var rng = SplitMix64(state: 20150101)
    let dates = Array((0..<days).shuffled(using: &rng).prefix(dateCount)).sorted().map { first.adding(days: $0) }
    let actors = ["Syrian government forces", "Rebels", "ISIL"]
    var claims: [ZoneClaim] = []
    for k in 0..<n {
        let d = k * dates.count / n
        let rank = Int.random(in: 0..<pool.count, using: &rng)
        // The boundaries between the thirds move by up to a sixth of the country as the dates go by.
        let shift = Double(d) / Double(max(1, dates.count - 1)) / 6
        let position = Double(rank) / Double(pool.count) - shift
        let actor = actors[max(0, min(2, Int((position * 3).rounded(.down))))]
        let status: ControlStatus = k % 20 == 0 ? .contested : (k % 10 == 0 ? .captured : .controls)
        claims.append(ZoneClaim(actor: actor, place: pool[rank], status: status, date: dates[d], source: k % 3 == 0 ? "SOHR" : "AFP"))
    }
    do {
        let builder = try ControlZoneBuilder(store: gazetteer.store)
        var periods = 0
        let timeline = try seconds { periods = try builder.timeline(claims).count }
        var builds = 0, zones = 0
        let dayByDay = try seconds {
            var d = dates[0]
            while d <= dates[dates.count - 1] {
                zones += try builder.build(claims, asOf: d).count
                builds += 1
                d = d.adding(days: 1)
            }
        }
        print("{\"case\": \"timeline\", \"claims\": \(claims.count), \"dates\": \(dates.count), \"days\": \(builds), \"periods\": \(periods), \"timeline_seconds\": \(timeline), \"day_by_day_seconds\": \(dayByDay), \"day_by_day_zones\": \(zones)}")
    } catch { fail("\(error)") }
}
