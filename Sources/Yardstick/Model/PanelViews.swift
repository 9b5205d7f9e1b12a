/// One indicator's histories on a shared year grid: one column per region, NaN where a year is missing. The input
/// of batched trend fits (``BatchTrends/fit(_:years:values:)``).
public struct SeriesGrid: Sendable {
    public let indicator: String
    public let years: [Int]
    /// The region of each column.
    public let regions: [String]
    /// `years.count × regions.count`, column by column (each series contiguous).
    public let values: Matrix
}

/// Whole series of any indicators on a shared year grid, one column each, in the panel's order: the unit in which
/// many series are fitted at once and their results streamed out (``PanelIndex/seriesBlocks(in:size:)``, or a
/// file with one series per row read block by block).
public struct SeriesBlock: Sendable {
    /// Every year from the block's first to its last point.
    public let years: [Int]
    /// The region and indicator of each column.
    public let regions: [String]
    public let indicators: [String]
    /// `years.count × series`, column by column (each series contiguous), NaN where a year is missing.
    public let values: Matrix

    public init(years: [Int], regions: [String], indicators: [String], values: Matrix) {
        precondition(regions.count == indicators.count && values.columns == regions.count && (values.rows == years.count || regions.isEmpty))
        self.years = years
        self.regions = regions
        self.indicators = indicators
        self.values = values
    }

    public var count: Int { regions.count }

    /// Series `j` with its observed years only.
    public func series(_ j: Int) -> Series {
        var ys: [Int] = [], vs: [Double] = []
        for i in years.indices where !values[i, j].isNaN { ys.append(years[i]); vs.append(values[i, j]) }
        return Series(region: regions[j], indicator: indicators[j], years: ys, values: vs)
    }
}

/// Regions × indicators at one year: the input of peer comparisons and composite indices. With `latest`, a cell
/// holds the latest value up to the year, and ``year(_:_:)`` says which year it is (peers publish at different
/// times).
public struct CrossSection: Sendable {
    public let year: Int
    public let indicators: [String]
    /// Regions with at least one value, in order of first appearance in the panel.
    public let regions: [String]
    /// `regions.count × indicators.count`, NaN where a region has no value.
    public let values: Matrix
    /// The year of every cell's value, column by column as ``values``; nil where there is none.
    public let years: [Int?]

    /// The year of the value of region `i` and indicator `j`.
    public func year(_ i: Int, _ j: Int) -> Int? { years[i + j * regions.count] }

    /// Only the rows of `regions` (all when nil), in the same order.
    public func keeping(_ regions: Set<String>?) -> CrossSection {
        guard let regions else { return self }
        let rows = self.regions.indices.filter { regions.contains(self.regions[$0]) }
        let m = rows.count
        var values = Matrix(rows: m, columns: indicators.count, repeating: .nan)
        var years = [Int?](repeating: nil, count: m * indicators.count)
        for (k, i) in rows.enumerated() {
            for j in indicators.indices { values[k, j] = self.values[i, j]; years[k + j * m] = self.years[i + j * self.regions.count] }
        }
        return CrossSection(year: year, indicators: indicators, regions: rows.map { self.regions[$0] }, values: values, years: years)
    }
}

extension PanelIndex {
    /// The histories of `indicator` on the grid `years` (by default every year from its first to its last point),
    /// one column per region that has a point.
    ///
    /// - Complexity: O(m·n) for m series and n years, plus their points.
    public func grid(indicator: String, years: [Int]? = nil) -> SeriesGrid {
        let t = panel.table
        let all = panel.table.strings[indicator].flatMap { seriesOfIndicator[$0] }?.map(Int.init)
            .filter { !entries[$0].history.isEmpty } ?? []
        var span = years ?? []
        if years == nil, !all.isEmpty {
            var lo = Int.max, hi = Int.min
            for s in all {
                let h = entries[s].history
                lo = min(lo, t.records[Int(historyRows[h.lowerBound])].year)
                hi = max(hi, t.records[Int(historyRows[h.upperBound - 1])].year)
            }
            span = Array(lo...hi)
        }
        var position: [Int: Int] = [:]
        for (i, y) in span.enumerated() { position[y] = i }
        let n = span.count
        var values = Matrix(rows: n, columns: all.count, repeating: .nan)
        values.elements.withUnsafeMutableBufferPointer { v in
            for (j, s) in all.enumerated() {
                for k in entries[s].history {
                    let r = t.records[Int(historyRows[k])]
                    if let i = position[r.year] { v[i + j * n] = r.value }
                }
            }
        }
        return SeriesGrid(indicator: indicator, years: span, regions: all.map { t.strings[id: entries[$0].region] }, values: values)
    }

