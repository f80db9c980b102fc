import GeoCore
import Places

/// Rankings of names without context (`Gazetteer.rank`), shared by the geoparsers of one job: the workers of
/// a stream meet the same village names, and a ranking is a few dozen postings weighed. Empties itself when
/// full, like every cache of the budget; a limit of 0 keeps none.
public final class RankingCache: Sendable {
    let entries: SharedCache<String, [RankedPlace]>

    /// `limit`: entries held before the cache empties itself; 0 keeps none.
    public init(limit: Int) {
        entries = SharedCache(limit: limit)
    }
}
