import ArgumentParser
import Foundation
import GeoCore
import Pipeline
import Places

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Find the places a name may denote, best first (transliteration-aware, context-ranked).",
        discussion: """
        Matches the main name, alternate names and curated aliases (case, diacritics and Arabic-script
        variants folded), then transliteration keys (Idleb = Idlib, Raqa = Raqqa, Hassaké = Hasakah), then one
        edit for misspellings (with --fuzzy). Transliteration keys apply to places in countries whose names are
        transliterated from Arabic script, and to the --country given. Ranking adds population, kind and context (--near, --admin, --country); see the
        README. Candidates within 0.05 of the best score are flagged as near ties (~ in the table). An unknown name prints
        nothing (an empty array in JSON), a note on stderr, and exits 0.

        Example:
          geomap resolve Raqa --format json
          geomap resolve "al-Bab" --near Aleppo --limit 3
        """
    )

    @Argument(help: "The name as written.") var name: String
    @Option(help: ArgumentHelp("Prefer places near this place or LAT,LON.", valueName: "place|lat,lon")) var near: String?
    @Option(help: ArgumentHelp("Prefer places in this first-level division (governorate, province).", valueName: "name")) var admin: String?
    @Option(help: ArgumentHelp("Prefer places in this country (ISO 3166-1 alpha-2).", valueName: "cc")) var country: CountryCode?
    @Flag(help: "Also accept names one letter away from a known spelling (misspellings).") var fuzzy = false
    @Option(help: "How many candidates to show.") var limit = 5
    @Option(name: [.short, .long], help: "Output format: table, json or geojson.") var format: OutputFormat = .table
    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        try Self.require(format, in: [.table, .json, .geojson])
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the name is empty") }
    }

    func run() throws {
        let gazetteer = try gazetteerOptions.open()
        var context = ResolveContext(country: country?.code, allowFuzzy: fuzzy)
        if let near { context.near = try PlaceArgument.resolve(near) { gazetteer }.coordinate }
        if let admin { context.adminKeys = try gazetteer.adminKeys(for: admin) }
        let candidates = try gazetteer.resolve(name, context: context, limit: limit)
        if candidates.isEmpty { StandardError.note("no place named '\(name)' in the gazetteer (\(gazetteer.store.path))") }
        let ties = candidates.filter(\.nearTie).count
        if ties > 1 {
            StandardError.note("note: \(ties) candidates score within \(PlaceRanking.nearTieMargin) of the best; --near, --admin or --country can decide")
        }
        switch format {
        case .json: try StandardOutput.write(JSONWriter.string(.array(candidates.map(PlaceCandidateOutput.json)), pretty: true) + "\n")
        case .geojson:
            try StandardOutput.write(GeoJSONFeatureCollection(features: candidates.map {
                GeoJSONFeature(id: .string($0.place.id), geometry: .point($0.place.coordinate), properties: PlaceCandidateOutput.json($0).objectValue ?? [:])
            }).text)
        default: if !candidates.isEmpty { try StandardOutput.write(PlaceCandidateOutput.table(candidates) + "\n") }
        }
    }
}
