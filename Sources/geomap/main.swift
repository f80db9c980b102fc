import ArgumentParser
import Foundation

// Parsing and running by hand so every failure is one line on stderr with a meaningful exit code:
// 0 success, 1 failure, 64 usage error (EX_USAGE), no stack trace.
do {
    let arguments = NegativeNumberArguments.protect(Array(CommandLine.arguments.dropFirst()))
    var command = try Geomap.parseAsRoot(arguments)
    try command.run()
} catch {
    CommandLineFailure.exit(with: error)
}
