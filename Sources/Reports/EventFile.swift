import Foundation
import Incidents
import GeoCore
import Geodesy
import Locating
import Places
import Yams

/// Why an analyst's event file could not be read: `file:line:column: what is wrong`.
public struct EventFileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Analyst event files: YAML or JSON written by hand (schema in the README), and ACLED export CSV.
/// A location given as text resolves like extracted text ("Kantari, 80 km north of Raqqa" works); given
/// coordinates are kept. With `skipBadRows` a bad record is reported through `warn` and left out; otherwise the
/// first one stops the whole file (nothing half-read).
public struct EventFileReader {
    public let locator: Locator
    public var skipBadRows = false
    public var warn: (EventFileError) -> Void = { _ in }

    public init(locator: Locator) { self.locator = locator }

    public func read(_ path: String) throws -> (incidents: [Incident], control: [ControlClaim]) {
        let text: String
        do { text = try InputText.read(path) } catch {
            throw EventFileError(file: path, line: 0, column: 0, message: Self.reason(error))
        }
        if path.lowercased().hasSuffix(".csv") { return (try readACLED(text, path: path), []) }
        return try readStructured(text, path: path)
    }

    /// What `InputText` says of an unreadable file, without the path (the error names it).
    static func reason(_ error: GeoJSONFileError) -> String {
        guard case .unreadable(let e) = error else { return error.description }
        switch e {
        case .notFound, .unreadable: return "no such file or not readable"
        case .isDirectory: return "is a folder, expected a file"
        case .notUTF8: return "not UTF-8 text"
        }
    }

    // MARK: YAML and JSON (JSON is YAML: one reader, with line and column for every node)

    func readStructured(_ text: String, path: String) throws -> (incidents: [Incident], control: [ControlClaim]) {
        let root: Node?
        let text = path.lowercased().hasSuffix(".json") ? JSONSurrogates.decode(text) : text
        do { root = try Yams.compose(yaml: text) } catch let e as YamlError {
            let (line, column) = Self.position(e)
            throw EventFileError(file: path, line: line, column: column, message: "not valid YAML/JSON: \(Self.summary(e))")
        }
        let budget = YAMLNodeBudget.limit(forBytes: text.utf8.count)
        if let root, YAMLNodeBudget.count(root, limit: budget) == nil {
            throw EventFileError(file: path, line: 1, column: 1,
                                 message: "its aliases (*name) stand for more than \(budget) values, more than a file of this size can hold: write the values out")
        }
        guard let map = root?.mapping else {
            throw EventFileError(file: path, line: 1, column: 1, message: "expected a mapping with 'events' and/or 'control'")
        }
        func fail(_ node: Node, _ message: String) -> EventFileError {
            EventFileError(file: path, line: (node.mark?.line ?? 0), column: (node.mark?.column ?? 0), message: message)
        }
        let reportDate = try map["report_date"].map { n throws -> ReportDay in
            guard let s = n.string, let d = ReportDay(iso: s) else { throw fail(n, "field 'report_date': '\(n.string ?? "?")' is not a date YYYY-MM-DD") }
            return d
        }
        var incidents: [Incident] = []
        var control: [ControlClaim] = []
        for (k, item) in (map["events"]?.sequence ?? []).enumerated() {
            do { incidents.append(try incident(item, index: k, reportDate: reportDate, fail: fail)) } catch let e as EventFileError {
                if skipBadRows { warn(e) } else { throw e }
            }
        }
        for item in map["control"]?.sequence ?? [] {
            do { control.append(try controlClaim(item, reportDate: reportDate, fail: fail)) } catch let e as EventFileError {
                if skipBadRows { warn(e) } else { throw e }
            }
        }
        if let e = map["events"], e.sequence == nil { throw fail(e, "'events' must be a list") }
        if let c = map["control"], c.sequence == nil { throw fail(c, "'control' must be a list") }
        return (incidents, control)
    }

