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

    /// Reads every input and writes the result to `out`.
    public func run(gazetteer: Gazetteer, to out: FileHandle) throws {
        let reader = try ReportReader(gazetteer: gazetteer, cacheLimit: max(0, cacheLimit))
        if files.count == 1, format == .json, files[0] != "-", !ReportText.isEventFile(files[0]),
           let size = (try? FileManager.default.attributesOfItem(atPath: files[0]))?[.size] as? Int, size > streamAbove {
            var stream = ReportStream(path: files[0], reader: reader, out: out)
            stream.chunkBytes = chunkBytes
            stream.reportDate = reportDate
            stream.language = language
            try stream.run()
            return
        }
        var documents: [[UInt8]] = []
        for file in files {
            let source = (file as NSString).lastPathComponent
            if ReportText.isEventFile(file) {
                var eventReader = EventFileReader(locator: try Locator(gazetteer: gazetteer))
                eventReader.skipBadRows = skipBadRows
                eventReader.warn = { [warn] in warn("skipped: \($0)") }
                let read = try eventReader.read(file)
                let result = EventExtractor.Result(incidents: read.incidents, control: read.control, reportDate: nil, reportDateSource: .given)
                documents.append(ExtractionDocument.bytes(source: source, lang: "und", mentions: [], events: result))
                continue
            }
            let text = try ReportText.read(file)
            let (day, daySource) = EventExtractor.reportDate(of: text, given: reportDate)
            let read = try reader.read(text, reportDate: day, reportDateSource: daySource)
            let lang = language == .auto ? Geoparser.detectLanguage(text) : language.rawValue
            documents.append(ExtractionDocument.bytes(source: source, lang: lang, mentions: read.mentions, events: read.events))
        }
        let value = try ExtractionDocument.value(of: documents)
        switch format {
        case .yaml: try out.writeChecked(Data(try ExtractionDocument.yaml(value).utf8))
        case .json:
            let text = ExtractionDocument.pretty(value)
            try text.withUnsafeBytes { try out.writeChecked(Data($0)) }
        }
    }
}
