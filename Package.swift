// swift-tools-version:6.0
import PackageDescription

// Data flows one way: ingest → text → classify → (llm) → store → report → nightly → CLI.
// A module may import only modules to its left.
let package = Package(
    name: "palaute",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "palaute", targets: ["palaute"]),
        .library(name: "PalauteClassify", targets: ["PalauteClassify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CVoikko",
            pkgConfig: "libvoikko",
            providers: [.apt(["libvoikko-dev", "voikko-fi"])]
        ),
        // Reading survey exports: CSV/JSONL decoding, header mapping, row validation.
        .target(name: "PalauteIngest"),
        // Finnish (and Swedish, English) text analysis: tokens, Voikko morphology, language id, PII.
        .target(name: "PalauteText", dependencies: ["CVoikko"]),
        // The label contract and the lexicon-driven classifier.
        .target(name: "PalauteClassify", dependencies: ["PalauteText", "PalauteIngest"]),
        // Optional remote LLM second opinion (OpenAI-compatible, over URLSession).
        .target(name: "PalauteLLM", dependencies: [
            "PalauteIngest", "PalauteClassify", "PalauteText",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // SQLite through GRDB: schema, migrations, ingest batches, results, follow-up cases, audit log.
        .target(name: "PalauteStore", dependencies: [
            "PalauteIngest", "PalauteClassify", "PalauteLLM",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the ingest hot path only (binding without boxing every value).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // Exports, NPS arithmetic, SQL views and the HTML report.
        .target(name: "PalauteReport", dependencies: [
            "PalauteIngest", "PalauteStore", "PalauteClassify", "PalauteText",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The nightly job: ingest → classify → store → follow-up queue → report, with lock and run record.
        .target(name: "PalauteNightly", dependencies: [
            "PalauteIngest", "PalauteText", "PalauteClassify", "PalauteLLM", "PalauteStore", "PalauteReport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "palaute", dependencies: [
            "PalauteIngest", "PalauteText", "PalauteClassify", "PalauteLLM", "PalauteStore", "PalauteReport",
            "PalauteNightly",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "PalauteIngestTests", dependencies: ["PalauteIngest"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PalauteTextTests", dependencies: ["PalauteText"]),
        .testTarget(name: "PalauteClassifyTests", dependencies: ["PalauteClassify", "PalauteText"]),
        .testTarget(name: "PalauteLLMTests", dependencies: ["PalauteLLM", "PalauteClassify", "PalauteText", "PalauteIngest"]),
        .testTarget(name: "PalauteStoreTests", dependencies: [
            "PalauteStore", "PalauteIngest", "PalauteClassify", "PalauteLLM", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "PalauteReportTests", dependencies: [
            "PalauteReport", "PalauteStore", "PalauteClassify", "PalauteIngest", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "PalauteNightlyTests", dependencies: [
            "PalauteNightly", "PalauteStore", "PalauteClassify", "PalauteText", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
