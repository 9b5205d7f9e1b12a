"""Timing and memory for the peers: the median wall-clock time of repeated runs, and the peak resident memory of
the process while they ran (VmHWM, reset before the runs through /proc/self/clear_refs), in the units compare.py
prints."""
import time
import numpy as np


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def median_ms(f, *args, repeats=10):
    """One warm-up run, then `repeats` timed runs; (median ms, peak MB)."""
    reset_peak()
    f(*args)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f(*args)
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times)), peak_mb()
