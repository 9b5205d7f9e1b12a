import Foundation
import Yardstick

/// The bodies of the fuzz targets. Each writes the input to one temporary file of this process and reads it through
/// the public entry point the command line uses for that format (`PanelReader.read(_:)` with the format given, as
/// `yardstick inspect --input-format F FILE` does), so that decoding (UTF-8, GB18030, …), format detection and the
/// reader are exercised exactly as a user's file would be. A thrown `InputError` is the right answer to a bad file:
/// it is rendered (as the command line prints it) and otherwise ignored. A crash, a trap, a hang or a sanitizer
/// report is a bug.
public enum Fuzz {
    /// The one temporary file of this process (per extension), removed at exit.
    static func path(_ ext: String) -> String {
        NSTemporaryDirectory() + "yardstick-fuzz-\(ProcessInfo.processInfo.processIdentifier).\(ext)"
    }

    nonisolated(unsafe) static var written: Set<String> = []

    /// Writes the input to the process's temporary file with extension `ext`.
    static func write(_ data: UnsafeBufferPointer<UInt8>, _ ext: String) -> String {
        let p = path(ext)
        if written.isEmpty { atexit { for p in Fuzz.written { unlink(p) } } }
        written.insert(p)
        guard FileManager.default.createFile(atPath: p, contents: Data(data)) else { fatalError("cannot write \(p)") }
        return p
    }

    /// Runs `body`, rendering a thrown error as the command line would.
    static func run(_ body: () throws(InputError) -> Void) {
        do { try body() } catch { _ = error.description }
    }

    /// What `yardstick inspect` does with a panel once read.
    static func use(_ panel: Panel) {
        _ = PanelSummary(PanelIndex(panel))
    }

    /// The input read as one file of `format`, after format detection on its head (which is fuzzed too).
    static func read(_ data: UnsafeBufferPointer<UInt8>, format: InputFormat, ext: String = "csv",
                     configure: (inout PanelReader, String) throws(InputError) -> Void = { _, _ in }) {
        let file = write(data, ext)
        _ = try? PanelReader.detect(String(decoding: data.prefix(4096), as: UTF8.self), file: file)
        run { () throws(InputError) in
            var reader = PanelReader()
            reader.format = format
            try configure(&reader, file)
            use(try reader.read([file]))
        }
    }

    public static func long(_ data: UnsafeBufferPointer<UInt8>) { read(data, format: .long) }
    public static func wdi(_ data: UnsafeBufferPointer<UInt8>) { read(data, format: .wdi) }
    public static func sdmx(_ data: UnsafeBufferPointer<UInt8>) { read(data, format: .sdmx) }
    public static func eurostat(_ data: UnsafeBufferPointer<UInt8>) { read(data, format: .eurostat, ext: "tsv") }

    /// A wide table read with the region and period columns a user would name: the first column called like a
    /// region (region, country, geo, …) and the first called like a period (year, period, time, …), else the first
    /// two columns (the first twice for a one-column header). The indicator columns are guessed, or, for an input
    /// whose length is a multiple of three, named: every column but those two.
    public static func wide(_ data: UnsafeBufferPointer<UInt8>) {
        read(data, format: .wide) { reader, file throws(InputError) in
            let header = try CSVTable(contentsOf: file).header
            guard let first = header.first else { return }
            func named(_ words: [String]) -> String? { header.first { h in words.contains { h.lowercased().contains($0) } } }
            let region = named(["region", "country", "geo", "area", "city"]) ?? first
            let period = named(["year", "period", "time", "date"]) ?? (header.count > 1 ? header[1] : first)
            reader.regionColumn = region
            reader.periodColumn = period
            if data.count % 3 == 0 { reader.indicatorColumns = header.filter { $0 != region && $0 != period } }
        }
    }

    /// The side files read as CSV tables: indicator metadata, region names, the `name,id` file of a report's names,
    /// and a composite's structure and weights (`benchmark --structure`, `--weights`).
    public static func metadata(_ data: UnsafeBufferPointer<UInt8>) {
        let file = write(data, "csv")
        run { () throws(InputError) in
            let table = try CSVTable(contentsOf: file)
            run { () throws(InputError) in _ = try MetadataReader.read(table) }
            run { () throws(InputError) in _ = try MetadataReader.regionNames(table) }
            run { () throws(InputError) in _ = try StructureReader.read(table) }
            run { () throws(InputError) in _ = try WeightsReader.read(table) }
        }
        run { () throws(InputError) in _ = try PanelReader.textNames(file) }
    }

    /// A workbook, read as `yardstick inspect book.xlsx` reads it.
    public static func xlsx(_ data: UnsafeBufferPointer<UInt8>) {
        let file = write(data, "xlsx")
        run { () throws(InputError) in use(try PanelReader().read([file])) }
    }

    /// A report's text: extracted (`yardstick extract`), its names mapped to metadata, then read as a data file
    /// (`yardstick inspect report.txt --text-region R`, with `--text-year` when no heading gives a year).
    public static func text(_ data: UnsafeBufferPointer<UInt8>) {
        let file = write(data, "txt")
        run { () throws(InputError) in
            let e = try ReportExtractor().extract(contentsOf: file)
            let named = e.named(by: names).extraction
            _ = named.longCSV(region: "R", file: file)
            var reader = PanelReader()
            reader.textRegion = "R"
            if e.targetYear == nil && e.resultsYear == nil { reader.textYear = 2024 }
            use(try reader.read([file]))
        }
    }

    /// Indicators whose names a report's statements may take.
    static let names = [Indicator(id: "gdp", name: "地区生产总值", englishName: "GDP"),
                        Indicator(id: "gdp_growth", name: "地区生产总值增长", englishName: "GDP growth")]
}
