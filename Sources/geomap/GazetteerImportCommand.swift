import ArgumentParser
import Foundation
import GeoCore
import Places

struct GazetteerImportCommand: ParsableCommand {
    enum SourceFormat: String, ExpressibleByArgument, CaseIterable {
        case geonames, wof, csv, features
    }

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import places into a gazetteer: a GeoNames dump, a Who's On First CSV, a features CSV or a plain CSV.",
        discussion: """
        A new DB starts as a copy of the embedded default gazetteer (--empty for a bare one), so one file holds
        both. Records sharing a GeoNames id are merged into one place; ids keep their source prefix
        (geonames:172955, wof:1343739475, csv:…). The whole file is imported in one transaction: a bad record
        stops the import with FILE:LINE and nothing is written.

        Formats:
          geonames  the standard GeoNames TSV (SY.txt, cities500.txt …), with --alternate-names alternateNames.txt
          wof       Who's On First flattened CSV (wof_id, name, placetype, lat, lon, geonames_id, … names)
          csv       name, lat, lon [, id, kind, admin1, country, population, geonames_id, alternate_names (a|b)]
          features  places that are not settlements (id, name, names, kind, lat, lon, admin1, parent, source, …),
                    as ../shared/data/syria-features/features.csv; needs --country

        Example:
          geomap gazetteer import ../shared/data/whosonfirst-sy/wof_sy_places.csv --format wof --into syria.sqlite
          geomap gazetteer import ../shared/data/syria-features/features.csv --format features --country SY --into syria.sqlite
        """
    )

    @Argument(help: "The file to import.") var file: String
    @Option(name: [.short, .long], help: "Input format: geonames, wof, features or csv (default: from the file name).") var format: SourceFormat?
    @Option(help: ArgumentHelp("The gazetteer to import into (created if missing).", valueName: "db")) var into: String
    @Option(help: ArgumentHelp("GeoNames alternateNames.txt to add names from (geonames format).", valueName: "file")) var alternateNames: String?
    @Option(help: ArgumentHelp("Country (ISO alpha-2) for files without one; WOF files use their country record.", valueName: "cc")) var country: String?
    @Flag(help: "Create the DB empty instead of copying the default gazetteer.") var empty = false
    @Option(help: ArgumentHelp("The gazetteer to copy into a new DB (default: the embedded one).", valueName: "path")) var gazetteer: String?

    var resolvedFormat: SourceFormat {
        let lower = file.lowercased()
        return format ?? (lower.hasSuffix(".txt") || lower.hasSuffix(".tsv") ? .geonames : lower.contains("wof") || lower.contains("whosonfirst") ? .wof
            : (lower as NSString).lastPathComponent.hasPrefix("features") ? .features : .csv)
    }

    func validate() throws {
        if alternateNames != nil, resolvedFormat != .geonames { throw ValidationError("--alternate-names goes with --format geonames") }
        if resolvedFormat == .features, country == nil {
            throw ValidationError("--format features needs --country (the ISO alpha-2 code of the file's country; a features file has no country column)")
        }
    }

    func run() throws {
        let progress = Progress("import")
        // Parse the whole file first: a bad record stops here, before the DB is created or touched.
        var places: [Place]
        var note = ""
        var countryGeonamesID: Int?
        switch resolvedFormat {
        case .geonames: places = try GeoNamesTSV.read(file, alternateNames: alternateNames)
        case .csv: places = try PlainCSV.read(file)
        case .features: places = try FeaturesCSV.read(file, country: country ?? "")
        case .wof:
            let r = try WhosOnFirstCSV.read(file, country: country?.uppercased())
            places = r.places
            countryGeonamesID = r.countryGeonamesID
            if r.superseded > 0 { note = "; left out \(r.superseded) records WOF marks superseded (is_current = 0)" }
        }

        // A new gazetteer is made in a temporary file renamed at the end: a killed import leaves no half file
        // (the temporary is removed on SIGINT/SIGTERM, or as garbage by the next run). An existing one is
        // changed in one SQLite transaction.
        let isNew = !FileManager.default.fileExists(atPath: into)
        let work = isNew ? TemporaryFiles.path(for: into) : into
        let slot = isNew ? TemporaryFiles.register(work) : nil
        defer { if isNew { unlink(work); TemporaryFiles.forget(slot) } }
        if isNew {
            if empty {
                _ = try GazetteerStore(path: work, create: true)
            } else {
                let base = gazetteer ?? GazetteerLocation.defaultPath()
                guard FileManager.default.fileExists(atPath: base) else { throw GazetteerError.missingDefault(base) }
                try GazetteerStore(path: base).copy(to: work)
            }
        }
        let store = try GazetteerStore(path: work)
        // A WOF file without a country column: its country record's GeoNames id gives the ISO code.
        var fileCountry = country?.uppercased()
        if fileCountry == nil, let gn = countryGeonamesID { fileCountry = try store.place(geonamesID: gn)?.country }
        if let cc = fileCountry { places = places.map { var p = $0; p.country = p.country ?? cc; return p } }
        let source = GazetteerSource(
            name: "\(resolvedFormat.rawValue):\((file as NSString).lastPathComponent)",
            licence: resolvedFormat == .wof ? WhosOnFirstCSV.licence : resolvedFormat == .geonames ? "CC BY 4.0 (GeoNames)"
                : resolvedFormat == .features ? FeaturesCSV.licence : "as stated by the file's author",
            detail: "imported from \(file)")
        let s = try store.write(places, source: source, progress: progress.update)
        if isNew, rename(work, into) != 0 { throw CommandError("cannot move \(work) to \(into): \(String(cString: strerror(errno)))") }
        StandardError.note("imported \(places.count) records from \(file) into \(into): \(s.inserted) new, \(s.merged) merged into existing places (same GeoNames id, or the same division), \(s.updated) updated, \(s.names) names, \(s.duplicates) duplicate settlements merged (one name within 3 km)\(note)")
    }
}
