"""Reference values for Yardstick's censored (Tobit) trend, computed independently with SciPy.

Maximises the Tobit log-likelihood of a straight line in calendar years (y = a + b*(year - 2000), on ln y for the
log-linear case) with scipy.optimize.minimize (Nelder-Mead, then BFGS polish), and the covariance of (a, b) from a
central-difference Hessian of -loglik in (a, b, ln sigma). Writes reference.json. Run: python3 make_reference.py
"""
import json, math
import numpy as np
from scipy.optimize import minimize
from scipy.stats import norm

CASES = {
    # name: (log scale?, [(year, value, censoring)]) with censoring "=", ">" (lower bound) or "<" (upper bound)
    "linear_mixed": (False, [(2015, 10.0, "="), (2016, 11.2, "="), (2017, 12.5, ">"), (2018, 13.1, "="),
                             (2019, 15.0, ">"), (2020, 14.2, "="), (2021, 14.0, "<"), (2022, 16.9, "="), (2023, 17.0, "=")]),
    "loglinear_counts": (True, [(2016, 300, "="), (2017, 380, "="), (2018, 430, ">"), (2019, 550, "="),
                                (2020, 640, ">"), (2021, 900, ">"), (2022, 1050, "=")]),
}

def negloglik(p, years, y, cens):
    a, b, eta = p
    s = math.exp(eta)
    l = 0.0
    for t, v, c in zip(years, y, cens):
        mu = a + b * (t - 2000)
        if c == "=":
            l += norm.logpdf(v, mu, s)
        elif c == ">":
            l += norm.logsf(v, mu, s)
        else:
            l += norm.logcdf(v, mu, s)
    return -l

out = {}
for name, (logscale, rows) in CASES.items():
    years = [r[0] for r in rows]
    y = [math.log(r[1]) if logscale else r[1] for r in rows]
    cens = [r[2] for r in rows]
    ex = [i for i, c in enumerate(cens) if c == "="]
    b, a = np.polyfit([years[i] - 2000 for i in ex], [y[i] for i in ex], 1)
    start = [a, b, math.log(np.std([y[i] for i in ex]) + 0.1)]
    f = lambda p: negloglik(p, years, y, cens)
    r = minimize(f, start, method="Nelder-Mead", options={"xatol": 1e-12, "fatol": 1e-14, "maxiter": 200000, "maxfev": 200000})
    r = minimize(f, r.x, method="BFGS", options={"gtol": 1e-12})
    p = r.x
    h = 1e-4
    H = np.zeros((3, 3))
    for i in range(3):
        for j in range(3):
            e_i = np.eye(3)[i] * h; e_j = np.eye(3)[j] * h
            H[i, j] = (f(p + e_i + e_j) - f(p + e_i - e_j) - f(p - e_i + e_j) + f(p - e_i - e_j)) / (4 * h * h)
    V = np.linalg.inv(H)
    x = np.array([1.0, 2024 - 2000])
    mean = float(p[0] + p[1] * 24)
    var_mean = float(x @ V[:2, :2] @ x)
    sigma = math.exp(p[2])
    loglik = -float(r.fun) - (sum(y[i] for i in ex) if logscale else 0.0)
    out[name] = {"rows": [{"year": t, "value": v, "censoring": c} for t, v, c in rows], "log_scale": logscale,
                 "slope": float(p[1]), "mean_2024": mean, "sigma": sigma, "se_mean_2024": math.sqrt(var_mean),
                 "predictive_sd_2024": math.sqrt(sigma * sigma + var_mean), "loglik": loglik}
json.dump(out, open("reference.json", "w"), indent=1)
print(json.dumps(out, indent=1))
