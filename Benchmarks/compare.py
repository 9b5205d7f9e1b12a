#!/usr/bin/env python3
"""Runs the Swift benchmark suite and its peers (numpy, pandas) in the same run and prints their ratio (peer time
divided by Yardstick time: above 1 means Yardstick is faster). Usage: python3 Benchmarks/compare.py (from the repo root),
or `make bench`."""
import json, subprocess, sys, tempfile
from pathlib import Path

here = Path(__file__).resolve().parent
out = Path(tempfile.mkdtemp(prefix="yardstick-bench-"))
subprocess.run(["swift", "package", "--allow-writing-to-package-directory", "benchmark",
                "--format", "jmh", "--path", str(out)], cwd=here, check=True, stdout=subprocess.DEVNULL)
swift = {}
for b in json.loads((out / "Current_run.jmh.json").read_text()):
    name = b["benchmark"].rsplit(".", 1)[-1]
    for key, metric in b.get("secondaryMetrics", {}).items():
        if "wall" in key:
            scale = {"ns": 1e-6, "μs": 1e-3, "ms": 1.0, "s": 1e3}[metric["scoreUnit"]]
            # The median (the JMH "score" is the mean, which one slow iteration can move): the peers report medians.
            swift[name] = metric["scorePercentiles"]["50.0"] * scale
peer = {}
for script in ["trends_numpy.py", "read_pandas.py", "uncertainty_numpy.py"]:
    peer.update(json.loads(subprocess.run([sys.executable, str(here / "peers" / script)], check=True,
                                          capture_output=True, text=True).stdout))
print(f"{'benchmark':52s} {'Yardstick ms':>12s} {'peer ms':>10s} {'peer/Yardstick':>16s}")
for name, ms in sorted(swift.items()):
    keys = [k for k in peer if k == name or k.startswith(name + " ")] or \
           [k for k in peer if k == name.replace("Extended", "").replace("Double", "")]
    if not keys:
        print(f"{name:52s} {ms:12.3f}")
    for k in keys:
        label = name + k[len(name):] if k.startswith(name) else name
        print(f"{label:52s} {ms:12.3f} {peer[k]:10.3f} {peer[k] / ms:16.2f}")
print(f"(peers: numpy {peer['numpy']} for trends and Filip, pandas {peer['pandas']} read_csv for reading; wall-clock medians)")
