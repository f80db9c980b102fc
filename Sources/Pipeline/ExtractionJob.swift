import Foundation
import GeoCore
import Geoparsing
import Incidents
import Locating
import Places
import Reports

/// `geomap extract`: reports geoparsed and read for events, analyst event files read, written as the JSON of
/// DESIGN.md (one object for one input, an array for several) or as YAML. One JSON report over
/// `streamAbove` bytes is streamed (`ReportStream`: compact JSON, memory bounded by the chunk size).
public struct ExtractionJob {
    public enum Format: String, Sendable, CaseIterable { case json, yaml }

    public var files: [String]
    public var language: Geoparser.Language = .auto
    /// The report date for reports without a dateline; day words resolve against it.
    public var reportDate: ReportDay?
    public var format: Format = .json
    /// In analyst event files, report bad rows through `warn` and leave them out instead of stopping.
    public var skipBadRows = false
    public var streamAbove = 8 << 20
    public var chunkBytes = 1 << 20
    /// Entries of each worker's caches (0: none, and no memos).
    public var cacheLimit = Geoparser.defaultCacheLimit
    public var warn: (String) -> Void = { _ in }

    public init(files: [String]) { self.files = files }

    /// Reads every input and writes the result to `out`. Memory stays bounded: standard input is spooled to a
    /// temporary file and read like any file; inputs over `streamAbove` bytes in all are written document by
    /// document (compact JSON, a large report in chunks; YAML one document at a time, refused for one report
    /// over `streamAbove`, which YAML would have to hold whole).
    public func run(gazetteer: Gazetteer, to out: FileHandle) throws {
        let reader = try ReportReader(gazetteer: gazetteer, cacheLimit: max(0, cacheLimit))
        var spool: (path: String, slot: Int?)?
        defer { if let spool { unlink(spool.path); TemporaryFiles.forget(spool.slot) } }
        var paths = files
        if files.contains("-") {
            let s = try Self.spoolStandardInput()
            spool = s
            paths = files.map { $0 == "-" ? s.path : $0 }
        }
        let names = InputNaming.names(for: files).map(\.name)
        let sizes = paths.map { ((try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? Int) ?? 0 }
        if sizes.reduce(0, +) <= streamAbove {
            let documents = try paths.indices.map { try document(paths[$0], input: files[$0], named: names[$0], reader: reader) }
            switch format {
            case .yaml: try out.writeChecked(Data(try ExtractionDocument.yaml(try ExtractionDocument.value(of: documents)).utf8))
            case .json:
                let text = try ExtractionDocument.pretty(documents: documents)
                try text.withUnsafeBytes { try out.writeChecked(Data($0)) }
            }
            return
        }
        if format == .yaml {
            if let k = paths.indices.first(where: { sizes[$0] > streamAbove && !ReportText.isEventFile(paths[$0]) }) {
                throw PipelineError("\(InputText.displayName(files[k])): \(sizes[k] >> 20) MiB; YAML output is made whole in memory, for reports up to \(streamAbove >> 20) MiB: use --format json (streamed)")
            }
            for k in paths.indices {
                let value = try ExtractionDocument.value(of: [try document(paths[k], input: files[k], named: names[k], reader: reader)])
                try out.writeChecked(Data(try ExtractionDocument.yaml(.array([value])).utf8))
            }
            return
        }
        if paths.count > 1 { try out.writeChecked(Data("[\n".utf8)) }
        for k in paths.indices {
            if k > 0 { try out.writeChecked(Data(",\n".utf8)) }
            if sizes[k] > streamAbove, !ReportText.isEventFile(paths[k]) {
                var stream = ReportStream(path: paths[k], reader: reader, out: out)
                stream.source = names[k]
                stream.chunkBytes = chunkBytes
                stream.reportDate = reportDate
                stream.language = language
                try stream.run()
            } else {
                try out.writeChecked(Data(try document(paths[k], input: files[k], named: names[k], reader: reader)))
            }
        }
        if paths.count > 1 { try out.writeChecked(Data("]\n".utf8)) }
    }

    /// One input's document, compact.
    /// `input`: the file as the user gave it ("-" for standard input, read from its spool at `path`).
    func document(_ path: String, input: String, named source: String, reader: ReportReader) throws -> [UInt8] {
        if ReportText.isEventFile(path) {
            var eventReader = EventFileReader(locator: try Locator(gazetteer: reader.gazetteer))
            eventReader.skipBadRows = skipBadRows
            eventReader.warn = { [warn] in warn("skipped: \($0)") }
            let read = try eventReader.read(path)
            let result = EventExtractor.Result(incidents: read.incidents, control: read.control, reportDate: nil, reportDateSource: .given)
            return ExtractionDocument.bytes(source: source, lang: "und", mentions: [], events: result)
        }
        let text = try ReportText.read(path, shownAs: input)
        let (day, daySource) = EventExtractor.reportDate(of: text, given: reportDate)
        let read = try reader.read(text, reportDate: day, reportDateSource: daySource)
        let lang = language == .auto ? Geoparser.detectLanguage(text) : language.rawValue
        return ExtractionDocument.bytes(source: source, lang: lang, mentions: read.mentions, events: read.events)
    }

    /// Standard input copied to a registered temporary file, a megabyte at a time.
    static func spoolStandardInput() throws -> (path: String, slot: Int?) {
        let path = TemporaryFiles.path(for: (FileManager.default.temporaryDirectory.path as NSString).appendingPathComponent("geomap-stdin"))
        let slot = TemporaryFiles.register(path)
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            TemporaryFiles.forget(slot)
            throw PipelineError("cannot write a temporary file in \(FileManager.default.temporaryDirectory.path) for standard input")
        }
        defer { try? file.close() }
        while true {
            let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            try file.writeChecked(chunk, naming: path)
        }
        return (path, slot)
    }
}
