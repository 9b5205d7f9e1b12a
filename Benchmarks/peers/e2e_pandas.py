#!/usr/bin/env python3
"""The pandas + numpy peer of the end-to-end command `yardstick trend FILE --model linear --summary --format csv
--output OUT` on a World Bank file: read the file, fit every row's linear trend (centred, scaled time; masked
moments), and write one row per series with what Yardstick writes: n, first and last year, sigma, R², AICc, the
growth at the last year with its 95% interval, the projection five years after the last year with its 80% and 95%
prediction intervals, intercept and slope with their standard errors. Student t quantiles from scipy.

Usage: e2e_pandas.py IN.csv OUT.csv"""
import sys
import numpy as np
import pandas as pd
from scipy import stats

source, target = sys.argv[1], sys.argv[2]
d = pd.read_csv(source)
years = [c for c in d.columns if c.strip().isdigit()]
yr = np.array([int(c) for c in years], dtype=float)
Y = d[years].to_numpy(dtype=float).T                       # years x series
m = ~np.isnan(Y)
mf = m.astype(float)
n = mf.sum(axis=0)
keep = n >= 3                                               # a line with an interval needs three points
Y, m, mf, n = Y[:, keep], m[:, keep], mf[:, keep], n[keep]
first = np.argmax(m, axis=0); last = len(yr) - 1 - np.argmax(m[::-1], axis=0)
fy, ly = yr[first], yr[last]
# Each series in its own centred, scaled time, as Yardstick does: c = mean observed year, s = half the span.
sy = (yr[:, None] * mf).sum(axis=0)
c = sy / n
s = np.maximum(1, (ly - fy) / 2)
T = np.where(m, (yr[:, None] - c) / s, 0.0)
ym = np.where(m, Y, 0.0).sum(axis=0) / n
D = np.where(m, Y - ym, 0.0)
stt = (T * T).sum(axis=0); sty = (T * D).sum(axis=0); syy = (D * D).sum(axis=0)
b = sty / stt; a = ym                                        # t is centred: the level at the mean year is the mean
resid = np.where(m, Y - (a + b * T), 0.0)
rss = (resid * resid).sum(axis=0)
df = n - 2
sigma = np.sqrt(rss / df)
r2 = 1 - rss / syy
loglik = -0.5 * n * (np.log(2 * np.pi * rss / n) + 1)
k = 3
aicc = -2 * loglik + 2 * k + 2 * k * (k + 1) / (n - k - 1)
var_b = sigma ** 2 / stt; var_a = sigma ** 2 / n
slope = b / s; slope_se = np.sqrt(var_b) / s
intercept = a - slope * c
intercept_se = np.sqrt(var_a + (c / s) ** 2 * var_b)
q975 = stats.t.ppf(0.975, df); q90 = stats.t.ppf(0.9, df)
tl = (ly - c) / s
level = a + b * tl
growth = slope / level
g1 = (slope - q975 * slope_se) / level; g2 = (slope + q975 * slope_se) / level
hy = ly + 5
th = (hy - c) / s
mean = a + b * th
se = np.sqrt(sigma ** 2 + var_a + th ** 2 * var_b)
out = pd.DataFrame({
    "region": d["Country Code"][keep].to_numpy(), "indicator": d["Indicator Code"][keep].to_numpy(), "model": "linear",
    "n": n.astype(int), "first_year": fy.astype(int), "last_year": ly.astype(int), "sigma": sigma, "r_squared": r2,
    "aicc": aicc, "growth": growth, "growth_lower_95": np.minimum(g1, g2), "growth_upper_95": np.maximum(g1, g2),
    "year": hy.astype(int), "projection": mean, "lower_80": mean - q90 * se, "upper_80": mean + q90 * se,
    "lower_95": mean - q975 * se, "upper_95": mean + q975 * se, "intercept": intercept, "intercept_se": intercept_se,
    "slope": slope, "slope_se": slope_se})
out.to_csv(target, index=False)
