import Foundation
import Yardstick
@testable import YardstickReport

/// A small, fixed panel: three targets for region "A" covering a probability, a lower bound and no data.
enum ReportFixture {
    static let csv = """
        region,indicator,year,value,kind,qualifier,unit,source
        A,gdp_growth,2019,6,actual,=,%,Bulletin 2020
        A,gdp_growth,2020,5.5,actual,=,%,Bulletin 2021
        A,gdp_growth,2021,6.2,actual,=,%,Bulletin 2022
        A,gdp_growth,2022,5.8,preliminary,~,%,Work report 2023
        A,gdp_growth,2023,6,target,~,%,Work report 2023
        A,firms,2022,1200,actual,>,家,Work report 2023
        A,firms,2023,1500,target,>,家,Work report 2023
        A,cpi,2023,3,target,<=,%,Work report 2023
        """
    static let metadata = """
        id,name,name_en,unit,direction,kind
        gdp_growth,地区生产总值增长,GDP growth,%,higher,growth_rate
        firms,高新技术企业,High-tech firms,家,higher,count
        cpi,居民消费价格涨幅,CPI inflation,%,lower,growth_rate
        """

    static func panel() throws -> Panel {
        try PanelReader().read(texts: [("fixture.csv", csv)], metadata: ("meta.csv", metadata))
    }

    static func document(_ language: ReportLanguage) throws -> ReportDocument {
        let p = try panel()
        var s = GapSettings(model: .linear)
        s.levels = [80, 95]
        let index = PanelIndex(p)
        return ReportBuilder(language: language).document(region: "A", assessments: GapAnalysis(settings: s).assess(index), index: index)
    }
}