    /// Every yearly history within `scope`, in order of first appearance, as blocks of at most `size` series on the
    /// grid of each block's years. A history's values are all finite (the panel holds no others).
    ///
    /// - Complexity: O(points + n·m) for m series and a block grid of n years, each block built when it is reached
    ///   (one block in memory at a time).
    public func seriesBlocks(in scope: Scope = .everything, size: Int = 4096) -> some Sequence<SeriesBlock> {
        let t = panel.table
        let chosen = entries.indices.filter { s in
            !entries[s].history.isEmpty && scope.contains(region: entries[s].region, indicator: entries[s].indicator, strings: t.strings)
        }
        return stride(from: 0, to: chosen.count, by: max(size, 1)).lazy.map { start in
            let part = chosen[start..<min(chosen.count, start + max(size, 1))]
            var lo = Int.max, hi = Int.min
            for s in part {
                let h = entries[s].history
                lo = min(lo, t.records[Int(historyRows[h.lowerBound])].year)
                hi = max(hi, t.records[Int(historyRows[h.upperBound - 1])].year)
            }
            let n = hi - lo + 1
            var values = Matrix(rows: n, columns: part.count, repeating: .nan)
            values.elements.withUnsafeMutableBufferPointer { v in
                for (j, s) in part.enumerated() {
                    for k in entries[s].history {
                        let r = t.records[Int(historyRows[k])]
                        v[r.year - lo + j * n] = r.value
                    }
                }
            }
            return SeriesBlock(years: Array(lo...hi), regions: part.map { t.strings[id: entries[$0].region] },
                               indicators: part.map { t.strings[id: entries[$0].indicator] }, values: values)
        }
    }

    /// The values of `indicators` in `year` for every region that has one; with `latest`, the latest value up to
    /// `year` instead, its year kept per cell.
    ///
    /// - Complexity: O(Σ points of the indicators' series) and O(r·k) for the r × k result.
    public func crossSection(indicators: [String], year: Int, latest: Bool = false) -> CrossSection {
        let t = panel.table
        var cells: [(row: Int32, column: Int, value: Double, year: Int)] = []
        for (j, id) in indicators.enumerated() {
            for s in t.strings[id].flatMap({ seriesOfIndicator[$0] }) ?? [] {
                let e = entries[Int(s)]
                // The history is in year order: the last point at or before the year.
                for k in e.history.reversed() {
                    let r = t.records[Int(historyRows[k])]
                    if r.year > year { continue }
                    if r.year == year || latest { cells.append((e.region, j, r.value, r.year)) }
                    break
                }
            }
        }
        let present = Set(cells.map(\.row))
        let order = regions.compactMap { name in t.strings[name].flatMap { present.contains($0) ? $0 : nil } }
        var rowOf: [Int32: Int] = [:]
        for (i, r) in order.enumerated() { rowOf[r] = i }
        let m = order.count
        var values = Matrix(rows: m, columns: indicators.count, repeating: .nan)
        var years = [Int?](repeating: nil, count: m * indicators.count)
        for c in cells {
            let i = rowOf[c.row]!
            values[i, c.column] = c.value
            years[i + c.column * m] = c.year
        }
        return CrossSection(year: year, indicators: indicators, regions: order.map { t.strings[id: $0] }, values: values, years: years)
    }
}
