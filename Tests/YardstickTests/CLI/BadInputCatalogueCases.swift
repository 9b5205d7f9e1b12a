import Foundation
import Testing

/// The catalogue's cases for workbooks, reports' texts, metadata files and command-line options (the data readers'
/// cases and the runner are in BadInputCatalogueTests.swift).
extension BadInputCatalogueTests {
    // MARK: - Excel workbooks

    static let xlsx: [Case] = [
        file("xlsx: no sheet of that name", .fixture("bad/bad_year_cell.xlsx"), as: "book.xlsx", extra: ["--sheet", "Nope"], at: "",
             "cannot read: no sheet 'Nope'; the workbook has 'Data' (give a name or a number from 1)"),
        file("xlsx: no sheet of that number", .fixture("bad/bad_year_cell.xlsx"), as: "book.xlsx", command: ["trend"], extra: ["--sheet", "7"],
             at: "", "cannot read: no sheet '7'; the workbook has 'Data'", output: "out.csv"),
        Case(name: "xlsx: no sheet after #", files: ["book.xlsx": .fixture("bad/bad_year_cell.xlsx")], args: ["inspect", "{d}/book.xlsx#Nope"],
             status: 1, location: "{d}/book.xlsx", phrase: "cannot read: no sheet 'Nope'"),
        file("xlsx: year cell not a year", .fixture("bad/bad_year_cell.xlsx"), as: "book.xlsx", at: ": Data!C7",
             "column 'year' holds '20x1', expected a year (2023), quarter (2023-Q1) or month (2023-01)"),
        file("xlsx: value cell not a number", .fixture("bad/bad_value_cell.xlsx"), as: "book.xlsx", command: ["gap"], at: ": Data!D4",
             "column 'value' holds 'three', expected a number", output: "out.csv"),
        file("xlsx: formula error cached", .fixture("xlsx/formula_error_libreoffice.xlsx"), as: "book.xlsx", at: ": formula_error_libreoffice!D4",
             "column 'value' holds '#DIV/0!'"),
        file("xlsx: duplicate row", .fixture("bad/duplicate_row.xlsx"), as: "book.xlsx", at: " (sheet Data):3",
             "duplicate observation A / g / 2020 (value), first given on line 2"),
        file("xlsx: no value column", .fixture("bad/no_value_column.xlsx"), as: "book.xlsx", at: " (sheet Data):1", "no column 'value'"),
        file("xlsx: random bytes named .xlsx", .bytes(garbage), as: "book.xlsx", command: ["report"], at: "",
             "cannot read: not an Excel workbook (.xlsx): not a ZIP archive", output: "out.csv"),
        file("xlsx: a CSV named .xlsx", text(good), as: "book.xlsx", at: "", "not an Excel workbook (.xlsx): not a ZIP archive (a CSV or an old .xls renamed?)"),
        file("xlsx: empty file named .xlsx", text(""), as: "book.xlsx", at: "", "not an Excel workbook (.xlsx)"),
        file("xlsx: a CSV read as xlsx", text(good), extra: ["--input-format", "xlsx"], at: "", "not an Excel workbook (.xlsx)"),
        file("xlsx: a ZIP without a workbook", .fixture("bad/zip_without_workbook.xlsx"), as: "book.xlsx", at: "",
             "cannot read: no xl/workbook.xml: not an Excel workbook (.xlsx)"),
        file("xlsx: a workbook cut short", .fixture("bad/truncated.xlsx"), as: "book.xlsx", at: "", "a damaged ZIP archive (cut short",
             absent: ["a CSV or an old .xls renamed"]),
        file("xlsx: sheet XML cut short", .fixture("bad/broken_sheet_xml.xlsx"), as: "book.xlsx", command: ["trend"], at: "", "cannot read",
             output: "out.csv"),
    ]

    // MARK: - Reports' texts

