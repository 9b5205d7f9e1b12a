#!/usr/bin/env bash
# Renders the embedded Zhuzhou report as HTML and screenshots it with headless Chromium (Debian's `chromium`),
# desktop and phone widths. Used by `make screenshot`; skips with a message when Chromium is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs}
mkdir -p "$out"
.build/debug/yardstick report --format html --output "$out/zhuzhou-report.html"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not found: install it with 'apt-get install chromium fonts-noto-cjk' to take screenshots"
  exit 0
fi
shot() { timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" \
  --screenshot="$2" "file://$PWD/$out/zhuzhou-report.html" >/dev/null 2>&1; }
shot 1000,2600 "$out/report-desktop.png"
shot 400,1600 "$out/report-phone.png"
echo "wrote $out/zhuzhou-report.html, $out/report-desktop.png, $out/report-phone.png"
