#!/usr/bin/env bash
# Search benchmark (issue 3) on synthetic courses of about 100,000 indexed documents:
#   1. in process: full index rebuild time, query latency p50/p99 over the fixed mixed query set;
#   2. over HTTP on loopback with wrk: /api/search (the same query set, in rotation) beside /healthz in the same
#      run, with the output cache on (as deployed) and off (Course__Search__CacheSeconds=0: every request searches).
# Needs wrk (apt-get install wrk). Environment: PORT (5391), DURATION (10s), CONNECTIONS (32), ROUNDS (30).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5391}
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}
rounds=${ROUNDS:-30}
work=$(mktemp -d)
site_pid=""
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
for project in bench/Course.Search.Benchmarks src/Course.Web; do dotnet build "$project" -c Release -nologo -clp:ErrorsOnly; done
bench=bench/Course.Search.Benchmarks/bin/Release/net10.0/Course.Search.Benchmarks.dll
site_dir=src/Course.Web/bin/Release/net10.0

echo "== in process"
dotnet "$bench" index "$rounds"

echo "== store for the site"
dotnet "$bench" database "$work/course.db"
dotnet "$bench" paths "$work/paths.txt"
cat > "$work/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

start_site() { # $1: output cache seconds for search
  (cd "$site_dir" && ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__CourseDb="Data Source=$work/course.db" \
    Course__Search__IndexFolder="$work/Index" \
    Course__Search__CacheSeconds="$1" \
    exec dotnet Course.Web.dll --urls "http://127.0.0.1:$port") > "$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  grep -h "Search index" "$work/site.log" || true
  # Warm up: every query once (JIT, caches), then a short run.
  while read -r path; do curl -fs -o /dev/null "http://127.0.0.1:$port$path"; done < "$work/paths.txt"
  wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port/healthz" >/dev/null
  PATHS_FILE="$work/paths.txt" wrk -t2 -c"$connections" -d3s -s "$work/paths.lua" "http://127.0.0.1:$port" >/dev/null
}

stop_site() {
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; site_pid=""
}

measure() { # $1: label
  local health search
  health=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/healthz")
  search=$(PATHS_FILE="$work/paths.txt" wrk -t2 -c"$connections" -d"$duration" --latency -s "$work/paths.lua" "http://127.0.0.1:$port")
  local h s
  h=$(awk '/Requests\/sec/ {print $2}' <<<"$health")
  s=$(awk '/Requests\/sec/ {print $2}' <<<"$search")
  echo "-- $1"
  echo "/healthz:    $h req/s, p99 $(awk '$1 == "99%" {print $2}' <<<"$health")"
  echo "/api/search: $s req/s, p99 $(awk '$1 == "99%" {print $2}' <<<"$search") $(grep -h 'Non-2xx' <<<"$search" || true)"
  awk -v h="$h" -v s="$s" 'BEGIN { printf "search / healthz = %.1f%% (target >= 25%%)\n", 100 * s / h }'
}

echo "== over HTTP (wrk -t2 -c$connections -d$duration, loopback, sharing the cores with the site)"
start_site 600
measure "output cache on (default)"
stop_site
start_site 0
measure "output cache off: every request searches"
stop_site
