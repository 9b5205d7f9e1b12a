#!/usr/bin/env python3
"""Runs the Swift benchmark suite and the numpy peer in the same run and prints their ratio (numpy time divided
by Yardstick time: above 1 means Yardstick is faster). Usage: python3 Benchmarks/compare.py (from the repo root),
or `make bench`."""
import json, subprocess, sys, tempfile
from pathlib import Path

here = Path(__file__).resolve().parent
out = Path(tempfile.mkdtemp(prefix="yardstick-bench-"))
subprocess.run(["swift", "package", "--allow-writing-to-package-directory", "benchmark", "--target", "NumericBenchmarks",
                "--format", "jmh", "--path", str(out)], cwd=here, check=True, stdout=subprocess.DEVNULL)
swift = {}
for b in json.loads((out / "Current_run.jmh.json").read_text()):
    name = b["benchmark"].rsplit(".", 1)[-1]
    for key, metric in b.get("secondaryMetrics", {}).items():
        if "wall" in key:
            scale = {"ns": 1e-6, "μs": 1e-3, "ms": 1.0, "s": 1e3}[metric["scoreUnit"]]
            swift[name] = metric["score"] * scale
peer = json.loads(subprocess.run([sys.executable, str(here / "peers" / "trends_numpy.py")], check=True,
                                 capture_output=True, text=True).stdout)
print(f"{'benchmark':36s} {'Yardstick ms':>12s} {'numpy ms':>10s} {'numpy/Yardstick':>16s}")
for name, ms in sorted(swift.items()):
    p = peer.get(name) or peer.get(name.replace("Extended", "").replace("Double", ""))
    if p is None:
        print(f"{name:36s} {ms:12.3f}")
    else:
        print(f"{name:36s} {ms:12.3f} {p:10.3f} {p / ms:16.2f}")
print(f"(numpy {peer['numpy']}; wall-clock medians; 2 cores)")
