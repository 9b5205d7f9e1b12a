/// The input formats Yardstick reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// The canonical long CSV (``LongCSV``).
    case long
    /// World Bank tables with one column per year (``WDIReader``).
    case wdi
    /// SDMX-CSV 1.0 or 2.0 (``SDMXReader``).
    case sdmx
    /// Eurostat TSV (``EurostatReader``).
    case eurostat
    /// A tidy wide table (``WideReader``): needs the region and period columns.
    case wide
    /// An Excel workbook (``XLSXReader``): one sheet, in any of the other layouts (detected).
    case xlsx
    /// A report's text (``ReportExtractor``): its quantitative statements.
    case text
}

/// Reads files of any supported format into one ``Panel``, applying metadata and direction overrides.
///
/// ```swift
/// var reader = PanelReader()
/// reader.metadataFile = "Data/zhuzhou/indicators.csv"
/// let panel = try reader.read(["Data/zhuzhou/report.csv"])
/// ```
public struct PanelReader: Sendable {
    /// The format, or nil to detect it from each file's first lines.
    public var format: InputFormat?
    public var encoding: TextEncoding = .automatic
    /// For `wide`: the region and period columns, and optionally the indicator columns.
    public var regionColumn: String?
    public var periodColumn: String?
    public var indicatorColumns: [String]?
    /// The region a report's text is about (a `.txt` file, or `format` `.text`); when nil, the one region of the
    /// other files, said in a warning.
    public var textRegion: String?
    /// The year of a report text's targets, when its headings give none.
    public var textYear: Int?
    /// A CSV of `name,id`: the indicator a name extracted from a report's text stands for (beside the metadata's
    /// own names).
    public var textNamesFile: String?
    /// The sheet of every Excel workbook read: its name or its number from 1 (the first when nil); a file given as
    /// `book.xlsx#Sheet` names its own.
    public var sheet: String?
    /// An indicator metadata CSV (``MetadataReader``).
    public var metadataFile: String?
    /// A region names CSV (``MetadataReader/regionNames(_:)``).
    public var regionNamesFile: String?
    /// Directions that override the metadata, by indicator id.
    public var directions: [String: Direction] = [:]

    public init() {}

    /// Reads and merges the files (a region's indicator may come from several, but not the same value twice).
    public func read(_ files: [String]) throws(InputError) -> Panel {
        let isText = { (f: String) in self.format == .text || f.lowercased().hasSuffix(".txt") }
        let texts = files.filter(isText)
        guard !texts.isEmpty else { return try readData(files) }
        // Reports' texts: each extracted into the long CSV of one region, then read with the other files.
        var region = textRegion, assumed = false
        let others = files.filter { !isText($0) }
        var plain = self
        plain.metadataFile = nil
        plain.regionNamesFile = nil
        let base = others.isEmpty ? Panel() : try plain.readData(others)
        // Each text decoded and read first: an empty or undecodable file is named as such before anything else.
        let extractions = try texts.map { t throws(InputError) in try ReportExtractor(year: textYear).extract(contentsOf: t) }
        if region == nil {
            let regions = base.regions
            guard regions.count == 1 else {
                throw .unreadable(file: texts[0], reason: "a report's text names no region; give --text-region (the other files hold \(regions.count) regions)")
            }
            region = regions[0]
            assumed = true
        }
        var extracted: [(file: String, text: String)] = [], notRead: [(String, [Int])] = [], alsoElsewhere: [(String, Int)] = []
        // Names the metadata gives (in either language) become its ids, so that the text joins the other files.
        let named = try namingIndicators()
        for (t, extraction) in zip(texts, extractions) {
            var e = extraction
            if !named.isEmpty { e = e.named(by: named).extraction }
            // A statement the other files already hold, word for word (the same value, qualifier, kind and unit
            // in the same year), is read once; a different value for the same year stays an error.
            let known = Set(base.observations.lazy.filter { $0.region == region! }.map(PanelReader.sameness))
            let before = e.statements.count
            e.statements.removeAll { s in
                known.contains(PanelReader.sameness(Observation(region: region!, indicator: s.indicator, period: .year(s.year), value: s.value,
                                                                kind: s.kind, qualifier: s.qualifier, unit: s.unit)))
            }
            if e.statements.count < before { alsoElsewhere.append((t, before - e.statements.count)) }
            guard e.targetYear != nil || e.resultsYear != nil else {
                throw .unreadable(file: t, reason: "no heading gives the report's year; give --text-year (the year of its targets)")
            }
            guard !e.statements.isEmpty else {
                throw .unreadable(file: t, reason: "no quantitative statements under a results or targets heading (yardstick extract --unparsed lists the lines with numbers)")
            }
            extracted.append((t, e.longCSV(region: region!, file: t)))
            if !e.unparsed.isEmpty { notRead.append((t, e.unparsed.map(\.line))) }
        }
        var reader = self
        reader.format = format == .text ? nil : format
        var panel = try reader.readData(others, texts: extracted)
        for (t, lines) in notRead { panel.warnings.append(.statementsNotRead(file: t, lines: lines)) }
        if assumed { for t in texts { panel.warnings.append(.textRegionAssumed(file: t, region: region!)) } }
        for (t, n) in alsoElsewhere { panel.warnings.append(.statementsAlsoInOtherFiles(file: t, count: n)) }
        return panel
    }

