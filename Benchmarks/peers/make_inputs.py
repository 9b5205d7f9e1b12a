#!/usr/bin/env python3
"""Writes the input files of `make bench` once, with fixed seeds, under the system temporary folder
(yardstick-bench/): the Swift suite and the peers read the same files. Files already written by this version are
kept (the marker file names the version)."""
import sys, tempfile
from pathlib import Path
import numpy as np

VERSION = "3"
folder = Path(tempfile.gettempdir()) / "yardstick-bench"


def long_1m(path):
    """1 000 000 rows: 1000 regions x 40 indicators x 25 years, values uniform in [0, 1000), four decimals."""
    rng = np.random.default_rng(11)
    r, i, y = np.meshgrid(np.arange(1000), np.arange(40), np.arange(1990, 2015), indexing="ij")
    v = rng.uniform(0, 1000, r.size)
    with open(path, "w") as f:
        f.write("region,indicator,year,value\n")
        for a, b, c, d in zip(r.ravel(), i.ravel(), y.ravel(), v):
            f.write(f"R{a},I{b},{c},{d:.4f}\n")


def wdi_100k(path):
    """100 000 rows in the World Bank bulk layout (250 economies x 400 indicators), 64 years (1960-2023): a
    linear trend with noise, a tenth of the cells empty, six significant digits."""
    rng = np.random.default_rng(12)
    years = list(range(1960, 2024))
    with open(path, "w") as f:
        f.write("Country Name,Country Code,Indicator Name,Indicator Code," + ",".join(map(str, years)) + "\n")
        for block in range(100):
            n = 1000
            level = rng.uniform(1, 1000, n)[:, None]
            slope = rng.uniform(-5, 5, n)[:, None]
            v = level + slope * np.arange(64)[None, :] + rng.uniform(-3, 3, (n, 64))
            empty = rng.uniform(0, 1, (n, 64)) < 0.1
            for k in range(n):
                row = block * n + k
                c, i = row // 400, row % 400
                cells = ["" if empty[k, j] else f"{v[k, j]:.6g}" for j in range(64)]
                f.write(f"\"Country {c}\",C{c:03d},\"Indicator {i}\",IND.{i}," + ",".join(cells) + "\n")


def targets_100k(path):
    """One target (2026) for every series of wdi_100k."""
    rng = np.random.default_rng(13)
    v = rng.uniform(1, 1000, 100_000)
    with open(path, "w") as f:
        f.write("region,indicator,year,value,kind\n")
        for row in range(100_000):
            f.write(f"C{row // 400:03d},IND.{row % 400},2026,{v[row]:.2f},target\n")


def sdmx_1m(path):
    """The values of long_1m.csv as SDMX-CSV 1.0: a dataflow, frequency, area, indicator, period, value and
    status column; 1 000 000 rows."""
    rng = np.random.default_rng(11)
    r, i, y = np.meshgrid(np.arange(1000), np.arange(40), np.arange(1990, 2015), indexing="ij")
    v = rng.uniform(0, 1000, r.size)
    with open(path, "w") as f:
        f.write("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n")
        for a, b, c, d in zip(r.ravel(), i.ravel(), y.ravel(), v):
            f.write(f"BENCH:DF(1.0),A,R{a},I{b},{c},{d:.4f},A\n")


def eurostat_1m(path):
    """The values of long_1m.csv as Eurostat's TSV: 40 000 rows (1000 areas x 40 indicators), 25 year columns,
    a twentieth of the cells flagged (`123.4 p`), a tenth missing (`:`)."""
    rng = np.random.default_rng(11)
    v = rng.uniform(0, 1000, (40_000, 25))
    flag = np.random.default_rng(14).uniform(0, 1, (40_000, 25))
    with open(path, "w") as f:
        f.write("freq,unit,indic,geo\\TIME_PERIOD\t" + "\t".join(f"{y} " for y in range(1990, 2015)) + "\n")
        for row in range(40_000):
            a, b = row // 40, row % 40
            cells = [":" if flag[row, k] < 0.1 else f"{v[row, k]:.4f} p" if flag[row, k] > 0.95 else f"{v[row, k]:.4f}"
                     for k in range(25)]
            f.write(f"A,PC,I{b},R{a}\t" + "\t".join(cells) + "\n")


def wide_1m(path):
    """The values of long_1m.csv as a tidy wide table: 25 000 rows (1000 regions x 25 years), 40 indicator
    columns."""
    rng = np.random.default_rng(11)
    v = rng.uniform(0, 1000, (1000, 40, 25))
    with open(path, "w") as f:
        f.write("region,year," + ",".join(f"I{b}" for b in range(40)) + "\n")
        for a in range(1000):
            for k, y in enumerate(range(1990, 2015)):
                f.write(f"R{a},{y}," + ",".join(f"{x:.4f}" for x in v[a, :, k]) + "\n")


FILES = {"long_1m.csv": long_1m, "wdi_100k.csv": wdi_100k, "targets_100k.csv": targets_100k, "sdmx_1m.csv": sdmx_1m,
         "eurostat_1m.tsv": eurostat_1m, "wide_1m.csv": wide_1m}

if __name__ == "__main__":
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "VERSION"
    fresh = not marker.exists() or marker.read_text() != VERSION
    for name, make in FILES.items():
        if fresh or not (folder / name).exists():
            print(f"writing {folder / name}", file=sys.stderr)
            make(folder / name)
    marker.write_text(VERSION)
    print(folder)
