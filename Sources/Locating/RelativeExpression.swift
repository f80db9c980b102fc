import GeoCore

/// The shape of a relative location expression.
public enum RelativeForm: String, Sendable {
    /// "80 km north of Raqqa", "à 80 km au nord de Raqa"
    case distanceAndDirection = "distance_direction"
    /// "120 km from Homs", "à 120 km de Homs"
    case distanceOnly = "distance"
    /// "north-east of the city of Idlib", "au nord-est de la ville d'Idleb"
    case directionOnly = "direction"
    /// "in the northern countryside of Hama", "dans la campagne nord de Hama"
    case countryside
    /// "near X", "on the outskirts of X", "près de X", "aux abords de X"
    case proximity
    /// "close to the Iraqi border", "près de la frontière turque", "along the border with Jordan"
    case border
}

/// A distance as written: a value or a range, with how precisely it was given.
public struct DistanceEstimate: Hashable, Sendable {
    /// The distance the point is computed at (the value, or the middle of a range), in km.
    public let kilometers: Double
    /// The interval the straight-line distance lies in, in km (`ReportedDistance`: bands by how round the
    /// number is, widened for hedges, one-sided for bounds).
    public let low: Double
    public let high: Double
    public let hedged: Bool
}

/// A relative location found in text, before its anchor is resolved.
public struct RelativeExpression: Sendable {
    public let form: RelativeForm
    /// Code-point range of the whole expression in the text (end exclusive), anchor words included.
    public let span: Range<Int>
    public let text: String
    public let distance: DistanceEstimate?
    public let direction: CompassPoint?
    /// Words that may name the anchor, in order, with their code-point ranges; the locator keeps the longest
    /// run of them the gazetteer knows.
    public let anchorWords: [(text: String, range: Range<Int>)]
    /// The anchor words come before the phrase ("Hama's northern countryside"): trimmed from the left.
    public let anchorBefore: Bool
    /// A type word given with the anchor: "city", "village", "province", "ville", "gouvernorat"…
    public let anchorType: String?
    /// True when the number was written with a minus sign ("-5 km north of …").
    public let negative: Bool
    /// A location only after a place's name ("Harasta to the west"): the place it describes.
    public var needsNamedPlace = false
    /// "outskirts" (a narrower disc) rather than "near".
    public let outskirts: Bool

    /// Written in French ("au nord de", "à l'est de", "dans le sud de"): the text opens with a French word.
    public var isFrench: Bool {
        let t = text.lowercased()
        return ["au ", "a l", "à l", "à ", "dans "].contains { t.hasPrefix($0) }
    }

    /// A part of its anchor, not what lies beyond it: "the northern countryside of Hama", and in French a bare
    /// direction too ("au nord de la province de Hama": its north; English "north of Hama" lies outside).
    public var readsAsPart: Bool { form == .countryside || (form == .directionOnly && isFrench) }

    /// How far from the word's bearing a place it describes may lie: one step of the word's own compass either
    /// side, ±45° for the eight points (N, NE, E…), ±22.5° for the sixteen (NNE, ENE…). Reporters' bearings
    /// are loose: on the dev corpus they are off by up to 33° for eight-point words (README, "Relative
    /// locations"), beyond the ±22.5° a strict MaNIS reading of "NE" gives.
    public var bearingHalfWidth: Double? {
        guard let d = direction else { return nil }
        return d.rawValue % 2 == 0 ? 45 : 22.5
    }
}

extension RelativeExpression {
    func shifted(by offset: Int) -> RelativeExpression {
        RelativeExpression(form: form, span: (span.lowerBound + offset)..<(span.upperBound + offset), text: text, distance: distance,
                           direction: direction, anchorWords: anchorWords.map { ($0.text, ($0.range.lowerBound + offset)..<($0.range.upperBound + offset)) },
                           anchorBefore: anchorBefore, anchorType: anchorType, negative: negative, needsNamedPlace: needsNamedPlace,
                           outskirts: outskirts)
    }
}
