#!/usr/bin/env python3
"""The pandas peer of the reading benchmarks: pandas.read_csv on the same files the Swift suite writes
(ReadingBenchmarks.swift, under the system temporary folder). Prints median wall-clock milliseconds as JSON."""
import json, sys, tempfile, time
from pathlib import Path
import numpy as np
import pandas as pd

folder = Path(tempfile.gettempdir()) / "yardstick-bench"

def median_ms(f, repeats=10):
    f()
    times = []
    for _ in range(repeats):
        start = time.perf_counter(); f(); times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))

def long_with_checks():
    """read_csv plus what Yardstick also does: reject duplicate observations, drop and count missing values."""
    d = pd.read_csv(folder / "long_1m.csv")
    assert not d.duplicated(["region", "indicator", "year"]).any()
    return d.dropna(subset=["value"])

def wdi_to_long():
    """read_csv plus the reshaping Yardstick does: one observation per country, indicator and year."""
    d = pd.read_csv(folder / "wdi_20k.csv")
    years = [c for c in d.columns if c.isdigit()]
    m = d.melt(id_vars=["Country Code", "Indicator Code"], value_vars=years, var_name="year").dropna(subset=["value"])
    assert not m.duplicated(["Country Code", "Indicator Code", "year"]).any()
    return m

out = {"pandas": pd.__version__,
       "ReadLongCSV1mRows (pandas + checks)": median_ms(long_with_checks),
       "ReadWDIWide20kRows (pandas + melt)": median_ms(wdi_to_long),
       "ReadLongCSV1mRows": median_ms(lambda: pd.read_csv(folder / "long_1m.csv")),
       "ReadWDIWide20kRows": median_ms(lambda: pd.read_csv(folder / "wdi_20k.csv"))}
json.dump(out, sys.stdout, indent=1); print()
