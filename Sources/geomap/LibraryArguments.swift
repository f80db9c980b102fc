import ArgumentParser
import Export
import Geoparsing
import Pipeline
import Zones

// The library's enums are the commands' option values: one list of choices, no mirror in the CLI.
extension Geoparser.Language: ExpressibleByArgument {}
extension ExtractionJob.Format: ExpressibleByArgument {}
extension ControlZoneBuilder.Mode: ExpressibleByArgument {}
extension LayerWriter.Format: ExpressibleByArgument {}
