import Foundation
import GeoCore
import Geometry
import Places

/// An expression's anchor: the place its words name, honouring a type word, and the governorates settlements lie
/// in (the constraining boundary of a heading, the area a city's "countryside" means).
extension Locator {
    /// The governorate a settlement lies in (its `admin1`, a region of its country) with its outline, if the
    /// gazetteer has one.
    func governorate(of place: Place) throws(LocatingError) -> (place: Place, shape: GeoJSONGeometry)? {
        guard let admin1 = place.admin1, let cc = place.country else { return nil }
        let index = gazetteer.index
        let regions = gazetteer.rank(admin1).filter { index.kind($0.place) == .region && index.country($0.place) == cc && $0.level <= .key }
        for r in regions.prefix(3) {
            let region: Place?, outline: GeoJSONGeometry?
            do { region = try records.place(index.rowids[r.place]) } catch { throw .gazetteer(error) }
            guard let region else { continue }
            do { outline = try records.shape(placeID: region.id) } catch { throw .gazetteer(error) }
            guard let shape = outline else { continue }
            // The governorate holds the settlement (a name shared by two countries' divisions is not enough).
            do { if try engine.prepare(shape).covers(place.coordinate) { return (region, shape) } } catch { throw .geometry(error) }
        }
        return nil
    }

    func governorateShape(of place: Place) throws(LocatingError) -> GeoJSONGeometry? { try governorate(of: place)?.shape }

    /// "In the south of Idlib", "the northern countryside of Aleppo", "dans l'est de Homs": a part of the
    /// governorate that shares the city's name (Arabic "rif Idlib"), not a cone out of the city. Nil when the
    /// anchor is no city or town, or its governorate is named otherwise.
    func namesakeGovernorate(of anchor: Place, as written: String) throws(LocatingError) -> Place? {
        guard [.city, .town].contains(anchor.kind), let found = try governorate(of: anchor) else { return nil }
        let index = gazetteer.index
        let named = gazetteer.rank(written).contains { index.kind($0.place) == .region && $0.level <= .key && index.coordinate($0.place) == found.place.coordinate }
        return named ? found.place : nil
    }

    /// Words that after an article name a place the text named before ("the city", "la province"), not a place.
    static let anaphorWords: Set<String> = ["country", "pays", "capital", "capitale", "city", "ville", "town", "village", "province",
                                            "governorate", "gouvernorat", "region", "localite", "bourgade", "border", "frontiere"]

    /// Articles that may come before an anchor's name ("à l'est de la Syrie", "north of the city"), lowercased;
    /// the geoparser reads anchors with the same list.
    public static let articles: Set<String> = ["the", "la", "le", "les", "l", "l'", "l’"]

    static let regionTypes: Set<String> = ["province", "governorate", "district", "region", "gouvernorat"]
    /// Type words that mean a first-level division (Syria's governorates), not a district.
    static let governorateTypes: Set<String> = ["province", "governorate", "gouvernorat"]
    static let settlementTypes: Set<String> = ["city", "town", "village", "locality", "neighbourhood", "neighborhood", "area",
                                               "ville", "localite", "bourgade", "cite", "commune", "quartier", "agglomeration"]

    /// The longest run of anchor words the gazetteer knows (exact, alias, alternate or key match), honouring a
    /// type word ("la province de" → a division; "the town of" → a settlement).
    public func resolveAnchor(_ e: RelativeExpression, context: ResolveContext) throws(LocatingError) -> (String, Place, Range<Int>) {
        guard !e.anchorWords.isEmpty else { throw .anchorNotFound("(no place named)", expression: e.text) }
        if let across = try borderNeighbour(e, context: context) { return across }
        // An article before the name ("à l'est de la Syrie") is no part of it: alone, "la" would read as an
        // abbreviation ("LA").
        var words = e.anchorWords[...]
        if !e.anchorBefore, words.count >= 2, Self.articles.contains(words[words.startIndex].text.lowercased()),
           !Self.anaphorWords.contains(NameFolding.fold(words[words.startIndex + 1].text)) {
            words = words.dropFirst()
        }
        // "the country", "du pays", "la capitale": with the report's country known, its own place or capital;
        // other anaphors ("the city") need the document, which a lone expression does not have.
        let all = e.anchorWords
        let anaphor: (text: String, word: String, range: Range<Int>)?
        if !e.anchorBefore, all.count >= 2, Self.articles.contains(all[0].text.lowercased()), Self.anaphorWords.contains(NameFolding.fold(all[1].text)) {
            anaphor = (all[0].text + " " + all[1].text, NameFolding.fold(all[1].text), all[0].range.lowerBound..<all[1].range.upperBound)
        } else if !e.anchorBefore, all[0].text == all[0].text.lowercased(), Self.anaphorWords.contains(NameFolding.fold(all[0].text)) {
            anaphor = (all[0].text, NameFolding.fold(all[0].text), all[0].range)
        } else {
            anaphor = nil
        }
        if let anaphor {
            let found: Place?
            switch anaphor.word {
            case "country", "pays": found = try context.country.flatMap { iso throws(LocatingError) in try country(iso: iso) }
            case "capital", "capitale": found = try context.country.flatMap { iso throws(LocatingError) in try capital(of: iso) }
            default: found = nil
            }
            guard let found else { throw .anchorNotFound(anaphor.text, expression: e.text) }
            return (anaphor.text, found, anaphor.range)
        }
        let lengths = Array((1...words.count).reversed())
        for n in lengths {
            let run = e.anchorBefore ? Array(words.suffix(n)) : Array(words.prefix(n))
            var text = run.map(\.text).joined(separator: " ")
            if e.anchorBefore, text.hasSuffix("'s") || text.hasSuffix("’s") { text.removeLast(2) }
            text = text.trimmingCharacters(in: CharacterSet(charactersIn: "'’\"-"))
            guard !text.isEmpty else { continue }
            var ranked = gazetteer.rank(text, context: context).filter { $0.level <= .key }
            if let type = e.anchorType {
                let wanted: (PlaceKind) -> Bool = Self.regionTypes.contains(type)
                    ? { $0 == .region || $0 == .district } : Self.settlementTypes.contains(type) ? { !$0.isAdministrative } : { _ in true }
                let typed = ranked.filter { wanted(gazetteer.index.kind($0.place)) }
                if !typed.isEmpty { ranked = typed }
                // "La province d'Idleb" is the governorate before the district of the same name.
                if Self.governorateTypes.contains(type) {
                    ranked = ranked.filter { gazetteer.index.kind($0.place) == .region } + ranked.filter { gazetteer.index.kind($0.place) != .region }
                }
            }
            guard let best = ranked.first else { continue }
            let found: Place?
            do { found = try records.place(gazetteer.index.rowids[best.place]) } catch { throw .gazetteer(error) }
            guard let place = found else { continue }
            return (text, place, run.first!.range.lowerBound..<run.last!.range.upperBound)
        }
        let shown = e.anchorBefore ? words.last!.text : words.first!.text
        throw .anchorNotFound(shown.trimmingCharacters(in: CharacterSet(charactersIn: "'’\"")), expression: e.text)
    }
}
