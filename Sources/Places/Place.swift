import GeoCore

/// What kind of place a gazetteer record is, coarsest first. Populated places without a GeoNames feature
/// class are classed by population (`PlaceKind.populated(population:)`).
public enum PlaceKind: String, CaseIterable, Sendable, Codable {
    case country, region, district, city, town, village, neighbourhood, locality

    /// city ≥ 100,000 inhabitants; town ≥ 10,000; village below (or unknown).
    public static func populated(population: Int) -> PlaceKind {
        population >= 100_000 ? .city : population >= 10_000 ? .town : .village
    }

    /// True for administrative areas (countries, first- and second-level divisions).
    public var isAdministrative: Bool { self == .country || self == .region || self == .district }

    var code: UInt8 { UInt8(PlaceKind.allCases.firstIndex(of: self)!) }
    init(code: UInt8) { self = PlaceKind.allCases[Int(code) % PlaceKind.allCases.count] }
}

/// Where a name variant of a place comes from: its main name, an alternate name in the source data, or a
/// curated alias (Gazetteer/aliases.csv).
public enum NameOrigin: String, Sendable, Codable {
    case primary, alternate, alias
}

public struct PlaceName: Hashable, Sendable {
    public var text: String
    public var origin: NameOrigin
    /// ISO 639 language code where the source gives one.
    public var language: String?

    public init(_ text: String, origin: NameOrigin, language: String? = nil) {
        self.text = text
        self.origin = origin
        self.language = language
    }
}

/// A gazetteer record. Ids keep their source prefix: `geonames:172955`, `wof:1343739475`, `ne:admin1:SY04`.
public struct Place: Hashable, Sendable {
    public var id: String
    public var name: String
    public var coordinate: Coordinate
    public var kind: PlaceKind
    /// GeoNames feature code (PPLA, PPLC, ADM1…) where the source has one.
    public var featureCode: String?
    /// First-level division (governorate, province, state), by name.
    public var admin1: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    /// 0 when unknown.
    public var population: Int
    public var geonamesID: Int?
    /// The dataset the record came from (`geonames-cities500`, `whosonfirst`, `natural-earth`, a file name…).
    public var source: String
    /// Every variant, the main name included.
    public var names: [PlaceName]
    /// Ids of the same place in other sources, merged into this record.
    public var otherIDs: [String]

    public init(id: String, name: String, coordinate: Coordinate, kind: PlaceKind, featureCode: String? = nil,
                admin1: String? = nil, country: String? = nil, population: Int = 0, geonamesID: Int? = nil,
                source: String, names: [PlaceName] = [], otherIDs: [String] = []) {
        self.id = id
        self.name = name
        self.coordinate = coordinate
        self.kind = kind
        self.featureCode = featureCode
        self.admin1 = admin1
        self.country = country
        self.population = population
        self.geonamesID = geonamesID
        self.source = source
        self.names = names
        self.otherIDs = otherIDs
        if !self.names.contains(where: { $0.origin == .primary }) {
            self.names.insert(PlaceName(name, origin: .primary), at: 0)
        }
    }
}
