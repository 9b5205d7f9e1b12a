// swift-tools-version: 6.1
// libFuzzer targets for every reader, a package of its own so that `swift build` and `swift test` of Yardstick never
// see it. Build and run with `make fuzz` (or Fuzz/build.sh and Fuzz/run.sh); see Fuzz/README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository was cloned.
let rootIdentity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

// One executable per reader, whose main hands its body to libFuzzer's driver (Fuzz.drive, through CFuzzDriver).
let readers = ["Long", "WDI", "SDMX", "Eurostat", "Wide", "Metadata", "XLSX", "Text"]

let package = Package(
    name: "YardstickFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Yardstick", package: rootIdentity), "CFuzzDriver"]),
        .target(name: "CFuzzDriver"),
    ] + readers.map { name in
        .executableTarget(
            name: "Fuzz\(name)",
            dependencies: ["FuzzSupport"]
        )
    }
)
