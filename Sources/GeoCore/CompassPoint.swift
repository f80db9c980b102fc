import Foundation

/// The 16 points of the compass rose, with the English and French words analysts write.
public enum CompassPoint: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case north, northNorthEast, northEast, eastNorthEast
    case east, eastSouthEast, southEast, southSouthEast
    case south, southSouthWest, southWest, westSouthWest
    case west, westNorthWest, northWest, northNorthWest

    /// The point's azimuth: 22.5° steps clockwise from north.
    public var bearing: Bearing { Bearing(degrees: Double(rawValue) * 22.5) }

    /// True for the eight principal and intercardinal points (N, NE, E, …), false for NNE, ENE, ….
    public var isEightPoint: Bool { rawValue % 2 == 0 }

    /// The nearest point to `bearing` (ties go clockwise).
    public init(nearest bearing: Bearing) {
        let index = Int((bearing.degrees / 22.5).rounded(.toNearestOrAwayFromZero)) % 16
        self = CompassPoint(rawValue: index)!
    }

    /// The usual abbreviation: N, NNE, NE, … (the same letters in French except O for ouest: NO, SO, ONO…).
    public var abbreviation: String {
        ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"][rawValue]
    }

    public var frenchAbbreviation: String {
        ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSO", "SO", "OSO", "O", "ONO", "NO", "NNO"][rawValue]
    }

    public var englishName: String {
        ["north", "north-north-east", "north-east", "east-north-east", "east", "east-south-east", "south-east",
         "south-south-east", "south", "south-south-west", "south-west", "west-south-west", "west",
         "west-north-west", "north-west", "north-north-west"][rawValue]
    }

    public var frenchName: String {
        ["nord", "nord-nord-est", "nord-est", "est-nord-est", "est", "est-sud-est", "sud-est", "sud-sud-est", "sud",
         "sud-sud-ouest", "sud-ouest", "ouest-sud-ouest", "ouest", "ouest-nord-ouest", "nord-ouest",
         "nord-nord-ouest"][rawValue]
    }

    /// English adjective used in phrases like "the northern countryside of Hama".
    public var englishAdjective: String? {
        switch self {
        case .north: return "northern"
        case .south: return "southern"
        case .east: return "eastern"
        case .west: return "western"
        case .northEast: return "north-eastern"
        case .northWest: return "north-western"
        case .southEast: return "south-eastern"
        case .southWest: return "south-western"
        default: return nil
        }
    }

    /// Reads a compass word in English or French, full or abbreviated, any case, with or without
    /// hyphens or spaces: "north-east", "northeast", "NE", "nord-est", "NO" (nord-ouest), "sud ouest", "SSW".
    /// English "NW" and French "NO" both mean north-west; a lone "O" is read as French "ouest".
    public init?(word text: String) {
        var folded = String.UnicodeScalarView()
        for c in text.lowercased().unicodeScalars where c != "-" && c != " " && c != "\u{2011}" { folded.append(c) }
        let key = String(folded)
        guard !key.isEmpty, let match = CompassPoint.lookup[key] else { return nil }
        self = match
    }

    private static let lookup: [String: CompassPoint] = {
        var table: [String: CompassPoint] = [:]
        for p in CompassPoint.allCases {
            for w in [p.englishName, p.frenchName, p.abbreviation, p.frenchAbbreviation] {
                table[w.lowercased().replacingOccurrences(of: "-", with: "")] = p
            }
            if let adj = p.englishAdjective { table[adj.replacingOccurrences(of: "-", with: "")] = p }
        }
        return table
    }()

    public var description: String { abbreviation }
}
