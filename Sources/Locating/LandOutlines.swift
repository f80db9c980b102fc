import GeoCore
import Geometry
import Places
import Synchronization

/// The gazetteer's country outlines for the land mask, each widened by `LandMask.margin` when an area first
/// reaches it: read, scanned and widened once for the workers of a job (the widening is a GEOS buffer of a
/// detailed outline, the costliest part of a land mask's setting up), while each worker prepares its own GEOS
/// copy (a prepared geometry belongs to one thread).
public final class LandOutlines: Sendable {
    struct Country: Sendable {
        let box: BoundingBox
        let outline: GazetteerStore.StoredOutline
    }

    private struct State {
        var countries: [Country]?
        /// Widened outlines by country, once computed (nil inside: the country has no outline to widen).
        var widened: [Int: GeoJSONGeometry?] = [:]
    }

    private let store: GazetteerStore
    private let state = Mutex(State())

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// The countries with an outline, and the boxes scanned from their text.
    func countries() throws(LocatingError) -> [Country] {
        let read: Result<[Country], GazetteerError> = state.withLock { state in
            if let known = state.countries { return .success(known) }
            do throws(GazetteerError) {
                var read: [Country] = []
                for o in try store.storedOutlines(kind: .country) {
                    if let box = try o.boundingBox() { read.append(Country(box: box, outline: o)) }
                }
                state.countries = read
                return .success(read)
            } catch { return .failure(error) }
        }
        do { return try read.get() } catch { throw .gazetteer(error) }
    }

    /// Country `i`'s outline widened by `LandMask.margin` (`engine` computes it if no worker has yet); nil when
    /// the outline is empty.
    func widened(_ i: Int, engine: GeometryEngine) throws(LocatingError) -> GeoJSONGeometry? {
        let countries = try countries()
        let made: Result<GeoJSONGeometry?, LocatingError> = state.withLock { state in
            if let known = state.widened[i] { return .success(known) }
            let outline: GeoJSONGeometry?
            do throws(GazetteerError) { outline = try countries[i].outline.geometry() } catch { return .failure(.gazetteer(error)) }
            var shape: GeoJSONGeometry?
            if let outline {
                do throws(GeometryError) { shape = try engine.buffer(outline, by: LandMask.margin, quadrantSegments: 4) } catch { return .failure(.geometry(error)) }
            }
            state.widened[i] = .some(shape)
            return .success(shape)
        }
        return try made.get()
    }
}
