#!/usr/bin/env python3
"""The numpy peer of Benchmarks/NumericBenchmarks: 100 000 linear trends of 30 years, complete and with 10% of
values missing, and NIST Filip (degree 10, numpy lstsq on the Vandermonde matrix: fast, and wrong in
every digit), fitted with numpy's best vectorised tools (one lstsq call for the complete panel; masked,
centred moments with einsum for the gappy one, the same algorithm Yardstick uses). Prints median wall-clock
times in milliseconds as JSON, for Benchmarks/compare.py."""
import json, sys, time
from pathlib import Path
import numpy as np

def panel(series, missing, seed=7):
    rng = np.random.default_rng(seed)
    level = rng.uniform(50, 5000, series); slope = rng.uniform(-20, 20, series)
    t = np.arange(30.0)[:, None]
    y = level + slope * t + rng.uniform(-10, 10, (30, series))
    y[rng.uniform(0, 1, (30, series)) < missing] = np.nan
    return y

def fit_complete(years, y):
    t = (years - years.mean()) / ((years[-1] - years[0]) / 2)
    X = np.column_stack([np.ones_like(t), t])
    coef, rss, rank, sv = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ coef
    sigma = np.sqrt((resid ** 2).sum(axis=0) / (len(t) - 2))
    cov = np.linalg.inv(X.T @ X)
    return coef, sigma, cov

def fit_missing(years, y):
    t = (years - years.mean()) / ((years[-1] - years[0]) / 2)
    m = ~np.isnan(y)
    mean = np.nanmean(y, axis=0)
    yc = np.where(m, y - mean, 0.0)
    mf = m.astype(float)
    s0 = mf.sum(axis=0); s1 = t @ mf; s2 = (t ** 2) @ mf
    c0 = yc.sum(axis=0); c1 = t @ yc
    det = s0 * s2 - s1 * s1
    b1 = (s0 * c1 - s1 * c0) / det
    b0 = (s2 * c0 - s1 * c1) / det + mean
    fitted = b0 + np.outer(t, b1)
    rss = np.where(m, (y - fitted) ** 2, 0.0).sum(axis=0)
    sigma = np.sqrt(rss / (s0 - 2))
    return b0, b1, sigma, det

def median_ms(f, *args, repeats=15):
    f(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter(); f(*args); times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))

def filip():
    lines = (Path(__file__).resolve().parents[2] / "Tests/Fixtures/nist-strd/Filip.dat").read_text().splitlines()[60:142]
    y, x = np.array([[float(v) for v in l.split()] for l in lines]).T
    return x, y

def fit_filip(x, y):
    X = np.vander(x, 11, increasing=True)
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    return coef

if __name__ == "__main__":
    years = np.arange(1990, 2020, dtype=float)
    complete, gappy = panel(100_000, 0.0), panel(100_000, 0.1)
    out = {"numpy": np.__version__,
           "LinearTrends100kx30Complete": median_ms(fit_complete, years, complete),
           "LinearTrends100kx30Missing10pct": median_ms(fit_missing, years, gappy),
           "RegressionFilipDegree10": median_ms(fit_filip, *filip(), repeats=200)}
    json.dump(out, sys.stdout, indent=1); print()
