#!/usr/bin/env python3
"""Checks Data/china/national_record.csv against its sources.

For every row whose source is a https://github.com/lawtext/gov/blob/<commit>/<path> URL, reads that file at that
commit from a local git mirror of lawtext/gov and checks that the `note` occurs in it verbatim and that the note
states the row's value (and value_high): as written, in Arabic or Chinese numerals (百分之十三点四), full-width
digits allowed; a fall (下降) for a negative value; 持平 for 0; grain in 万吨, 亿公斤 (x10), 亿吨 (x10000) or
万亿斤 (x50000: 1 斤 = 0.5 kg, so 1万亿斤 = 5亿吨 = 50000万吨). For targets it also checks the qualifier against the note's words.

It then runs sanity checks: at most one row per region, indicator, year and kind; known kinds, qualifiers and units;
value_high only with `range`; values inside plausible bounds.

Usage: python3 Data/china/check_record.py [record.csv] [--mirror GIT_DIR]
The mirror defaults to $LAWTEXT_GOV_GIT or /work/.mirror/lawtext+gov/repo. Read-only: it only runs `git show`.
Exit status 0 when every row passes, 1 otherwise.
"""
import csv
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from decimal import Decimal
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
PREFIX = "https://github.com/lawtext/gov/blob/"

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?")


def chinese_to_arabic(run):
    """四千二百五十 -> 4250, 十三点四 -> 13.4, 十 -> 10."""
    whole, _, frac = run.partition("点")
    total, digit = 0, None
    for ch in whole:
        if ch in DIGITS:
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
    if digit is not None:
        total += digit
    return str(total) + ("." + "".join(str(DIGITS[c]) for c in frac) if frac else "")


def normalise(note):
    """Full-width to ASCII, Chinese numerals to Arabic (only runs that read as numbers)."""
    text = unicodedata.normalize("NFKC", note)

    def repl(m):
        run = m.group(0)
        # a lone 一 or 十 inside words (一年, 第一) is not read as a number unless 百分之 or 至 is next to it
        before, after = text[max(0, m.start() - 3):m.start()], text[m.end():m.end() + 1]
        if len(run) == 1 and not (before.endswith("百分之") or before.endswith("至") or after == "至"):
            return run
        return chinese_to_arabic(run)

    return CN_NUMBER.sub(repl, text)


NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿斤|亿公斤|亿吨|万吨)?")
GRAIN_FACTORS = {"万吨": Decimal(1), "亿公斤": Decimal(10), "亿吨": Decimal(10000), "万亿斤": Decimal(50000)}


def states(note, value, indicator):
    """Whether the note states `value` (a Decimal)."""
    text = normalise(note)
    if value == 0 and "持平" in text:
        return True
    if value < 0 and "下降" not in text:
        return False
    for m in NUMBER.finditer(text):
        n = Decimal(m.group(1))
        if indicator == "grain_output":
            if m.group(2) and n * GRAIN_FACTORS[m.group(2)] == value:
                return True
        elif n == abs(value):
            return True
    return False


def expected_qualifier(note):
    text = normalise(note)
    if re.search(r"\d\s*%?\s*(—|-|–|至)\s*\d", text):
        return "range"
    if "左右" in text:
        return "~"
    if "以上" in text or "不低于" in text:
        return ">="
    if "突破" in text or "超过" in text:
        return ">"
    if "以内" in text or "以下" in text or "不超过" in text:
        return "<="
    if "低于" in text:
        return "<"
    if "控制在" in text:
        return "<="  # 控制在4.6%: a ceiling
    return "="


PLAUSIBLE = {
    "gdp_growth": (Decimal("2.2"), Decimal("14.2")),
    "cpi_growth": (Decimal("-2.5"), Decimal("25")),
    "urban_registered_unemployment_rate": (Decimal("2"), Decimal("6")),
    "urban_unemployment_rate": (Decimal("3.5"), Decimal("7")),
    "urban_new_jobs": (Decimal("600"), Decimal("1500")),
    "grain_output": (Decimal("40000"), Decimal("75000")),
}
UNIT = {"gdp_growth": "%", "cpi_growth": "%", "urban_registered_unemployment_rate": "%",
        "urban_unemployment_rate": "%", "urban_new_jobs": "万人", "grain_output": "万吨"}


