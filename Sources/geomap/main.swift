import ArgumentParser
import Foundation
import GeoCore

// Parsing and running by hand so every failure is one line on stderr with a meaningful exit code:
// 0 success, 1 failure, 64 usage error (EX_USAGE), no stack trace.
// What the C library buffered (the argument parser's help and messages) is flushed and checked on the way out:
// a write that failed (`geomap --help > /dev/full`) exits 1 with one line, whichever path exits.
atexit {
    if fflush(nil) != 0 {
        let message = "geomap: error: cannot write to standard output: \(String(cString: strerror(errno)))\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        _exit(1)
    }
}
do {
    let arguments = NegativeNumberArguments.protect(Array(CommandLine.arguments.dropFirst()))
    var command = try Geomap.parseAsRoot(arguments)
    try command.run()
    if fflush(nil) != 0 {
        throw StandardOutput.WriteError(description: "cannot write to standard output: \(String(cString: strerror(errno)))")
    }
} catch {
    CommandLineFailure.exit(with: error)
}
