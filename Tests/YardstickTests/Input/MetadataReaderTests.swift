import Testing
@testable import Yardstick

@Suite("Indicator metadata")
struct MetadataReaderTests {
    @Test func readsDirectionsBoundsAndKinds() throws {
        let t = try CSVTable(text: """
            id,name,name_en,unit,direction,lower,upper,kind
            rd_intensity,研发投入强度,R&D intensity,%,higher,0,100,share
            cpi_growth,居民消费价格涨幅,CPI inflation,%,lower,,,growth_rate
            city_rank,排名,Rank,位,,1,,rank
            """, file: "m.csv")
        let m = try MetadataReader.read(t)
        #expect(m[0].bounds == 0...100 && m[0].kind == .share && m[0].englishName == "R&D intensity")
        #expect(m[1].direction == .lower)
        #expect(m[2].direction == .lower)          // ranks default to lower-is-better
        #expect(m[2].bounds == 1...Double.infinity)
    }

    @Test func embeddedMetadataCoversEveryEmbeddedIndicator() throws {
        let p = try PanelReader().readEmbedded()
        for id in p.indicatorIDs { #expect(p.indicators[id]?.englishName != nil, "\(id)") }
        #expect(p.indicator("cpi_growth").direction == .lower)
        #expect(p.indicator("innovative_city_rank").kind == .rank)
    }

    @Test func directionOverridesWin() throws {
        var r = PanelReader()
        r.directions = ["gdp_growth": .target]
        #expect(try r.readEmbedded().indicator("gdp_growth").direction == .target)
    }
}