    func incident(_ node: Node, index: Int, reportDate: ReportDay?, fail: (Node, String) -> EventFileError) throws -> Incident {
        guard let m = node.mapping else { throw fail(node, "an event must be a mapping") }
        func str(_ key: String) -> String? { m[key]?.string?.trimmingCharacters(in: .whitespaces) }
        var date = reportDate
        var dateSource: DateSource = reportDate == nil ? .unknown : .given
        if let d = m["date"] ?? m["event_date"] {
            guard let s = d.string, let day = ReportDay(iso: s) else { throw fail(d, "field 'date': '\(d.string ?? "?")' is not a date YYYY-MM-DD") }
            date = day
            dateSource = .given
        }
        let lexicon = Lexicon.standard
        let subType = str("sub_type") ?? ""
        let trigger = lexicon.triggers.first { $0.subType == subType }
        guard !subType.isEmpty || str("event_type") != nil else { throw fail(node, "an event needs 'sub_type' (car_bomb, shelling, air_strike, execution, clashes, abduction…) or 'event_type'") }
        var actors: [String] = []
        if let a = m["actors"] {
            if let list = a.sequence { actors = list.compactMap(\.string) } else if let s = a.string { actors = [s] } else { throw fail(a, "field 'actors' must be a list of names") }
        }
        var claims: [FatalityClaim] = []
        if let f = m["fatalities"] {
            guard let s = f.string, let n = Int(s), IncidentColumn.tollRange.contains(n) else {
                throw fail(f, "field 'fatalities': '\(f.string ?? "?")' is not a whole number from 0 to 10,000,000")
            }
            claims.append(FatalityClaim(source: str("source"), count: n))
        }
        for c in m["fatality_claims"]?.sequence ?? [] {
            guard let cm = c.mapping, let cs = cm["count"]?.string, let n = Int(cs), IncidentColumn.tollRange.contains(n) else {
                throw fail(c, "a fatality claim needs 'count' (a whole number from 0 to 10,000,000) and may give 'source'")
            }
            claims.append(FatalityClaim(source: cm["source"]?.string, count: n))
        }
        var e = Incident(id: str("id") ?? "F\(index + 1)", date: date, dateSource: dateSource, timePrecision: date == nil ? 3 : 1,
                         eventType: str("event_type") ?? trigger?.eventType ?? "", subEventType: str("sub_event_type") ?? trigger?.subEventType ?? "",
                         subType: subType, actors: actors, locationText: str("location"), placeID: nil, admin1: str("admin1"), point: nil,
                         geoPrecision: nil, claims: claims, evidence: 0..<0)
        e.notes = str("notes")
        e.evidenceText = str("evidence")
        try locate(&e, text: str("location"), lat: m["lat"] ?? m["latitude"], lon: m["lon"] ?? m["longitude"], node: node, fail: fail)
        return e
    }

