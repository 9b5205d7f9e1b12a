# F quantiles at p = 1e-10 to 50 digits (mpmath), where R 4.2.2's qf loses digits. Used by RDistributionValues.swift.
import mpmath as mp
mp.mp.dps = 50
def qf(p, d1, d2):
    x = mp.findroot(lambda x: mp.betainc(d1 / 2, d2 / 2, 0, x, regularized=True) - p,
                    (mp.mpf("1e-30"), mp.mpf("0.5")), solver="anderson")
    return d2 * x / (d1 * (1 - x))
for d in [(1, 1), (2, 5), (3, 1000)]:
    print(d, mp.nstr(qf(mp.mpf(1e-10), *d), 20))
