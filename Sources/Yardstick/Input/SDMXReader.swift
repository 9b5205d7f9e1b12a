/// SDMX-CSV 1.0 (`DATAFLOW,…,TIME_PERIOD,OBS_VALUE,…`) and 2.0 (`STRUCTURE,STRUCTURE_ID,ACTION,…`), with `,` or
/// `;` as separator and `labels=both` cells (`CHN: China`, of which the code is kept).
///
/// The region is the `REF_AREA` (or `GEO`, `COUNTRY`, `AREA`) dimension; the indicator is the remaining dimensions'
/// codes joined by `.` (attributes such as `OBS_STATUS`, `UNIT_MULT`, `DECIMALS` and `UNIT_MEASURE` are not
/// dimensions; `UNIT_MEASURE` becomes the unit). A `UNIT_MULT` of k multiplies the row's value by 10ᵏ, as the
/// SDMX standard defines it (6: the value is in millions), so that rows in different multipliers agree.
///
/// Read as the long format is (``PartedReading``: a large file in two parts on two cores, each row parsed while its
/// bytes are in cache): a row makes a string only for a code the file has not had before.
public enum SDMXReader {
    static let structural: Set<String> = ["DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "ACTION", "TIME_PERIOD", "OBS_VALUE"]
    static let attributes: Set<String> = ["OBS_STATUS", "OBS_FLAG", "OBS_CONF", "CONF_STATUS", "UNIT_MULT", "DECIMALS",
                                          "UNIT_MEASURE", "UNIT", "COMMENT", "OBS_COMMENT", "TIME_FORMAT", "BASE_PER",
                                          "TITLE", "SOURCE", "NOTE"]
    static let regionNames = ["REF_AREA", "GEO", "COUNTRY", "AREA", "LOCATION"]

    /// The code of a `labels=both` cell: `CHN: China` → `CHN`.
    static func code(_ cell: String) -> String {
        let t = cell.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: ": ") { return String(t[..<r.lowerBound]) }
        return t
    }

    public static func read(_ table: CSVTable) throws(InputError) -> Panel { try Reader.read(table) }

    /// The state of reading one SDMX table (or a part of one).
    ///
    /// - Complexity: O(rows); a row whose codes repeat codes seen before makes no string.
    struct Reader: PartReader {
        let table: CSVTable
        var rows: CSVCursor
        let timeC: Int, valueC: Int, regionC: Int, unitC: Int?, multC: Int?
        /// The last `UNIT_MULT` cell (by string number) and its power of ten.
        var lastMult: (text: Int32, exponent: Int, power: Double) = (0, 0, 1)
        /// The dimension columns that make the indicator.
        let dims: [Int]
        var builder: PanelBuilder
        var caches: [FieldCache]
        /// The code of each cell text, both by string number (`CHN: China` → `CHN`).
        var codes: [Int32: Int32] = [:]
        /// The last row's dimension codes and their indicator; indicators by their codes.
        var lastDims: [Int32], lastIndicator: Int32 = -1
        var indicators: [[Int32]: Int32] = [:]
        /// The last unit cell (by string number) and its code.
        var lastUnit: (text: Int32, code: Int32) = (-1, 0)
        let valueName: Int32

        static func observations(rows: Int, columns: Int) -> Int { rows }

        init(_ table: CSVTable, rows: CSVCursor, records: RecordStore, settings: Void = ()) throws(InputError) {
            self.table = table
            self.rows = rows
            builder = PanelBuilder(file: table.file, records: records)
            let upper = table.header.map { SDMXReader.code($0).uppercased() }
            func col(_ name: String) -> Int? { upper.firstIndex(of: name) }
            guard let timeC = col("TIME_PERIOD") else { throw .missingColumn(file: table.file, name: "TIME_PERIOD", header: table.header) }
            guard let valueC = col("OBS_VALUE") else { throw .missingColumn(file: table.file, name: "OBS_VALUE", header: table.header) }
            guard let regionC = SDMXReader.regionNames.lazy.compactMap(col).first else {
                throw .missingColumn(file: table.file, name: "REF_AREA", header: table.header)
            }
            self.timeC = timeC
            self.valueC = valueC
            self.regionC = regionC
            unitC = col("UNIT_MEASURE") ?? col("UNIT")
            multC = col("UNIT_MULT")
            dims = upper.indices.filter { !SDMXReader.structural.contains(upper[$0]) && !SDMXReader.attributes.contains(upper[$0]) && $0 != regionC }
            caches = [FieldCache](repeating: FieldCache(), count: table.header.count)
            lastDims = [Int32](repeating: -1, count: dims.count)
            valueName = builder.intern("OBS_VALUE")
        }

