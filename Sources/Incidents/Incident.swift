import GeoCore

/// An incident found in a report (or read from an analyst's file).
public struct Incident: Sendable {
    public var id: String
    public var date: ReportDay?
    /// Where the date came from.
    public var dateSource: DateSource
    /// ACLED's time precision: 1 the day is known, 3 only the month (or less).
    public var timePrecision: Int
    public var eventType: String
    public var subEventType: String
    public var subType: String
    /// The actor that acts first, then named targets or opponents.
    public var actors: [String]
    public var locationText: String?
    public var placeID: String?
    public var admin1: String?
    public var point: Coordinate?
    public var geoPrecision: Int?
    public var claims: [FatalityClaim]
    /// Code-point span of the sentence(s) the incident was read from.
    public var evidence: Range<Int>
    /// The text of those sentences, white space collapsed (an event file's `evidence`); what layers and popups quote.
    public var evidenceText: String?
    /// The location was taken from the previous sentence, not the incident's own.
    public var locationFromContext = false
    /// Radius of the uncertainty area when the location is relative ("80 km north of …").
    public var uncertaintyKm: Double?
    /// The sources named for the incident, and free notes (analyst files, ACLED).
    public var source: String?
    public var notes: String?

    public init(id: String, date: ReportDay?, dateSource: DateSource, timePrecision: Int, eventType: String, subEventType: String,
                subType: String, actors: [String], locationText: String?, placeID: String?, admin1: String?, point: Coordinate?,
                geoPrecision: Int?, claims: [FatalityClaim], evidence: Range<Int>) {
        self.id = id; self.date = date; self.dateSource = dateSource; self.timePrecision = timePrecision
        self.eventType = eventType; self.subEventType = subEventType; self.subType = subType; self.actors = actors
        self.locationText = locationText; self.placeID = placeID; self.admin1 = admin1; self.point = point
        self.geoPrecision = geoPrecision; self.claims = claims; self.evidence = evidence
    }

    /// ACLED's codebook: the best estimate is the lowest figure reported.
    public var fatalitiesLow: Int? { claims.map(\.count).min() }
    public var fatalitiesBest: Int? { fatalitiesLow }
    public var fatalitiesHigh: Int? { claims.map(\.count).max() }

    /// The claims as layers and the store write them: "8 (SOHR); 22 (al-Khabar)".
    public var fatalityClaimsText: String {
        switch claims.count {
        case 0: return ""
        case 1: return "\(claims[0].count) (\(claims[0].source ?? "unattributed"))"
        default: return claims.map { "\($0.count) (\($0.source ?? "unattributed"))" }.joined(separator: "; ")
        }
    }

    /// Every source named, by the claims or for the incident, sorted and "; "-joined; empty when none.
    /// (Millions of incidents go through here on export: the one-source case skips the set and the sort.)
    public var sourcesText: String {
        var names = claims.compactMap(\.source)
        if let source { names.append(source) }
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return Array(Set(names)).sorted().joined(separator: "; ")
        }
    }
}
