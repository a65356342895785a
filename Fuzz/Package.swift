// swift-tools-version:6.1
// libFuzzer targets over the feed parser and HTML to text (FeedFuzzer) and over the config file's
// TOML parser (ConfigFuzzer). Build and run (see README in this folder):
//   swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -use-ld=lld
//   SWIFT_BACKTRACE=enable=no .build/debug/FeedFuzzer -max_total_time=600 corpus ../Config/samples
//   SWIFT_BACKTRACE=enable=no .build/debug/ConfigFuzzer -max_total_time=600 -dict=toml.dict config-corpus
import PackageDescription

let package = Package(
    name: "DiploWatchFuzz",
    dependencies: [.package(name: "DiploWatch", path: "..")],
    targets: [
        .executableTarget(
            name: "FeedFuzzer",
            dependencies: [.product(name: "DiploWatchFeeds", package: "DiploWatch")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "ConfigFuzzer",
            dependencies: [.product(name: "DiploWatchTOML", package: "DiploWatch")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
