import Foundation
import ArgumentParser
import Yardstick
import YardstickReport

/// Output formats; each command accepts the subset it lists in its help.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    /// The format an output file's extension names (.json, .csv), text otherwise.
    init(forOutput output: String?) {
        switch output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "json": self = .json
        case "csv": self = .csv
        default: self = .text
        }
    }
}

/// The formats of a command that writes no CSV (`inspect`, `regress`): its help lists only these.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var format: OutputFormat { self == .json ? .json : .text }
}

extension InputFormat: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}

/// `INDICATOR=higher|lower|target`.
struct DirectionOverride: ExpressibleByArgument {
    let indicator: String
    let direction: Direction
    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let d = Direction(rawValue: parts[1]) else { return nil }
        indicator = parts[0]
        direction = d
    }
}

/// Input options shared by every command that reads indicator data.
struct DataInputOptions: ParsableArguments {
    @Argument(help: "Data files; - reads standard input. None: the embedded Zhuzhou data (Data/zhuzhou) with the Hunan peers.")
    var files: [String] = []

    @Option(help: "Input format: long, wdi, sdmx, eurostat, wide, xlsx or text (default: detected from each file; .xlsx and .txt by extension).")
    var inputFormat: InputFormat?

    @Option(help: "Text encoding: auto (UTF-16 by its bytes, UTF-8, else GB18030 or Windows-1252 by a guess that is said), utf8, gb18030, utf16 or cp1252.")
    var encoding: TextEncoding = .automatic

    @Option(help: "Wide tables: the column naming the region.")
    var regionColumn: String?

    @Option(help: "Wide tables: the column naming the period.")
    var periodColumn: String?

    @Option(help: "Wide tables: the indicator columns, comma-separated (default: every other numeric column).")
    var indicatorColumns: String?

    @Option(help: "Reports' texts (.txt): the region they are about (default: the one region of the other files, said in a note).")
    var textRegion: String?

    @Option(help: "Reports' texts (.txt): the year of their targets, when their headings give none.")
    var textYear: Int?

    @Option(help: "Reports' texts (.txt): a CSV of name,id naming the indicator an extracted name stands for.")
    var indicatorNames: String?

    @Option(help: "Excel workbooks (.xlsx): the sheet to read, by name or number from 1 (default: the first); BOOK.xlsx#SHEET chooses one workbook's sheet.")
    var sheet: String?

    @Option(help: "Indicator metadata CSV (id,name,name_en,unit,direction,lower,upper,kind,growth_of).")
    var metadata: String?

    @Option(help: "Set an indicator's direction: INDICATOR=higher|lower|target (repeatable).")
    var direction: [DirectionOverride] = []

    @Option(help: "Region names CSV (id,name,name_en): how reports name regions in each language.")
    var regionNames: String?

