#!/usr/bin/env python3
"""`make bench`: the Swift benchmark suite (ordo-one `benchmark`, release build, each benchmark in a process of its
own) and its peers (numpy, pandas: Benchmarks/peers/) doing the same work on the same inputs in the same run, then
the end-to-end commands against their peers, as processes. Prints, per case: Yardstick's time, the peer's, their
ratio (peer / Yardstick: above 1, Yardstick is faster), the peak resident memory of each, and for batched fits the
memory floor (reading the same matrix once, on the same cores).

Times are medians (ordo-one's p50; the peers' median of repeated runs after a warm-up). The peers run with
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, so that numpy's own OpenBLAS picks its kernel.

Usage: python3 Benchmarks/compare.py [--quick] (from the repository root; --quick leaves out the 1 000 000-series
cases and repeats the end-to-end runs less)."""
import json, os, resource, statistics, subprocess, sys, tempfile, time
from pathlib import Path

here = Path(__file__).resolve().parent
root = here.parent
quick = "--quick" in sys.argv
python = sys.executable
peer_env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}


def run_peer(script, case):
    out = subprocess.run([python, str(here / "peers" / script), case], env=peer_env, check=True, capture_output=True,
                         text=True, cwd=here / "peers").stdout
    return json.loads(out)


def process(argv, repeats, env=None):
    """Median wall-clock ms and the largest peak resident memory (MB) of `repeats` runs of a command."""
    times, peaks = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        times.append((time.perf_counter() - start) * 1000)
        if status != 0:
            sys.exit(f"failed: {' '.join(argv)}")
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)


# 1. Inputs, written once with fixed seeds; the release binary for the end-to-end runs.
folder = Path(subprocess.run([python, str(here / "peers" / "make_inputs.py")], check=True, capture_output=True,
                             text=True).stdout.strip())
subprocess.run(["swift", "build", "-c", "release", "--product", "yardstick"], cwd=root, check=True,
               stdout=subprocess.DEVNULL)
binary = str(root / ".build" / "release" / "yardstick")

# 2. The Swift suite.
out = Path(tempfile.mkdtemp(prefix="yardstick-bench-"))
command = ["swift", "package", "--allow-writing-to-package-directory", "benchmark", "--format", "jmh", "--path", str(out)]
if quick:
    command += ["--skip", ".*Trends1m.*", "--skip", "MemoryFloor1m.*"]
subprocess.run(command, cwd=here, check=True, stdout=subprocess.DEVNULL)
swift = {}
for b in json.loads((out / "Current_run.jmh.json").read_text()):
    name = b["benchmark"].rsplit(".", 1)[-1]
    entry = {}
    for key, metric in b.get("secondaryMetrics", {}).items():
        p50 = metric["scorePercentiles"]["50.0"]
        if "wall" in key:
            entry["ms"] = p50 * {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}[metric["scoreUnit"]]
        elif "resident" in key:
            entry["mb"] = p50 / 2**20
    swift[name] = entry

# 3. The peers, each case in a process of its own (its peak memory is its own).
peer = {}
for script in ["trends_numpy.py", "read_pandas.py", "uncertainty_numpy.py"]:
    cases = json.loads(subprocess.run([python, str(here / "peers" / script), "--list"], check=True, capture_output=True,
                                      text=True, cwd=here / "peers").stdout)
    for case in cases:
        if quick and "1m" in case:
            continue
        peer[case] = run_peer(script, case)

# 4. End to end, as a user runs them.
wdi, targets = str(folder / "wdi_100k.csv"), str(folder / "targets_100k.csv")
scratch = Path(tempfile.mkdtemp(prefix="yardstick-e2e-"))
repeats = 2 if quick else 5
e2e = {
    "TrendSummaryWDI100k (trend --model linear --summary --format csv --output)":
        (process([binary, "trend", wdi, "--model", "linear", "--summary", "--format", "csv", "--output", str(scratch / "y.csv")], repeats),
         process([python, str(here / "peers" / "e2e_pandas.py"), wdi, str(scratch / "p.csv")], max(1, repeats // 2), env=peer_env)),
    "GapWDI100kLinear (gap FILE TARGETS --model linear --format csv --output)":
        (process([binary, "gap", wdi, targets, "--model", "linear", "--format", "csv", "--output", str(scratch / "g.csv")], repeats), None),
}
if not quick:
    e2e["GapWDI100kAuto (gap FILE TARGETS --format csv --output)"] = (
        process([binary, "gap", wdi, targets, "--format", "csv", "--output", str(scratch / "a.csv")], 1), None)
wdi_mb = os.path.getsize(wdi) / 2**20


def row(name, ms, peer_ms, ratio, mb, peer_mb, floor):
    def f(v, fmt):
        return format(v, fmt) if v is not None else ""
    print(f"{name:66s} {f(ms, '10.1f')} {f(peer_ms, '10.1f')} {f(ratio, '7.2f')} {f(mb, '8.0f')} {f(peer_mb, '8.0f')} {f(floor, '9.1f')}")


print(f"{'case':66s} {'Yardstick':>10s} {'peer':>10s} {'ratio':>7s} {'Y MB':>8s} {'peer MB':>8s} {'floor ms':>9s}")
print("(times in ms; ratio = peer / Yardstick; MB = peak resident memory of the process)")
for name in sorted(swift):
    s = swift[name]
    if name.startswith("MemoryFloor"):
        continue
    floor = None
    if "Trends" in name:
        size = name.split("Trends")[1].split("x30")[0]
        floor = swift.get(f"MemoryFloor{size}x30", {}).get("ms")
    keys = [k for k in peer if k == name or k.startswith(name + " ")] or \
           [k for k in peer if k == name.replace("Extended", "").replace("Double", "")]
    if not keys:
        row(name, s.get("ms"), None, None, s.get("mb"), None, floor)
    for k in keys:
        label = name + k[len(name):] if k.startswith(name) else name
        row(label, s.get("ms"), peer[k]["ms"], peer[k]["ms"] / s["ms"], s.get("mb"), peer[k]["peak_mb"], floor)
for name, (ours, theirs) in e2e.items():
    row(name, ours[0], theirs[0] if theirs else None, theirs[0] / ours[0] if theirs else None, ours[1],
        theirs[1] if theirs else None, None)
versions = {k: v for p in peer.values() for k, v in p.items() if k in ("numpy", "pandas")}
print(f"(peers: numpy {versions.get('numpy')}, pandas {versions.get('pandas')}; WDI file {wdi_mb:.1f} MB, "
      f"so twice its size is {2 * wdi_mb:.0f} MB; inputs in {folder})")
