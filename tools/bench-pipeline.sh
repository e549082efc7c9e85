#!/usr/bin/env bash
# Measures issue 10's figures with real site processes on loopback, one SQLite database (WAL) and an index folder
# per node, as the multi-node test runs them:
#   1. publish on node 1 -> visible on nodes 2 and 3 (page 200 and found by search): p50/p99 over N changes, beside
#      the same nodes' /healthz answer time (the floor of this way of looking);
#   2. import of the seed's 12 nodes and of 1,000 synthetic techniques by the `import` command: time, and the index
#      commits it made (Lucene's segments_N generation, so any build can be measured); on a build with /healthz/ready,
#      also the published-cache rebuilds and index commits of a node that follows the import;
#   3. comment posting with 50 clients (wrk, 10 s; comments held for moderation) beside /healthz on the same node,
#      and the index commits made meanwhile.
#   tools/bench-pipeline.sh [--site DIR] [--changes N] [--port P]
# --site takes another build's Course.Web output folder (e.g. main's, for the figures before batching); by default
# this checkout's Release build is (re)built and used. The poll is the default (1 s). Run it on a quiet machine and
# quote the load averages it prints.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
site=""; changes=100; port=5230
while [ $# -gt 0 ]; do
  case "$1" in
    --site) site="$(cd "$2" && pwd)"; shift 2 ;;
    --changes) changes="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "usage: $0 [--site DIR] [--changes N] [--port P]" >&2; exit 2 ;;
  esac
done
key="bench-pipeline-key"
video=sciatica-myofascial-release

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is missing: installing Debian's package…"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
  fi
done
if [ -z "$site" ]; then
  echo "Building Course.Web (Release)…"
  dotnet build "$repo/src/Course.Web" -c Release -nologo -clp:ErrorsOnly >/dev/null
  site="$repo/src/Course.Web/bin/Release/net10.0"
fi

work="$(mktemp -d)"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop EXIT
cp -r "$repo/uSync" "$work/uSync"

load() { cut -d' ' -f1-3 /proc/loadavg; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }
# p50 and p99 of the numbers on stdin (nearest rank).
percentiles() { sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999); printf "%d %d\n", v[i50], v[i99] }'; }

# node NAME PORT [extra env…]: starts a node of the site in the background; its pid is appended to pids.
node() {
  local name="$1" nport="$2"; shift 2
  (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$nport" \
    ConnectionStrings__CourseDb="Data Source=$work/course.db;Default Timeout=30" \
    Course__USync__Folder="$work/uSync" Course__Search__IndexFolder="$work/index-$name" Course__Media__Folder="$work/media" \
    Course__Server__NodeId="$name" Course__ManagementApiKey="$key" Course__Comments__PermitsPerMinute=1000000 \
    Logging__LogLevel__Default=Warning "$@" \
    dotnet "$site/Course.Web.dll" --contentRoot "$repo/src/Course.Web" >"$work/$name.log" 2>&1) &
  pids+=($!)
}
until_serving() {
  local base="$1"
  for _ in $(seq 1 1500); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/videos/$video" || true)" = 200 ] && return 0
    sleep 0.2
  done
  echo "$base did not serve within 5 minutes" >&2; exit 1
}
# The generation of the newest Lucene commit in an index folder: it grows by one per commit.
generation() { ls "$1" | sed -n 's/^segments_\([0-9a-z]*\)$/\1/p' | while read -r g; do echo $((36#$g)); done | sort -n | tail -1; }
ready_field() { curl -s "$1/healthz/ready" | python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$2"; }
has_ready() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/healthz/ready")" != 404 ]; }

n1="http://127.0.0.1:$port"; n2="http://127.0.0.1:$((port + 1))"; n3="http://127.0.0.1:$((port + 2))"
echo "load average at start: $(load) on $(nproc) cores"
node node1 "$port"; until_serving "$n1"
node node2 "$((port + 1))"; until_serving "$n2"
node node3 "$((port + 2))"; until_serving "$n3"
pipeline=false; has_ready "$n1" && pipeline=true

# 1. Publish on node 1, visible on nodes 2 and 3.
if $pipeline; then
  echo; echo "1. publish on node 1 -> visible on nodes 2 and 3 ($changes changes; load before: $(load))"
  : >"$work/seen"; : >"$work/health"
  visible() { # node slug: the page answers and search finds it
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/techniques/$2")" = 200 ] && curl -s "$1/api/search?q=$2&type=technique" | grep -q "/techniques/$2\""
  }
  for i in $(seq 1 "$changes"); do
    slug="benchwren${i}x"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Api-Key: $key" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Benchwren${i}x\",\"summary\":\"Propagation $i.\"}" "$n1/api/manage/techniques")
    [ "$code" = 201 ] || { echo "publish $i answered $code" >&2; exit 1; }
    published=$(now_ms); left="$n2 $n3"
    while [ -n "$left" ]; do
      still=""
      for n in $left; do
        if visible "$n" "$slug"; then echo $(( $(now_ms) - published )) >>"$work/seen"; else still="$still $n"; fi
      done
      left="${still# }"
      [ $(( $(now_ms) - published )) -lt 60000 ] || { echo "change $i not seen within 60 s on:$left" >&2; exit 1; }
    done
    for n in "$n2" "$n3"; do curl -s -o /dev/null -w '%{time_total}\n' "$n/healthz" | awk '{ printf "%d\n", $1 * 1000 }' >>"$work/health"; done
  done
  read -r p50 p99 < <(percentiles <"$work/seen")
  read -r h50 h99 < <(percentiles <"$work/health")
  printf '   visible on the other node (ms): p50 %d, p99 %d over %d observations\n' "$p50" "$p99" "$(wc -l <"$work/seen")"
  printf '   /healthz on nodes 2 and 3 (ms): p50 %d, p99 %d (one check of a node = 2 requests)\n' "$h50" "$h99"
  echo "   load after: $(load)"
