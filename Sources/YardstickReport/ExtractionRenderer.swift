import Yardstick

/// Renders `extract`: the statements as the canonical long CSV (readable by every command) with each indicator's
/// kind and the direction the text implies (`indicator_kind`, `direction`, read back by the long-CSV reader) and the
/// provenance columns `line`, `start`, `end` (the characters of the phrase in its line), or as JSON; and the clauses
/// not read.
public enum ExtractionRenderer {
    /// The long CSV of the statements (``Extraction/longCSV(region:file:)``).
    public static func csv(_ extraction: Extraction, region: String, file: String) -> String {
        extraction.longCSV(region: region, file: file)
    }

    /// `{"results_year", "target_year", "statements": [{region, indicator, kind, year, qualifier, value, value_high,
    /// unit, stretch, growth, rank, line, start, end, phrase}], "unparsed": [{line, reason, text}]}`.
    public static func json(_ extraction: Extraction, region: String) -> JSONValue {
        .object([
            ("results_year", extraction.resultsYear.map(JSONValue.integer) ?? .null),
            ("target_year", extraction.targetYear.map(JSONValue.integer) ?? .null),
            ("statements", .array(extraction.statements.map { s in
                var high: JSONValue = .null
                if case let .range(h) = s.qualifier { high = .number(h) }
                return .object([("region", .string(region)), ("indicator", .string(s.indicator)), ("kind", .string(s.kind.rawValue)),
                                ("year", .integer(s.year)), ("qualifier", .string(s.qualifier.symbol)), ("value", .number(s.value)),
                                ("value_high", high), ("unit", .string(s.unit)), ("stretch", .bool(s.stretch)),
                                ("growth", .bool(s.isGrowth)), ("rank", .bool(s.isRank)),
                                ("indicator_kind", .string(s.indicatorKind.rawValue)), ("direction", s.direction.map { .string($0.rawValue) } ?? .null),
                                ("line", .integer(s.line)),
                                ("start", .integer(s.start)), ("end", .integer(s.end)), ("phrase", .string(s.phrase))])
            })),
            ("unparsed", .array(extraction.unparsed.map { u in
                .object([("line", .integer(u.line)), ("reason", .string(u.reason.rawValue)), ("text", .string(u.text))])
            })),
        ])
    }

    /// The clauses with numbers that were not read: `line,reason,text`.
    public static func unparsedCSV(_ extraction: Extraction) -> String {
        (["line,reason,text"] + extraction.unparsed.map { "\($0.line),\($0.reason.rawValue),\(CSVTable.escape($0.text))" })
            .joined(separator: "\n") + "\n"
    }
}
