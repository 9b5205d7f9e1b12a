#!/bin/sh
# Writes the LibreOffice workbooks of the XLSX reader's tests (run once; the workbooks are committed).
# LibreOffice 7.4 (Debian's libreoffice-calc-nogui), CSV import as UTF-8 with formulas evaluated.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
convert() { soffice --headless --infilter="CSV:44,34,76,1,,,,,,,,true" --convert-to xlsx --outdir "$work" "$1" >/dev/null; }
cp "$root/Data/zhuzhou/history.csv" "$work/zhuzhou_history_libreoffice.csv"
convert "$work/zhuzhou_history_libreoffice.csv"
# Formulas: a value computed by a formula (cached 7), and one whose formula divides by zero (#DIV/0!).
printf 'region,indicator,year,value\nA,g,2020,=2*3.5\nA,g,2021,8\n' > "$work/formulas_libreoffice.csv"
printf 'region,indicator,year,value\nA,g,2020,7\nA,g,2021,8\nA,g,2022,=1/0\n' > "$work/formula_error_libreoffice.csv"
convert "$work/formulas_libreoffice.csv"
convert "$work/formula_error_libreoffice.csv"
cp "$work"/*.xlsx "$here/"
rm -rf "$work"
echo written
