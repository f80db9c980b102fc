import Foundation
import GeoCore
import Testing

/// The digests of FIPS 180-2's SHA-256 examples (Appendix B: one block, two blocks, one million 'a'), and
/// the empty message's well-known digest.
@Suite struct SHA256Tests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func fipsExamples() {
        #expect(hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(SHA256.digest([UInt8](repeating: 0x61, count: 1_000_000))) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Lengths around the 55/56/64-byte padding edges agree with sha256sum (coreutils), run here.
    @Test func paddingEdgesAgreeWithCoreutils() throws {
        for n in [55, 56, 63, 64, 65, 119, 120] {
            let text = String(repeating: "x", count: n)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            let input = Pipe(), output = Pipe()
            p.standardInput = input; p.standardOutput = output
            try p.run()
            input.fileHandleForWriting.write(Data(text.utf8)); try input.fileHandleForWriting.close()
            let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(line.hasPrefix(hex(SHA256.digest(Array(text.utf8))) + " "), "\(n) bytes: \(line)")
        }
    }
}
