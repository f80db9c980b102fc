import Foundation
import Incidents
import GeoCore
import Geoparsing
import Places

/// Geoparsing and event reading of a text, block by block, the blocks shared among the machine's cores.
///
/// A block (`Geoparser.blocks`: up to 16,384 code points, cut at blank lines) is one document: its mentions
/// are disambiguated together and its incidents merged together. A report is one block; a long file of many
/// reports costs time in proportion to its length. Each worker owns its `Geoparser` (its PROJ and GEOS contexts
/// and place cache); the gazetteer and the cache of uncertainty areas are shared.
public final class ReportReader {
    /// What a text gave: mentions sorted by start, incidents and control claims, offsets in the whole file.
    public struct Output: Sendable {
        public var mentions: [Mention]
        public var events: EventExtractor.Result
    }

    public let gazetteer: Gazetteer
    private let parsers: [Geoparser]
    private let extractor: EventExtractor

    /// `cacheLimit`: entries each worker's caches of name rankings, areas and checks may hold (0: none); the
    /// workers share one cache of rankings of `cacheLimit` × workers entries, one of place records and one of
    /// areas.
    public init(gazetteer: Gazetteer, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                lexicon: Lexicon = .standard, cacheLimit: Int = Geoparser.defaultCacheLimit) throws {
        self.gazetteer = gazetteer
        parsers = try (0..<max(1, workers)).map { _ in
            let parser = try Geoparser(gazetteer: gazetteer)
            parser.cacheLimit = cacheLimit
            parser.organisationNames = OrganisationNames(lexicon.aliases.filter { !$0.isModifier }.map(\.folded))
            return parser
        }
        // One cache of areas, one of rankings and one of place records for the job; the rankings and the records
        // get every worker's entries.
        let (total, overflow) = max(0, cacheLimit).multipliedReportingOverflow(by: parsers.count)
        let rankings = RankingCache(limit: overflow ? Int.max : total)
        let records = PlaceRecordCache(store: gazetteer.store, limit: CacheBudget.recordEntries * parsers.count)
        for parser in parsers {
            parser.shareRankings(rankings)
            parser.shareRecords(records)
            if parser !== parsers[0] { parser.shareAreas(with: parsers[0]) }
        }
        extractor = EventExtractor(lexicon: lexicon)
    }

    /// Mentions and events of `text`. `offset` is the number of code points before it in its file (a chunk
    /// of a stream); incidents are numbered E`firstIncident`, E`firstIncident+1`… in text order.
    public func read(_ text: String, offset: Int = 0, reportDate: ReportDay?, reportDateSource: DateSource,
                     firstIncident: Int = 1) throws -> Output {
        let scalars = Array(text.unicodeScalars)
        let parts = try parts(scalars, blocks: Geoparser.blocks(scalars), offset: offset, reportDate: reportDate, reportDateSource: reportDateSource)
        var out = Output(mentions: [], events: .init(incidents: [], control: [], reportDate: reportDate, reportDateSource: reportDateSource))
        for var part in parts {
            Self.number(&part, from: firstIncident + out.events.incidents.count)
            out.mentions += part.mentions
            out.events.incidents += part.events.incidents
            out.events.control += part.events.control
        }
        return out
    }

    /// What each block of `scalars` (`Geoparser.blocks`) gave, in text order, offsets in the whole file; each
    /// block's incidents numbered from E1 (`number` numbers them in the file).
    public func parts(_ scalars: [Unicode.Scalar], blocks: [Range<Int>], offset: Int, reportDate: ReportDay?,
                      reportDateSource: DateSource) throws -> [Output] {
        try ParallelMap.map(blocks.count, workers: parsers) { parser, k -> Output in
            let block = blocks[k]
            let blockScalars = Array(scalars[block])
            let mentions = try parser.extractBlock(scalars: blockScalars, offset: 0)
            var events = self.extractor.extract(scalars: blockScalars, mentions: mentions, reportDate: reportDate, reportDateSource: reportDateSource)
            let shift = offset + block.lowerBound
            for i in events.incidents.indices { events.incidents[i].evidence = events.incidents[i].evidence.shifted(by: shift) }
            for i in events.control.indices { events.control[i].evidence = events.control[i].evidence.shifted(by: shift) }
            return Output(mentions: mentions.map { $0.shifted(by: shift) }, events: events)
        }
    }

    /// Numbers a block's incidents E`first`, E`first+1`… (each block numbered its own from E1), and a control
    /// claim's link to the event of its clause with its incident.
    public static func number(_ part: inout Output, from first: Int) {
        var renamed: [String: String] = [:]
        renamed.reserveCapacity(part.events.incidents.count)
        for i in part.events.incidents.indices {
            let id = "E\(first + i)"
            renamed[part.events.incidents[i].id] = id
            part.events.incidents[i].id = id
        }
        for i in part.events.control.indices {
            if let old = part.events.control[i].incident { part.events.control[i].incident = renamed[old] }
        }
    }
}

extension Range where Bound == Int {
    func shifted(by offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
