import ArgumentParser
import Foundation
import Geoparsing
import Incidents
import Pipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find and resolve the place mentions of reports (English and French), disambiguated as a whole.",
        discussion: """
        Reports (.txt) are geoparsed; a JSON run on one file over 8 MB streams it a megabyte at a time (compact JSON,
        memory bounded); analyst event files (.yaml, .json: see the README's schema; .csv: ACLED
        export) are read into the same events and control arrays. Prints the JSON of DESIGN.md: source, lang, report_date, mentions (text, start, end in code points, place,
        relative, reason, runner_up), events (type, actors, fatalities and their claims, date, location, evidence)
        and control claims. One object for one
        file, an array for several. A file that is empty, binary or not UTF-8 stops with a one-line error.

        Example:
          geomap extract ../shared/corpus/000_b936dedbd59c1222.txt --gazetteer syria.sqlite --date 2014-01-14
        """
    )

    @Argument(help: "Report files (.txt); '-' reads standard input.") var files: [String]
    @Option(help: "Language of the reports: auto, en or fr.") var lang: Geoparser.Language = .auto
    @Option(help: ArgumentHelp("The report date (YYYY-MM-DD) when the file has no dateline; day words resolve against it.", valueName: "date"))
    var date: String?
    @Option(name: [.short, .long], help: "Output format: json or yaml.") var format: ExtractionJob.Format = .json
    @Flag(help: "In analyst event files, report bad rows on stderr and leave them out instead of stopping.") var skipBadRows = false
    @OptionGroup var gazetteerOptions: GazetteerOptions
    @Option(help: .hidden) var streamAbove: Int = 8 << 20
    @Option(help: .hidden) var chunkBytes: Int = 1 << 20
    /// Entries in each worker's caches of name rankings, areas and checks; 0 measures extraction without them
    /// (and without the memos of name-index answers and distances).
    @Option(help: .hidden) var cacheLimit: Int = Geoparser.defaultCacheLimit

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one report file") }
        if let date, ReportDay(iso: date) == nil { throw ValidationError("--date '\(date)' is not a date YYYY-MM-DD") }
    }

    func run() throws {
        var job = ExtractionJob(files: files)
        job.language = lang
        job.reportDate = date.flatMap(ReportDay.init(iso:))
        job.format = format
        job.skipBadRows = skipBadRows
        job.streamAbove = streamAbove
        job.chunkBytes = chunkBytes
        job.cacheLimit = cacheLimit
        job.warn = StandardError.note
        try job.run(gazetteer: try gazetteerOptions.open(), to: FileHandle.standardOutput)
    }
}
