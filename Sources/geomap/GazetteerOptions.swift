import ArgumentParser
import Foundation
import Places

/// `--gazetteer PATH`, shared by every command that resolves names.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Gazetteer database (default: the embedded one, Gazetteer/build/gazetteer.sqlite).", valueName: "path"))
    var gazetteer: String?

    var path: String { gazetteer ?? GazetteerLocation.defaultPath() }

    func open() throws -> Gazetteer {
        let p = path
        if gazetteer == nil, case .notFound = GazetteerStore.unreadable(p) { throw GazetteerError.missingDefault(p) }
        return try Gazetteer(path: p)
    }
}

/// Progress on stderr, only when it is a terminal (scripts and CI stay quiet).
struct Progress {
    let label: String
    private let enabled = isatty(2) == 1

    init(_ label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let pct = Int((Double(done) / Double(total) * 100).rounded())
        FileHandle.standardError.write(Data("\r\(label): \(done)/\(total) (\(pct)%)\(done == total ? "\n" : "")".utf8))
    }

    func note(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}

enum StandardError {
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("geomap: \(message)\n".utf8))
    }
}
