import Foundation
import Places
import Locating
import TestSupport

enum Fixtures {
    /// Locators are made per test (each owns a GEOS context); the gazetteers are shared.
    static func locator() throws -> Locator { try Locator(gazetteer: TestData.defaultGazetteer.get()) }
    static func wofLocator() throws -> Locator { try Locator(gazetteer: TestData.wofGazetteer.get()) }
}
