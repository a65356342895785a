// swift-tools-version:6.1
// libFuzzer target over the feed parser and HTML to text. Build and run (see README in this folder):
//   swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -use-ld=lld
//   SWIFT_BACKTRACE=enable=no .build/debug/FeedFuzzer -max_total_time=600 corpus ../Config/samples
import PackageDescription

let package = Package(
    name: "DiploWatchFuzz",
    dependencies: [.package(name: "DiploWatch", path: "..")],
    targets: [
        .executableTarget(
            name: "FeedFuzzer",
            dependencies: [.product(name: "DiploWatchFeeds", package: "DiploWatch")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