    /// The indicators whose names name a report text's statements (``Extraction/named(by:)``): the `name,id`
    /// file's first, then the metadata's.
    public func namingIndicators() throws(InputError) -> [Indicator] {
        var named: [Indicator] = []
        if let textNamesFile { named += try PanelReader.textNames(textNamesFile, encoding: encoding) }
        if let metadataFile { named += try MetadataReader.read(CSVTable(contentsOf: metadataFile, encoding: encoding)) }
        return named
    }

    /// The names of a `name,id` file as indicators to name extracted statements by.
    public static func textNames(_ path: String, encoding: TextEncoding = .automatic) throws(InputError) -> [Indicator] {
        let table = try CSVTable(contentsOf: path, encoding: encoding)
        let n = try table.column("name"), i = try table.column("id")
        var out: [Indicator] = []
        for row in table.rows {
            let name = row.fields[n].trimmingCharacters(in: .whitespaces), id = row.fields[i].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !id.isEmpty else {
                throw .invalidCell(file: path, line: row.line, column: (name.isEmpty ? n : i) + 1, columnName: name.isEmpty ? "name" : "id",
                                   found: name.isEmpty ? row.fields[n] : row.fields[i], expected: "a name and the id it stands for")
            }
            out.append(Indicator(id: id, name: name))
        }
        return out
    }

    /// What makes two observations the same statement.
    static func sameness(_ o: Observation) -> String {
        "\(o.region)\u{1}\(o.indicator)\u{1}\(o.period)\u{1}\(o.kind.rawValue)\u{1}\(o.qualifier.symbol)\u{1}\(o.value.isNaN ? "nan" : String(o.value))\u{1}\(o.unit)"
    }

    /// Reads data files (and texts already made into the long CSV) into one panel.
    func readData(_ files: [String], texts: [(file: String, text: String)] = []) throws(InputError) -> Panel {
        var inputs: [(String, OwnedBuffer<UInt8>)] = []
        var sheets: [String: (path: String, sheet: String)] = [:]
        var encodings: [PanelWarning] = []
        for given in files {
            // `book.xlsx#Sheet` chooses a sheet of that workbook (when no file has that whole name).
            var f = given, selector = sheet
            if let hash = given.lastIndex(of: "#"), given[..<hash].lowercased().hasSuffix(".xlsx"),
               !FileManager.default.fileExists(atPath: given) {
                f = String(given[..<hash])
                selector = String(given[given.index(after: hash)...])
            }
            if format == .xlsx || f.lowercased().hasSuffix(".xlsx") {
                let sheet = try XLSXReader.sheet(f, selector: selector)
                guard let (text, _) = XLSXReader.text(of: sheet) else {
                    throw .unreadable(file: f, reason: "the sheet '\(sheet.name)' has no header (a row of two or more cells)")
                }
                let label = "\(f) (sheet \(sheet.name))"
                sheets[label] = (f, sheet.name)
                inputs.append((label, TextDecoding.bytes(of: text)))
            } else {
                let (bytes, assumed) = try TextDecoding.decoded(f, encoding: encoding)
                inputs.append((f, bytes))
                if let assumed { encodings.append(.encodingAssumed(file: f, encoding: assumed)) }
            }
        }
        for t in texts { inputs.append((t.file, TextDecoding.bytes(of: t.text))) }
        do {
            var panel = try read(inputs)
            panel.warnings = encodings + panel.warnings
            return panel
        } catch {
            // A cell of a sheet is named as the spreadsheet names it: the line is the sheet's row.
            if case let .invalidCell(label, line, column, name, found, expected) = error, let s = sheets[label], column > 0 {
                throw .invalidSheetCell(file: s.path, sheet: s.sheet, cell: XLSXReader.reference(row: line, column: column),
                                        columnName: name, found: found, expected: expected)
            }
            throw error
        }
    }

