import Foundation

/// Metres: the SI length every computation in geomap works in.
public typealias Meters = Double

/// A unit of length analysts write distances in.
public enum DistanceUnit: String, CaseIterable, Sendable, Codable {
    case meters = "m"
    case kilometers = "km"
    case miles = "mi"
    case nauticalMiles = "nmi"

    /// Metres in one of this unit (international mile and nautical mile).
    public var meters: Meters {
        switch self {
        case .meters: return 1
        case .kilometers: return 1000
        case .miles: return 1609.344
        case .nauticalMiles: return 1852
        }
    }

    /// Spellings accepted after a number, English and French, lowercased.
    public var spellings: [String] {
        switch self {
        case .meters: return ["m", "meter", "meters", "metre", "metres", "mètre", "mètres"]
        case .kilometers: return ["km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "kilomètre", "kilomètres"]
        case .miles: return ["mi", "mile", "miles"]
        case .nauticalMiles: return ["nmi", "nm", "nautical mile", "nautical miles", "mille marin", "milles marins", "milles nautiques"]
        }
    }

    /// The unit written as `text` ("km", "miles", "kilomètres"); nil when unknown.
    public init?(spelling text: String) {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        guard let unit = DistanceUnit.allCases.first(where: { $0.spellings.contains(key) }) else { return nil }
        self = unit
    }
}

/// A non-negative length, stored in metres.
public struct Distance: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var meters: Meters

    public init(meters: Meters) { self.meters = meters }
    public init(_ value: Double, _ unit: DistanceUnit) { self.meters = value * unit.meters }

    public static func kilometers(_ v: Double) -> Distance { Distance(v, .kilometers) }
    public static func meters(_ v: Double) -> Distance { Distance(meters: v) }

    public var kilometers: Double { meters / 1000 }

    /// The length expressed in `unit`.
    public func value(in unit: DistanceUnit) -> Double { meters / unit.meters }

    /// Parses a number followed by a unit, e.g. `50km`, `2.5 mi`, `800m`. The unit is required:
    /// a bare number is ambiguous and rejected, as are negative or non-finite values.
    public init(parsing text: String) throws(DistanceError) {
        // U+2212 (minus sign) is how the CLI protects negative numbers from option parsing.
        let text = DecimalNumber.plainMinus(text)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let numberEnd = trimmed.firstIndex(where: { !($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") && $0.isASCII }) ?? trimmed.endIndex
        let numberText = String(trimmed[..<numberEnd])
        let unitText = String(trimmed[numberEnd...]).trimmingCharacters(in: .whitespaces)
        guard let value = DecimalNumber.parse(numberText) else { throw .malformed(text) }
        guard !unitText.isEmpty else { throw .missingUnit(text) }
        guard let unit = DistanceUnit(spelling: unitText) else { throw .unknownUnit(unitText, text) }
        guard value >= 0 else { throw .negative(text) }
        self.init(value, unit)
        guard meters <= Self.halfCircumference.meters else { throw .tooLarge(text) }
    }

    /// The longest distance between two points of the earth (half a meridian of WGS84, 20,004 km): the largest
    /// distance geomap accepts from a user.
    public static let halfCircumference = Distance(meters: 20_003_931.5)

    public static func < (a: Distance, b: Distance) -> Bool { a.meters < b.meters }
    public static func + (a: Distance, b: Distance) -> Distance { Distance(meters: a.meters + b.meters) }
    public static func * (a: Distance, k: Double) -> Distance { Distance(meters: a.meters * k) }

    public var description: String {
        meters >= 1000 ? "\(formatShortest(roundTo(kilometers, decimals: 3))) km" : "\(formatShortest(roundTo(meters, decimals: 3))) m"
    }
}

public enum DistanceError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case missingUnit(String)
    case unknownUnit(String, String)
    case negative(String)
    case tooLarge(String)

    public var description: String {
        let units = DistanceUnit.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .malformed(let t): return "invalid distance '\(t)': expected a number and a unit, e.g. 50km"
        case .missingUnit(let t): return "invalid distance '\(t)': a unit is required (\(units)), e.g. \(t)km"
        case .unknownUnit(let u, let t): return "invalid distance '\(t)': unknown unit '\(u)' (use \(units))"
        case .negative(let t): return "invalid distance '\(t)': a distance cannot be negative"
        case .tooLarge(let t): return "invalid distance '\(t)': beyond half the earth's circumference (20,004 km)"
        }
    }
}
