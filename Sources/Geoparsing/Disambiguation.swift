import Foundation
import GeoCore
import Places

/// The document disambiguated as a whole: each mention ranked alone, then with the document's country, its
/// governorates and proximity to the other mentions' readings (two passes); readings that do not fit dropped.
extension Geoparser {
    /// Chooses each candidate's reading and drops those that do not fit the document; returns the document's
    /// country (the most voted of confident readings).
    func disambiguate(_ cs: inout [Candidate], tokens: [Token]) -> String? {
        let index = gazetteer.index
        // Pass 1: each mention alone.
        for k in cs.indices {
            var ranked = self.ranked(cs[k].text).filter { $0.level <= .key }
            let features = featureReadings(cs[k], ranked: ranked)
            // No generic word: a feature reads a bare name only when it matches it better than any settlement does
            // ("Arak" is the town; "Arak Dam" is named "barrage d'Arak" or "the Arak dam").
            if cs[k].featureKinds.isEmpty, let settlement = ranked.filter({ !index.kind($0.place).isFeature }).map(\.level).min() {
                ranked.removeAll { index.kind($0.place).isFeature && $0.level >= settlement }
            }
            // The kind the words around the name ask for decides first, among all its readings: "la province de
            // Deir Ezzor" is the governorate even when only the city is written so.
            switch cs[k].kindHint {
            case _ where !features.isEmpty: ranked = features
            case .region:
                let regions = ranked.filter { index.kind($0.place) == .region }
                let districts = ranked.filter { index.kind($0.place) == .district }
                if !regions.isEmpty { ranked = regions } else if !districts.isEmpty { ranked = districts }
            case .settlement:
                // "le quartier de la Ghouta à Homs", "the town of X": no feature (the Ghouta of Damascus is an area).
                ranked.removeAll { index.kind($0.place).isFeature }
                // A type word does not promote a weaker match: "quatrième ville de Syrie" is still Syria, not a
                // village one transliteration key away.
                let bestLevel = ranked.map(\.level).min()
                let r = ranked.filter { !index.kind($0.place).isAdministrative && $0.level == bestLevel }
                if !r.isEmpty { ranked = r }
            case .any: break
            }
            // A name written as some place writes it is that place (or another so written), never a place one
            // transliteration key away: "Irak" is Iraq, not "Er Rakka". A feature's name without its generic word
            // ("Al Waer" of "Al-Waer Dam") blocks nothing unless a generic word asks for a feature.
            let blocking = ranked.filter { cs[k].featureKinds.isEmpty ? !index.kind($0.place).isFeature : true }
            if let best = blocking.map(\.level).min(), best <= .alternate { ranked.removeAll { $0.level >= .key } }
            cs[k].ranked = Array(ranked.prefix(Self.readingsPerMention))
            cs[k].moreReadings = Array(ranked.dropFirst(Self.readingsPerMention))
            cs[k].adjusted = cs[k].ranked.map(\.score)
            cs[k].choice = 0
        }
        cs.removeAll { $0.ranked.isEmpty }
        // Document context: the country and governorates of confident readings.
        var countryVotes: [String: Double] = [:]
        var adminVotes: [String: Double] = [:]
        for c in cs {
            let top = c.ranked[0]
            // "Moscow said …", "the regime in Damascus": a government, not a place the report is about.
            if MentionRoles.standard.role(first: c.first, last: c.last, tokens: tokens, isCapital: true) != .place { continue }
            let margin = c.ranked.count > 1 ? top.score - c.ranked[1].score : 1
            guard margin >= 0.1 || c.ranked.count == 1 else { continue }
            if let cc = index.country(top.place) { countryVotes[cc, default: 0] += 1 }
            if index.kind(top.place) == .region, let a = index.admin1(top.place) { adminVotes[a, default: 0] += 2 }
            else if let a = index.admin1(top.place) { adminVotes[a, default: 0] += 1 }
        }
        // A tie goes to the country where more of the mentions have a reading ("X, 12 km north of Y": a village
        // of Syria and a namesake in Qatar, but Y only in Syria).
        let mostVotes = countryVotes.values.max() ?? 0
        let tied = countryVotes.filter { $0.value == mostVotes }.map(\.key)
        let coverage = tied.count < 2 ? [:] : Dictionary(uniqueKeysWithValues: tied.map { cc in
            (cc, cs.filter { c in c.ranked.contains { index.country($0.place) == cc } }.count)
        })
        let documentCountry = tied.max { (coverage[$0] ?? 0, $1) < (coverage[$1] ?? 0, $0) }
        let adminTotal = max(1, adminVotes.values.reduce(0, +))
        // A common name has more readings than are weighed: those in the document's country join them ("Kabani"
        // near Latakia is Kabanah, ranked alone below a dozen places of that key elsewhere).
        for k in cs.indices where !cs[k].moreReadings.isEmpty {
            if let cc = documentCountry {
                cs[k].ranked += cs[k].moreReadings.lazy.filter { index.country($0.place) == cc }.prefix(Self.readingsPerMention)
                cs[k].adjusted = cs[k].ranked.map(\.score)
            }
            cs[k].moreReadings = []
        }
        // Passes 2 and 3: country, governorates, and proximity to the other mentions' current readings.
        // What the document's country and governorates give a reading is the same in both passes.
        // Mentions of one text with one kind hint have the same readings and fixed scores: a group.
        var groupNumbers: [GroupKey: Int] = [:]
        groupNumbers.reserveCapacity(cs.count)
        var firstOfGroup: [Int] = []
        let groups = cs.indices.map { k in
            let key = GroupKey(text: cs[k].text, hint: cs[k].kindHint, features: cs[k].featureKinds)
            if let known = groupNumbers[key] { return known }
            groupNumbers[key] = firstOfGroup.count
            firstOfGroup.append(k)
            return firstOfGroup.count - 1
        }
        let groupFixed: [[FixedContext]] = firstOfGroup.map { k in
            cs[k].ranked.map { r in
                var s = r.score
                var governorate: String?
                if let cc = documentCountry, index.country(r.place) == cc { s += 0.3 }
                if let a = index.admin1(r.place), let v = adminVotes[a] {
                    let boost = 0.3 * v / adminTotal
                    s += boost
                    if boost > 0.05 { governorate = a }
                }
                return FixedContext(score: s, level: r.level, governorate: governorate, settlement: !index.kind(r.place).isAdministrative,
                                    coordinate: index.coordinate(r.place))
            }
        }
        let fixed = groups.map { groupFixed[$0] }
        // Each mention's name as an integer: mentions of one name (in any case or accents) share it.
        var nameNumbers: [String: Int] = [:]
        nameNumbers.reserveCapacity(firstOfGroup.count)
        let groupNames = firstOfGroup.map { k in
            let folded = NameFolding.fold(cs[k].text)
            if let known = nameNumbers[folded] { return known }
            nameNumbers[folded] = nameNumbers.count
            return nameNumbers.count - 1
        }
        let names = groups.map { groupNames[$0] }
        // Proximity adds at most `proximityBoost` to a settlement's reading, so a reading whose fixed score with
        // that added stays below another's fixed score cannot be chosen, and needs no distance (`floor`).
        let groupBest = groupFixed.map { f in f.map(\.score).max() ?? -.infinity }
        let groupLeader = groupFixed.indices.map { g in Self.leader(groupFixed[g], best: groupBest[g]) }
        // The written score and runner-up need exact scores near the top only; a neighbourhood's readings are
        // all weighed again by their scores (`placeNeighbourhoods`).
        let exactBelowTop = cs.contains(where: \.isNeighbourhood) ? Double.infinity : Self.exactBelowTop
        // Each mention's current reading, and whether it is a settlement (updated as choices change).
        var current = cs.map { $0.ranked[$0.choice].place }
        var settlement = cs.indices.map { fixed[$0][cs[$0].choice].settlement }
        var positions: [Coordinate] = []
        var readings = ReadingTree(positions: [])
        for pass in 0..<2 {
            // Where each mention's reading lies as the pass starts; which place it is, and whether a settlement,
            // follow the choices already made in this pass. The tree is built again only if a reading moved.
            let starting = cs.map { index.coordinate($0.ranked[$0.choice].place) }
            if pass == 0 || !starting.elementsEqual(positions, by: { $0.latitude.bitPattern == $1.latitude.bitPattern && $0.longitude.bitPattern == $1.longitude.bitPattern }) {
                positions = starting
                readings = ReadingTree(positions: positions)
            }
            // A group's scores hold until some mention's reading or settlement flag changes (`version`): within
            // a pass most mentions keep theirs, so a name said again is scored once.
            var version = 0
            var scored: [(version: Int, adjusted: [Double], proximity: [(mention: Int, kilometers: Double)?])?] =
                Array(repeating: nil, count: firstOfGroup.count)
            for k in cs.indices {
                let best: Int
                var proximity: [(mention: Int, kilometers: Double)?] = []
                if pass == 0, let lead = groupLeader[groups[k]] {
                    // The first pass only chooses: a reading that wins whatever proximity gives is chosen unscored.
                    best = lead
                } else {
                    if let memo = scored[groups[k]], memo.version == version {
                        cs[k].adjusted = memo.adjusted
                        proximity = memo.proximity
                    } else {
                        let floor = groupBest[groups[k]] - (pass == 0 ? 0 : exactBelowTop)
                        proximity = score(&cs[k], fixed: fixed[k], floor: floor, readings: readings, positions: positions) { m, place in
                            // Proximity to other settlements only: not to this name again, nor to another spelling read
                            // as this very place ("Raqa" beside "Raqqa").
                            settlement[m] && current[m] != place && names[m] != names[k]
                        }
                        scored[groups[k]] = (version, cs[k].adjusted, proximity)
                    }
                    best = cs[k].adjusted.indices.max { cs[k].adjusted[$0] < cs[k].adjusted[$1] }!
                }
                cs[k].choice = best
                if current[k] != cs[k].ranked[best].place || settlement[k] != fixed[k][best].settlement { version += 1 }
                current[k] = cs[k].ranked[best].place
                settlement[k] = fixed[k][best].settlement
                // Only the last pass's reasons are kept: the first pass's are not written.
                guard pass == 1 else { continue }
                cs[k].reasons = fixed[k][best].reasons
                if let p = proximity[best] { cs[k].reasons.append("proximity: \(Int(p.kilometers.rounded())) km from \(cs[p.mention].text)") }
            }
        }
        let outsideTheirCity = placeNeighbourhoods(&cs, tokens: tokens)
        if !outsideTheirCity.isEmpty { cs = cs.indices.filter { !outsideTheirCity.contains($0) }.map { cs[$0] } }
        // A reading by transliteration key alone must fit the document: its country, and one of its governorates
        // or a place mentioned within 50 km (a governorate asked for by a type word excepted).
        cs.removeAll { c in
            let r = c.ranked[c.choice]
            // "la province de Halab": a governorate a type word asks for fits by itself.
            guard r.level >= .key, !(c.kindHint == .region && index.kind(r.place) == .region) else { return false }
            if let cc = documentCountry, index.country(r.place) != cc { return true }
            let inGovernorate = index.admin1(r.place).map { adminVotes[$0] != nil } ?? false
            return !inGovernorate && !c.reasons.contains { $0.hasPrefix("proximity") }
        }
        // Outside the document's country only what is unmistakable: a country, or a large city by its name.
        if let cc = documentCountry {
            cs.removeAll { c in
                let r = c.ranked[c.choice]
                guard index.country(r.place) != cc else { return false }
                if index.kind(r.place) == .country { return false }
                return !(r.level <= .alternate && index.populations[r.place] >= 100_000)
            }
        }
        return documentCountry
    }