    /// Reads already-decoded texts, each with the name to use in messages; `metadata` and `regionNames` are
    /// already-decoded metadata texts, applied before ``metadataFile`` and ``regionNamesFile``.
    public func read(texts: [(file: String, text: String)], metadata: (file: String, text: String)? = nil,
                     regionNames: (file: String, text: String)? = nil) throws(InputError) -> Panel {
        try read(texts.map { ($0.file, TextDecoding.bytes(of: $0.text)) }, metadata: metadata, regionNames: regionNames)
    }

    private func read(_ inputs: [(file: String, bytes: OwnedBuffer<UInt8>)], metadata: (file: String, text: String)? = nil,
                      regionNames: (file: String, text: String)? = nil) throws(InputError) -> Panel {
        var panel = Panel()
        for (k, (file, bytes)) in inputs.enumerated() {
            let one = try readOne(file: file, bytes: bytes)
            if k == 0 { panel = one } else { try PanelReader.merge(one, into: &panel) }     // the first is not copied
        }
        if let metadata {
            panel.apply(metadata: try MetadataReader.read(CSVTable(text: metadata.text, file: metadata.file)))
        }
        if let metadataFile {
            let table = try CSVTable(contentsOf: metadataFile, encoding: encoding)
            panel.apply(metadata: try MetadataReader.read(table))
        }
        var named: [(file: String, names: [String: RegionNames])] = []
        if let regionNames {
            named.append((regionNames.file, try MetadataReader.regionNames(CSVTable(text: regionNames.text, file: regionNames.file))))
        }
        if let regionNamesFile {
            named.append((regionNamesFile, try MetadataReader.regionNames(CSVTable(contentsOf: regionNamesFile, encoding: encoding))))
        }
        if !named.isEmpty {
            let regions = Set(panel.regions)
            for (file, names) in named {
                panel.apply(regionNames: names)
                let absent = names.keys.filter { !regions.contains($0) }.sorted()
                if !absent.isEmpty && file == regionNamesFile { panel.warnings.append(.namesOfAbsentRegions(file: file, regions: absent)) }
            }
        }
        for (id, d) in directions { panel.setDirection(d, for: id) }
        panel.assumeUnstated()
        if inputs.count > 1 { try PanelReader.checkDuplicatesAcrossFiles(panel) }
        return panel
    }

    /// The embedded default data: Zhuzhou's 2024 report and history and the Hunan peers, with their metadata and
    /// region names
    /// (``EmbeddedData``); options such as ``directions`` and ``metadataFile`` still apply.
    public func readEmbedded() throws(InputError) -> Panel {
        var reader = self
        reader.format = .long
        return try reader.read(
            texts: [("embedded:Data/zhuzhou/report_2024.csv", EmbeddedData.zhuzhouReport),
                    ("embedded:Data/zhuzhou/history.csv", EmbeddedData.zhuzhouHistory),
                    ("embedded:Data/hunan/peers_history.csv", EmbeddedData.hunanPeers),
                    ("embedded:Data/hunan/cities.csv", EmbeddedData.hunanCities),
                    ("embedded:Data/hunan/rankings.csv", EmbeddedData.hunanRankings),
                    ("embedded:Data/hunan/work_report_results.csv", EmbeddedData.hunanWorkReportResults)],
            metadata: ("embedded:Data/zhuzhou/indicators.csv", EmbeddedData.zhuzhouIndicators),
            regionNames: ("embedded:Data/hunan/regions.csv", EmbeddedData.hunanRegions))
    }