    static let text: [Case] = [
        file("text: empty .txt (extract)", text(""), as: "report.txt", command: ["extract"], at: "", "cannot read: the file is empty",
             output: "out.csv"),
        file("text: blank lines only (extract)", text("\n\n  \n"), as: "report.txt", command: ["extract"], at: "", "cannot read: the file is empty"),
        file("text: no heading with a year (extract)", text("今天天气很好。\n"), as: "report.txt", command: ["extract"], at: "",
             "no heading gives the report's year; give --year"),
        file("text: empty .txt (inspect, with a region)", text(""), as: "report.txt", extra: ["--text-region", "A"], at: "",
             "cannot read: the file is empty"),
        file("text: empty .txt (inspect)", text(""), as: "report.txt", at: "", "the file is empty"),
        file("text: binary garbage .txt (inspect)", .bytes(garbage), as: "report.txt", at: "", "cannot read: not Windows-1252"),
        file("text: binary garbage .txt (extract)", .bytes(garbage), as: "report.txt", command: ["extract"], extra: ["--year", "2024"], at: "",
             "cannot read: not Windows-1252"),
    ]

    // MARK: - Metadata

    static let metadataCases: [Case] = [
        metadata("metadata: unknown direction", text("id,direction\ng,up\n"), at: ":2:2", "column 'direction' holds 'up', expected higher, lower or target"),
        metadata("metadata: unknown kind", text("id,kind\ng,ratio\n"), at: ":2:2",
                 "column 'kind' holds 'ratio', expected level, growth_rate, share, count or rank", command: ["trend"], output: "out.csv"),
        metadata("metadata: bound not a number", text("id,lower,upper\ng,zero,100\n"), at: ":2:2", "column 'lower' holds 'zero', expected a number or empty"),
        metadata("metadata: upper below lower", text("id,lower,upper\ng,100,0\n"), at: ":2:3",
                 "column 'upper' holds '0', expected an upper bound above the lower bound", command: ["gap"], output: "out.csv"),
        metadata("metadata: upper equal to lower", text("id,lower,upper\ng,5,5\n"), at: ":2:3", "column 'upper' holds '5', expected an upper bound above"),
        metadata("metadata: bound 1e200", text("id,lower,upper\ng,0,1e200\n"), at: ":2:3", "column 'upper' holds '1e200', expected a number of magnitude"),
        metadata("metadata: misspelt column directon", text("id,directon\ng,higher\n"), at: ":1:2",
                 "column 'directon' holds 'directon', expected a column Yardstick reads: did you mean 'direction'?"),
        metadata("metadata: duplicate id", text("id,unit\ng,%\ng,%\n"), at: ":3", "metadata for g given twice, first on line 2"),
        metadata("metadata: growth_of naming nothing", text("id,kind,growth_of\ng,growth_rate,zz\n"), at: ":2:3",
                 "column 'growth_of' holds 'zz', expected the id of another indicator in this file", command: ["report"], output: "out.csv"),
        metadata("metadata: no id column", text("name,unit\ng,%\n"), at: ":1", "no column 'id'; the header has 'name', 'unit'"),
        metadata("metadata: empty id", text("id,unit\n,%\n"), at: ":2:1", "column 'id' holds '', expected an indicator id"),
        metadata("metadata: duplicate header name", text("id,unit,unit\ng,%,%\n"), at: ":1:3", "column 'unit' holds 'unit', expected a name not already used"),
        metadata("metadata: unterminated quote", text("id,unit\ng,\"%\n"), at: ":2:3", "a quoted field is not closed"),
        metadata("metadata: empty file", text(""), at: "", "no data (a header line and at least one row are needed)"),
        metadata("metadata: a directory", .directory, at: "", "cannot read: a directory"),
        metadata("metadata: a byte-order mark and a newline only", .bytes(bom + [0x0A]), at: "", "no data"),
        Case(name: "metadata: missing file", files: ["data.csv": .text(good)], args: ["inspect", "{d}/data.csv", "--metadata", "{d}/meta.csv"],
             status: 1, location: "{d}/meta.csv", phrase: "cannot read: no such file"),
    ]

    // MARK: - Command-line options

