import Foundation
import Testing

/// A catalogue of bad inputs (issue #13, item 6), each wrong in one way, run through the built binary. Every case
/// asserts the exit status (1 for a data error, 64 for a usage error, as swift-argument-parser uses), where the
/// message places the fault (`file:line:column`, `file:line`, `file`, or `book.xlsx: Sheet!C7`) at its start, a key
/// phrase of the message, that nothing crashed, and, for the cases run with `--output`, that the folder holds only
/// the inputs afterwards. Behaviour that is wrong today is written with its correct expectation inside
/// `withKnownIssue`, saying why, so that the suite stays green and flags the day it is fixed.
@Suite("Bad input catalogue")
struct BadInputCatalogueTests {
    /// What a file of a case holds.
    enum Content: Sendable {
        case text(String)
        case bytes([UInt8])
        case directory
        /// A file under Tests/Fixtures, copied in.
        case fixture(String)
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        /// Files written into the case's own folder, by name.
        var files: [String: Content]
        /// The arguments; `{d}` is the case's folder.
        var args: [String]
        var status: Int32
        /// What the message starts with after `Error: `, before `: ` (`{d}/data.csv:2:4`); nil for a message that
        /// names no file (a usage error).
        var location: String?
        /// A phrase the error message holds (`{d}` is the case's folder).
        var phrase: String
        /// Text the standard error must not hold.
        var absent: [String] = []
        /// The longest acceptable error message, in characters.
        var maxMessageLength: Int? = nil
        /// Run with `--output {d}/<output>`; the folder must hold only the inputs afterwards.
        var output: String? = nil
        /// Why today's behaviour is wrong, when it is: the assertions then run inside `withKnownIssue`.
        var knownIssue: String? = nil
        var description: String { name }
    }

    // MARK: - Building cases

    static let longHeader = "region,indicator,year,value\n"
    static let fullHeader = "region,indicator,year,value,value_high,kind,qualifier,relative_to,unit\n"
    static let wdiHeader = "Country Name,Country Code,Indicator Name,Indicator Code"
    static let good = longHeader + "A,g,2021,3\nA,g,2022,4\nA,g,2023,5\n"

    /// A case reading one file, `fileName`, through `command`; `at` is the location after the file's path
    /// (`":2:4"`, `""` for the file alone, `": Data!C7"`), nil when the message names no file.
    static func file(_ name: String, _ content: Content, as fileName: String = "data.csv", command: [String] = ["inspect"],
                     extra: [String] = [], status: Int32 = 1, at location: String?, _ phrase: String,
                     absent: [String] = [], maxMessageLength: Int? = nil, output: String? = nil,
                     knownIssue: String? = nil) -> Case {
        Case(name: name, files: [fileName: content], args: command + ["{d}/\(fileName)"] + extra, status: status,
             location: location.map { "{d}/\(fileName)\($0)" }, phrase: phrase, absent: absent,
             maxMessageLength: maxMessageLength, output: output, knownIssue: knownIssue)
    }

    static func text(_ s: String) -> Content { .text(s) }

    /// A case reading good data with the metadata file `meta.csv`; `at` is the location in the metadata.
    static func metadata(_ name: String, _ content: Content, at location: String?, _ phrase: String,
                         command: [String] = ["inspect"], output: String? = nil, knownIssue: String? = nil) -> Case {
        Case(name: name, files: ["data.csv": .text(good), "meta.csv": content],
             args: command + ["{d}/data.csv", "--metadata", "{d}/meta.csv"], status: 1,
             location: location.map { "{d}/meta.csv\($0)" }, phrase: phrase, output: output, knownIssue: knownIssue)
    }

    /// A case running good data with `args` after the file.
    static func options(_ name: String, _ command: String, _ args: [String], status: Int32 = 64, _ phrase: String,
                        location: String? = nil, output: String? = nil, extraFiles: [String: Content] = [:],
                        knownIssue: String? = nil) -> Case {
        Case(name: name, files: ["data.csv": .text(good)].merging(extraFiles) { $1 }, args: [command, "{d}/data.csv"] + args,
             status: status, location: location, phrase: phrase, output: output, knownIssue: knownIssue)
    }

