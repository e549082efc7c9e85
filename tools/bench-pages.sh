#!/usr/bin/env bash
# Measures the page figures of issue 2 on loopback: cold start (process start to the first 200 of the
# video page, on an empty database that is seeded from uSync/), then wrk (2 threads, 32 connections,
# 10 s) on /healthz and on the video page in the same run: requests/s, p99 latency and their ratio.
# The site is published in Release and runs in Production from a temporary folder, with its own
# App_Data/ and copy of uSync/, so the checkout is never touched.
#   tools/bench-pages.sh [port]   (default 5199)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5199}"
base="http://127.0.0.1:$port"
page=/videos/sciatica-myofascial-release
# Other work on the machine skews the figures, p99 most: say how busy it was before this script began.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is missing: installing Debian's package…"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

. "$repo/tools/published-site.sh"
started=$(date +%s%N)
start_site "$page"
cold_ms=$(( ($(date +%s%N) - started) / 1000000 ))
page_bytes=$(curl -s "$base$page" | wc -c)

# wrk's figures: "Requests/sec: N", "99%  1.23ms" (--latency), and a line when some answers were not 2xx/3xx.
measure() {
  local out; out=$(wrk -t2 -c32 -d10s --latency "$base$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "$1 answered errors" >&2; exit 1; fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v }' <<<"$out")
  echo "$rps $p99"
}

# A short unreported run of each first, so both are measured after the JIT has settled.
wrk -t2 -c32 -d3s "$base/healthz" >/dev/null
wrk -t2 -c32 -d3s "$base$page" >/dev/null
read -r health_rps health_p99 < <(measure /healthz)
read -r page_rps page_p99 < <(measure "$page")

echo
echo "load average before the run: $load_before on $(nproc) cores"
echo "cold start to the first 200 of $page: ${cold_ms} ms (empty database, seeded from uSync/)"
printf '%-50s %12s %10s\n' "wrk -t2 -c32 -d10s" "requests/s" "p99 (ms)"
printf '%-50s %12.0f %10.2f\n' /healthz "$health_rps" "$health_p99"
printf '%-50s %12.0f %10.2f\n' "$page ($page_bytes bytes)" "$page_rps" "$page_p99"
awk -v p="$page_rps" -v h="$health_rps" 'BEGIN { printf "video page / healthz: %.0f%% (target >= 50%%)\n", 100 * p / h }'
