// swift-tools-version:5.9
import PackageDescription

/// Release builds of the tools link statically: a dynamically linked Swift process spends about
/// 3 ms in the loader before `main`, which dominates short runs such as `hail` or a small `hbal -C`.
let staticExecutable: [LinkerSetting] = [
    .unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release)),
]

/// hsqueeze links GLPK, whose static archive pulls in further libraries; only the Swift runtime is static.
let staticSwiftRuntime: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "SwiftHTools",
    products: [
        .executable(name: "hail", targets: ["Hail"]),
        .executable(name: "hbal", targets: ["Hbal"]),
        .executable(name: "hspace", targets: ["Hspace"]),
        .executable(name: "hroller", targets: ["Hroller"]),
        .executable(name: "hsqueeze", targets: ["Hsqueeze"]),
        .executable(name: "hinfo", targets: ["Hinfo"]),
        .executable(name: "hscan", targets: ["Hscan"]),
        .library(name: "ClusterModel", targets: ["ClusterModel"]),
    ],
    targets: [
        .target(name: "ClusterModel"),
        .systemLibrary(
            name: "CJSONC",
            pkgConfig: "json-c",
            providers: [.apt(["libjson-c-dev"])]
        ),
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "ClusterIO", dependencies: ["ClusterModel", "CJSONC"]),
        .target(name: "Packing", dependencies: ["ClusterModel", "CGLPK"]),
        .target(name: "HToolsCLI", dependencies: ["ClusterModel", "ClusterIO"]),
        .executableTarget(name: "Hail", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"], linkerSettings: staticExecutable),
        .executableTarget(name: "Hbal", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"], linkerSettings: staticExecutable),
        .executableTarget(name: "Hspace", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"], linkerSettings: staticExecutable),
        .executableTarget(name: "Hroller", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"], linkerSettings: staticExecutable),
        .executableTarget(name: "Hsqueeze", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel", "Packing"], linkerSettings: staticSwiftRuntime),
        .executableTarget(name: "Hinfo", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"], linkerSettings: staticExecutable),
        .executableTarget(name: "Hscan", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"], linkerSettings: staticExecutable),
        .testTarget(name: "ClusterModelTests", dependencies: ["ClusterModel"]),
        .testTarget(name: "ClusterIOTests", dependencies: ["ClusterIO", "ClusterModel"]),
        .testTarget(name: "HToolsCLITests", dependencies: ["HToolsCLI", "ClusterIO", "ClusterModel"]),
        .testTarget(name: "CLIGoldenTests", dependencies: ["Hail", "Hbal", "Hspace", "Hroller", "Hsqueeze", "Hinfo"]),
    ]
)