    func validate() throws {
        if inputFormat == .wide || regionColumn != nil || periodColumn != nil {
            guard regionColumn != nil, periodColumn != nil else {
                throw ValidationError("wide tables need both --region-column and --period-column")
            }
        }
        if sheet != nil, inputFormat != .xlsx, !files.contains(where: { $0.lowercased().hasSuffix(".xlsx") }) {
            throw ValidationError("--sheet applies to Excel workbooks (.xlsx), and no file given is one")
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read once") }
        if indicatorColumns != nil && regionColumn == nil {
            throw ValidationError("--indicator-columns applies to wide tables; give --region-column and --period-column too")
        }
    }

    /// Every file this run reads (data, metadata, region names): what an output must never replace.
    var paths: [String] {
        // A workbook's sheet (`book.xlsx#Sheet`) is the workbook.
        let data = files.flatMap { f -> [String] in
            guard let hash = f.lastIndex(of: "#"), f[..<hash].lowercased().hasSuffix(".xlsx") else { return [f] }
            return [f, String(f[..<hash])]
        }
        return data + [metadata, regionNames, indicatorNames].compactMap { $0 }
    }

    /// The data read (the embedded data when no file is given), indexed once. The whole panel: options that choose
    /// what to show (``ScopeOptions``) never filter it.
    func read(notes language: LanguageOption? = LanguageOption()) throws -> PanelIndex {
        let index: PanelIndex
        do {
            index = PanelIndex(files.isEmpty ? try reader.readEmbedded() : try reader.read(files))
        } catch { throw CommandError(error) }
        // A --direction for an indicator the data does not hold would be passed over: a typo is named.
        for id in reader.directions.keys.sorted() where !index.contains(indicator: id) {
            throw CommandError(ScopeError.unknownIndicator(id, known: index.indicatorIDs))
        }
        // What reading assumed, converted or left out, said on standard error (inspect lists it itself).
        if let language {
            let labels = language.labels(for: index)
            for w in index.panel.warnings { Terminal.note(labels.panelWarning(w), labels: labels) }
        }
        return index
    }

    /// The files as blocks of whole series, when they can be read so (``PanelReader/seriesRows(_:blockSize:)``).
    func seriesRows() throws -> SeriesRowReader? {
        guard !files.isEmpty else { return nil }
        do { return try reader.seriesRows(files) } catch { throw CommandError(error) }
    }

    var reader: PanelReader {
        var reader = PanelReader()
        reader.format = inputFormat
        reader.encoding = encoding
        reader.regionColumn = regionColumn
        reader.periodColumn = periodColumn
        reader.indicatorColumns = indicatorColumns?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        reader.sheet = sheet
        reader.textRegion = textRegion
        reader.textYear = textYear
        reader.textNamesFile = indicatorNames
        reader.metadataFile = metadata
        reader.regionNamesFile = regionNames
        reader.directions = Dictionary(direction.map { ($0.indicator, $0.direction) }, uniquingKeysWith: { $1 })
        return reader
    }
}

/// What to show: options that select rows of a result. Analyses still read every region and indicator (peers,
/// companion series, the series a relative target refers to), so an answer never depends on them.
struct ScopeOptions: ParsableArguments {
    @Option(help: "Show only this region, by id or name (repeatable, or comma-separated). Analyses still read every region.")
    var region: [String] = []

    @Option(help: "Show only this indicator, by id or name (repeatable, or comma-separated). Analyses still read every indicator.")
    var indicator: [String] = []

    /// The names given, split at commas and trimmed; nil when none.
    static func names(_ values: [String]) -> [String]? {
        let names = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0.trimmingCharacters(in: .whitespaces) }
        return names.isEmpty ? nil : names
    }

    func validate() throws {
        for (option, values) in [("--region", region), ("--indicator", indicator)] where Self.names(values)?.contains("") == true {
            throw ValidationError("\(option) takes names; an empty name was given")
        }
    }

    /// A region's id from its id or its name in either language (unchanged when it names none). Names match without
    /// regard to case, and a Chinese name also without its administrative suffix (株洲 for 株洲市, 湖南 for 湖南省),
    /// when exactly one region matches so.
    static func id(_ given: String, in index: PanelIndex) -> String {
        if index.contains(region: given) { return given }
        let names = index.panel.regionNames
        if let exact = names.first(where: { $0.value.name == given || $0.value.englishName == given }) { return exact.key }
        let key = given.lowercased()
        func short(_ name: String) -> String {
            for suffix in ["特别行政区", "自治区", "市", "省", "县", "区"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
                return String(name.dropLast(suffix.count))
            }
            return name
        }
        let loose = Set(index.regions.filter { $0.lowercased() == key }
            + names.filter { $0.value.englishName?.lowercased() == key || $0.value.name.map(short) == given }.map(\.key))
        return loose.count == 1 ? loose.first! : given
    }

    /// One region by id or name, checked against the data.
    static func region(_ given: String, in index: PanelIndex) throws -> String {
        let id = Self.id(given, in: index)
        do { try Scope(regions: [id]).check(against: index) } catch { throw CommandError(error) }
        return id
    }

