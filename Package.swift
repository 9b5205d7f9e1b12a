// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Yardstick",
    products: [
        .library(name: "Yardstick", targets: ["Yardstick"]),
        .library(name: "YardstickReport", targets: ["YardstickReport"]),
        .executable(name: "yardstick", targets: ["YardstickCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "CKernels"),
        .target(name: "Yardstick", dependencies: ["COpenBLAS", "CKernels", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "YardstickReport", dependencies: ["Yardstick"]),
        .executableTarget(
            name: "YardstickCLI",
            dependencies: [
                "Yardstick", "YardstickReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "YardstickTests",
            dependencies: ["Yardstick", "YardstickReport"]
        ),
    ]
)
