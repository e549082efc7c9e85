#!/usr/bin/env bash
# Runs every test of Course: unit, integration (real SQLite and Lucene on disk, real HTTP in process)
# and end to end (Debian's Chromium driven by Playwright). Installs Chromium when it is missing,
# since the browser tests fail rather than skip without it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's package (needs root)…"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

dotnet tool restore >/dev/null
# The Umbraco package's backoffice extension: type check, manifest validation against Umbraco's schema, and the
# committed bundle compared with a fresh build (installs the pinned npm packages when node_modules is missing).
bash src/Course.Umbraco/Backoffice/build.sh --check
dotnet build Course.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Course.sln -c Release --no-build -nologo --results-directory artifacts/test-results 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, in the plain form CI reads.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
