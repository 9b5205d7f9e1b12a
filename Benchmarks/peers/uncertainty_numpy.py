#!/usr/bin/env python3
"""The numpy peer of the uncertainty benchmark (Benchmarks/NumericBenchmarks/UncertaintyBenchmarks.swift): a
composite of 40 indicators over 300 regions (min-max 0-100), 100 000 Monte Carlo draws, each multiplying the equal
weights by U(0.5, 1.5) and choosing the arithmetic or the geometric mean; every draw's scores by GEMM (blocks of
4096 draws), every region's rank in every draw (ties sharing the best rank), and each region's 5th, 50th and 95th
percentile rank from the rank counts: the same work as Yardstick's UncertaintyAnalysis, written with numpy's
vectorised tools (one sort of each block for the ranks, bincount for the counts). Prints the median wall-clock
time in milliseconds as JSON, for Benchmarks/compare.py."""
import json, sys, time
import numpy as np
from measure import median_ms

R, K, D, BLOCK = 300, 40, 100_000, 4096

def data(seed=3):
    rng = np.random.default_rng(seed)
    x = rng.lognormal(mean=3.0, sigma=0.8, size=(R, K))
    return 100 * (x - x.min(0)) / (x.max(0) - x.min(0))          # min-max 0-100, higher is better

def ranks_of(s):
    """Ranks (1 the best, ties share the best) of every column of s (R x B), by one sort of the whole block."""
    r, b = s.shape
    keys = -s + np.arange(b)[None, :] * 1e6                       # scores lie in 0-100: columns do not overlap
    flat = np.sort(keys, axis=None)
    return np.searchsorted(flat, keys, side="left") - np.arange(b)[None, :] * r + 1

def run(z, seed=1):
    rng = np.random.default_rng(seed)
    logz = np.log(np.where(z > 0, z, 1.0)); zero = (z == 0).astype(float)
    counts = np.zeros(R * (R + 1), dtype=np.int64)
    rows = np.arange(R)[:, None] * (R + 1)
    for start in range(0, D, BLOCK):
        b = min(BLOCK, D - start)
        w = rng.uniform(0.5, 1.5, size=(K, b))
        w /= w.sum(axis=0)
        geometric = rng.integers(0, 2, size=b).astype(bool)
        s = np.empty((R, b))
        s[:, ~geometric] = z @ w[:, ~geometric]
        wg = w[:, geometric]
        s[:, geometric] = np.where(zero @ wg > 0, 0.0, np.exp(logz @ wg))
        counts += np.bincount((rows + ranks_of(s)).ravel(), minlength=R * (R + 1))
    c = counts.reshape(R, R + 1)[:, 1:].cumsum(axis=1)
    return [1 + (c >= q * D - 1e-9).argmax(axis=1) for q in (0.05, 0.5, 0.95)]

if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        print(json.dumps(["UncertaintyRanks300x40x100k"]))
        sys.exit()
    ms, peak = median_ms(run, data(), repeats=3)
    print(json.dumps({"case": sys.argv[1], "ms": ms, "peak_mb": peak, "numpy": np.__version__}))