    /// UTF-16 little-endian bytes of `s`, with or without a byte-order mark.
    static func utf16LE(_ s: String, bom: Bool) -> [UInt8] {
        (bom ? [0xFF, 0xFE] : []) + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// 512 bytes of a fixed pseudo-random sequence (the C library's LCG): binary garbage, the same on every run.
    static let garbage: [UInt8] = {
        var x: UInt32 = 12345
        return (0..<512).map { _ in
            x = (1_103_515_245 &* x &+ 12345) & 0x7FFF_FFFF
            return UInt8((x >> 16) & 0xFF)
        }
    }()

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    // MARK: - Long CSV

    static let longCSV: [Case] = [
        file("long: no value column", text("region,indicator,year\nA,g,2021\n"), at: ":1", "no column 'value'; the header has 'region', 'indicator', 'year'"),
        file("long: no region column", text("indicator,year,value\ng,2021,3\n"), extra: ["--input-format", "long"], at: ":1", "no column 'region'"),
        file("long: no year column", text("region,indicator,value\nA,g,3\n"), extra: ["--input-format", "long"], at: ":1", "no column 'year'"),
        file("long: misspelt column qualifer", text("region,indicator,year,value,qualifer\nA,g,2021,3,=\n"), at: ":1:5",
             "column 'qualifer' holds 'qualifer', expected a column Yardstick reads: did you mean 'qualifier'?"),
        file("long: duplicate header name", text("region,indicator,year,value,value\nA,g,2021,3,4\n"), command: ["trend"], at: ":1:5",
             "column 'value' holds 'value', expected a name not already used (column 4 has it)", output: "out.csv"),
        file("long: year not a year", text(longHeader + "A,g,20x1,3\n"), at: ":2:3",
             "column 'year' holds '20x1', expected a year (2023), quarter (2023-Q1) or month (2023-01)"),
        file("long: year 2021.0", text(longHeader + "A,g,2021.0,3\n"), at: ":2:3", "column 'year' holds '2021.0', expected a year"),
        file("long: quarter 0", text(longHeader + "A,g,2021-Q0,3\n"), at: ":2:3", "column 'year' holds '2021-Q0'"),
        file("long: value not a number", text(longHeader + "A,g,2021,3\nA,g,2022,abc\n"), command: ["trend"], at: ":3:4",
             "column 'value' holds 'abc', expected a number or a missing-value marker", output: "out.csv"),
        file("long: value inf", text(longHeader + "A,g,2021,inf\n"), at: ":2:4", "column 'value' holds 'inf', expected a number"),
        file("long: hexadecimal value", text(longHeader + "A,g,2021,0x10\n"), at: ":2:4", "column 'value' holds '0x10', expected a number"),
        file("long: value 1e155", text(longHeader + "A,g,2021,3\nA,g,2022,1e155\n"), command: ["gap"], at: ":3:4",
             "column 'value' holds '1e155', expected a number of magnitude between 1e-150 and 1e150, or 0", output: "out.csv"),
        file("long: value -1e155", text(longHeader + "A,g,2021,-1e155\n"), at: ":2:4", "holds '-1e155', expected a number of magnitude"),
        file("long: value 1e-155", text(longHeader + "A,g,2021,1e-155\n"), at: ":2:4", "holds '1e-155', expected a number of magnitude"),
        file("long: NUL byte in a value", .bytes(Array((longHeader + "A,g,2021,3").utf8) + [0] + Array("1\n".utf8)),
             at: ":2:4", "column 'value' holds '3", absent: ["\u{0}"]),
        file("long: a million-digit value", text(longHeader + "A,g,2021," + String(repeating: "9", count: 1_000_000) + "\n"),
             at: ":2:4", "column 'value' holds '999", maxMessageLength: 10_000),
        file("long: unterminated quote", text(longHeader + "A,\"g,2021,3\n"), at: ":2:3", "a quoted field is not closed; add the closing '\"'"),
        file("long: a field too many", text(longHeader + "A,g,2021,3\nA,g,2022,3,9\n"), command: ["report"], at: ":3",
             "5 fields, expected 4 as in the header", output: "out.csv"),
        file("long: a field too few", text(longHeader + "A,g,2021\n"), at: ":2", "3 fields, expected 4 as in the header"),
        file("long: comma decimal unquoted", text(longHeader + "A,g,2021,1,5\n"), at: ":2", "5 fields, expected 4"),
        file("long: duplicate observation", text(longHeader + "A,g,2021,3\nA,g,2021,4\n"), command: ["trend"], at: ":3",
             "duplicate observation A / g / 2021 (value), first given on line 2", output: "out.csv"),
        file("long: range without value_high", text(fullHeader + "A,g,2024,4.5,,target,range,,%\n"), at: ":2:5",
             "column 'value_high' holds '', expected the upper end of the range, a number"),
        file("long: value_high below the value", text(fullHeader + "A,g,2024,5,4.5,target,range,,%\n"), command: ["gap"], at: ":2:5",
             "column 'value_high' holds '4.5', expected a number at least the value 5.0", output: "out.csv"),
        file("long: unknown kind", text(fullHeader + "A,g,2021,3,,forecast,=,,\n"), at: ":2:6",
             "column 'kind' holds 'forecast', expected actual, preliminary or target"),
        file("long: unknown qualifier", text(fullHeader + "A,g,2021,3,,actual,approx.,,\n"), at: ":2:7",
             "column 'qualifier' holds 'approx.', expected one of =, ~, >=, >, <=, <, range, relative"),
        file("long: relative target without relative_to", text(fullHeader + "A,g,2024,,,target,relative,,%\n"), at: ":2:8",
             "column 'relative_to' holds '', expected the series the target is relative to"),
        file("long: two units in one indicator", text(fullHeader + "A,g,2021,3,,actual,=,,亿元\nA,g,2022,4,,actual,=,,人\n"),
             command: ["report"], at: ":3:9", "column 'unit' holds '人', expected the unit '亿元' of indicator g (line 2)", output: "out.csv"),
        file("long: empty region", text(longHeader + ",g,2021,3\n"), at: ":2:1", "column 'region' holds ''"),
        file("long: empty file", text(""), at: "", "no data (a header line and at least one row are needed)"),
        file("long: header only", text(longHeader), command: ["trend"], at: "", "no data (a header line and at least one row are needed)",
             output: "out.csv"),
        file("long: blank lines only", text("\n\n\n"), at: "", "no data (a header line and at least one row are needed)"),
        file("long: a directory as input", .directory, as: "folder.csv", at: "", "cannot read: a directory"),
        Case(name: "long: missing file", files: [:], args: ["trend", "{d}/missing.csv"], status: 1, location: "{d}/missing.csv",
             phrase: "cannot read: no such file", output: "out.csv"),
        file("long: binary garbage", .bytes(garbage), at: "", "cannot read: not Windows-1252"),
        file("long: every byte value, twice", .bytes(Array(0...255) + Array(0...255)), at: "",
             "cannot read: neither UTF-8 nor GB18030 (first bad UTF-8 byte at line 2"),
        file("long: header a single quote", text("\""), at: "", "cannot tell the format from the header '\"'; give --input-format"),
        file("long: header of no known format", text("a,b\n1,2\n"), at: "", "cannot tell the format from the header 'a,b'"),
        file("long: a byte-order mark and a newline only", .bytes(bom + [0x0A]), at: "",
             "no data (a header line and at least one row are needed)"),
        file("long: a byte-order mark and two letters", .bytes(bom + Array("ab\n".utf8)), command: ["trend"], at: "",
             "cannot tell the format from the header 'ab'", output: "out.csv"),
        file("long: forced UTF-8 on GB18030 bytes", .bytes(Array(longHeader.utf8) + [0xD6, 0xEA, 0x2C]), extra: ["--encoding", "utf8"],
             at: "", "cannot read: not valid UTF-8 (first bad byte at line 2, byte 1 of the line"),
    ]

    // MARK: - World Bank (WDI)

    static let wdi: [Case] = [
        file("wdi: year header 20x1", text(wdiHeader + ",2020,20x1\nChina,CHN,GDP,NY.GDP,8.4,3\n"), at: ":1:6", "column '20x1'"),
        file("wdi: text in a year column", text(wdiHeader + ",2020,2021\nChina,CHN,GDP,NY.GDP,8.4,abc\n"), command: ["trend"], at: ":2:6",
             "column '2021' holds 'abc', expected a number or empty", output: "out.csv"),
        file("wdi: text in a year column, streamed", text(wdiHeader + ",2020,2021\nChina,CHN,GDP,NY.GDP,8.4,abc\n"),
             command: ["trend"], extra: ["--summary"], at: ":2:6", "column '2021' holds 'abc', expected a number or empty", output: "out.csv"),
        file("wdi: duplicate row", text(wdiHeader + ",2020,2021\nChina,CHN,GDP,NY.GDP,8.4,3\nChina,CHN,GDP,NY.GDP,8.5,3\n"), at: ":3",
             "duplicate observation CHN / NY.GDP: a second row for this region and indicator, first given on line 2"),
        file("wdi: duplicate row, streamed", text(wdiHeader + ",2020,2021\nChina,CHN,GDP,NY.GDP,8.4,3\nChina,CHN,GDP,NY.GDP,8.5,3\n"),
             command: ["trend"], extra: ["--summary"], at: ":3", "duplicate observation CHN / NY.GDP", output: "out.csv"),
        file("wdi: value 1e200", text(wdiHeader + ",2020,2021\nChina,CHN,GDP,NY.GDP,1e200,3\n"), at: ":2:5",
             "column '2020' holds '1e200', expected a number of magnitude between 1e-150 and 1e150"),
        file("wdi: a short row", text(wdiHeader + ",2020,2021\nChina,CHN,GDP,NY.GDP,8.4\n"), at: ":2", "5 fields, expected 6 as in the header"),
        file("wdi: empty country code", text(wdiHeader + ",2020,2021\nChina,,GDP,NY.GDP,8.4,3\n"), at: ":2:2", "column 'Country Code' holds ''"),
        file("wdi: no indicator column", text("Country Name,Country Code,2020,2021\nChina,CHN,1,2\n"), at: ":1", "no column 'Indicator Code'"),
        file("wdi: the same year twice in the header", text(wdiHeader + ",2020,2020\nChina,CHN,GDP,NY.GDP,8.4,3\n"), at: ":1:6",
             "column '2020' holds '2020', expected a name not already used"),
        file("wdi: the same year twice in the header, streamed", text(wdiHeader + ",2020,2020,2021\nChina,CHN,GDP,NY.GDP,8.4,3,5\n"),
             command: ["trend"], extra: ["--summary", "--model", "linear"], at: ":1:6", "column '2020' holds '2020'", output: "out.csv"),
    ]

    // MARK: - SDMX

    static let sdmxHeader = "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE"
    static let sdmx: [Case] = [
        file("sdmx: no TIME_PERIOD", text("DATAFLOW,REF_AREA,INDICATOR,OBS_VALUE\nF,CHN,GDP,3\n"), at: ":1",
             "no column 'TIME_PERIOD'; the header has 'DATAFLOW', 'REF_AREA', 'INDICATOR', 'OBS_VALUE'"),
        file("sdmx: no OBS_VALUE", text("DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD\nF,CHN,GDP,2023\n"), command: ["trend"], at: ":1",
             "no column 'OBS_VALUE'", output: "out.csv"),
        file("sdmx: no REF_AREA", text("DATAFLOW,INDICATOR,TIME_PERIOD,OBS_VALUE\nF,GDP,2023,3\n"), at: ":1", "no column 'REF_AREA'"),
        file("sdmx: UNIT_MULT not a number", text(sdmxHeader + ",UNIT_MULT\nF,CHN,GDP,2023,3,x\n"), at: ":2:6",
             "column 'UNIT_MULT' holds 'x', expected a power of ten from -30 to 30"),
        file("sdmx: UNIT_MULT 400", text(sdmxHeader + ",UNIT_MULT\nF,CHN,GDP,2023,3,400\n"), command: ["gap"], at: ":2:6",
             "column 'UNIT_MULT' holds '400', expected a power of ten from -30 to 30", output: "out.csv"),
        file("sdmx: week as period", text(sdmxHeader + "\nF,CHN,GDP,2023-W1,3\n"), at: ":2:4", "column 'TIME_PERIOD' holds '2023-W1'"),
        file("sdmx: bad value", text(sdmxHeader + "\nF,CHN,GDP,2023,3..0\n"), at: ":2:5", "column 'OBS_VALUE' holds '3..0'"),
        file("sdmx: duplicate observation", text(sdmxHeader + "\nF,CHN,GDP,2023,3\nF,CHN,GDP,2023,4\n"), at: ":3",
             "duplicate observation CHN / GDP / 2023 (value), first given on line 2"),
    ]

    // MARK: - Eurostat TSV

    static let eurostatHeader = "freq,unit,geo\\TIME_PERIOD\t2022\t2023\n"
    static let eurostat: [Case] = [
        file("eurostat: period header not a period", text("freq,unit,geo\\TIME_PERIOD\t2022\t20x3\nA,PC,DE\t1.5\t2\n"), as: "data.tsv",
             at: ":1:3", "column '20x3' holds '20x3', expected a period such as 2023 or 2023-Q1"),
        file("eurostat: flags after a bad character", text(eurostatHeader + "A,PC,DE\t1.5\t2 e!\n"), as: "data.tsv", command: ["trend"],
             at: ":2:3", "column '2023' holds '2 e!', expected a number, optionally followed by Eurostat's flags b c d e f n p r s u z (628 e), or : for missing",
             output: "out.csv"),
        file("eurostat: flags only", text(eurostatHeader + "A,PC,DE\t1.5\te\n"), as: "data.tsv", at: ":2:3", "column '2023' holds 'e'"),
        file("eurostat: two numbers in a cell", text(eurostatHeader + "A,PC,DE\t1.5\t2 3\n"), as: "data.tsv", at: ":2:3",
             "column '2023' holds '2 3'"),
        file("eurostat: flags split by a space", text(eurostatHeader + "A,PC,DE\t1.5\t2 e p\n"), as: "data.tsv", at: ":2:3",
             "column '2023' holds '2 e p'"),
        file("eurostat: letters that are no Eurostat flag", text(eurostatHeader + "A,PC,DE\t1.5\t2 xq\n"), as: "data.tsv", at: ":2:3",
             "column '2023' holds '2 xq'"),
        file("eurostat: wrong number of dimensions", text("freq,unit,geo\\TIME_PERIOD\t2022\nA,DE\t1.5\n"), as: "data.tsv", at: ":2:1",
             "column 'freq,unit,geo\\TIME_PERIOD' holds 'A,DE'"),
        file("eurostat: the same period twice in the header", text("freq,unit,geo\\TIME_PERIOD\t2022\t2022\nA,PC,DE\t1.5\t2\n"),
             as: "data.tsv", at: ":1:3", "column '2022' holds '2022', expected a name not already used"),
    ]

    // MARK: - Wide tables

    static let wideText = "country,year,a\nX,1952,3\nX,1953,4\n"
    static let wide: [Case] = [
        file("wide: --region-column without --period-column", text(wideText), extra: ["--region-column", "country"], status: 64,
             at: nil, "wide tables need both --region-column and --period-column"),
        file("wide: --period-column without --region-column", text(wideText), command: ["trend"], extra: ["--period-column", "year"],
             status: 64, at: nil, "wide tables need both --region-column and --period-column", output: "out.csv"),
        file("wide: --input-format wide alone", text(wideText), extra: ["--input-format", "wide"], status: 64, at: nil,
             "wide tables need both --region-column and --period-column"),
        file("wide: --indicator-columns alone", text(wideText), extra: ["--indicator-columns", "a"], status: 64, at: nil,
             "--indicator-columns applies to wide tables"),
        file("wide: unknown region column", text(wideText), command: ["trend"], extra: ["--region-column", "nation", "--period-column", "year"],
             at: ":1", "no column 'nation'; the header has 'country', 'year', 'a'", output: "out.csv"),
        file("wide: unknown period column", text(wideText), extra: ["--region-column", "country", "--period-column", "yr"], at: ":1",
             "no column 'yr'"),
        file("wide: unknown indicator column", text(wideText),
             extra: ["--region-column", "country", "--period-column", "year", "--indicator-columns", "b"], at: ":1", "no column 'b'"),
        file("wide: bad period", text("country,year,a\nX,19x2,3\n"), extra: ["--region-column", "country", "--period-column", "year"],
             at: ":2:2", "column 'year' holds '19x2'"),
        file("wide: text in a chosen indicator column", text("country,year,a\nX,1952,abc\n"),
             extra: ["--region-column", "country", "--period-column", "year", "--indicator-columns", "a"], at: ":2:3",
             "column 'a' holds 'abc', expected a number or empty"),
        file("wide: duplicate region and period", text("country,year,a\nX,1952,3\nX,1952,4\n"),
             extra: ["--region-column", "country", "--period-column", "year"], at: ":3", "duplicate observation X / a / 1952 (value), first given on line 2"),
    ]

    // MARK: - Running a case

    /// Writes the case's files into a new folder; returns the folder.
    static func materialise(_ c: Case) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, content) in c.files {
            let url = dir.appendingPathComponent(name)
            switch content {
            case .text(let s): try Data(s.utf8).write(to: url)
            case .bytes(let b): try Data(b).write(to: url)
            case .directory: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            case .fixture(let path): try FileManager.default.copyItem(at: Fixtures.url(path), to: url)
            }
        }
        return dir
    }

    static func check(_ c: Case) throws {
        let dir = try materialise(c)
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        func expand(_ s: String) -> String { s.replacingOccurrences(of: "{d}", with: d) }
        var args = c.args.map(expand)
        if let output = c.output { args += ["--output", "\(d)/\(output)"] }
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: d))
        let r = try BinaryRunner.run(args)

        let assertions = {
            // No crash. Foundation's Process gives a signal's number for a process it killed (SIGILL 4, SIGABRT 6,
            // SIGSEGV 11), where a shell says 128 + the number; so the status must be one the tool exits with.
            #expect([0, 1, 64].contains(r.status) && r.status < 128, "exit \(r.status): \(r.stderr.prefix(400))")
            for word in ["Fatal error", "Illegal instruction", "Program crashed"] {
                #expect(!r.stderr.contains(word), "\(r.stderr.prefix(400))")
            }
            #expect(r.status == c.status, "exit \(r.status), expected \(c.status): \(r.stderr.prefix(400))")
            // The message: the first line that starts `Error: `.
            let message = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                .first { $0.hasPrefix("Error: ") }.map(String.init)
            #expect(message != nil, "no error message: \(r.stderr.prefix(400))")
            if let message {
                if let location = c.location {
                    #expect(message.hasPrefix("Error: \(expand(location)): "), "\(message.prefix(400))")
                } else {
                    #expect(!message.hasPrefix("Error: \(d)"), "a usage error names no file: \(message.prefix(400))")
                }
                #expect(message.contains(expand(c.phrase)), "\(message.prefix(400))")
                if let limit = c.maxMessageLength { #expect(message.count <= limit, "message of \(message.count) characters") }
            }
            for text in c.absent { #expect(!r.stderr.contains(text), "\(r.stderr.prefix(400).debugDescription)") }
            // Nothing left behind: the folder holds the inputs only.
            if c.output != nil {
                let after = Set((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? [])
                #expect(after == before, "left behind: \(after.subtracting(before).sorted())")
            }
        }
        if let why = c.knownIssue {
            withKnownIssue(Comment(rawValue: why)) { assertions() }
        } else {
            assertions()
        }
    }

    @Test("long CSV", arguments: longCSV) func longCSVCase(_ c: Case) throws { try Self.check(c) }
    @Test("World Bank", arguments: wdi) func wdiCase(_ c: Case) throws { try Self.check(c) }
    @Test("SDMX", arguments: sdmx) func sdmxCase(_ c: Case) throws { try Self.check(c) }
    @Test("Eurostat", arguments: eurostat) func eurostatCase(_ c: Case) throws { try Self.check(c) }
    @Test("wide", arguments: wide) func wideCase(_ c: Case) throws { try Self.check(c) }
    @Test("Excel", arguments: xlsx) func xlsxCase(_ c: Case) throws { try Self.check(c) }
    @Test("report text", arguments: text) func textCase(_ c: Case) throws { try Self.check(c) }
    @Test("metadata", arguments: metadataCases) func metadataCase(_ c: Case) throws { try Self.check(c) }
    @Test("command line", arguments: commandLine) func commandLineCase(_ c: Case) throws { try Self.check(c) }

    static var all: [Case] { longCSV + wdi + sdmx + eurostat + wide + xlsx + text + metadataCases + commandLine }

    @Test func atLeastEightyCasesWithUniqueNames() {
        #expect(Self.all.count >= 80)
        #expect(Set(Self.all.map(\.name)).count == Self.all.count)
        #expect(Self.all.filter { $0.output != nil }.count >= 15)
    }

    // MARK: - Not errors

    /// Files that look odd but are good: each must be read, Zürich intact.
    static let readable: [(String, [UInt8])] = [
        ("UTF-16 with a byte-order mark", utf16LE(longHeader + "Zürich,g,2021,3\n", bom: true)),
        ("UTF-16 without a byte-order mark", utf16LE(longHeader + "Zürich,g,2021,3\n", bom: false)),
        ("Windows-1252", Array((longHeader + "Z").utf8) + [0xFC] + Array("rich,g,2021,3\n".utf8)),
        ("UTF-8 with a byte-order mark", bom + Array((longHeader + "Zürich,g,2021,3\n").utf8)),
        ("CRLF line ends", Array((longHeader.replacingOccurrences(of: "\n", with: "\r\n") + "Zürich,g,2021,3\r\n").utf8)),
    ]

    @Test(arguments: readable.map(\.0))
    func oddButGoodFilesAreRead(_ name: String) throws {
        let bytes = Self.readable.first { $0.0 == name }!.1
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-good-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try BinaryRunner.run(["inspect", url.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("Error"), "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["region_ids"] as? [String] == ["Zürich"], "\(r.stdout.prefix(400))")
        #expect(json?["observations"] as? Int == 1)
    }

    /// A World Bank file streamed block by block (trend --summary) whose last row is bad: the rows before it have
    /// been fitted and written when the error is met, and still nothing is left behind.
    @Test func streamedErrorAtTheEndLeavesNoOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let years = 1990...2020
        var text = Self.wdiHeader + "," + years.map(String.init).joined(separator: ",") + "\n"
        for i in 0..<20_000 {
            text += "C\(i),C\(i),Ind,I\(i % 7)," + years.map { "\(i % 1000).\($0)" }.joined(separator: ",") + "\n"
        }
        text += "Bad,BAD,Ind,I0," + Array(repeating: "1", count: years.count - 1).joined(separator: ",") + ",oops\n"
        let input = dir.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: input)
        #expect(text.utf8.count > 4 << 20, "bigger than one 4 MiB chunk")
        let r = try BinaryRunner.run(["trend", input.path, "--summary", "--model", "linear", "--output", dir.appendingPathComponent("out.csv").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Error: \(input.path):20002:35: column '2020' holds 'oops'"), "\(r.stderr.prefix(400))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["big.csv"])
    }
}
