#!/usr/bin/env bash
# Lighthouse 12.2.3 (pinned in tools/lighthouse/package-lock.json) on the home and video pages, desktop and
# mobile, against the site published in Release and run in Production from a temporary folder (seeded from
# uSync/), with Debian's Chromium. Prints the four category scores per page and form factor, and the failing
# audits that are not timings, then the load average: timing scores follow how busy the machine is.
#   tools/lighthouse.sh [port]   (default 5198)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
port="${1:-5198}"
base="http://127.0.0.1:$port"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
chrome="$(command -v chromium || true)"
[ -n "$chrome" ] || { echo "chromium is missing: apt-get install chromium" >&2; exit 1; }
[ -d "$repo/tools/lighthouse/node_modules/lighthouse" ] || (cd "$repo/tools/lighthouse" && npm ci --no-audit --no-fund >/dev/null)

. "$repo/tools/published-site.sh"
start_site / Course__PublicUrl="$base" AllowedHosts="127.0.0.1"

lighthouse="$repo/tools/lighthouse/node_modules/lighthouse/cli/index.js"
printf '%-34s %-8s %5s %5s %5s %5s   %s\n' page form perf a11y best seo "failing audits (not timings)"
for path in / /videos/sciatica-myofascial-release; do
  for form in desktop mobile; do
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    curl -s -o /dev/null "$base$path"   # warm the page's caches and the JIT
    CHROME_PATH="$chrome" node "$lighthouse" "$base$path" "${preset[@]}" --quiet --output=json --output-path="$work/report.json" \
      --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1 || true
    node -e '
      const r = require(process.argv[1]); const c = r.categories;
      const score = (k) => c[k] && c[k].score !== null ? Math.round(c[k].score * 100) : "-";
      const timing = new Set(["first-contentful-paint","largest-contentful-paint","speed-index","total-blocking-time","interactive","max-potential-fid","cumulative-layout-shift","server-response-time","mainthread-work-breakdown","bootup-time"]);
      const failing = Object.values(r.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && !timing.has(a.id)).map((a) => a.id);
      console.log([process.argv[2].padEnd(34), process.argv[3].padEnd(8), ...["performance","accessibility","best-practices","seo"].map((k) => String(score(k)).padStart(5))].join(" ") + "   " + (failing.join(", ") || "none"));
    ' "$work/report.json" "$path" "$form"
  done
done
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