    func readOne(file: String, bytes: OwnedBuffer<UInt8>) throws(InputError) -> Panel {
        if format == .xlsx {                            // a sheet made into text: its layout is detected
            var layout = self
            layout.format = nil
            return try layout.readOne(file: file, bytes: bytes)
        }
        guard bytes.buffer.contains(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) else { throw .empty(file: file) }
        let head = String(decoding: bytes.buffer.prefix(4096), as: UTF8.self)
        let format: InputFormat
        if let given = self.format { format = given } else {
            format = try PanelReader.detect(head, file: file, wideColumnsGiven: regionColumn != nil)
        }
        switch format {
        case .long: return try PartedReading.read(LongCSV.Reader.self, bytes: bytes, file: file)
        case .wdi: return try PartedReading.read(WDIReader.Reader.self, bytes: bytes, file: file, skip: WDIReader.preambleLines(head))
        case .xlsx: throw .unreadable(file: file, reason: "an Excel workbook is read by PanelReader.read(_:)")
        case .text: throw .unreadable(file: file, reason: "a report's text is read by PanelReader.read(_:)")
        case .sdmx: return try PartedReading.read(SDMXReader.Reader.self, bytes: bytes, file: file)
        case .eurostat: return try PartedReading.read(EurostatReader.Reader.self, bytes: bytes, file: file, delimiter: "\t")
        case .wide:
            guard let regionColumn, let periodColumn else {
                throw .unreadable(file: file, reason: "the wide format needs --region-column and --period-column")
            }
            let head = try CSVTable(bytes: bytes, file: file, headerOnly: true)
            if indicatorColumns == nil {                // the number columns guessed from the first rows, if right
                let guess = try WideReader.Columns(head, regionColumn: regionColumn, periodColumn: periodColumn,
                                                   indicatorColumns: nil, sample: 1000)
                if let panel = try? PartedReading.read(WideReader.Reader.self, bytes: bytes, file: file, settings: guess) {
                    return panel
                }
            }
            let columns = try WideReader.Columns(head, regionColumn: regionColumn, periodColumn: periodColumn,
                                                 indicatorColumns: indicatorColumns)
            return try PartedReading.read(WideReader.Reader.self, bytes: bytes, file: file, settings: columns)
        }
    }

    /// The format of a text, from its first lines.
    public static func detect(_ text: String, file: String, wideColumnsGiven: Bool = false) throws(InputError) -> InputFormat {
        if wideColumnsGiven { return .wide }
        let head = text.prefix(4096)
        let firstLine = head.drop { $0 == "\u{FEFF}" || $0.isNewline }.prefix { !$0.isNewline }   // blank lines are passed over
        let upperFirst = firstLine.uppercased()
        if upperFirst.hasPrefix("DATAFLOW") || upperFirst.hasPrefix("STRUCTURE") || upperFirst.hasPrefix("\"DATAFLOW") {
            return .sdmx
        }
        if firstLine.contains("\\TIME_PERIOD") || firstLine.contains("\\time") { return .eurostat }
        if head.contains("Data Source") || firstLine.contains("Country Code") || firstLine.contains("Indicator Code") { return .wdi }
        let names = firstLine.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            .map { NumberText.halfWidth(String($0)).trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).lowercased() }
        // The long format's four columns; with three of them the file is meant to be long, and the fourth is named.
        let long = [("region", ["region"]), ("indicator", ["indicator"]), ("year", ["year", "period", "time_period"]), ("value", ["value"])]
        let absent = long.filter { _, accepted in !accepted.contains(where: names.contains) }.map(\.0)
        if absent.isEmpty { return .long }
        if absent.count == 1 {
            throw .missingColumn(file: file, name: absent[0], header: names)
        }
        let yearColumns = names.filter { $0.count == 4 && Int($0) != nil }.count
        if yearColumns >= 2 && names.contains("indicator") { return .wdi }
        throw .unreadable(file: file, reason: "cannot tell the format from the header '\(InputError.excerpt(String(firstLine)))'; "
            + "give --input-format (long, wdi, sdmx, eurostat, wide, xlsx) and, for wide, --region-column and --period-column")
    }

    /// The same value given in two files is an error too (each file was checked on its own when read).
    static func checkDuplicatesAcrossFiles(_ panel: Panel) throws(InputError) {
        guard let (first, second) = DuplicateFinder.firstAcrossFiles(in: panel.table) else { return }
        let a = panel.table.observation(first), o = panel.table.observation(second)
        throw .duplicate(file: o.file, line: o.line, firstLine: a.line,
                         what: "\(o.region) / \(o.indicator) / \(o.period), also given in \(a.location)")
    }
}

import Foundation
