#!/usr/bin/env bash
# Search benchmark (issues 3 and 14): the seed course (30 documents) and synthetic courses of about 100,000 documents,
# every figure beside its ceiling measured in the same run, ending in ONE table (corpus, figure, ours, ceiling, ratio, target):
#   1. the full rebuild, ours and raw Lucene's each cold in a process of its own, in REBUILD_PAIRS pairs (medians shown);
#      in process: search and completion latency (p50/p99) and bytes allocated per call, beside raw Lucene
#      (a bare TermQuery top 10 / PrefixQuery top 10, nothing loaded) on the same index; a change made visible (one every 50 ms, then back to back; the index commits once changes pause); the rebuild's analysis alone, kept words against the chain;
#   2. over HTTP on loopback with wrk: uncached /api/search (Course__Search__CacheSeconds=0: every request searches)
#      and /api/search/suggest beside /healthz on the same server in the same run; on the seed course every request is a
#      different query, as search-as-you-type sends them; at 100k also with the output cache on (as deployed).
# Needs wrk (apt-get install wrk). Environment: PORT (5391), WINDOW (2 s), HTTP_ROUNDS (5), CONNECTIONS (32), ROUNDS (30),
# REBUILD_PAIRS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5391}
window=${WINDOW:-2}                 # seconds per wrk window
http_rounds=${HTTP_ROUNDS:-5}       # alternating /healthz and measured windows per row
window_total=$((window * http_rounds))
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
export BENCH_TABLE="$work/table.txt"
: > "$BENCH_TABLE"

echo "== in process, seed course"
dotnet "$bench" seed "$rounds"
echo "== in process, 100k"
dotnet "$bench" index "$rounds"
dotnet "$bench" analysis 5

