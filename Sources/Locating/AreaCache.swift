import GeoCore

/// Uncertainty areas by what they depend on (anchor, form, distance, direction), shared by the locators of one
/// job: reports say "the northern countryside of Aleppo" or "near Idlib" again and again, each area is hundreds
/// of geodesic solutions and GEOS operations, and every worker meets the same ones. Only locators with the
/// same options may share one (`Locator.options` gives a locator a cache of its own).
public final class AreaCache: Sendable {
    let entries: SharedCache<Locator.AreaKey, Locator.LocatedArea>

    /// `limit`: entries held before the cache empties itself; 0 keeps none.
    public init(limit: Int) {
        entries = SharedCache(limit: limit)
    }
}