        mutating func readRows() throws(InputError) {
            while try rows.next() { try read() }
        }

        /// The string number of the code in column `c` of the current row.
        @inline(__always) mutating func code(_ c: Int) -> Int32 {
            let text = caches[c].id(rows, c, &builder)
            if let known = codes[text] { return known }
            let string = builder.panel.table.strings[id: text]
            let code = string.contains(": ") ? builder.intern(SDMXReader.code(string)) : text
            codes[text] = code
            return code
        }

        mutating func read() throws(InputError) {
            let region = code(regionC)
            guard region != 0 else { throw bad(regionC, "an area code") }
            guard let period = FastParse.year(rows.raw(timeC)) ?? Period(rows.text(timeC)) else {
                throw bad(timeC, "a period such as 2023, 2023-Q1 or 2023-01")
            }
            var indicator = valueName
            if !dims.isEmpty {
                var same = true
                for (k, c) in dims.enumerated() {
                    let d = code(c)
                    if d != lastDims[k] { lastDims[k] = d; same = false }
                }
                if !same || lastIndicator < 0 {
                    if let known = indicators[lastDims] { lastIndicator = known } else {
                        let strings = builder.panel.table.strings
                        lastIndicator = builder.intern(lastDims.map { strings[id: $0] }.joined(separator: "."))
                        indicators[lastDims] = lastIndicator
                    }
                }
                indicator = lastIndicator
            }
            var unit: Int32 = 0
            if let unitC {
                let text = caches[unitC].id(rows, unitC, &builder)
                if text != lastUnit.text { lastUnit = (text, code(unitC)) }
                unit = lastUnit.code
            }
            var value: Double
            if let fast = FastParse.number(rows.raw(valueC)) { value = fast } else {
                switch NumberText.parse(rows.text(valueC)) {
                case let .number(x, magnitude, _):
                    value = x
                    if magnitude != nil {
                        unit = builder.intern(Units.attach(magnitude: magnitude, to: builder.panel.table.strings[id: unit]))
                    }
                case .missing: builder.missing(); return
                case .invalid: throw bad(valueC, "a number or empty")
                case .outOfRange: throw bad(valueC, NumberText.inRange)
                }
            }
            if let multC {
                let text = caches[multC].id(rows, multC, &builder)
                if text != lastMult.text {
                    let t = builder.panel.table.strings[id: text].trimmingCharacters(in: .whitespaces)
                    guard let k = t.isEmpty ? 0 : Int(t), abs(k) <= 30 else {
                        throw bad(multC, "a power of ten from -30 to 30 (UNIT_MULT: 6 for millions) or empty")
                    }
                    lastMult = (text, k, pow(10, Double(abs(k))))
                }
                if lastMult.exponent != 0 {
                    value = lastMult.exponent > 0 ? value * lastMult.power : value / lastMult.power
                    guard abs(value) <= NumberText.limit else { throw bad(valueC, NumberText.inRange) }
                }
            }
            if let conflict = builder.add(region: region, indicator: indicator, period: ObservationTable.code(period),
                                          value: value, unit: unit, line: rows.line) {
                throw conflict.error(at: cell(unitC ?? valueC))
            }
        }

        mutating func absorb(_ other: Reader, lineOffset: Int) -> Bool { builder.absorb(other.builder, lineOffset: lineOffset) }

        func finish() throws(InputError) -> Panel { try builder.finish() }
    }
}
import Foundation
