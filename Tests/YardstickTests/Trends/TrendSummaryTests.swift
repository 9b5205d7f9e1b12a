import Foundation
import Testing
@testable import Yardstick

/// `trend --summary` computed two ways gives one answer: from the indexed panel (``PanelIndex/seriesBlocks(in:size:)``)
/// and streamed from the file block by block (``SeriesRowReader``), on real World Bank files and on files made to
/// hold every kind of cell; and each row equals the one-series path's fit.
@Suite("Trend summaries")
struct TrendSummaryTests {
    typealias Row = (region: String, indicator: String, result: Result<TrendSummary, TrendError>)

    /// The rows from the panel read whole (the first blocks, to about `limit` rows).
    static func fromPanel(_ path: String, _ spec: TrendSpecification, size: Int = 4096, limit: Int = .max) throws -> [Row] {
        let index = PanelIndex(try PanelReader().read([path]))
        var out: [Row] = []
        for block in index.seriesBlocks(size: size) where out.count < limit {
            out += zip(block.regions, zip(block.indicators, spec.summarise(block, horizon: 5, levels: [80, 95]))).map { ($0, $1.0, $1.1) }
        }
        return out
    }

    /// The rows streamed, `size` series a block (the first blocks, to about `limit` rows).
    static func streamed(_ path: String, _ spec: TrendSpecification, size: Int, limit: Int = .max, chunk: Int = 4 << 20) throws -> [Row] {
        var rows = try #require(try PanelReader().seriesRows([path], blockSize: size, chunk: chunk))
        var out: [Row] = []
        while out.count < limit, let block = try rows.next() {
            out += zip(block.regions, zip(block.indicators, spec.summarise(block, horizon: 5, levels: [80, 95]))).map { ($0, $1.0, $1.1) }
        }
        return out
    }

    /// The largest difference between two summaries, each number against its natural scale (its own size, or for
    /// one that may cross 0, its standard error, the interval's width, the projection's standard error; for R², 1).
    static func difference(_ a: TrendSummary, _ b: TrendSummary) -> Double {
        guard a.model == b.model, a.count == b.count, a.firstYear == b.firstYear, a.lastYear == b.lastYear,
              a.parameters.map(\.name) == b.parameters.map(\.name), a.warnings == b.warnings,
              a.projection.year == b.projection.year, (a.growth == nil) == (b.growth == nil) else { return .infinity }
        var pairs: [(Double, Double, Double)] = [(a.sigma, b.sigma, 0), (a.projection.mean, b.projection.mean, b.projection.standardError),
                                                 (a.projection.standardError, b.projection.standardError, 0)]
        if let x = a.rSquared, let y = b.rSquared { pairs.append((x, y, 1)) }      // a share: 1 is its scale
        if let x = a.aicc, let y = b.aicc { pairs.append((x, y, 0)) }
        for (p, q) in zip(a.parameters, b.parameters) {
            pairs.append((p.value, q.value, q.standardError ?? 0))
            if let x = p.standardError, let y = q.standardError { pairs.append((x, y, 0)) }
        }
        for (p, q) in zip(a.projection.intervals, b.projection.intervals) {
            pairs += [(p.lower, q.lower, q.upper - q.lower), (p.upper, q.upper, q.upper - q.lower)]
        }
        if let g = a.growth, let h = b.growth {
            let width = h.interval.map { $0.upperBound - $0.lowerBound } ?? 0
            pairs.append((g.rate, h.rate, width))
            if let i = g.interval, let j = h.interval { pairs += [(i.lowerBound, j.lowerBound, width), (i.upperBound, j.upperBound, width)] }
        }
        return pairs.map { abs($0 - $1) / max(abs($1), $2, .leastNormalMagnitude) }.max() ?? 0
    }

