import Testing
@testable import Yardstick

@Suite("Long CSV")
struct LongCSVTests {
    @Test func groupsSeriesAndCountsWhatIsNotATrendPoint() throws {
        let text = """
            indicator,region,year,value,kind,qualifier
            gdp,A,2021,3420.3,actual,=
            gdp,A,2019,3003.13,actual,=
            gdp,A,2020,3105.8,actual,~
            gdp,A,2022,,actual,=
            gdp,A,2024,7,target,~
            hte,A,2023,1200,actual,>
            gdp,B,2020,NA,actual,
            """
        let r = try LongCSV.read(try CSVTable(text: text, file: "l.csv"))
        #expect(r.series.count == 1)
        #expect(r.series[0].years == [2019, 2020, 2021])
        #expect(r.series[0].values == [3003.13, 3105.8, 3420.3])
        #expect(r.missing == 2)
        #expect(r.notTrendPoints == 2)
    }

    static let malformed: [(String, String)] = [
        ("region,indicator,year,value\nA,g,20x1,3\n", "l.csv:2:3: column 'year' holds '20x1', expected a four-digit year"),
        ("region,indicator,year,value\nA,g,2021,3..1\n", "l.csv:2:4: column 'value' holds '3..1', expected a number"),
        ("region,indicator,year,value,kind\nA,g,2021,3,forecast\n", "l.csv:2:5: column 'kind' holds 'forecast'"),
        ("region,indicator,year,value,qualifier\nA,g,2021,3,about\n", "l.csv:2:5: column 'qualifier' holds 'about'"),
        ("region,indicator,year,value\nA,g,2021,3\nA,g,2021,4\n", "l.csv:3: duplicate observation for A / g / 2021, first given on line 2"),
        ("region,year,value\nA,2021,3\n", "l.csv:1: no column 'indicator'"),
    ]

    @Test(arguments: malformed)
    func malformedRowsAreErrorsNamingLineAndColumn(_ c: (String, String)) {
        #expect { try LongCSV.read(try CSVTable(text: c.0, file: "l.csv")) } throws: { e in
            String(describing: e).hasPrefix(c.1)
        }
    }
}