    static let commandLine: [Case] = [
        options("options: unknown model (trend)", "trend", ["--model", "nosuch"], "The value 'nosuch' is invalid for '--model <model>'", output: "out.csv"),
        options("options: unknown model (gap)", "gap", ["--model", "nosuch"], "The value 'nosuch' is invalid for '--model <model>'"),
        options("options: --level 0", "trend", ["--level", "0"], "--level takes a percentage between 0 and 100, got 0.0"),
        options("options: --level 100", "trend", ["--level", "100"], "--level takes a percentage between 0 and 100, got 100.0"),
        options("options: --level abc", "trend", ["--level", "abc"], "The value 'abc' is invalid for '--level <level>'"),
        options("options: --horizon 0", "trend", ["--horizon", "0"], "--horizon must be at least 1, got 0", output: "out.csv"),
        options("options: --horizon=-1", "trend", ["--horizon=-1"], "--horizon must be at least 1, got -1"),
        options("options: --horizon -1", "trend", ["--horizon", "-1"], "--horizon must be at least 1, got -1"),
        options("options: --format html for trend", "trend", ["--format", "html"], "The value 'html' is invalid for '--format <format>'"),
        options("options: --format markdown for gap", "gap", ["--format", "markdown"], "The value 'markdown' is invalid for '--format <format>'"),
        options("options: --format csv for inspect", "inspect", ["--format", "csv"], "The value 'csv' is invalid for '--format <format>'. Please provide one of 'text' and 'json'"),
        options("options: --output .csv for inspect", "inspect", [], "inspect writes text or json, and --output's .csv extension asks for csv",
                output: "out.csv"),
        options("options: --format csv for regress", "regress", ["--y", "value", "--x", "year", "--format", "csv"], "The value 'csv' is invalid for '--format <format>'. Please provide one of 'text' and 'json'"),
        options("options: --format text for extract", "extract", ["--format", "text"], "The value 'text' is invalid for '--format <format>'",
                extraFiles: ["data.csv": .text("2024年政府工作报告\n")]),
        options("options: unknown --method", "gap", ["--method", "nosuch"], "The value 'nosuch' is invalid for '--method <method>'"),
        options("options: unknown --lang", "report", ["--lang", "fr"], "The value 'fr' is invalid for '--lang <lang>'"),
        options("options: unknown --input-format", "inspect", ["--input-format", "parquet"], "The value 'parquet' is invalid for '--input-format"),
        options("options: unknown --encoding", "inspect", ["--encoding", "latin9"], "The value 'latin9' is invalid for '--encoding <encoding>'",
                output: "out.json"),
        options("options: --sheet on a CSV", "inspect", ["--sheet", "1"], "--sheet applies to Excel workbooks (.xlsx), and no file given is one"),
        options("options: --direction without a direction", "inspect", ["--direction", "g"], "The value 'g' is invalid for '--direction <direction>'"),
        options("options: --direction up", "inspect", ["--direction", "g=up"], "The value 'g=up' is invalid for '--direction <direction>'"),
        options("options: --direction for an unknown indicator", "trend", ["--direction", "zz=higher"], status: 1, "no indicator 'zz'",
                output: "out.csv"),
        options("options: --indicator unknown", "trend", ["--indicator", "zz"], status: 1, "no indicator 'zz'; the data has g"),
        options("options: --period not a year", "benchmark", ["--period", "abc"], "--period takes a year or latest, got 'abc'"),
        options("options: --regress unknown column", "regress", ["--y", "value", "--x", "nosuch"], status: 1, "no column 'nosuch'",
                location: "{d}/data.csv:1"),
        options("options: --output equal to the input", "trend", ["--output", "{d}/data.csv"], status: 1,
                "--output {d}/data.csv is an input of this command ({d}/data.csv); choose another path"),
        options("options: --output the input by another path", "trend", ["--output", "{d}/./data.csv"], status: 1,
                "--output {d}/./data.csv is an input of this command"),
        options("options: --output a metadata input", "trend", ["--metadata", "{d}/meta.csv", "--output", "{d}/meta.csv"], status: 1,
                "--output {d}/meta.csv is an input of this command", extraFiles: ["meta.csv": .text("id,unit\ng,%\n")]),
        options("options: --output into a missing folder", "trend", ["--output", "{d}/missing/out.csv"], status: 1,
                "cannot write {d}/missing/out.csv: the folder"),
        options("options: --output a folder", "trend", ["--format", "csv", "--output", "{d}/sub"], status: 1, "cannot write {d}/sub: Is a directory",
                extraFiles: ["sub": .directory]),
        Case(name: "options: unknown command", files: [:], args: ["nosuch", "{d}/data.csv"], status: 64, location: nil,
             phrase: "unknown command 'nosuch'"),
    ]
}