    /// An indicator's id from its id or its name in either language (unchanged when it names none), when exactly
    /// one indicator of the data has that name; names match without regard to case.
    static func indicatorID(_ given: String, in index: PanelIndex) -> String {
        if index.indicatorIDs.contains(given) { return given }
        let key = given.lowercased()
        let matches = index.indicatorIDs.filter { id in
            let i = index.indicator(id)
            return i.name.lowercased() == key || i.englishName?.lowercased() == key
        }
        return matches.count == 1 ? matches[0] : given
    }

    /// The scope, its names checked against the data; a region or an indicator may be given by its name in either
    /// language.
    func scope(in index: PanelIndex) throws -> Scope {
        let regions = Self.names(region)?.map { Self.id($0, in: index) }
        let indicators = Self.names(indicator)?.map { Self.indicatorID($0, in: index) }
        let scope = Scope(regions: regions.map(Set.init), indicators: indicators.map(Set.init))
        do { try scope.check(against: index) } catch { throw CommandError(error) }
        return scope
    }
}

/// The language of sentences and labels.
struct LanguageOption: ParsableArguments {
    @Option(help: "Labels and sentences in en or zh (default: the language of the data's indicator names).")
    var lang: ReportLanguage?

    func labels(for index: PanelIndex) -> ReportLabels {
        ReportLabels(language: lang ?? ReportBuilder.language(of: index), panel: index.panel)
    }
}

/// How targets are assessed: options shared by `gap` and `report`.
struct AssessmentOptions: ParsableArguments {
    @Option(help: "Trend model for projections: \(ModelChoice.allCases.map(\.rawValue).joined(separator: ", ")) (default auto).")
    var model: ModelChoice = .auto

    @Option(help: "Status classes: own (probability), eurostat, unsd, escap, sdr or destatis.")
    var method: StatusMethod = .own

    @Option(help: "Tolerance of an 'about' target for rates and shares, in percentage points.")
    var rateTolerance: Double = GapSettings().rateTolerance

    @Option(help: "Tolerance of an 'about' target for levels, as a fraction (0.02 is 2%).")
    var levelTolerance: Double = GapSettings().levelTolerance

    @Flag(help: "Never judge a target with fewer than three values by a reference class (the year-over-year changes of the indicator in peer regions, or of the region's indicators of the same kind); it is then not assessable.")
    var noReferenceClass = false

    @Flag(help: "Probabilities from the record of the indicator's earlier targets against their outcomes (the share of every earlier target met while it has fewer than five) instead of the trend's: the model the backtest favours on China's national record.")
    var targetRecord = false

    @Flag(help: "Leave values known only as bounds ('more than 1200') out of trends (by default they enter as censored observations, or as values flagged as lower estimates).")
    var noBounds = false

    func validate() throws {
        guard rateTolerance >= 0 else { throw ValidationError("--rate-tolerance must be at least 0, got \(rateTolerance)") }
        guard (0..<1).contains(levelTolerance) else { throw ValidationError("--level-tolerance must be in [0, 1), got \(levelTolerance)") }
    }

    var settings: GapSettings {
        var s = GapSettings(model: model.kind, method: method)
        s.rateTolerance = rateTolerance
        s.levelTolerance = levelTolerance
        s.referenceClasses = !noReferenceClass
        s.boundsAsEvidence = !noBounds
        s.targetRecord = targetRecord
        return s
    }
}