fi

# 2. Imports by the `import` command, beside node 2 following them.
echo; echo "2. imports by the import command (load before: $(load))"
mkdir -p "$work/thousand/v17/Content"
template="$repo/uSync/v17/Content/working-with-the-fascia.config"
for i in $(seq 1 1000); do
  k=$(printf '0b0b%04x-0000-4000-8000-%012x' "$i" "$i")
  sed -e "s/e8389764-c39c-4164-92dd-6b2a4a681f64/$k/" -e "s/Working with the fascia/Benchfinch drill $i/g" \
      -e "s/working-with-the-fascia/benchfinch-drill-$i/" -e "s/WorkingWithTheFascia/BenchfinchDrill$i/" \
      "$template" >"$work/thousand/v17/Content/benchfinch-drill-$i.config"
done
# site_command ARGS…: runs a command of the site (a process of its own, as an editor or a deploy runs it, with an
# index folder of its own) to its end; its output goes to command.log. The command comes first: builds before
# acb5dd0b took a first argument starting with "--" to mean "serve", and served forever.
site_command() {
  (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__CourseDb="Data Source=$work/course.db;Default Timeout=30" \
    Course__USync__Folder="$work/uSync" Course__Search__IndexFolder="$work/index-cmd" Course__Server__NodeId=importer \
    Logging__LogLevel__Default=Warning dotnet "$site/Course.Web.dll" "$@" --contentRoot "$repo/src/Course.Web" >"$work/command.log" 2>&1)
}
import() { # label folder
  local label="$1" folder="$2" started took after_gen rebuilds0 commits0 applied0
  if $pipeline; then
    rebuilds0=$(ready_field "$n2" "['cache']['rebuilds']"); commits0=$(ready_field "$n2" "['index']['commits']")
    applied0=$(ready_field "$n2" "['lastApplied']")
  fi
  started=$(now_ms)
  site_command import --folder "$folder" || { cat "$work/command.log" >&2; exit 1; }
  took=$(( $(now_ms) - started ))
  after_gen=$(generation "$work/index-cmd")
  printf '   %-18s command %6d ms (process start to exit), its index commits %d (incl. %d at its start)' \
    "$label" "$took" $(( after_gen - cmd_gen )) "$start_commits"
  cmd_gen=$after_gen
  if $pipeline; then
    # Node 2 has caught up when it applied something new and nothing is left.
    until [ "$(ready_field "$n2" "['lastApplied']")" -gt "$applied0" ] && [ "$(ready_field "$n2" "['lag']")" = 0 ]; do
      [ $(( $(now_ms) - started )) -lt 300000 ] || { echo " node 2 did not catch up" >&2; exit 1; }
      sleep 0.05
    done
    printf '; node 2 caught up %d ms after the command started, with %d cache rebuild(s) and %d index commit(s)' \
      $(( $(now_ms) - started )) $(( $(ready_field "$n2" "['cache']['rebuilds']") - rebuilds0 )) $(( $(ready_field "$n2" "['index']['commits']") - commits0 ))
  fi
  echo
}
# The command's own start (migrations, cold boot) is run alone first, twice (the first builds its index), so the
# commits a start makes by itself can be told from the import's. usync-check exits 1 when files differ: no matter here.
site_command usync-check || true; cmd_gen=$(generation "$work/index-cmd")
site_command usync-check || true; start_commits=$(( $(generation "$work/index-cmd") - cmd_gen )); cmd_gen=$(generation "$work/index-cmd")
import "seed (12 nodes)" "$repo/uSync"
import "1,000 techniques" "$work/thousand"
echo "   load after: $(load)"

# 3. Comments from 50 clients.
echo; echo "3. comments posted by 50 clients for 10 s (held for moderation; load before: $(load))"
cat >"$work/comment.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"author":"Bench %d","body":"Comment %d from a benchmark client, long enough to count."}', n, n)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
LUA
wrk -t2 -c50 -d3s "$n1/healthz" >/dev/null
health=$(wrk -t2 -c50 -d10s --latency "$n1/healthz")
gen0=$(generation "$work/index-node1")
posts=$(wrk -t2 -c50 -d10s --timeout 30s --latency -s "$work/comment.lua" "$n1/api/videos/$video/comments")
gen1=$(generation "$work/index-node1")
rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$1"; }
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; printf "%.1f", v }' <<<"$1"; }
errors=$(awk '/Non-2xx/ { print $NF }' <<<"$posts"); errors=${errors:-0}
socket=$(awk '/Socket errors/ { $1 = $2 = ""; print }' <<<"$posts"); socket=${socket:- none}
printf '   %-40s %10s req/s  p99 %8s ms\n' "/healthz" "$(rps "$health")" "$(p99 "$health")"
printf '   %-40s %10s req/s  p99 %8s ms  non-2xx %s  index commits %d  socket errors:%s\n' "POST comments" "$(rps "$posts")" "$(p99 "$posts")" "$errors" $(( gen1 - gen0 )) "$socket"
echo "   load after: $(load)"
