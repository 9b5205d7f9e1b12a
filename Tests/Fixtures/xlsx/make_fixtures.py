#!/usr/bin/env python3
"""Writes the openpyxl workbooks of the XLSX reader's tests from the repository's CSVs (run once; the workbooks are
committed). The LibreOffice ones are made by make_fixtures.sh. Needs openpyxl (3.1.5 was used)."""
import csv
from pathlib import Path
import openpyxl
from openpyxl.utils import get_column_letter

root = Path(__file__).resolve().parents[3]
here = Path(__file__).resolve().parent


def cell(text):
    """Numbers as numbers, everything else as text (shared strings), empty as no cell."""
    if text == "":
        return None
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text


def write(rows, path, title=None, sheet="Sheet1", before=None):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if before:                                  # another sheet first, so that --sheet matters
        other = book.create_sheet(before, 0)
        other["A1"] = "notes"
    offset = 0
    if title:                                   # a title row above the header, merged across it
        ws.cell(row=1, column=1, value=title)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        offset = 1
    for r, row in enumerate(rows, start=1 + offset):
        for c, text in enumerate(row, start=1):
            v = cell(text) if r > 1 + offset else text
            if v is not None:
                ws.cell(row=r, column=c, value=v)
    book.save(path)


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


write(rows_of(root / "Data/zhuzhou/report_2024.csv"), here / "zhuzhou_report_openpyxl.xlsx",
      title="株洲市2024年政府工作报告 目标与2023年成绩", sheet="report", before="说明")
write(rows_of(root / "Data/wdi/wdi_fertility_wide.csv"), here / "wdi_fertility_openpyxl.xlsx")
print("written")
