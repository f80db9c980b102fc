import GeoCore
import Locating
import Places

/// A place mention found in a text, with the place it was resolved to and why. Immutable; a class because a
/// mention holds a place record and perhaps an uncertainty polygon, and is handed from the geoparser through
/// sentences and events to the writer: passing it on is one reference, not a copy of all it holds.
public final class Mention: Sendable {
    /// The name as written (without an elided article).
    public let text: String
    /// Code-point offsets into the text, end exclusive.
    public let start: Int
    public let end: Int
    /// The place chosen; nil for a name kept as unresolved text.
    public let place: Place?
    /// For relative expressions: the location computed from the anchor.
    public let relative: RelativeLocation?
    /// Why this reading won: the match level and any context or proximity that decided it.
    public let reason: String
    public let score: Double
    /// The next-best reading when the margin is small.
    public let runnerUp: (place: Place, score: Double)?
    /// What the name stands for here: a place, a government ("Ankara said"), a person's home town.
    public let role: MentionRole

    public init(text: String, start: Int, end: Int, place: Place?, relative: RelativeLocation?, reason: String, score: Double,
                runnerUp: (place: Place, score: Double)?, role: MentionRole = .place) {
        self.text = text
        self.start = start
        self.end = end
        self.place = place
        self.relative = relative
        self.reason = reason
        self.score = score
        self.runnerUp = runnerUp
        self.role = role
    }
}

extension Mention {
    /// The same mention with offsets (its relative location's span included) moved by `offset` code points.
    public func shifted(by offset: Int) -> Mention {
        Mention(text: text, start: start + offset, end: end + offset, place: place, relative: relative?.shifted(by: offset),
                reason: reason, score: score, runnerUp: runnerUp, role: role)
    }
}

/// What `geomap extract` reports for one document.
public struct Extraction: Sendable {
    public let source: String
    public let lang: String
    public let mentions: [Mention]

    public init(source: String, lang: String, mentions: [Mention]) {
        self.source = source
        self.lang = lang
        self.mentions = mentions
    }
}