    static func expectSame(_ a: [Row], _ b: [Row], tolerance: Double = 1e-12) {
        #expect(a.count == b.count)
        var worst = 0.0
        for (x, y) in zip(a, b) {
            #expect(x.region == y.region && x.indicator == y.indicator)
            switch (x.result, y.result) {
            case let (.success(s), .success(t)): worst = max(worst, difference(s, t))
            case let (.failure(e), .failure(f)): #expect(e == f, "\(x.region) \(x.indicator)")
            default: Issue.record("\(x.region) \(x.indicator): \(x.result) against \(y.result)")
            }
        }
        #expect(worst < tolerance, "worst relative difference \(worst)")
    }

    static let models: [TrendModelKind?] = [.linear, .loglinear, .quadratic, .weighted, .holt, nil]

    /// The fertility rates of 219 economies (1960–2013, some years and rows empty) and four population series for
    /// each of 264 economies (a WDI-shaped file with other column names), every model and `auto`, in blocks that
    /// do not divide the series evenly.
    @Test(arguments: ["panels/wdi_fertility_wide.csv", "panels/world_bank_pop.csv"], models)
    func streamingEqualsThePanel(_ file: String, _ model: TrendModelKind?) throws {
        let path = Fixtures.url(file).path
        let spec = TrendSpecification(model)
        // The smoothing models' estimation is slow in a debug build: their first 74 series.
        let limit = model == nil || model == .holt ? 74 : Int.max
        let reference = try Self.fromPanel(path, spec, size: 74, limit: limit)
        let streamed = try Self.streamed(path, spec, size: 37, limit: limit)
        Self.expectSame(streamed, reference)
        // Read in chunks of 512 bytes (a record is up to 900): every chunk ends inside a record, and grows.
        Self.expectSame(try Self.streamed(path, spec, size: 37, limit: limit, chunk: 512), reference)
        if limit == .max { #expect(streamed.count == (file.contains("pop") ? 1056 : 210)) }
    }

    /// Each row is the one-series path's fit of that series, summarised.
    @Test(arguments: [TrendModelKind.linear, .loglinear, .quadratic, .weighted])
    func eachRowIsTheOneSeriesFit(_ model: TrendModelKind) throws {
        let index = PanelIndex(try PanelReader().read([Fixtures.url("panels/wdi_fertility_wide.csv").path]))
        let spec = TrendSpecification(model)
        var rows: [Row] = [], single: [Row] = []
        for block in index.seriesBlocks(size: 50) {
            let summaries = spec.summarise(block, horizon: 5, levels: [80, 95])
            for j in 0..<block.count {
                rows.append((block.regions[j], block.indicators[j], summaries[j]))
                let series = block.series(j)
                single.append((block.regions[j], block.indicators[j], Result { () throws(TrendError) -> TrendSummary in
                    TrendSummary(try spec.fit(series), horizon: 5, levels: [80, 95])
                }))
            }
        }
        #expect(rows.count == 210)
        Self.expectSame(rows, single)
    }

    /// A file made to hold every kind of cell: quoted names with commas, values with a magnitude word (the
    /// indicator's unit), missing markers, a row without values, a series too short, a non-positive value (for the
    /// log-linear model), written to disk and read both ways.
    @Test(arguments: [TrendModelKind.linear, .loglinear, .quadratic])
    func everyKindOfCell(_ model: TrendModelKind) throws {
        let text = """
            Country Name,Country Code,Indicator Name,Indicator Code,2015,2016,2017,2018,2019,2020
            "Korea, Rep.",KOR,"GDP, current",GDP,1.5万,1.6万,1.7万,1.75万,1.9万,2万
            "Korea, Rep.",KOR,Births,BIRTH,5,6,,8,9,
            Chad,TCD,"GDP, current",GDP,1.2万,1.3万,..,1.5万,1.65万,1.7万
            Chad,TCD,Births,BIRTH,,,,,,
            Mali,MLI,Births,BIRTH,4,,,,5,
            Niger,NER,Births,BIRTH,3,2,0,-1,2,3
            """
        let path = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let spec = TrendSpecification(model)
        let reference = try Self.fromPanel(path, spec), streamed = try Self.streamed(path, spec, size: 2)
        Self.expectSame(streamed, reference)
        #expect(streamed.map(\.region) == ["KOR", "KOR", "TCD", "MLI", "NER"])
        // Chad's GDP in 万, its unit.
        let index = PanelIndex(try PanelReader().read([path]))
        #expect(index.history(region: "TCD", indicator: "GDP").values == [1.2, 1.3, 1.5, 1.65, 1.7])
        #expect(index.indicator("GDP").unit == "万")
        var rows = try #require(try PanelReader().seriesRows([path]))
        while try rows.next() != nil {}
        #expect(rows.missing == 13 && rows.emptyRows == 1 && rows.conversions == 0)
        #expect(rows.missing == index.panel.missingValues)
    }

    /// The same errors, at the same cells, both ways: a cell that is not a number, a unit no magnitude word
    /// converts, a second row for one region and indicator.
    @Test(arguments: [
        ("C,c,I,i,2001,2002\nA,a,X,x,1,zz\n", ".csv:2:6:", "expected a number or empty"),
        ("C,c,I,i,2001,2002\nA,a,X,x,1,2\nB,b,X,x,3万,4\n", ".csv:3:5:", "expected the unit '' of indicator x (line 2)"),
        ("C,c,I,i,2001,2002\nA,a,X,x,1,2\nB,b,Y,y,3,4\nA,a,X,x,,5\n", ".csv:4:", "a / x: a second row for this region and indicator, first given on line 2"),
    ])
    func theSameErrors(_ text: String, _ first: String, _ second: String) throws {
        let path = try Self.write(text.replacingOccurrences(of: "C,c,I,i", with: "Country Name,Country Code,Indicator Name,Indicator Code"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var panelError: InputError?, streamError: InputError?
        do { _ = try PanelReader().read([path]) } catch { panelError = error }
        do throws(InputError) {
            guard var rows = try PanelReader().seriesRows([path]) else { Issue.record("not streamed"); return }
            while try rows.next() != nil {}
        } catch { streamError = error }
        let message = try #require(panelError).description
        #expect(panelError == streamError)
        #expect(message.contains(first) && message.contains(second), "\(message)")
    }

    /// Quoted fields that hold line ends and run past a chunk's end, a byte-order mark, CRLF line ends: the chunks
    /// give what the whole file gives.
    @Test func chunksEndWhereRecordsDo() throws {
        var text = "\u{FEFF}Country Name,Country Code,Indicator Name,Indicator Code,2001,2002,2003,2004\r\n"
        for k in 0..<60 {
            text += "\"Name \(k)\nwith a line end\",C\(k),\"Indicator, \"\"quoted\"\"\",X,\(k),\(k + 1).5,,\(2 * k)\r\n"
        }
        let path = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reference = try Self.fromPanel(path, TrendSpecification(.linear))
        #expect(reference.count == 60)
        for chunk in [64, 100, 333, 4096] {
            Self.expectSame(try Self.streamed(path, TrendSpecification(.linear), size: 7, chunk: chunk), reference)
        }
    }

    /// Only a single World Bank file without metadata streams; everything else is read whole.
    @Test func whatStreams() throws {
        let wdi = Fixtures.url("panels/wdi_fertility_wide.csv").path, long = Fixtures.url("panels/gapminder.csv").path
        #expect(try PanelReader().seriesRows([wdi]) != nil)
        #expect(try PanelReader().seriesRows([wdi, wdi]) == nil)
        var withMetadata = PanelReader()
        withMetadata.metadataFile = Fixtures.url("../../Data/zhuzhou/indicators.csv").path
        #expect(try withMetadata.seriesRows([wdi]) == nil)
        var wide = PanelReader()
        wide.regionColumn = "country"; wide.periodColumn = "year"
        #expect(try wide.seriesRows([long]) == nil)
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
