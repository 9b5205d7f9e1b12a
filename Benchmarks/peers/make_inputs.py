#!/usr/bin/env python3
"""Writes the input files of `make bench` once, with fixed seeds, under the system temporary folder
(yardstick-bench/): the Swift suite and the peers read the same files. Files already written by this version are
kept (the marker file names the version)."""
import sys, tempfile
from pathlib import Path
import numpy as np

VERSION = "2"
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


FILES = {"long_1m.csv": long_1m, "wdi_100k.csv": wdi_100k, "targets_100k.csv": targets_100k}

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
