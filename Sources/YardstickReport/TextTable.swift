/// A plain-text table with aligned columns. Width counts East Asian wide and full-width characters as two
/// terminal cells (Unicode UAX #11), so Chinese names line up.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(header: [String], alignments: [Alignment]) {
        self.header = header
        self.alignments = alignments
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public func rendered() -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { TextTable.cellWidth($0[c]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let gap = String(repeating: " ", count: widths[c] - TextTable.cellWidth(cells[c]))
                return alignments[c] == .left ? cells[c] + gap : gap + cells[c]
            }.joined(separator: "  ").trailingSpacesRemoved
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Terminal cells a string occupies.
    public static func cellWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : (isZeroWidth($1) ? 0 : 1)) }
    }

    static func isZeroWidth(_ u: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(u.value) || (0x200B...0x200F).contains(u.value) || u.value == 0xFE0F
    }

    static func isWide(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
