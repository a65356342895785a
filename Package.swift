// swift-tools-version:6.1
import Foundation
import PackageDescription

/// The committed syntax model, embedded by the CSyntaxModel target's assembler `.incbin`.
let syntaxModelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Sources/CSyntaxModel/syntax.model").path

let package = Package(
    name: "DiploWatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "diplowatch", targets: ["diplowatch"]),
        .library(name: "DiploWatch", targets: ["DiploWatch"]),
        .library(name: "DiploWatchFeeds", targets: ["Feeds"]),
        .library(name: "DiploWatchTOML", targets: ["TOML"]),
        .library(name: "Syntax", targets: ["Syntax"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "Feeds", dependencies: ["CLibXML2"]),
        // The config file's parser: pure Swift, so no input can abort the process (see Fuzz/).
        .target(name: "TOML"),
        .target(
            name: "CSyntaxModel",
            exclude: ["syntax.model", "MODEL-LICENSE.md"],
            cSettings: [.define("SYNTAX_MODEL_PATH", to: "\"\(syntaxModelPath)\"")]
        ),
        .target(name: "Syntax", dependencies: ["CSyntaxModel"]),
        // `make train-syntax` and `make eval-syntax`: the treebank in ../shared, never needed by builds or tests.
        .executableTarget(name: "SyntaxTrain", dependencies: ["Syntax"], path: "Benchmarks/SyntaxTrain"),
        .executableTarget(name: "SyntaxEval", dependencies: ["Syntax"], path: "Benchmarks/SyntaxEval"),
        .target(name: "Extraction", dependencies: ["Syntax"], exclude: ["Dictionaries"], plugins: ["EmbedDictionaries"]),
        .plugin(name: "EmbedDictionaries", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .executableTarget(name: "EmbedTool", path: "Plugins/EmbedTool"),
        .target(
            name: "DiploWatch",
            dependencies: [
                "CCurl", "Feeds", "Extraction", "TOML",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "diplowatch",
            dependencies: [
                "DiploWatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `make bench`: throughput figures, kept out of `swift test`.
        .executableTarget(
            name: "DiploWatchBench", dependencies: ["Feeds", "Extraction", "DiploWatch", "TestSupport"],
            path: "Benchmarks/DiploWatchBench"),
        // A real HTTP/1.1 server on 127.0.0.1 for the fetch and end-to-end tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FeedsTests", dependencies: ["Feeds"]),
        .testTarget(name: "TOMLTests", dependencies: ["TOML"]),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax", "CSyntaxModel"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction"], exclude: ["Golden"]),
        .testTarget(
            name: "DiploWatchTests",
            dependencies: [
                "DiploWatch", "Feeds", "Extraction", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["DiploWatch", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
