import ArgumentParser
import Yardstick
import YardstickReport

/// Output formats; each command accepts the subset it lists in its help.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
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
    @Argument(help: "Data files. None: the embedded Zhuzhou data (Data/zhuzhou) with the Hunan peers.")
    var files: [String] = []

    @Option(help: "Input format: long, wdi, sdmx, eurostat or wide (default: detected from each file).")
    var inputFormat: InputFormat?

    @Option(help: "Text encoding: auto (UTF-8, then GB18030), utf8 or gb18030.")
    var encoding: TextEncoding = .automatic

    @Option(help: "Wide tables: the column naming the region.")
    var regionColumn: String?

    @Option(help: "Wide tables: the column naming the period.")
    var periodColumn: String?

    @Option(help: "Wide tables: the indicator columns, comma-separated (default: every other numeric column).")
    var indicatorColumns: String?

    @Option(help: "Indicator metadata CSV (id,name,name_en,unit,direction,lower,upper,kind).")
    var metadata: String?

    @Option(help: "Set an indicator's direction: INDICATOR=higher|lower|target (repeatable).")
    var direction: [DirectionOverride] = []

    @Option(help: "Only this region.")
    var region: String?

    @Option(help: "Only this indicator.")
    var indicator: String?

    func validate() throws {
        if inputFormat == .wide || regionColumn != nil || periodColumn != nil {
            guard regionColumn != nil, periodColumn != nil else {
                throw ValidationError("wide tables need both --region-column and --period-column")
            }
        }
        if indicatorColumns != nil && regionColumn == nil {
            throw ValidationError("--indicator-columns applies to wide tables; give --region-column and --period-column too")
        }
    }

    /// The panel read (the embedded data when no file is given), filtered by --region and --indicator.
    func load() throws -> Panel {
        var reader = PanelReader()
        reader.format = inputFormat
        reader.encoding = encoding
        reader.regionColumn = regionColumn
        reader.periodColumn = periodColumn
        reader.indicatorColumns = indicatorColumns?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        reader.metadataFile = metadata
        reader.directions = Dictionary(direction.map { ($0.indicator, $0.direction) }, uniquingKeysWith: { $1 })
        var panel: Panel
        do {
            panel = files.isEmpty ? try reader.readEmbedded() : try reader.read(files)
        } catch { throw CommandError(error) }
        if let region {
            guard panel.regions.contains(region) else {
                throw CommandError("no region '\(region)'; the data has \(panel.regions.prefix(12).joined(separator: ", "))\(panel.regions.count > 12 ? ", …" : "")")
            }
            panel.filter { $0.region == region }
        }
        if let indicator {
            guard panel.indicatorIDs.contains(indicator) else { throw CommandError("no indicator '\(indicator)' in the data") }
            panel.filter { $0.indicator == indicator }
        }
        return panel
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

    func validate() throws {
        guard rateTolerance >= 0 else { throw ValidationError("--rate-tolerance must be at least 0, got \(rateTolerance)") }
        guard (0..<1).contains(levelTolerance) else { throw ValidationError("--level-tolerance must be in [0, 1), got \(levelTolerance)") }
    }

    var settings: GapSettings {
        var s = GapSettings(model: model.kind, method: method)
        s.rateTolerance = rateTolerance
        s.levelTolerance = levelTolerance
        return s
    }
}

extension CommandError {
    init(_ message: String) { description = message }
}

/// Writes a finished rendering to standard output.
func emit(_ text: String) {
    print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
}
