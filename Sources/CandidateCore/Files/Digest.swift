import Crypto
import Foundation

/// Digests for naming things on disk (the drafts folder of a server and company, key
/// fingerprints), from swift-crypto.
enum Digest {
    /// SHA-256 of the UTF-8 text as 64 lower-case hex digits.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
