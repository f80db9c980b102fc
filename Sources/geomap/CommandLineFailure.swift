import ArgumentParser
import Foundation
import GeoCore

/// Turns any error into one line on stderr and the process's exit code.
enum CommandLineFailure {
    static func exit(with error: Error) -> Never {
        // Help and --version are "errors" to ArgumentParser; it prints them itself.
        if error is CleanExit || error is ExitCode || Geomap.exitCode(for: error) == .success {
            Geomap.exit(withError: error)
        }
        let code: Int32
        var message: String
        if !isArgumentParserError(error) {
            message = String(describing: error)
            code = 1
        } else {
            message = Geomap.message(for: error)
            code = Geomap.exitCode(for: error).rawValue
        }
        // Keep it one line; ArgumentParser messages may carry a usage block.
        message = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        if code == 64 { message += " (see 'geomap help')" }
        // Negative numbers travel as U+2212 through the argument parser (NegativeNumberArguments): echoed as typed.
        message = DecimalNumber.plainMinus(message)
        FileHandle.standardError.write(Data("geomap: error: \(message)\n".utf8))
        Foundation.exit(code)
    }

    private static func isArgumentParserError(_ error: Error) -> Bool {
        if error is ValidationError { return true }
        let type = String(reflecting: Swift.type(of: error))
        return type.hasPrefix("ArgumentParser.")
    }
}

/// A failure a user can act on, printed as its message.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