    /// A candidate's readings scored with the document context and the nearest other settlement of the current
    /// readings (`include(mention, place)` says which mention may count for a reading of `place`): the adjusted
    /// scores, and for each reading the mention whose proximity counted, if it did.
    /// A reading whose fixed score with `proximityBoost` added is below `floor` keeps its fixed score.
    func score(_ c: inout Candidate, fixed: [FixedContext], floor: Double, readings: ReadingTree, positions: [Coordinate],
               include: (Int, Int) -> Bool) -> [(mention: Int, kilometers: Double)?] {
        var proximity: [(mention: Int, kilometers: Double)?] = Array(repeating: nil, count: c.ranked.count)
        for j in c.ranked.indices {
            let f = fixed[j], place = c.ranked[j].place
            var s = f.score
            // The nearest is chosen on a local flat approximation; its distance is then geodesic.
            if Self.mayReach(f, floor), let nearest = readings.nearest(to: f.coordinate, include: { include($0, place) }) {
                let d = distance(place, f.coordinate, positions[nearest])
                let boost = Self.proximityBoost * exp(-d.kilometers / 30)
                s += boost
                if boost > 0.05 { proximity[j] = (nearest, d.kilometers) }
            }
            c.adjusted[j] = s
        }
        return proximity
    }

    /// The most proximity to another settlement adds to a reading's score (at distance 0).
    static let proximityBoost = 0.3