cat > "$work/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
# Paths asked once each: the threads walk disjoint halves of the file (a thread's Lua state starts math.random alike,
# so with paths.lua both would send the same sequence and every query would be asked twice).
cat > "$work/once.lua" <<'LUA'
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args)
  paths = {}
  for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
  -- Round r of n starts each thread r/n of the way into its half, so no round asks a path an earlier one asked.
  i = math.floor(id * #paths / 2) + math.floor(tonumber(os.getenv("ROUND") or "0") * #paths / 2 / tonumber(os.getenv("ROUNDS") or "1"))
end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

start_site() { # $1: database file, $2: output cache seconds for search
  (cd "$site_dir" && ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__CourseDb="Data Source=$1" \
    Course__USync__Folder="$work/uSync" \
    Course__Search__IndexFolder="$1.index" \
    Course__Search__CacheSeconds="$2" \
    exec dotnet Course.Web.dll --urls "http://127.0.0.1:$port") > "$work/site.log" 2>&1 &
  site_pid=$!
  # A 100k database takes minutes to start: uSync files are written for its videos, then the index is rebuilt.
  for _ in $(seq 1 2400); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  grep -h "Search index" "$work/site.log" || true
}

stop_site() {
  kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; site_pid=""
}

# Warm up (JIT, caches): every path once, then a short run of each.
warm() { # $1: paths file
  while read -r path; do curl -fs -o /dev/null "http://127.0.0.1:$port$path"; done < "$1"
  wrk -t2 -c"$connections" -d3s "http://127.0.0.1:$port/healthz" >/dev/null
  PATHS_FILE="$1" wrk -t2 -c"$connections" -d3s -s "$work/paths.lua" "http://127.0.0.1:$port" >/dev/null
}

# One table row: the paths' requests/s against /healthz's on the same server, in alternating windows (healthz, then the
# paths, ROUNDS_HTTP times): the host's speed drifts within seconds (one run's /healthz moved 42,772–59,960 req/s), so
# one window of each compared a fast host with a slow one by chance; the row sums all windows and shows each round's ratio.
measure() { # $1: corpus, $2: figure, $3: paths file, $4: target, $5: wrk script (paths.lua, or once.lua for paths asked once)
  local health search h=0 s=0 hs=0 ss=0 p99 worst="" ratios=""
  for round in $(seq 0 $((http_rounds - 1))); do
    health=$(wrk -t2 -c"$connections" -d"$window" --latency "http://127.0.0.1:$port/healthz")
    search=$(ROUND=$round ROUNDS=$http_rounds PATHS_FILE="$3" wrk -t2 -c"$connections" -d"$window" --latency -s "$work/${5:-paths.lua}" "http://127.0.0.1:$port")
    hs=$(awk '/requests in/ {print $1}' <<<"$health"); ss=$(awk '/requests in/ {print $1}' <<<"$search")
    h=$((h + hs)); s=$((s + ss))
    ratios="$ratios $(awk -v a="$ss" -v b="$hs" 'BEGIN { printf "%.1f", 100 * a / b }')"
    p99=$(awk '$1 == "99%" {print $2}' <<<"$search")
    worst=$(printf '%s\n%s\n' "$worst" "$p99" | awk 'NF { v = $1; n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; if (n >= m) { m = n; w = v } } END { print w }')
    grep -h 'Non-2xx' <<<"$search" || true
  done
  echo "-- $1: $2"
  echo "/healthz: $((h / window_total)) req/s; measured: $((s / window_total)) req/s, worst window p99 $worst; each round's ratio (%):$ratios"
  awk -v c="$1" -v f="$2" -v h="$h" -v s="$s" -v t="$4" -v secs="$window_total" -v p99="$worst" -v r="$ratios" \
    'BEGIN { printf "%s|%s|%.0f req/s (p99 %s)|/healthz %.0f req/s|%.1f%% (rounds%s)|%s\n", c, f, s / secs, p99, h / secs, 100 * s / h, r, t }' >> "$BENCH_TABLE"
}

cp -r uSync "$work/uSync"

echo "== seed course over HTTP (wrk -t2 -c$connections, $http_rounds rounds of ${window} s /healthz then ${window} s measured, loopback, sharing the cores with the site)"
dotnet "$bench" keystrokes "$work/keystrokes.txt"
sed 's|/api/search?|/api/search/suggest?|' "$work/keystrokes.txt" > "$work/suggest-keystrokes.txt"
start_site "$work/seed.db" 0
warm "$work/keystrokes.txt"
measure seed "uncached /api/search, each request another query as typed" "$work/keystrokes.txt" ">= 25% of /healthz"
# The seed set's 463 keystrokes repeat within a run, and the engine keeps each text prepared (PreparedQueries):
# these keystrokes are each sent once (300,000, more than a run asks), only the words repeat.
dotnet "$bench" first-seen-keystrokes "$work/first-seen-keystrokes.txt"
measure seed "uncached /api/search, first-seen keystrokes (each path once)" "$work/first-seen-keystrokes.txt" ">= 25% of /healthz" once.lua
measure seed "/api/search/suggest, as typed" "$work/suggest-keystrokes.txt" "-"
stop_site

echo "== 100k over HTTP"
dotnet "$bench" database "$work/course.db"
dotnet "$bench" paths "$work/paths.txt"
sed 's|/api/search?|/api/search/suggest?|' "$work/keystrokes.txt" > "$work/suggest-keystrokes.txt"
start_site "$work/course.db" 600
warm "$work/paths.txt"
measure 100k "/api/search, output cache on (as deployed)" "$work/paths.txt" "-"
stop_site
start_site "$work/course.db" 0
warm "$work/paths.txt"
measure 100k "uncached /api/search, mixed query set" "$work/paths.txt" ">= 2000 req/s"
# The mixed set repeats 40 queries, and the engine keeps some work per query and per word (MatchSets, ClauseLeaders):
# here no whole query is asked twice in the run (not warmed either), only words repeat.
dotnet "$bench" first-seen "$work/first-seen.txt"
measure 100k "uncached /api/search, first-seen queries (1-3 of the set's words)" "$work/first-seen.txt" "-" once.lua
measure 100k "/api/search/suggest, as typed" "$work/suggest-keystrokes.txt" "-"
stop_site

echo
echo "== summary (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
{ echo "corpus|figure|ours|raw Lucene / ceiling|ratio|target"; cat "$BENCH_TABLE"; } | column -t -s'|'
