import Foundation
import Testing
@testable import YardstickReport

@Suite("JSON writer")
struct JSONTests {
    @Test func keepsKeyOrderAndRoundTripsNumbers() throws {
        let v = JSONValue.object([("b", .number(0.1)), ("a", .array([.number(1e-300), .integer(3)])), ("s", .string("株洲 \"q\"\n"))])
        let text = v.rendered()
        #expect(text.firstRange(of: "\"b\"")!.lowerBound < text.firstRange(of: "\"a\"")!.lowerBound)
        let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(back["b"] as! Double == 0.1)
        #expect((back["a"] as! [Double])[0] == 1e-300)
        #expect(back["s"] as! String == "株洲 \"q\"\n")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersBecomeNull(_ x: Double) {
        #expect(JSONValue.number(x).rendered() == "null")
    }

    @Test func emptyContainers() {
        #expect(JSONValue.array([]).rendered() == "[]")
        #expect(JSONValue.object([]).rendered() == "{}")
    }
}