    /// The reading chosen whatever proximity gives: the first of the best fixed score when every other
    /// reading's fixed score with the most proximity can add stays below it.
    static func leader(_ fixed: [FixedContext], best: Double) -> Int? {
        guard let lead = fixed.firstIndex(where: { $0.score == best }) else { return nil }
        for (j, f) in fixed.enumerated() where j != lead && (f.score >= best || mayReach(f, best)) { return nil }
        return lead
    }

    /// How far below the best fixed score the last pass scores readings exactly: beyond the runner-up's margin
    /// (readings under it are written neither as choice nor as runner-up), with room for rounding.
    static let exactBelowTop = runnerUpMargin + 0.01

    /// Whether proximity can lift a reading to `floor` (only a settlement's reading gets any).
    static func mayReach(_ f: FixedContext, _ floor: Double) -> Bool { f.settlement && f.score + proximityBoost >= floor }

    /// Readings of the feature kinds a generic word asks for: among the name's readings, else those of the name
    /// written with a generic word of those kinds ("barrage de Sajur" → "Sajur Dam"; a feature's bare name is not
    /// among its names when another feature is written so).
    func featureReadings(_ c: Candidate, ranked: [RankedPlace]) -> [RankedPlace] {
        guard !c.featureKinds.isEmpty else { return [] }
        let index = gazetteer.index
        let direct = ranked.filter { c.featureKinds.contains(index.kind($0.place)) }
        guard direct.isEmpty else { return direct }
        var best: [Int: RankedPlace] = [:]
        for name in FeatureWords.standard.names(c.text, kinds: c.featureKinds) {
            for r in self.ranked(name) where r.level <= .alternate && c.featureKinds.contains(index.kind(r.place)) {
                if best[r.place].map({ $0.score < r.score }) ?? true { best[r.place] = r }
            }
        }
        return best.values.sorted { $0.score != $1.score ? $0.score > $1.score : index.rowids[$0.place] < index.rowids[$1.place] }
    }

