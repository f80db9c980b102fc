import Foundation
import GeoCore
import Incidents
import Geoparsing

/// Where an incident happened: the sentence's relative expression, else its most precise place.
extension EventExtractor {
    /// The relative expression of the sentence, else its most precise place.
    static func bestLocation(_ all: [Mention], country: String?) -> (Mention, Bool)? {
        let ms = all.filter { m in
            guard let p = m.place, m.relative == nil else { return m.relative != nil }
            return p.kind != .country && (country == nil || p.country == country)
        }
        if let r = ms.first(where: { m in
            guard let form = m.relative?.expression.form else { return false }
            return form == .distanceAndDirection || form == .distanceOnly
        }) {
            return (r, true)
        }
        let places = ms.filter { $0.place != nil && $0.relative == nil }
        if let settlement = places.first(where: { !$0.place!.kind.isAdministrative }) { return (settlement, false) }
        if let region = places.first(where: { $0.place!.kind == .region || $0.place!.kind == .district }) { return (region, false) }
        return nil
    }

    static func locate(_ incident: inout Incident, at m: Mention) {
        if let r = m.relative {
            incident.point = r.point
            incident.geoPrecision = r.geoPrecision
            incident.uncertaintyKm = r.uncertaintyRadius.kilometers
            incident.locationText = r.namedPlace?.text ?? m.text
            incident.placeID = r.namedPlace?.place?.id
            incident.admin1 = r.anchor.admin1
        } else if let p = m.place {
            incident.point = p.coordinate
            incident.placeID = p.id
            incident.admin1 = p.admin1
            incident.locationText = m.text
            // ACLED: 1 a town or a precise site, 2 somewhere on a range, plain, lake or river, 3 a region.
            incident.geoPrecision = p.kind.isAdministrative ? 3 : p.kind.isExtensive ? 2 : 1
        }
    }
}
