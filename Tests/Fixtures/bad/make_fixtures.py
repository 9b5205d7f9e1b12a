#!/usr/bin/env python3
"""Writes the workbooks of BadInputCatalogueTests (run once; the workbooks are committed).

Standard library only: each workbook is the few parts an .xlsx needs, cells as inline strings or numbers,
so that one cell can be made wrong on purpose.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2024, 1, 1, 0, 0, 0)  # fixed, so that the files are the same on every run

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""


def column(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def cell(ref, value):
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = value.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet(rows):
    xml = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell(f"{column(c)}{r}", v) for c, v in enumerate(row) if v is not None)
        xml.append(f'<row r="{r}">{cells}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(xml) + "</sheetData></worksheet>")


def write(name, sheet_name, sheet_xml):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK.format(name=sheet_name)),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/worksheets/sheet1.xml", sheet_xml)]:
            z.writestr(zipfile.ZipInfo(part, STAMP), text)


header = ["region", "indicator", "year", "value"]
good = [["A", "g", 2018 + i, 3 + i] for i in range(5)]

# A year that is not one, in C7 of sheet Data (rows 2-6 are fine).
write("bad_year_cell.xlsx", "Data", sheet([header] + good + [["A", "g", "20x1", 9]]))
# A value that is not a number, in D4.
write("bad_value_cell.xlsx", "Data", sheet([header] + good[:2] + [["A", "g", 2020, "three"]]))
# The same observation on rows 2 and 3.
write("duplicate_row.xlsx", "Data", sheet([header, ["A", "g", 2020, 1], ["A", "g", 2020, 2]]))
# A long sheet without its value column.
write("no_value_column.xlsx", "Data", sheet([header[:3], ["A", "g", 2020]]))
# A sheet whose XML stops in the middle of a row.
write("broken_sheet_xml.xlsx", "Data", sheet([header] + good)[:-40])
# A ZIP archive holding no workbook.
with zipfile.ZipFile(os.path.join(HERE, "zip_without_workbook.xlsx"), "w") as z:
    z.writestr(zipfile.ZipInfo("readme.txt", STAMP), "not a workbook\n")
# A workbook cut short: the first 300 bytes of one.
with open(os.path.join(HERE, "bad_year_cell.xlsx"), "rb") as f:
    head = f.read(300)
with open(os.path.join(HERE, "truncated.xlsx"), "wb") as f:
    f.write(head)
print("written")
