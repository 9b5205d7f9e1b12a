import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Excel workbooks (`.xlsx`, Office Open XML): one sheet made into the delimited text the other readers read, one
/// line per sheet row, so that a message's line is the sheet's row and its column the sheet's column.
///
/// Read: shared strings (with rich-text runs joined), inline strings, numbers as stored (the shortest text that
/// reads back to the same double, as Excel and LibreOffice write them), booleans, error values (`#DIV/0!`, which
/// the readers then reject by cell), and for a formula its cached value. Rows above the header (a title, merged
/// across the table or not) become blank lines; the header is the first row with two or more cells, and a header
/// cell merged across several columns gives its text to each. Cell styles are not read: a date stored as a date is
/// its serial number.
///
/// The container is read with ZIPFoundation and the XML with Foundation's `XMLParser`.
///
/// - Complexity: O(size of the sheet's XML and the shared strings).
enum XLSXReader {
    /// A sheet's cells: row → column → text (both one-based), and its merged ranges.
    struct Sheet {
        let name: String
        var cells: [Int: [Int: String]] = [:]
        var merged: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    }

    /// The sheet `selector` (a name, or a one-based number; the first sheet when nil) of the workbook at `path`.
    static func sheet(_ path: String, selector: String?) throws(InputError) -> Sheet {
        var directory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &directory) || directory.boolValue {
            _ = try TextDecoding.bytes(path)                    // its message: no such file, or a directory
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 2) } ?? Data()
            throw .unreadable(file: path, reason: head == Data("PK".utf8)
                ? "a damaged ZIP archive (cut short, or not written to the end): open and save it again in Excel"
                : "not an Excel workbook (.xlsx): not a ZIP archive (a CSV or an old .xls renamed?)")
        }
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).flatMap { $0 } ?? Int.max
        func part(_ name: String) throws(InputError) -> Data? {
            guard let entry = archive[name] else { return nil }
            // A damaged directory can claim a part larger than the file (found by fuzzing): the time limit below is
            // reckoned from that size, so the claim is refused first; and a part is read whole, as a CSV file is.
            guard entry.compressedSize <= UInt64(fileSize) else {
                throw .unreadable(file: path, reason: "the workbook's part \(name) is damaged: its directory gives \(entry.compressedSize) compressed bytes, more than the file's \(fileSize)")
            }
            guard entry.uncompressedSize <= UInt64(CSVTable.maximumBytes) else {
                throw .unreadable(file: path, reason: "the workbook's part \(name) is \(entry.uncompressedSize) bytes, more than the \(CSVTable.maximumBytes) read whole (save the sheet as CSV in parts)")
            }
            // ZIPFoundation 0.9.20 never returns from a deflate stream cut short (its pull request #389): the part is
            // extracted on another thread and given up after 10 s, plus 2 s a compressed megabyte. The thread left
            // behind spins until the process ends, which for the command line is at once.
            let box = ExtractedPart(archive, entry), done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                do { _ = try box.archive.extract(box.entry, skipCRC32: false) { box.data.append($0) } } catch { box.error = error }
                done.signal()
            }
            let seconds = 10 + 2 * Double(entry.compressedSize) / 1_048_576
            guard done.wait(timeout: .now() + seconds) == .success else {
                throw .unreadable(file: path, reason: "the workbook's part \(name) is damaged: its compressed data ends before its end (no end in \(Int(seconds)) s)")
            }
            if let error = box.error { throw .unreadable(file: path, reason: "the workbook's part \(name) is damaged: \(error)") }
            // Foundation's XML parser on Linux traps on a name that is not UTF-8 (swift-corelibs-foundation #5534).
            guard String(validating: box.data, as: UTF8.self) != nil else {
                throw .unreadable(file: path, reason: "the workbook's part \(name) is not UTF-8 text, as an Excel part is")
            }
            return box.data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw .unreadable(file: path, reason: "no xl/workbook.xml: not an Excel workbook (.xlsx)")
        }
        let sheets = XMLElements(workbook, collecting: ["sheet"]).elements
        let relations = try part("xl/_rels/workbook.xml.rels").map { XMLElements($0, collecting: ["Relationship"]).elements } ?? []
        guard !sheets.isEmpty else { throw .unreadable(file: path, reason: "the workbook has no sheet") }
        let names = sheets.map { $0["name"] ?? "" }
        let index: Int
        if let selector {
            if let k = names.firstIndex(of: selector) { index = k } else if let n = Int(selector), n >= 1, n <= sheets.count {
                index = n - 1
            } else {
                throw .unreadable(file: path, reason: "no sheet '\(selector)'; the workbook has \(names.map { "'\($0)'" }.joined(separator: ", ")) (give a name or a number from 1)")
            }
        } else { index = 0 }
        let id = sheets[index]["r:id"] ?? sheets[index]["id"] ?? ""
        guard let target = relations.first(where: { $0["Id"] == id })?["Target"] else {
            throw .unreadable(file: path, reason: "the sheet '\(names[index])' has no part in the workbook")
        }
        let partName = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let xml = try part(partName) else {
            throw .unreadable(file: path, reason: "the sheet '\(names[index])' is missing (\(partName))")
        }
        let shared = try part("xl/sharedStrings.xml").map { SharedStrings($0).strings } ?? []
        let parsed = SheetParser(xml, shared: shared)
        if let problem = parsed.problem { throw .unreadable(file: path, reason: "the sheet '\(names[index])': \(problem)") }
        var sheet = Sheet(name: names[index])
        sheet.cells = parsed.cells
        sheet.merged = parsed.merged
        return sheet
    }

    /// The sheet as delimited text, one line per row from row 1: rows above the header blank, the header's merged
    /// cells filled, as many fields as the widest row; the header's row.
    static func text(of sheet: Sheet) -> (text: String, headerRow: Int)? {
        guard let headerRow = sheet.cells.keys.sorted().first(where: { (sheet.cells[$0]?.values.filter { !$0.isEmpty }.count ?? 0) >= 2 }),
              let last = sheet.cells.keys.max() else { return nil }
        var header = sheet.cells[headerRow] ?? [:]
        for m in sheet.merged where m.top <= headerRow && headerRow <= m.bottom {
            let text = sheet.cells[m.top]?[m.left] ?? ""
            for c in m.left...m.right where (header[c] ?? "").isEmpty { header[c] = text }
        }
        let width = (headerRow...last).compactMap { r in (r == headerRow ? header : sheet.cells[r])?.keys.max() }.max() ?? 0
        var lines = [String](repeating: "", count: headerRow - 1)
        for r in headerRow...last {
            let row = r == headerRow ? header : sheet.cells[r] ?? [:]
            lines.append(row.values.allSatisfy(\.isEmpty) ? "" : (1...width).map { CSVTable.escape(row[$0] ?? "") }.joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", headerRow)
    }

    /// Runs `delegate` over the XML in `data`; what is wrong with it, or nil.
    static func parse(_ data: Data, with delegate: XMLParserDelegate) -> String? {
        let parser = XMLParser(data: data), depth = ElementDepth(delegate)
        parser.delegate = depth
        guard parser.parse() else {
            return parser.parserError.map { "not valid XML (\($0.localizedDescription))" } ?? "not valid XML"
        }
        // Foundation's parser on Linux can accept a document that stops inside an element: a part cut short.
        return depth.depth == 0 && depth.seen ? nil : "not valid XML: it ends inside an element (the part is cut short)"
    }

    /// A cell reference: column 3, row 7 → `C7`.
    static func reference(row: Int, column: Int) -> String {
        var letters = "", c = column
        while c > 0 { letters = String(UnicodeScalar(UInt8(65 + (c - 1) % 26))) + letters; c = (c - 1) / 26 }
        return letters + String(row)
    }

    /// Row and column of a reference (`C7` → 7, 3).
    static func position(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, digits = ""
        for ch in reference.uppercased() {
            if let a = ch.asciiValue, a >= 65, a <= 90, digits.isEmpty { column = column * 26 + Int(a - 64) }
            else if ch.isASCII, ch.isNumber { digits.append(ch) } else { return nil }
        }
        guard column > 0, let row = Int(digits), row > 0 else { return nil }
        return (row, column)
    }
}

/// What a part's extraction thread hands back.
private final class ExtractedPart: @unchecked Sendable {
    let archive: Archive, entry: Entry
    var data = Data()
    var error: Error?
    init(_ archive: Archive, _ entry: Entry) { self.archive = archive; self.entry = entry }
}

/// A delegate that passes every event on and counts the open elements.
private final class ElementDepth: NSObject, XMLParserDelegate {
    let inner: XMLParserDelegate
    var depth = 0, seen = false
    init(_ inner: XMLParserDelegate) { self.inner = inner }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        depth += 1
        seen = true
        inner.parser(parser, didStartElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName, attributes: attributes)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        inner.parser(parser, didEndElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { inner.parser(parser, foundCharacters: string) }
}

/// The attributes of every element named in `collecting`, in order.
private final class XMLElements: NSObject, XMLParserDelegate {
    var elements: [[String: String]] = []
    let names: Set<String>

    init(_ data: Data, collecting names: Set<String>) {
        self.names = names
        super.init()
        _ = XLSXReader.parse(data, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if names.contains(name) || names.contains(name.split(separator: ":").last.map(String.init) ?? name) { elements.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `si`'s text, its runs (`r/t`) joined, phonetic runs (`rPh`) left out.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = "", inText = false, inPhonetic = false

    init(_ data: Data) {
        super.init()
        _ = XLSXReader.parse(data, with: self)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// A worksheet's cells (`sheetData/row/c`, each with its type `t`, value `v` or inline string `is/t`) and merged
/// ranges (`mergeCells/mergeCell@ref`).
private final class SheetParser: NSObject, XMLParserDelegate {
    var cells: [Int: [Int: String]] = [:]
    var merged: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    var problem: String?
    private let shared: [String]
    private var row = 0, column = 0, nextColumn = 1, type = "", text = "", collecting = false, inInline = false

    init(_ data: Data, shared: [String]) {
        self.shared = shared
        super.init()
        if let error = XLSXReader.parse(data, with: self), problem == nil { problem = error }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            row = attributes["r"].flatMap { Int($0) } ?? row + 1
            nextColumn = 1
        case "c":
            if let r = attributes["r"], let p = XLSXReader.position(r) { row = p.row; column = p.column } else { column = nextColumn }
            nextColumn = column + 1
            type = attributes["t"] ?? "n"
            text = ""
        case "v": collecting = true; text = ""
        case "is": inInline = true; text = ""
        case "t": if inInline { collecting = true }
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":").compactMap { XLSXReader.position(String($0)) }
            if parts.count == 2 { merged.append((parts[0].row, parts[0].column, parts[1].row, parts[1].column)) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "is": inInline = false
        case "c":
            var value = text
            switch type {
            case "s":
                guard let k = Int(text), k >= 0, k < shared.count else {
                    problem = "cell \(XLSXReader.reference(row: row, column: column)) names shared string \(text), which does not exist"
                    parser.abortParsing()
                    return
                }
                value = shared[k]
            case "b": value = text == "1" ? "TRUE" : text == "0" ? "FALSE" : text
            default: break                  // n, str (a formula's text), inlineStr, e (an error value, kept as written)
            }
            if !value.isEmpty { cells[row, default: [:]][column] = value }
        default: break
        }
    }
}
