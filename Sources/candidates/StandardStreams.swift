// No Foundation here: it re-exports the C library without `@preconcurrency`.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// C's `stdout` and `stderr`. They are global variables to Swift 6, but the program never
/// reassigns them and stdio locks each call, so reading them from any thread is safe.
enum StandardStreams {
    static var output: UnsafeMutablePointer<FILE> { stdout }
    static var error: UnsafeMutablePointer<FILE> { stderr }
}
