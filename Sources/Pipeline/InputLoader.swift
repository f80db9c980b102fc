import Foundation
import GeoCore
import Geoparsing
import Incidents
import Locating
import Places
import Reports
import Zones

/// What one input file gave: incidents, resolved mentions, control claims.
public struct LoadedInput {
    public let name: String
    public var incidents: [Incident] = []
    public var mentions: [Mention] = []
    public var control: [ControlClaim] = []
}

/// Reads the inputs `build` and `ingest` share: reports (.txt, geoparsed and read for events) and event
/// files (.yaml/.yml, .json, ACLED .csv).
public struct InputLoader {
    public let gazetteer: Gazetteer
    let reader: ReportReader
    let reportDate: ReportDay?
    let skipBadRows: Bool
    let warn: (String) -> Void

    public init(gazetteer: Gazetteer, reportDate: ReportDay?, skipBadRows: Bool, warn: @escaping (String) -> Void = { _ in }) throws {
        self.gazetteer = gazetteer
        reader = try ReportReader(gazetteer: gazetteer)
        self.reportDate = reportDate
        self.skipBadRows = skipBadRows
        self.warn = warn
    }

    /// Reads an input; `name` (its `InputNaming` name) prefixes its event ids, the file name by default.
    public func load(_ input: String, name: String? = nil) throws -> LoadedInput {
        var out = LoadedInput(name: name ?? (input as NSString).lastPathComponent)
        if ReportText.isEventFile(input) {
            var reader = EventFileReader(locator: try Locator(gazetteer: gazetteer))
            reader.skipBadRows = skipBadRows
            reader.warn = { [warn] in warn("skipped: \($0)") }
            let read = try reader.read(input)
            out.incidents = read.incidents
            out.control = read.control
        } else {
            let text = try ReportText.read(input)
            let (day, daySource) = EventExtractor.reportDate(of: text, given: reportDate)
            let read = try reader.read(text, reportDate: day, reportDateSource: daySource)
            out.mentions = read.mentions
            out.incidents = Self.quoting(read.events.incidents, in: text)
            out.control = read.events.control
        }
        return out
    }

    /// The incidents with the text of their evidence spans (code points), white space collapsed: one walk
    /// over the text in span order, however many incidents.
    static func quoting(_ incidents: [Incident], in text: String) -> [Incident] {
        var out = incidents
        let scalars = text.unicodeScalars
        var index = scalars.startIndex, offset = 0
        for i in out.indices.sorted(by: { out[$0].evidence.lowerBound < out[$1].evidence.lowerBound }) {
            let span = out[i].evidence
            guard !span.isEmpty, span.lowerBound >= 0 else { continue }
            guard let start = scalars.index(index, offsetBy: span.lowerBound - offset, limitedBy: scalars.endIndex),
                  let end = scalars.index(start, offsetBy: span.count, limitedBy: scalars.endIndex) else { continue }
            index = start; offset = span.lowerBound
            out[i].evidenceText = collapsingWhiteSpace(scalars[start..<end])
        }
        return out
    }

    /// The scalars with each run of white space (new lines, no-break spaces) one space, trimmed.
    static func collapsingWhiteSpace(_ scalars: String.UnicodeScalarView.SubSequence) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in scalars {
            if s.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }

    /// The claims of an input with their places' records, ready for zones (claims without an actor or a
    /// resolved place cannot draw a zone).
    public func zoneClaims(_ loaded: LoadedInput) throws -> [ZoneClaim] {
        try loaded.control.compactMap { c in
            guard let actor = c.actor, let id = c.placeID, let place = try gazetteer.store.place(id: id) else { return nil }
            return ZoneClaim(actor: actor, place: place, status: c.status, date: c.date, source: loaded.name)
        }
    }
}
