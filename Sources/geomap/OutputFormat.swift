import ArgumentParser
import GeoCore

extension OutputFormat: ExpressibleByArgument {}

extension ParsableCommand {
    /// Rejects a format this command cannot write, as a usage error.
    static func require(_ format: OutputFormat, in allowed: [OutputFormat]) throws {
        guard allowed.contains(format) else {
            throw ValidationError("--format \(format.rawValue) is not available here; use one of: \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
