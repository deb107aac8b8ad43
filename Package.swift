// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "candidates",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "candidates", targets: ["candidates"]),
        .executable(name: "candidates-bench", targets: ["candidates-bench"]),
        .library(name: "CandidateCore", targets: ["CandidateCore"]),
        .library(name: "CandidateSandbox", targets: ["CandidateSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "CandidateCore",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .target(
            name: "CandidateSandbox",
            dependencies: [
                "CandidateCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, to write list rows straight into responses.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Starts programs with posix_spawn: the editor hand-over, the bench's and the tests' children.
        .target(name: "ChildProcess"),
        .target(
            name: "CandidateTUI",
            dependencies: [
                "CandidateCore", "CNCurses", "ChildProcess",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "candidates",
            dependencies: [
                "CandidateTUI",
                "CandidateCore",
                "CandidateSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            plugins: ["BuildCommit"]
        ),
        // Writes the checkout's commit (git rev-parse --short HEAD, else "unknown") for --version.
        .plugin(name: "BuildCommit", capability: .buildTool()),
        .executableTarget(
            name: "candidates-bench",
            dependencies: ["CandidateCore", "ChildProcess", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // A tiny misbehaving HTTP server on 127.0.0.1 for the client and CLI tests.
        .target(
            name: "TestHTTPServer",
            dependencies: [.product(name: "NIOConcurrencyHelpers", package: "swift-nio")],
            path: "Tests/TestHTTPServer"
        ),
        .testTarget(
            name: "CandidateCoreTests",
            dependencies: [
                "CandidateCore", "TestHTTPServer",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"]),
        .testTarget(
            name: "CandidateSandboxTests",
            dependencies: [
                "CandidateCore", "CandidateSandbox",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "CandidateTUITests",
            dependencies: ["CandidateTUI", "CandidateCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CandidateCore", "ChildProcess", "TestHTTPServer", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