def main(argv):
    path, mirror = os.path.join(HERE, "national_record.csv"), os.environ.get("LAWTEXT_GOV_GIT", "/work/.mirror/lawtext+gov/repo")
    args = list(argv)
    if "--mirror" in args:
        i = args.index("--mirror")
        mirror = args[i + 1]
        del args[i:i + 2]
    if args:
        path = args[0]
    cache, failures, checked = {}, [], 0
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    def fail(line, row, why):
        failures.append(f"line {line}: {row['indicator']} {row['year']} {row['kind']}: {why}")

    for line, row in enumerate(rows, start=2):
        src = row["source"]
        if not src.startswith(PREFIX):
            print(f"line {line}: not a lawtext/gov source, not checked against a file: {src}")
            continue
        commit, _, file_path = src[len(PREFIX):].partition("/")
        key = (commit, unquote(file_path))
        if key not in cache:
            r = subprocess.run(["git", "-C", mirror, "show", f"{key[0]}:{key[1]}"], capture_output=True)
            cache[key] = r.stdout.decode("utf-8") if r.returncode == 0 else None
        text = cache[key]
        checked += 1
        if text is None:
            fail(line, row, f"cannot read {key[1]} at {key[0]} from {mirror}")
            continue
        note = row["note"]
        if not note or note not in text:
            fail(line, row, f"note not found verbatim in {key[1]}: {note!r}")
            continue
        value = Decimal(row["value"])
        if not states(note, value, row["indicator"]):
            fail(line, row, f"note does not state the value {row['value']}: {note!r}")
        if row["value_high"] and not states(note, Decimal(row["value_high"]), row["indicator"]):
            fail(line, row, f"note does not state value_high {row['value_high']}: {note!r}")
        if row["kind"] == "target" and expected_qualifier(note) != row["qualifier"]:
            fail(line, row, f"qualifier {row['qualifier']!r} but the note reads as {expected_qualifier(note)!r}: {note!r}")

    # sanity
    counts = Counter((r["region"], r["indicator"], r["year"], r["kind"]) for r in rows)
    for k, n in counts.items():
        if n > 1:
            failures.append(f"{n} rows for {k}")
    for line, row in enumerate(rows, start=2):
        ind, v = row["indicator"], Decimal(row["value"])
        if row["region"] != "China":
            fail(line, row, "region is not China")
        if ind not in PLAUSIBLE:
            fail(line, row, "unknown indicator")
            continue
        lo, hi = PLAUSIBLE[ind]
        if not lo <= v <= hi:
            fail(line, row, f"value {v} outside plausible bounds {lo}..{hi}")
        if row["unit"] != UNIT[ind]:
            fail(line, row, f"unit {row['unit']!r}, expected {UNIT[ind]!r}")
        if row["kind"] not in ("target", "actual", "preliminary"):
            fail(line, row, f"unknown kind {row['kind']!r}")
        if row["qualifier"] not in ("=", "~", ">=", ">", "<=", "<", "range"):
            fail(line, row, f"unknown qualifier {row['qualifier']!r}")
        if (row["qualifier"] == "range") != bool(row["value_high"]):
            fail(line, row, "value_high must be given exactly when the qualifier is range")
        if row["value_high"] and Decimal(row["value_high"]) < v:
            fail(line, row, "value_high below value")
        if row["kind"] != "target" and row["stretch"]:
            fail(line, row, "stretch on a non-target row")
        if not 1978 <= int(row["year"]) <= 2026:
            fail(line, row, "year out of range")

    for msg in failures:
        print("FAIL", msg)
    kinds = Counter((r["indicator"], r["kind"]) for r in rows)
    print(f"{len(rows)} rows, {checked} checked against lawtext/gov files, {len(failures)} failures")
    for (ind, kind), n in sorted(kinds.items()):
        years = sorted(int(r["year"]) for r in rows if r["indicator"] == ind and r["kind"] == kind)
        print(f"  {ind:36} {kind:12} {n:3}  {years[0]}-{years[-1]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
