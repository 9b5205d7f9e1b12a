#!/usr/bin/env python3
"""The numpy peer of Benchmarks/NumericBenchmarks/TrendBenchmarks.swift: batched linear and log-linear trends of
10 000, 100 000 and 1 000 000 series x 30 years, complete and with 10% of values missing, written the fastest way
numpy allows: for a complete panel one QR of the 30 x 2 design and one GEMM for all coefficients (and one for the
fitted values); for missing years masked, centred moments (the same algorithm Yardstick uses) with whole-array
operations. Both give each series' coefficients, sigma and the coefficients' covariance. Also NIST Filip (numpy
lstsq on the Vandermonde matrix: fast, and wrong in every digit) and the memory floor (numpy's sum of the matrix).

Usage: trends_numpy.py CASE (prints {"case", "ms", "peak_mb"} as JSON), or --list."""
import json, sys
from pathlib import Path
import numpy as np
from measure import median_ms

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def panel(series, missing, positive, seed=7):
    rng = np.random.default_rng(seed)
    level = rng.uniform(50, 5000, series)
    t = np.arange(30.0)[:, None]
    if positive:
        growth = rng.uniform(-0.05, 0.08, series)
        y = level * np.exp(growth * t) * (1 + rng.uniform(-0.03, 0.03, (30, series)))
    else:
        slope = rng.uniform(-20, 20, series)
        y = level + slope * t + rng.uniform(-10, 10, (30, series))
    if missing:
        y[rng.uniform(0, 1, (30, series)) < missing] = np.nan
    return y


def scaled_time(years):
    return (years - years.mean()) / ((years[-1] - years[0]) / 2)


def fit_complete(years, y, log):
    if log:
        y = np.log(y)
    t = scaled_time(years)
    X = np.column_stack([np.ones_like(t), t])
    Q, R = np.linalg.qr(X)
    coef = np.linalg.solve(R, Q.T @ y)
    resid = y - X @ coef
    sigma = np.sqrt(np.einsum("ij,ij->j", resid, resid) / (len(t) - 2))
    cov = np.linalg.inv(R.T @ R)
    return coef, sigma, cov


def fit_missing(years, y, log):
    if log:
        y = np.log(y)
    t = scaled_time(years)
    m = ~np.isnan(y)
    mf = m.astype(float)
    n = mf.sum(axis=0)
    mean = np.nansum(y, axis=0) / n
    yc = np.where(m, y - mean, 0.0)
    s1 = t @ mf; s2 = (t ** 2) @ mf
    c0 = yc.sum(axis=0); c1 = t @ yc
    det = n * s2 - s1 * s1
    b1 = (n * c1 - s1 * c0) / det
    b0 = (s2 * c0 - s1 * c1) / det + mean
    fitted = b0 + np.outer(t, b1)
    rss = np.where(m, (y - fitted) ** 2, 0.0).sum(axis=0)
    sigma = np.sqrt(rss / (n - 2))
    return b0, b1, sigma, n / det, s2 / det


def filip():
    lines = (Path(__file__).resolve().parents[2] / "Tests/Fixtures/nist-strd/Filip.dat").read_text().splitlines()[60:142]
    y, x = np.array([[float(v) for v in l.split()] for l in lines]).T
    return x, y


def fit_filip(x, y):
    coef, *_ = np.linalg.lstsq(np.vander(x, 11, increasing=True), y, rcond=None)
    return coef


def cases():
    out = {}
    years = np.arange(1990, 2020, dtype=float)
    for label, n in SIZES.items():
        for model, log in [("Linear", False), ("LogLinear", True)]:
            out[f"{model}Trends{label}x30Complete"] = lambda n=n, log=log: (fit_complete, years, panel(n, 0.0, log), log)
            out[f"{model}Trends{label}x30Missing10pct"] = lambda n=n, log=log: (fit_missing, years, panel(n, 0.1, log), log)
        out[f"MemoryFloor{label}x30"] = lambda n=n: (np.sum, panel(n, 0.0, False))
    out["RegressionFilipDegree10"] = lambda: (fit_filip, *filip())
    return out


if __name__ == "__main__":
    all_cases = cases()
    if sys.argv[1:] == ["--list"]:
        print(json.dumps(list(all_cases)))
        sys.exit()
    name = sys.argv[1]
    f, *args = all_cases[name]()
    repeats = 200 if name.startswith("Regression") else 10
    ms, peak = median_ms(f, *args, repeats=repeats)
    print(json.dumps({"case": name, "ms": ms, "peak_mb": peak, "numpy": np.__version__}))
