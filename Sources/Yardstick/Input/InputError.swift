/// Why input could not be read: always naming the file, the line and (where there is one) the column, what was
/// found and what was expected.
public enum InputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A cell that does not hold what its column needs.
    case invalidCell(file: String, line: Int, column: Int, columnName: String, found: String, expected: String)
    /// A cell of a workbook's sheet that does not hold what its column needs (`cell` as `C7`).
    case invalidSheetCell(file: String, sheet: String, cell: String, columnName: String, found: String, expected: String)
    /// A required column is absent from the header.
    case missingColumn(file: String, name: String, header: [String])
    /// A row with a different number of fields than the header.
    case wrongFieldCount(file: String, line: Int, found: Int, expected: Int)
    /// A quoted field that never closes.
    case unterminatedQuote(file: String, line: Int, column: Int)
    /// The same observation twice.
    case duplicate(file: String, line: Int, firstLine: Int, what: String)
    /// The same entry of a metadata file twice (an indicator, a region, a level's growth series).
    case duplicateEntry(file: String, line: Int, firstLine: Int, what: String)
    /// The file has no header or no rows.
    case empty(file: String)
    /// The file could not be opened or decoded.
    case unreadable(file: String, reason: String)

    /// At most 60 characters of a field, control characters shown as escapes (`\0`, `\u{7}`): what a message
    /// quotes, however long or odd the field.
    static func excerpt(_ s: String) -> String {
        var out = "", count = 0
        for u in s.unicodeScalars {
            if count == 60 { return out + "… (\(s.unicodeScalars.count) characters)" }
            out += u == "\0" ? "\\0" : u.properties.generalCategory == .control ? "\\u{\(String(u.value, radix: 16))}" : String(u)
            count += 1
        }
        return out
    }

    /// The message, standard input (`-`) named as `<stdin>`.
    public var description: String {
        let text = message
        return text.hasPrefix("-:") ? "<stdin>" + text.dropFirst() : text
    }

    private var message: String {
        let q = InputError.excerpt
        switch self {
        case let .invalidCell(file, line, column, name, found, expected):
            let at = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
            return "\(at): column '\(q(name))' holds '\(q(found))', expected \(expected)"
        case let .invalidSheetCell(file, sheet, cell, name, found, expected):
            return "\(file): \(sheet)!\(cell): column '\(q(name))' holds '\(q(found))', expected \(expected)"
        case let .missingColumn(file, name, header):
            let shown = header.prefix(20).map { "'\(q($0))'" } + (header.count > 20 ? ["… (\(header.count) columns)"] : [])
            return "\(file):1: no column '\(name)'; the header has \(shown.joined(separator: ", "))"
        case let .wrongFieldCount(file, line, found, expected):
            return "\(file):\(line): \(found) fields, expected \(expected) as in the header"
        case let .unterminatedQuote(file, line, column):
            return "\(file):\(line):\(column): a quoted field is not closed; add the closing '\"'"
        case let .duplicate(file, line, first, what):
            return "\(file):\(line): duplicate observation \(what), first given on line \(first)"
        case let .duplicateEntry(file, line, first, what):
            return "\(file):\(line): \(what) given twice, first on line \(first)"
        case let .empty(file):
            return "\(file): no data (a header line and at least one row are needed)"
        case let .unreadable(file, reason):
            return "\(file): cannot read: \(reason)"
        }
    }
}

/// A cell of an input file, for messages: where it is and what it holds.
struct InputCell {
    let file: String, line: Int
    /// One-based column number and the column's name.
    let column: Int, name: String
    let text: String

    /// The error for this cell when it does not hold what is `expected`.
    func invalid(expected: String) -> InputError {
        .invalidCell(file: file, line: line, column: column, columnName: name, found: text, expected: expected)
    }
}
