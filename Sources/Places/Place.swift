import GeoCore

/// What kind of place a gazetteer record is: administrative areas and settlements coarsest first, then the
/// places that are not settlements (features: mountains, dams, airbases, crossings…). Populated places without
/// a GeoNames feature class are classed by population (`PlaceKind.populated(population:)`). The index stores a
/// kind by its position in `allCases`: new kinds go at the end.
public enum PlaceKind: String, CaseIterable, Sendable, Codable {
    case country, region, district, city, town, village, neighbourhood, locality
    /// A mountain, range, hill or upland district ("Jabal al-Akrad"); `area` is a named area that is no
    /// administrative unit (a plain, a plateau, "Qalamoun").
    case mountain, area, dam, lake, river, airbase, airport, base, prison
    case borderCrossing = "border_crossing", oilField = "oil_field"
    /// Other named sites: refineries, power plants, camps, castles.
    case site

    /// city ≥ 100,000 inhabitants; town ≥ 10,000; village below (or unknown).
    public static func populated(population: Int) -> PlaceKind {
        population >= 100_000 ? .city : population >= 10_000 ? .town : .village
    }

    /// True for administrative areas (countries, first- and second-level divisions).
    public var isAdministrative: Bool { self == .country || self == .region || self == .district }

    /// True for places that are not settlements nor administrative areas (the features gazetteer's kinds).
    public var isFeature: Bool { code >= PlaceKind.mountain.code }

    /// True for features that cover a wide area or a line (a range, a plain, a lake, a river): an event there is
    /// known to lie only somewhere near the point (ACLED geo_precision 2).
    public var isExtensive: Bool { self == .mountain || self == .area || self == .lake || self == .river }

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
///
/// A value with its fields in one shared buffer, copied on write: mentions, candidates and incidents pass
/// records around by the hundred thousand, and a copy is then one reference, not one per text field.
public struct Place: Hashable, Sendable {
    private var fields: Fields

    public var id: String { get { fields.id } set { unique().id = newValue } }
    public var name: String { get { fields.name } set { unique().name = newValue } }
    public var coordinate: Coordinate { get { fields.coordinate } set { unique().coordinate = newValue } }
    public var kind: PlaceKind { get { fields.kind } set { unique().kind = newValue } }
    /// GeoNames feature code (PPLA, PPLC, ADM1…) where the source has one.
    public var featureCode: String? { get { fields.featureCode } set { unique().featureCode = newValue } }
    /// First-level division (governorate, province, state), by name.
    public var admin1: String? { get { fields.admin1 } set { unique().admin1 = newValue } }
    /// ISO 3166-1 alpha-2.
    public var country: String? { get { fields.country } set { unique().country = newValue } }
    /// 0 when unknown.
    public var population: Int { get { fields.population } set { unique().population = newValue } }
    public var geonamesID: Int? { get { fields.geonamesID } set { unique().geonamesID = newValue } }
    /// The dataset the record came from (`geonames-cities500`, `whosonfirst`, `natural-earth`, a file name…).
    public var source: String { get { fields.source } set { unique().source = newValue } }
    /// Every variant, the main name included.
    public var names: [PlaceName] { get { fields.names } set { unique().names = newValue } }
    /// Ids of the same place in other sources, merged into this record.
    public var otherIDs: [String] { get { fields.otherIDs } set { unique().otherIDs = newValue } }

    public init(id: String, name: String, coordinate: Coordinate, kind: PlaceKind, featureCode: String? = nil,
                admin1: String? = nil, country: String? = nil, population: Int = 0, geonamesID: Int? = nil,
                source: String, names: [PlaceName] = [], otherIDs: [String] = []) {
        var names = names
        if !names.contains(where: { $0.origin == .primary }) {
            names.insert(PlaceName(name, origin: .primary), at: 0)
        }
        fields = Fields(id: id, name: name, coordinate: coordinate, kind: kind, featureCode: featureCode, admin1: admin1,
                        country: country, population: population, geonamesID: geonamesID, source: source, names: names,
                        otherIDs: otherIDs)
    }

    /// The buffer, first copied if another value shares it.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public static func == (a: Place, b: Place) -> Bool {
        a.fields === b.fields || a.fields.values == b.fields.values
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fields.values) }

    /// Mutated only through `unique()`, so never while another value can see it.
    private final class Fields: @unchecked Sendable {
        var id: String, name: String, coordinate: Coordinate, kind: PlaceKind, featureCode: String?, admin1: String?,
            country: String?, population: Int, geonamesID: Int?, source: String, names: [PlaceName], otherIDs: [String]

        init(id: String, name: String, coordinate: Coordinate, kind: PlaceKind, featureCode: String?, admin1: String?,
             country: String?, population: Int, geonamesID: Int?, source: String, names: [PlaceName], otherIDs: [String]) {
            self.id = id; self.name = name; self.coordinate = coordinate; self.kind = kind; self.featureCode = featureCode
            self.admin1 = admin1; self.country = country; self.population = population; self.geonamesID = geonamesID
            self.source = source; self.names = names; self.otherIDs = otherIDs
        }

        func copy() -> Fields {
            Fields(id: id, name: name, coordinate: coordinate, kind: kind, featureCode: featureCode, admin1: admin1, country: country,
                   population: population, geonamesID: geonamesID, source: source, names: names, otherIDs: otherIDs)
        }

        /// Every field, for equality and hashing.
        var values: Values {
            Values(id: id, name: name, coordinate: coordinate, kind: kind, featureCode: featureCode, admin1: admin1, country: country,
                   population: population, geonamesID: geonamesID, source: source, names: names, otherIDs: otherIDs)
        }
    }

    private struct Values: Hashable {
        let id: String, name: String, coordinate: Coordinate, kind: PlaceKind, featureCode: String?, admin1: String?,
            country: String?, population: Int, geonamesID: Int?, source: String, names: [PlaceName], otherIDs: [String]
    }
}
