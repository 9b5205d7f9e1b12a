import Testing
@testable import Yardstick

@Suite("Numeric table")
struct NumericTableTests {
    @Test func parsesColumnsToExtendedPrecision() throws {
        let t = try CSVTable(text: "y,x\n0.8116,-6.860120914\n0.9072,-4.324130045\n", file: "f.csv")
        let c = try NumericTable.columns(["x", "y"], of: t)
        #expect(c[0].values == [-6.860120914, -4.324130045])
        #expect(c[1].name == "y")
    }

    @Test(arguments: [("abc", 3, 1), ("1,5", 3, 1), ("", 2, 2)])
    func nonNumericCellIsAnErrorAtItsLineAndColumn(_ c: (String, Int, Int)) throws {
        let rows = c.1 == 3 ? "1,2\n\"\(c.0)\",4\n" : "1,\(c.0)\n"
        let t = try CSVTable(text: "y,x\n" + rows, file: "f.csv")
        #expect { try NumericTable.columns(["y", "x"], of: t) } throws: { e in
            String(describing: e).hasPrefix("f.csv:\(c.1):\(c.2): column '\(c.2 == 1 ? "y" : "x")' holds '\(c.0)', expected a number")
        }
    }
}
