import Foundation
import GeoCore
import Geodesy
import Geometry
import Places

/// "Close to the Iraqi border", "près de la frontière turque": the band within `Options.borderReach` (20 km) of
/// the line two countries share, on the side of the document's country. The reach holds the places the dev
/// corpus describes so (3.7 to 11.4 km from the Natural Earth line, `README`, "Relative locations") with room
/// for the outline's generalisation. With no document country the band lies on both sides.
extension Locator {
    /// The country a border expression's adjective names ("Turkish", "syro-turque" seen from Syria), as the
    /// anchor; nil for other forms or when the words name no country ("the border with Turkey" is a name the
    /// gazetteer resolves).
    public func borderNeighbour(_ e: RelativeExpression, context: ResolveContext) throws(LocatingError) -> (String, Place, Range<Int>)? {
        guard e.form == .border, let word = e.anchorWords.first,
              let iso = CountryAdjectives.across(word.text, side: context.country)?.neighbour else { return nil }
        return try country(iso: iso).map { (word.text, $0, word.range) }
    }

    /// A country's own place, read once per locator (a property of the gazetteer, not of the text).
    public func country(iso: String) throws(LocatingError) -> Place? {
        if let known = countryPlaces["country:" + iso] { return known }
        let place: Place?
        do { place = try gazetteer.store.country(iso: iso) } catch { throw .gazetteer(error) }
        countryPlaces["country:" + iso] = place
        return place
    }

    /// A country's capital (GeoNames PPLC), read once per locator: "the capital", "la capitale".
    public func capital(of iso: String) throws(LocatingError) -> Place? {
        if let known = countryPlaces["capital:" + iso] { return known }
        let place: Place?
        do { place = try gazetteer.store.capital(of: iso) } catch { throw .gazetteer(error) }
        countryPlaces["capital:" + iso] = place
        return place
    }

    /// The country a border expression's area lies in: the one its adjective names with the neighbour
    /// ("syro-turque"), else the document's, unless that is the neighbour itself.
    func borderSide(_ e: RelativeExpression, neighbour: Place, context: ResolveContext) -> String? {
        if let word = e.anchorWords.first, let sides = CountryAdjectives.across(word.text, side: context.country),
           sides.neighbour == neighbour.country {
            return sides.side
        }
        return context.country.flatMap { $0 == neighbour.country ? nil : $0 }
    }

    /// The band along the border of `neighbour`, inside `side` when given. Computed once per pair of countries
    /// and kept: it depends on the gazetteer alone, like the name index, not on the text.
    func borderArea(neighbour: Place, side: String?) throws(LocatingError) -> LocatedArea {
        let key = neighbour.id + "|" + (side ?? "")
        if let known = borderBands[key] { return known }
        let reach = options.borderReach
        let band: GeoJSONGeometry
        do {
            guard let outline = try records.shape(placeID: neighbour.id) else { throw LocatingError.noBorder(neighbour.name, side: side) }
            if let side, let sideShape = try gazetteer.store.countryShape(iso: side), let box = sideShape.boundingBox {
                // Only the neighbour's part near the side is buffered: Turkey whole would cost fifty times more.
                let margin = reach.meters / 111_000 * 2 + 0.1
                let near = try engine.intersection(outline, BoundingBox.polygon(box.expanded(by: margin)))
                band = try engine.intersection(try engine.buffer(near, by: reach), sideShape)
            } else {
                band = try engine.difference(try engine.buffer(outline, by: reach), outline)
            }
        } catch let e as LocatingError {
            throw e
        } catch let e as GeometryError {
            throw .geometry(e)
        } catch let e as GazetteerError {
            throw .gazetteer(e)
        } catch {
            throw .noBorder(neighbour.name, side: side)
        }
        guard Self.hasArea(band) else { throw .noBorder(neighbour.name, side: side) }
        let point: Coordinate
        do { point = try engine.pointOnSurface(band) } catch { throw .geometry(error) }
        var json = OutputBuffer(capacity: 4096)
        JSONBytes.appendGeometry(band, to: &json)
        let located = LocatedArea(point: point, bearing: nil, area: band, areaJSON: json.bytes,
                                  radius: UncertaintyArea.radius(of: band, around: point), areaKm2: Geodesic.area(of: band) / 1e6,
                                  box: band.boundingBox)
        borderBands[key] = located
        return located
    }
}

extension BoundingBox {
    /// The box as a closed counter-clockwise polygon in degrees.
    static func polygon(_ b: BoundingBox) -> GeoJSONGeometry {
        .polygon([[Coordinate(longitude: b.west, latitude: b.south), Coordinate(longitude: b.east, latitude: b.south),
                   Coordinate(longitude: b.east, latitude: b.north), Coordinate(longitude: b.west, latitude: b.north),
                   Coordinate(longitude: b.west, latitude: b.south)]])
    }
}