    /// Readings of a mention weighed before the document's country is known (the best-ranked alone).
    static let readingsPerMention = 12

    struct GroupKey: Hashable {
        let text: String
        let hint: KindHint
        let features: Set<PlaceKind>
    }

    /// A reading's score with the document's country and governorates, and the reasons they give.
    struct FixedContext {
        let score: Double
        let level: MatchLevel
        /// The governorate whose votes raised the score enough to be a reason.
        let governorate: String?
        let settlement: Bool
        let coordinate: Coordinate

        /// Why the reading scores as it does (asked of the winners only).
        var reasons: [String] {
            let why = Geoparser.levelReason(level)
            return governorate.map { [why, "context: governorate \($0)"] } ?? [why]
        }
    }

    static func levelReason(_ level: MatchLevel) -> String {
        switch level {
        case .exact: return "exact name"
        case .alias: return "curated alias"
        case .alternate: return "variant"
        case .key: return "transliteration key"
        case .fuzzy: return "one edit"
        }
    }

    func fetchChosen(_ cs: [Candidate]) throws -> [Int: Place] {
        let rowids = cs.map { gazetteer.index.rowids[$0.ranked[$0.choice].place] }
        let records = try places(rowids)
        var out: [Int: Place] = [:]
        out.reserveCapacity(cs.count)
        for (c, r) in zip(cs, rowids) { out[c.start] = records[r] }
        return out
    }
}