    func controlClaim(_ node: Node, reportDate: ReportDay?, fail: (Node, String) -> EventFileError) throws -> ControlClaim {
        guard let m = node.mapping else { throw fail(node, "a control claim must be a mapping") }
        guard let actor = m["actor"]?.string else { throw fail(node, "a control claim needs 'actor'") }
        guard let statusNode = m["status"], let status = statusNode.string.flatMap(ControlStatus.init(rawValue:)) else {
            throw fail(m["status"] ?? node, "field 'status' must be one of \(ControlStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let placeNode = m["place"] ?? m["place_id"], let placeText = placeNode.string else { throw fail(node, "a control claim needs 'place'") }
        let candidates = (try? locator.gazetteer.resolve(placeText, limit: 1)) ?? []
        guard let place = candidates.first?.place else { throw fail(placeNode, "no place named '\(placeText)' in the gazetteer") }
        var date = reportDate
        if let d = m["date"] {
            guard let s = d.string, let day = ReportDay(iso: s) else { throw fail(d, "field 'date': '\(d.string ?? "?")' is not a date YYYY-MM-DD") }
            date = day
        }
        return ControlClaim(actor: actor, placeID: place.id, placeText: placeText, status: status, date: date,
                            dateSource: date == nil ? .unknown : .given, evidence: 0..<0)
    }

    /// Given coordinates are kept; a text location resolves as in reports (relative expressions included).
    func locate(_ e: inout Incident, text: String?, lat: Node?, lon: Node?, node: Node, fail: (Node, String) -> EventFileError) throws {
        if lat != nil || lon != nil {
            guard let la = lat?.string.flatMap(DecimalNumber.parse), let lo = lon?.string.flatMap(DecimalNumber.parse),
                  (-90...90).contains(la), (-180...180).contains(lo) else {
                throw fail(lat ?? lon ?? node, "'lat' and 'lon' must both be given, in decimal degrees within ±90 and ±180")
            }
            e.point = Coordinate(longitude: lo, latitude: la)
            e.geoPrecision = e.geoPrecision ?? 1
            return
        }
        guard let text, !text.isEmpty else { throw fail(node, "an event needs 'location' (a place or a relative expression) or 'lat' and 'lon'") }
        if let r = try? locator.locate(expression: text) {
            e.point = r.point
            e.geoPrecision = r.geoPrecision
            e.placeID = r.namedPlace?.place?.id
            e.admin1 = e.admin1 ?? r.anchor.admin1
            return
        }
        guard let best = try? locator.gazetteer.resolve(text, limit: 1).first else {
            throw fail(node, "no place named '\(text)' in the gazetteer, and it is not a relative location")
        }
        e.point = best.place.coordinate
        e.placeID = best.place.id
        e.admin1 = e.admin1 ?? best.place.admin1
        e.geoPrecision = best.place.kind.isAdministrative ? 3 : 1
    }

    // MARK: ACLED CSV

    static let acledRequired = ["event_date", "event_type", "sub_event_type", "latitude", "longitude"]

    func readACLED(_ text: String, path: String) throws -> [Incident] {
        var records = CSVReader(text: text).makeIterator()
        guard let first = records.next() else { throw EventFileError(file: path, line: 1, column: 1, message: "empty CSV file") }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        for name in Self.acledRequired where col(name) == nil {
            throw EventFileError(file: path, line: 1, column: 1, message: "missing ACLED column '\(name)'")
        }
        var out: [Incident] = []
        while let record = records.next() {
            let row = record.fields, line = record.line
            if row.count == 1, row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }   // a blank line
            func value(_ name: String) -> String? {
                guard let k = col(name), k < row.count else { return nil }
                let v = row[k].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            func bad(_ name: String, _ message: String) -> EventFileError {
                EventFileError(file: path, line: line, column: (col(name) ?? 0) + 1, message: message)
            }
            do {
                guard row.count == header.count else {
                    throw EventFileError(file: path, line: line, column: 1, message: "expected \(header.count) fields, found \(row.count)")
                }
                let rawDate = value("event_date") ?? ""
                guard let date = ReportDay(iso: rawDate) ?? Self.acledDate(rawDate) else {
                    throw bad("event_date", "field 'event_date': '\(rawDate)' is not a date (YYYY-MM-DD or '14 January 2014')")
                }
                guard let la = value("latitude").flatMap(DecimalNumber.parse), (-90...90).contains(la) else {
                    throw bad("latitude", "field 'latitude': '\(value("latitude") ?? "")' is not a latitude")
                }
                guard let lo = value("longitude").flatMap(DecimalNumber.parse), (-180...180).contains(lo) else {
                    throw bad("longitude", "field 'longitude': '\(value("longitude") ?? "")' is not a longitude")
                }
                var claims: [FatalityClaim] = []
                if let f = value("fatalities") {
                    guard let n = Int(f), IncidentColumn.tollRange.contains(n) else {
                        throw bad("fatalities", "field 'fatalities': '\(f)' is not a whole number from 0 to 10,000,000")
                    }
                    claims.append(FatalityClaim(source: value("source"), count: n))
                }
                let precision = try value("geo_precision").map { p throws -> Int in
                    guard let n = Int(p), (1...3).contains(n) else { throw bad("geo_precision", "field 'geo_precision': '\(p)' is not 1, 2 or 3") }
                    return n
                }
                let subEvent = value("sub_event_type") ?? ""
                let code = Lexicon.standard.triggers.first { $0.subEventType == subEvent }?.subType
                    ?? subEvent.lowercased().replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: " ", with: "_")
                let actors = ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"].compactMap(value)
                var incident = Incident(id: value("event_id_cnty") ?? "row\(line)", date: date, dateSource: .given,
                                        timePrecision: value("time_precision").flatMap(Int.init) ?? 1,
                                        eventType: value("event_type") ?? "", subEventType: subEvent, subType: code, actors: actors,
                                        locationText: value("location"), placeID: nil, admin1: value("admin1"),
                                        point: Coordinate(longitude: lo, latitude: la), geoPrecision: precision ?? 1,
                                        claims: claims, evidence: 0..<0)
                incident.notes = value("notes")
                out.append(incident)
            } catch let e as EventFileError {
                if skipBadRows { warn(e) } else { throw e }
            }
        }
        return out
    }

    static func acledDate(_ s: String) -> ReportDay? { Dateline.find(in: s) }

    static func position(_ e: YamlError) -> (Int, Int) {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return (mark.line, mark.column)
        default: return (1, 1)
        }
    }

    static func summary(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(e)".split(separator: "\n").first.map(String.init) ?? "error"
        }
    }
}
