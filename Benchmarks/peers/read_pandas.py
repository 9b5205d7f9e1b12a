#!/usr/bin/env python3
"""The pandas peer of the reading benchmarks: pandas.read_csv on the same files the Swift suite reads (written by
make_inputs.py under the system temporary folder), alone and with what Yardstick also does (the duplicate check
and the missing-value count for the long file; for the World Bank file, melting to one row per observation).

Usage: read_pandas.py CASE (prints {"case", "ms", "peak_mb"} as JSON), or --list."""
import json, sys, tempfile
from pathlib import Path
import pandas as pd
from measure import median_ms

folder = Path(tempfile.gettempdir()) / "yardstick-bench"


def long_with_checks():
    d = pd.read_csv(folder / "long_1m.csv")
    assert not d.duplicated(["region", "indicator", "year"]).any()
    return d.dropna(subset=["value"])


def wdi_to_long():
    d = pd.read_csv(folder / "wdi_100k.csv")
    years = [c for c in d.columns if c.isdigit()]
    m = d.melt(id_vars=["Country Code", "Indicator Code"], value_vars=years, var_name="year").dropna(subset=["value"])
    assert not m.duplicated(["Country Code", "Indicator Code", "year"]).any()
    return m


def eurostat_to_long():
    """Eurostat's TSV as pandas users read it: split the dimension column, strip the flags, melt."""
    d = pd.read_csv(folder / "eurostat_1m.tsv", sep="\t", dtype=str)
    first = d.columns[0]
    dims = d[first].str.split(",", expand=True)
    dims.columns = first.split("\\")[0].split(",")
    m = pd.concat([dims, d.drop(columns=first)], axis=1).melt(id_vars=list(dims.columns), var_name="year")
    m["value"] = pd.to_numeric(m["value"].str.replace(r"\s*[a-z]+$", "", regex=True).str.strip().replace(":", None))
    return m.dropna(subset=["value"])


def wide_to_long():
    d = pd.read_csv(folder / "wide_1m.csv")
    m = d.melt(id_vars=["region", "year"], var_name="indicator").dropna(subset=["value"])
    assert not m.duplicated(["region", "indicator", "year"]).any()
    return m


CASES = {
    "ReadSDMX1mValues": lambda: pd.read_csv(folder / "sdmx_1m.csv"),
    "ReadEurostat1mValues": lambda: pd.read_csv(folder / "eurostat_1m.tsv", sep="\t"),
    "ReadEurostat1mValues (pandas + flags + melt)": eurostat_to_long,
    "ReadWide1mValues": lambda: pd.read_csv(folder / "wide_1m.csv"),
    "ReadWide1mValues (pandas + melt)": wide_to_long,
    "ReadLongCSV1mRows": lambda: pd.read_csv(folder / "long_1m.csv"),
    "ReadLongCSV1mRows (pandas + checks)": long_with_checks,
    "ReadWDIWide100kRows": lambda: pd.read_csv(folder / "wdi_100k.csv"),
    "ReadWDIWide100kRows (pandas + melt)": wdi_to_long,
}

if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        print(json.dumps(list(CASES)))
        sys.exit()
    name = sys.argv[1]
    ms, peak = median_ms(CASES[name], repeats=5)
    print(json.dumps({"case": name, "ms": ms, "peak_mb": peak, "pandas": pd.__version__}))