/// Which targets `gap` and `report` assess, and the exit status their states give.
struct TargetChoiceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Assess only the targets of this year (repeatable, or comma-separated); histories are read whole.", valueName: "year"),
            transform: { text in
                try text.split(separator: ",").map { part in
                    guard let y = Int(part.trimmingCharacters(in: .whitespaces)), (1000...9999).contains(y) else {
                        throw ValidationError("--target-year takes a year, got '\(part)'")
                    }
                    return y
                }
            })
    var targetYear: [[Int]] = []

    /// The target years chosen, nil for all; an error naming the years the data has targets for when one has none.
    func targetYears(in index: PanelIndex, scope: Scope) throws -> Set<Int>? {
        guard !targetYear.isEmpty else { return nil }
        let chosen = Set(targetYear.joined())
        let years = Set(index.targets(in: scope).map(\.period.year))
        for y in chosen.sorted() where !years.contains(y) {
            throw CommandError("no targets in \(y) among those chosen; the data has targets for \(years.sorted().map(String.init).joined(separator: ", "))")
        }
        return chosen
    }

    @Option(help: ArgumentHelp("Exit with status 2 when any target shown is in one of these states (repeatable or comma-separated: off_track, at_risk, missed, not_assessable), after writing the output: for scheduled checks.", valueName: "state"),
            transform: { try FailOn.parse($0) })
    var failOn: [[TargetStatus]] = []

    /// Exit status 2 (``ExitCode``) when a target is in a `--fail-on` state, with a line on standard error.
    func checkFailOn(_ assessments: [TargetAssessment]) throws {
        let states = Set(failOn.joined())
        let hits = assessments.filter { states.contains($0.status) }
        guard !hits.isEmpty else { return }
        let byState = Dictionary(grouping: hits, by: \.status).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        FileHandle.standardError.write(Data("yardstick: --fail-on: \(byState.joined(separator: ", "))\n".utf8))
        throw ExitCode(2)
    }
}

extension CommandError {
    init(_ message: String) { description = message }
}


/// Where a command writes: standard output, or a file written atomically that is never one of the command's inputs.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: ArgumentHelp("Write to this file instead of standard output (atomically: it appears complete or not at all; never one of the inputs); - is standard output.", valueName: "output"))
    var outputPath: String?

    /// The file to write, nil for standard output (no option, or `-`).
    var output: String? { outputPath == "-" ? nil : outputPath }

    /// Throws when the output would replace one of `inputs` (the same path, or the same file by another name).
    func check(inputs: [String]) throws {
        guard let output else { return }
        var target = stat()
        guard stat(output, &target) == 0 else { return }          // a new file replaces nothing
        for input in inputs {
            var s = stat()
            if stat(input, &s) == 0, s.st_dev == target.st_dev, s.st_ino == target.st_ino {
                throw CommandError("--output \(output) is an input of this command (\(input)); choose another path, so that the input is not replaced")
            }
        }
    }

    /// The sink for this run, after ``check(inputs:)``.
    func sink(inputs: [String]) throws -> OutputSink {
        try check(inputs: inputs)
        return try OutputSink(path: output)
    }

    /// Writes a finished rendering, ending with a line end.
    func write(_ text: String, inputs: [String]) throws {
        let sink = try sink(inputs: inputs)
        try sink.write(text.hasSuffix("\n") ? text : text + "\n")
        try sink.finish()
    }
}

/// Standard output, or an atomically written file, written piece by piece.
final class OutputSink {
    private let file: AtomicFile.Writer?

    init(path: String?) throws {
        do { file = try path.map { path throws(AtomicFile.WriteError) in try AtomicFile.Writer(path: path) } } catch { throw CommandError(error) }
    }

    func write(_ text: String) throws {
        if let file {
            do { try file.write(text) } catch { throw CommandError(error) }
        } else {
            do { try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) } catch {
                throw CommandError("cannot write to standard output: \(error.localizedDescription)")
            }
        }
    }

    /// Completes the output: the file appears, or standard output is flushed.
    func finish() throws {
        if let file {
            do { try file.commit() } catch { throw CommandError(error) }
        }
    }
}

/// The states `--fail-on` accepts.
enum FailOn {
    static let states: [TargetStatus] = [.offTrack, .atRisk, .missed, .notAssessable]

    static func parse(_ text: String) throws -> [TargetStatus] {
        try text.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            guard let s = TargetStatus(rawValue: name), states.contains(s) else {
                throw ValidationError("--fail-on takes \(states.map(\.rawValue).joined(separator: ", ")), got '\(part)'")
            }
            return s
        }
    }
}
