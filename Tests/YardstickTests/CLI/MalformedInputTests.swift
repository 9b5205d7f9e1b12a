import Foundation
import Testing

/// Malformed inputs across every reader, run through the binary: each must exit non-zero with a message that
/// names the file, the line and (where a cell is at fault) the column.
@Suite("Malformed input")
struct MalformedInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let text: String
        /// What follows the file name in the message: ":line:column: …" or ":line: …".
        let expected: String
        var extra: [String] = []
        var metadata: String? = nil
        var regionNames: String? = nil
        var structure: String? = nil
        var description: String { name }
    }

    static let long = "region,indicator,year,value\n"
    static let full = "region,indicator,year,value,value_high,kind,qualifier,relative_to,unit\n"
    static let wdi = "Country Name,Country Code,Indicator Name,Indicator Code,2020,2021\n"
    static let sdmx = "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\n"
    static let wide = ["--input-format", "wide", "--region-column", "country", "--period-column", "year"]

    static let cases: [Case] = [
        Case(name: "long: year not a year", text: long + "A,g,20x1,3\n", expected: ":2:3: column 'year' holds '20x1'"),
        Case(name: "long: value not a number", text: long + "A,g,2021,three\n", expected: ":2:4: column 'value' holds 'three'"),
        Case(name: "long: quarter 5", text: long + "A,g,2023-Q5,3\n", expected: ":2:3: column 'year' holds '2023-Q5'"),
        Case(name: "long: month 13", text: long + "A,g,2023-13,3\n", expected: ":2:3: column 'year' holds '2023-13'"),
        Case(name: "long: empty region", text: long + ",g,2021,3\n", expected: ":2:1: column 'region' holds ''"),
        Case(name: "long: empty indicator", text: long + "A,,2021,3\n", expected: ":2:2: column 'indicator' holds ''"),
        Case(name: "long: unknown kind", text: full + "A,g,2021,3,,forecast,=,,\n", expected: ":2:6: column 'kind' holds 'forecast'"),
        Case(name: "long: unknown qualifier", text: full + "A,g,2021,3,,actual,approx.,,\n", expected: ":2:7: column 'qualifier' holds 'approx.'"),
        Case(name: "long: range without high", text: full + "A,g,2024,4.5,,target,range,,%\n", expected: ":2:5: column 'value_high' holds ''"),
        Case(name: "long: range upside down", text: full + "A,g,2024,5,4.5,target,range,,%\n", expected: ":2:5: column 'value_high' holds '4.5'"),
        Case(name: "long: relative without series", text: full + "A,g,2024,,,target,relative,,%\n", expected: ":2:8: column 'relative_to' holds ''"),
        Case(name: "long: mixed units", text: full + "A,g,2021,3,,actual,=,,亿元\nA,g,2022,4,,actual,=,,人\n", expected: ":3:9: column 'unit' holds '人'"),
        Case(name: "long: duplicate", text: long + "A,g,2021,3\nA,g,2021,4\n", expected: ":3: duplicate observation A / g / 2021"),
        Case(name: "long: duplicate target", text: full + "A,g,2024,7,,target,~,,%\nA,g,2024,8,,target,>=,,%\n", expected: ":3: duplicate observation A / g / 2024 (target)"),
        Case(name: "long: extra field", text: long + "A,g,2021,3\nA,g,2022,3,9\n", expected: ":3: 5 fields, expected 4"),
        Case(name: "long: missing field", text: long + "A,g,2021\n", expected: ":2: 3 fields, expected 4"),
        Case(name: "long: unterminated quote", text: long + "A,\"g,2021,3\n", expected: ":2:3: a quoted field is not closed"),
        Case(name: "long: misplaced thousands separator", text: long + "A,g,2021,\"12,34\"\n", expected: ":2:4: column 'value' holds '12,34'"),
        Case(name: "long: no value column", text: "region,indicator,year,amount\nA,g,2021,3\n", expected: ":1: no column 'value'", extra: ["--input-format", "long"]),
        Case(name: "wdi: text in a year column", text: wdi + "China,CHN,GDP,NY.GDP,8.4,n/a?\n", expected: ":2:6: column '2021' holds 'n/a?'"),
        Case(name: "wdi: empty country code", text: wdi + "China,,GDP,NY.GDP,8.4,3\n", expected: ":2:2: column 'Country Code' holds ''"),
        Case(name: "wdi: no indicator column", text: "Country Name,Country Code,2020,2021\nChina,CHN,1,2\n", expected: ":1: no column 'Indicator Code'"),
        Case(name: "sdmx: bad period", text: sdmx + "F,CHN,GDP,2023-W1,3\n", expected: ":2:4: column 'TIME_PERIOD' holds '2023-W1'"),
        Case(name: "sdmx: bad value", text: sdmx + "F,CHN,GDP,2023,3..0\n", expected: ":2:5: column 'OBS_VALUE' holds '3..0'"),
        Case(name: "sdmx: empty area", text: sdmx + "F,,GDP,2023,3\n", expected: ":2:2: column 'REF_AREA' holds ''"),
        Case(name: "sdmx: no OBS_VALUE", text: "DATAFLOW,REF_AREA,TIME_PERIOD,VALUE\nF,CHN,2023,3\n", expected: ":1: no column 'OBS_VALUE'"),
        Case(name: "eurostat: bad value", text: "freq,unit,geo\\TIME_PERIOD\t2022\t2023\nA,PC,DE\t1.5\tabc\n", expected: ":2:3: column '2023' holds 'abc'"),
        Case(name: "eurostat: wrong dimensions", text: "freq,unit,geo\\TIME_PERIOD\t2022\nA,DE\t1.5\n", expected: ":2:1: column 'freq,unit,geo\\TIME_PERIOD' holds 'A,DE'"),
        Case(name: "eurostat: bad period header", text: "freq,unit,geo\\TIME_PERIOD\t2022\tlatest\nA,PC,DE\t1.5\t2\n", expected: ":1:3: column 'latest' holds 'latest'"),
        Case(name: "wide: bad period", text: "country,year,a\nX,19x2,3\n", expected: ":2:2: column 'year' holds '19x2'", extra: wide),
        Case(name: "wide: bad value", text: "country,year,a\nX,1952,3;4\n", expected: ":2:3: column 'a' holds '3;4'", extra: wide + ["--indicator-columns", "a"]),
        Case(name: "wide: no region column", text: "nation,year,a\nX,1952,3\n", expected: ":1: no column 'country'", extra: wide),
        Case(name: "metadata: bad direction", text: long + "A,g,2021,3\n", expected: ":2:2: column 'direction' holds 'up'",
             metadata: "id,direction\ng,up\n"),
        Case(name: "metadata: bad kind", text: long + "A,g,2021,3\n", expected: ":2:2: column 'kind' holds 'ratio'", metadata: "id,kind\ng,ratio\n"),
        Case(name: "empty file", text: "", expected: ": no data (a header line and at least one row are needed)"),
        Case(name: "long: header only", text: long, expected: ": no data (a header line and at least one row are needed)"),
        Case(name: "sdmx: header only", text: sdmx + "\n", expected: ": no data (a header line and at least one row are needed)"),
        Case(name: "metadata: bounds upside down", text: long + "A,g,2021,3\n", expected: ":2:3: column 'upper' holds '0'",
             metadata: "id,lower,upper\ng,100,0\n"),
        Case(name: "metadata: duplicate id", text: long + "A,g,2021,3\n", expected: ":3: metadata for g given twice, first on line 2",
             metadata: "id,unit\ng,%\ng,%\n"),
        Case(name: "metadata: header only", text: long + "A,g,2021,3\n", expected: ": no data (a header line and at least one row are needed)",
             metadata: "id,unit\n"),
        Case(name: "metadata: growth_of names no indicator of the file", text: long + "A,g,2021,3\n",
             expected: ":3:3: column 'growth_of' holds 'm', expected the id of another indicator in this file",
             metadata: "id,kind,growth_of\nn,count,\ng,growth_rate,m\n"),
        Case(name: "metadata: growth_of names itself", text: long + "A,g,2021,3\n",
             expected: ":2:3: column 'growth_of' holds 'g', expected another indicator than g itself", metadata: "id,kind,growth_of\ng,growth_rate,g\n"),
        Case(name: "metadata: growth_of on a level", text: long + "A,g,2021,3\n",
             expected: ":3:3: column 'growth_of' holds 'n', expected nothing: growth_of is for indicators of kind growth_rate, and g is level",
             metadata: "id,kind,growth_of\nn,count,\ng,level,n\n"),
        Case(name: "metadata: growth_of names a growth rate", text: long + "A,g,2021,3\n",
             expected: ":3:3: column 'growth_of' holds 'h', expected a level or count, not the growth rate h",
             metadata: "id,kind,growth_of\nh,growth_rate,\ng,growth_rate,h\n"),
        Case(name: "metadata: two growth series for one count", text: long + "A,g,2021,3\n",
             expected: ":4: a growth series of n given twice, first on line 3",
             metadata: "id,kind,growth_of\nn,count,\ng,growth_rate,n\nh,growth_rate,n\n"),
        Case(name: "long: stretch on an actual", text: "region,indicator,year,value,kind,stretch\nA,g,2021,3,actual,yes\n",
             expected: ":2:6: column 'stretch' holds 'yes', expected empty: only a target can be a stretch target"),
        Case(name: "long: stretch not a yes or no", text: "region,indicator,year,value,kind,stretch\nA,g,2021,3,target,maybe\n",
             expected: ":2:6: column 'stretch' holds 'maybe', expected yes, no, true, false, 1, 0, 力争 or empty"),
        Case(name: "region names: header only", text: long + "A,g,2021,3\n", expected: ": no data (a header line and at least one row are needed)",
             regionNames: "id,name,name_en\n"),
        Case(name: "region names: duplicate id", text: long + "A,g,2021,3\n", expected: ":3: the names of region A given twice, first on line 2",
             regionNames: "id,name\nA,甲\nA,乙\n"),
        Case(name: "region names: no id column", text: long + "A,g,2021,3\n", expected: ":1: no column 'id'",
             regionNames: "region,name\nA,甲\n"),
        Case(name: "structure: two roots", text: long + "A,g,2021,3\n", expected: ":3: a row with no parent (the index itself) given twice, first on line 2",
             structure: "id,parent\ni1,\ni2,\ng,i1\n"),
        Case(name: "structure: unknown parent", text: long + "A,g,2021,3\n",
             expected: ":3:2: column 'parent' holds 'p', expected the id of another row (a group), or empty for the index itself",
             structure: "id,parent\ni,\ng,p\n"),
        Case(name: "structure: cycle", text: long + "A,g,2021,3\n", expected: ":3:2: column 'parent' holds 'b', expected a parent that does not lead back to a (a cycle)",
             structure: "id,parent\ni,\na,b\nb,a\ng,i\n"),
        Case(name: "structure: unknown aggregation", text: long + "A,g,2021,3\n", expected: ":2:3: column 'aggregate' holds 'median', expected arithmetic, geometric or harmonic",
             structure: "id,parent,aggregate\ni,,median\ng,i,\n"),
        Case(name: "structure: goalposts upside down", text: long + "A,g,2021,3\n", expected: ":3:4: column 'upper' holds '1', expected an upper goalpost above the lower, 5.0",
             structure: "id,parent,lower,upper\ni,,,\ng,i,5,1\n"),
        Case(name: "structure: weight not positive", text: long + "A,g,2021,3\n", expected: ":3:3: column 'weight' holds '0', expected a positive weight",
             structure: "id,parent,weight\ni,,\ng,i,0\n"),
        Case(name: "region names: empty id", text: long + "A,g,2021,3\n", expected: ":2:1: column 'id' holds ''",
             regionNames: "id,name\n,甲\n"),
    ]

    @Test(arguments: cases)
    func namesLineAndColumnAndFails(_ c: Case) throws {
        let file = try BinaryRunner.temporaryFile(c.text)
        var args = ["inspect", file] + c.extra
        var expectedFile = file
        if let m = c.metadata {
            let meta = try BinaryRunner.temporaryFile(m, name: "meta.csv")
            args += ["--metadata", meta]
            expectedFile = meta
        }
        if let structure = c.structure {
            let file = try BinaryRunner.temporaryFile(structure, name: "structure.csv")
            args = ["benchmark", args[1], "--direction", "g=higher", "--structure", file]
            expectedFile = file
        }
        if let n = c.regionNames {
            let names = try BinaryRunner.temporaryFile(n, name: "regions.csv")
            args += ["--region-names", names]
            expectedFile = names
        }
        let r = try BinaryRunner.run(args)
        #expect(r.status != 0)
        #expect(r.stderr.contains(expectedFile + c.expected), "\(r.stderr)")
    }

    @Test func atLeastThirtyCases() { #expect(MalformedInputTests.cases.count >= 30) }

    @Test func invalidBytesUnderAForcedEncodingAreNamed() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try (Data("region,indicator,year,value\n".utf8) + Data([0xD6, 0xEA, 0x2C])).write(to: url)
        let r = try BinaryRunner.run(["inspect", url.path, "--encoding", "utf8"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(url.path): cannot read: not valid UTF-8 (first bad byte at line 2, byte 1 of the line (offset 28))"), "\(r.stderr)")
    }
}
