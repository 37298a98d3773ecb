#!/usr/bin/env bash
# The "feed at scale" benchmark (issue #10): in ONE run against the packaged jar on
# PostgreSQL and the data set of bench/scale-data.sh, measures
#   - throughput (wrk, closed loop) of the login page, the big group's page 1 and page 50,
#     the small group's page, both signed in, the feed API at 20 000 and 200 open (page 1
#     and 50) and the help queue of both groups, and prints the issue's ratios PASS/FAIL;
#   - the big group page's latency at a fixed offered load (Gatling, open model);
#   - with --soak, resident memory and heap after GC through a 5-minute mixed load.
# Absolute numbers move ±25 % between runs on a shared machine; the targets are ratios
# within this one run. The CPU time per answered request of the app and of the database
# backends serving it is printed as well: it moves much less with what else runs on the
# machine, and says what a core serves.
#
# Needs: a built jar (./mvnw -DskipTests package), a local PostgreSQL on 127.0.0.1:5432
# (superuser via runuser/sudo -u postgres), wrk, curl, bc, jcmd (JDK); Gatling comes from
# Maven Central through ./mvnw the first time (bench/gatling).
# Usage: bench/scale-bench.sh [--soak] [--nmt] [--fresh-data] [--no-rate]
#   --soak        adds the 5-minute soak (RSS and heap after GC)
#   --nmt         starts the JVM with native memory tracking; prints its summary in the middle of the soak
#   --fresh-data  rebuilds the data set first (bench/scale-data.sh) even if the database exists
#   --no-rate     skips the constant-rate run
# Environment: JAR (target/helpboard-*.jar), DB (helpboard_bench_scale), PORT (18080),
#   WARM_EACH (10s: every path once before the points), WARM (10s: before its point), DURATION (20s),
#   ROUNDS (2: each point measured that often, forward then backward, and averaged),
#   CONNECTIONS (32), THREADS (2), RATE (200), RATE_SECONDS (60), SOAK_SECONDS (300),
#   BENCH_PASSWORD (as scale-data.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK=false
NMT=false
FRESH=false
CONSTANT_RATE=true
for arg in "$@"; do
  case "$arg" in
    --soak) SOAK=true ;;
    --nmt) NMT=true ;;
    --fresh-data) FRESH=true ;;
    --no-rate) CONSTANT_RATE=false ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
DB=${DB:-helpboard_bench_scale}
PORT=${PORT:-18080}
WARM=${WARM:-10s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
RATE=${RATE:-200}
RATE_SECONDS=${RATE_SECONDS:-60}
SOAK_SECONDS=${SOAK_SECONDS:-300}
BENCH_PASSWORD=${BENCH_PASSWORD:-feed-at-scale-2026}
BASE="http://127.0.0.1:$PORT"
OUT=target/scale-bench
mkdir -p "$OUT"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
sql() { PGPASSWORD=helpboard psql -X -q -tA -h 127.0.0.1 -U helpboard -d "$DB" -c "$1"; }

echo "== machine"
JAR=${JAR:-$(ls target/helpboard-*.jar | grep -v plain | head -n 1)}
echo "date:       $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:     $(git rev-parse --short HEAD) (of this worktree; the jar may be another's: see below)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes in src/pom.xml)')"
echo "jar:        $JAR, built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'), newest migration $(unzip -l "$JAR" \
  | grep -o 'db/migration/postgresql/V[^ ]*' | sed 's|.*/||' | sort -V | tail -n 1)"
echo "cpu:        $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:     $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
echo "os:         $(uname -sr)"
echo "java:       $(java -version 2>&1 | head -n 1)"
echo "postgresql: $(as_postgres psql -X -tAc 'show server_version' | head -n 1)"
echo "load:       $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, before the run: others' work shows here)"

if [ "$FRESH" = true ] || [ -z "$(as_postgres psql -X -tAc "select 1 from pg_database where datname = '$DB'")" ]; then
  bench/scale-data.sh "$DB"
else
  # the data set was made earlier: move the open requests' times forward so that none
  # has expired since (the expiry job is off during the run)
  echo "== reusing $DB; moving its open requests' times up to now"
  sql "with d as (select now() - max(created_at) as shift from help_requests where status = 'OPEN')
       update help_requests r set created_at = r.created_at + d.shift, expires_at = r.expires_at + d.shift,
         boost_started_at = r.boost_started_at + d.shift, boosted_until = r.boosted_until + d.shift
       from d where r.status = 'OPEN' and d.shift > interval '1 minute'" >/dev/null
  sql "with d as (select now() - max(starts_at) - interval '1 hour' as shift from boosts where status = 'ACTIVE')
       update boosts b set created_at = b.created_at + d.shift, starts_at = b.starts_at + d.shift,
         ends_at = b.ends_at + d.shift from d where b.status = 'ACTIVE' and d.shift > interval '1 minute'" >/dev/null
  sql "delete from spring_session" >/dev/null
  as_postgres psql -X -q -d "$DB" -c "vacuum analyze help_requests" -c "vacuum analyze boosts"
fi
BIG_OPEN=$(sql "select count(*) from help_requests r join topic_groups g on g.id = r.group_id
  where g.slug = 'big' and r.status = 'OPEN' and r.expires_at > now()")
SMALL_OPEN=$(sql "select count(*) from help_requests r join topic_groups g on g.id = r.group_id
  where g.slug = 'small' and r.status = 'OPEN' and r.expires_at > now()")
HISTORY=$(sql "select (select count(*) from help_requests where status <> 'OPEN')
  + (select count(*) from claims where status <> 'CLAIMED') + (select count(*) from ledger_entries)
  + (select count(*) from event_publication where completion_date is not null)
  + (select count(*) from boosts where status = 'ENDED')")
echo "data:       big $BIG_OPEN open, small $SMALL_OPEN open, $HISTORY rows of history"

echo "== starting the app (-Xmx512m ${JVM_GC:-G1}, MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}, postgres profile, scheduler off; the throttle stays on: it limits POSTs only)"
# as the Dockerfile: two glibc arenas instead of up to 8 per core (resident size,
# docs/performance.md); JVM_GC=-XX:+UseSerialGC (say) measures another collector. The
# heap-after-GC check reads G1's GC.heap_info
JVM_OPTS=(-Xmx512m ${JVM_GC:-})
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
[ "$NMT" = true ] && JVM_OPTS+=(-XX:NativeMemoryTracking=summary)
java "${JVM_OPTS[@]}" -jar "$JAR" --server.port="$PORT" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --helpboard.scheduler.enabled=false \
  --helpboard.sample-data=false \
  --helpboard.remember-me-key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
up=false
for _ in $(seq 1 180); do
  if curl -fs "$BASE/actuator/health" >/dev/null; then up=true; break; fi
  if ! kill -0 $APP 2>/dev/null; then break; fi
  sleep 1
done
if [ "$up" != true ]; then echo "the application did not start; see $OUT/app.log" >&2; exit 1; fi

echo "== signing in as bench through the login form (session in PostgreSQL)"
JARFILE="$OUT/cookies"
rm -f "$JARFILE"
CSRF=$(curl -s -c "$JARFILE" -b "$JARFILE" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 \
  | sed 's/.*value="//; s/"$//')
curl -s -c "$JARFILE" -b "$JARFILE" -o /dev/null --data-urlencode username=bench \
  --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "SESSION" {print $7}' "$JARFILE")
if [ -z "$SESSION" ]; then echo "could not sign in as bench" >&2; exit 1; fi
# A member's browser holds the CSRF cookie as well as the session's (the first page it
# drew after signing in set it) and sends both: without it every signed-in page made and
# set a new CSRF token, which no member's browser asks for (docs/performance.md).
curl -s -c "$JARFILE" -b "$JARFILE" -o /dev/null "$BASE/me/todo"
XSRF=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JARFILE")
if [ -z "$XSRF" ]; then echo "signed in, but got no CSRF cookie" >&2; exit 1; fi
COOKIE="SESSION=$SESSION; XSRF-TOKEN=$XSRF"
ROTATION=$(( $(date +%s) / 600 ))

# --- helpers ---------------------------------------------------------------------------
CLK=$(getconf CLK_TCK)
app_cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
# the PostgreSQL backends serving this database (the app's connection pool)
db_cpu_ticks() {
  local pid total=0
  for pid in $(pgrep -f "postgres: .*helpboard $DB " || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo $total
}
# waits until the app has (nearly) stopped working on what the last run left in flight
quiesce() {
  local before after
  for _ in $(seq 1 60); do
    before=$(app_cpu_ticks); sleep 0.5; after=$(app_cpu_ticks)
    [ $((after - before)) -le $((CLK / 20)) ] && return 0
  done
}
to_ms() { # wrk's "12.34ms" / "1.20s" / "850.00us" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; \
    else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
declare -A RPS P50 P99 CPU DBCPU ERR
POINTS=()
check() { # name path signed-in: the page must answer 200, and as the right visitor
  local name=$1 path=$2 member=$3 code body
  body="$OUT/check-$name.html"
  if [ "$member" = yes ]; then
    code=$(curl -s -o "$body" -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
    grep -q 'logout' "$body" || [[ "$path" == /api/* ]] || { echo "$name: not signed in" >&2; exit 1; }
  else
    code=$(curl -s -o "$body" -w '%{http_code}' "$BASE$path")
  fi
  [ "$code" = 200 ] || { echo "$name: $path answered $code" >&2; exit 1; }
}
measure() { # name path signed-in(yes/no)
  local name=$1 path=$2 member=$3 headers=(-H 'Accept-Encoding: gzip') log ticks0 ticks1 db0 db1 reqs good
  [ "$member" = yes ] && headers+=(-H "Cookie: $COOKIE")
  check "$name" "$path" "$member"
  quiesce
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM" --timeout 30s "${headers[@]}" "$BASE$path" >/dev/null
  quiesce
  log="$OUT/wrk-$name.txt"
  ticks0=$(app_cpu_ticks); db0=$(db_cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency "${headers[@]}" "$BASE$path" > "$log"
  ticks1=$(app_cpu_ticks); db1=$(db_cpu_ticks)
  reqs=$(awk '/requests in/ {print $1}' "$log")
  ERR[$name]=$(awk '/Non-2xx/ {e += $NF} /Socket errors/ {gsub(",", ""); e += $4 + $6 + $8 + $10} END {print e + 0}' "$log")
  # answers/s counting 200s only: an overloaded app answers 503 fast (no connection within
  # Hikari's 3 s), which must not count as throughput
  RPS[$name]=$(awk -v e="$(awk '/Non-2xx/ {print $NF}' "$log")" '/requests in/ { t = $4; sub(/s,?$/, "", t); n = $1 }
    END { printf "%.2f", (t > 0) ? (n - e) / t : 0 }' "$log")
  P50[$name]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$log")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$log")")
  good=$((reqs - $(awk '/Non-2xx/ {n = $NF} END {print n + 0}' "$log")))
  # CPU per 200 answer: what the refused (503) ones cost is charged to the good ones
  CPU[$name]=$(awk -v t=$((ticks1 - ticks0)) -v c="$CLK" -v r="$good" 'BEGIN { printf "%.1f", (r > 0) ? t * 1000 / c / r : 0 }')
  DBCPU[$name]=$(awk -v t=$((db1 - db0)) -v c="$CLK" -v r="$good" 'BEGIN { printf "%.1f", (r > 0) ? t * 1000 / c / r : 0 }')
  POINTS+=("$name")
  printf '%-14s %-57s %8s req/s  p50 %7s ms  p99 %7s ms  CPU ms/req: app %6s db %6s  errors %s  (load %s)\n' \
    "$name" "$path" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${CPU[$name]}" "${DBCPU[$name]}" "${ERR[$name]}" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

# The points, in the order measured: name | path | signed in. The login page, the
# yardstick, comes first, in the middle and last.
SPEC=(
  "login-1|/login|no"
  "page-big|/g/big|no"
  "page-big-p50|/g/big?page=49&rotation=$ROTATION|no"
  "page-small|/g/small|no"
  "page-big-me|/g/big|yes"
  "page-small-me|/g/small|yes"
  "login-2|/login|no"
  "api-big|/api/v1/groups/big/requests|no"
  "api-big-p50|/api/v1/groups/big/requests?page=49&rotation=$ROTATION|no"
  "api-small|/api/v1/groups/small/requests|no"
  "queue-big|/queue?group=big|yes"
  "queue-small|/queue?group=small|yes"
  "queue-all|/queue|yes"
  "login-3|/login|no"
)

# The JIT needs tens of thousands of requests through the common stack (security filters,
# Thymeleaf, Jackson) and through each page's own code before they reach their speed:
# without this, the first login page ran at a quarter of its later throughput, and the
# first point of a path just changed paid for its compilation. So every path is warmed
# up once before anything is measured, and again right before its own point.
echo "== warming up (not measured): ${WARM_EACH:-10s} on each path"
declare -A WARMED
for spec in "${SPEC[@]}"; do
  IFS='|' read -r name path member <<< "$spec"
  [ -n "${WARMED[$path|$member]:-}" ] && continue
  WARMED[$path|$member]=1
  headers=(-H 'Accept-Encoding: gzip')
  [ "$member" = yes ] && headers+=(-H "Cookie: $COOKIE")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_EACH:-10s}" --timeout 30s "${headers[@]}" "$BASE$path" >/dev/null
done
# Every point is measured ROUNDS times, the odd rounds in the order above and the even ones
# in reverse, and its numbers are the mean of its rounds: the JVM keeps getting faster for
# many minutes (a login page 20-30 % faster in the middle of a run than at its start), and a
# single pass charged that drift to whichever points came first (at a7fee9a: the anonymous
# group pages measured before the signed-in ones, which then seemed 6-14 % cheaper than
# them). Forward then backward, a drift that is steady over the run falls equally on all.
ROUNDS=${ROUNDS:-2}
echo "== wrk: $THREADS threads, $CONNECTIONS connections, $WARM warm-up then $DURATION measured per point, $ROUNDS rounds (forward, backward, ...); Accept-Encoding: gzip"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order=$(seq 0 $((${#SPEC[@]} - 1))); else order=$(seq $((${#SPEC[@]} - 1)) -1 0); fi
  for i in $order; do
    IFS='|' read -r name path member <<< "${SPEC[$i]}"
    measure "$name@$round" "$path" "$member"
  done
done
mean_of() { # name array: the mean of the name's rounds
  local -n values=$2
  local round
  for round in $(seq 1 "$ROUNDS"); do echo "${values[$1@$round]}"; done | awk '{ s += $1 } END { printf "%.2f", s / NR }'
}
for spec in "${SPEC[@]}"; do
  IFS='|' read -r name path member <<< "$spec"
  RPS[$name]=$(mean_of "$name" RPS); CPU[$name]=$(mean_of "$name" CPU); DBCPU[$name]=$(mean_of "$name" DBCPU)
  P50[$name]=$(mean_of "$name" P50)
  P99[$name]=$(for round in $(seq 1 "$ROUNDS"); do echo "${P99[$name@$round]}"; done | sort -g | tail -n 1)
  ERR[$name]=$(for round in $(seq 1 "$ROUNDS"); do echo "${ERR[$name@$round]}"; done | awk '{ s += $1 } END { print s + 0 }')
done
echo "== each point, the mean of its $ROUNDS rounds (p99: the largest)"
for spec in "${SPEC[@]}"; do
  IFS='|' read -r name path member <<< "$spec"
  printf '%-14s %-57s %8s req/s  p50 %7s ms  p99 %7s ms  CPU ms/req: app %6s db %6s  errors %s\n' \
    "$name" "$path" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${CPU[$name]}" "${DBCPU[$name]}" "${ERR[$name]}"
done
# the login page, the yardstick, was measured at the start, middle and end: the median
# is the reference, the spread shows how much the machine moved under the run
read -r RPS[login] CPU[login] DBCPU[login] < <(for n in login-1 login-2 login-3; do
  echo "${RPS[$n]} ${CPU[$n]} ${DBCPU[$n]}"; done | sort -g | sed -n 2p)

# --- the issue's ratios ------------------------------------------------------------------
FAILED=0
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = (b > 0) ? a / b : 0; printf((r < 0.1) ? "%.3f" : "%.2f", r) }'; }
cpu_ratio() { # CPU per request of a ÷ of b, app and database together
  ratio "$(awk -v a="${CPU[$1]}" -v d="${DBCPU[$1]}" 'BEGIN { print a + d }')" \
    "$(awk -v a="${CPU[$2]}" -v d="${DBCPU[$2]}" 'BEGIN { print a + d }')"
}
verdict() { # label value op limit [note]
  local ok=PASS
  awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { exit !((op == ">=") ? v >= l : v <= l) }' || { ok=FAIL; FAILED=$((FAILED + 1)); }
  printf '  %-4s %-66s %7s  (%s %s)%s\n' "$ok" "$1" "$2" "$3" "$4" "${5:+  $5}"
}
faster() { # label a b limit: throughput of a ≥ limit × throughput of b
  verdict "$1" "$(ratio "${RPS[$2]}" "${RPS[$3]}")" ">=" "$4" "by CPU (app + db): $(cpu_ratio "$3" "$2")"
}
costlier() { # label a b limit: cost of a (1 / throughput) ≤ limit × cost of b
  verdict "$1" "$(ratio "${RPS[$3]}" "${RPS[$2]}")" "<=" "$4" "by CPU (app + db): $(cpu_ratio "$2" "$3")"
}
echo
echo "== the targets (throughput ratios within this run; cost = 1 / throughput; CPU per request of app + database, for comparison)"
echo "  the login page (reference): ${RPS[login-1]}, ${RPS[login-2]}, ${RPS[login-3]} req/s at start, middle, end; median ${RPS[login]}"
faster "group page, $BIG_OPEN open ÷ login page" page-big login 0.5
faster "group page, $SMALL_OPEN open ÷ login page" page-small login 0.6
costlier "cost of page 1 at $BIG_OPEN open ÷ page 1 at $SMALL_OPEN open" page-big page-small 1.3
costlier "cost of page 50 ÷ page 1 (big group)" page-big-p50 page-big 1.5
costlier "cost signed in ÷ anonymous, group page at $BIG_OPEN open" page-big-me page-big 1.3
costlier "cost signed in ÷ anonymous, group page at $SMALL_OPEN open" page-small-me page-small 1.3
faster "feed API, $BIG_OPEN open ÷ login page" api-big login 0.5
faster "feed API, $SMALL_OPEN open ÷ login page" api-small login 0.6
costlier "cost of feed API page 1 at $BIG_OPEN open ÷ at $SMALL_OPEN open" api-big api-small 1.3
costlier "cost of feed API page 50 ÷ page 1 (big group)" api-big-p50 api-big 1.5
faster "/queue, $BIG_OPEN open ÷ login page" queue-big login 0.5
faster "/queue, $SMALL_OPEN open ÷ login page" queue-small login 0.6
costlier "cost of /queue at $BIG_OPEN open ÷ at $SMALL_OPEN open" queue-big queue-small 1.3
# the queue over all the member's groups (the big and small ones among them): no target
# of its own in the issue; held to /queue's
MEMBER_GROUPS=$(sql "select count(*) from group_members gm join members m on m.id = gm.member_id where m.username = 'bench'")
faster "/queue over the member's $MEMBER_GROUPS groups ÷ login page" queue-all login 0.5
verdict "history rows in the data set (millions)" "$(awk -v h="$HISTORY" 'BEGIN { printf "%.2f", h / 1e6 }')" ">=" 2.0

# --- the soak ----------------------------------------------------------------------------
heap_after_gc() { # MiB of heap in use right after a full GC
  jcmd "$APP" GC.run >/dev/null
  jcmd "$APP" GC.heap_info | awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[^0-9]/, "", v); printf "%.0f", v / 1024; exit } }'
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$APP/status"; }
if [ "$SOAK" = true ]; then
  echo
  echo "== soak: $SOAK_SECONDS s of a mixed load (bench/soak-mix.lua, $CONNECTIONS connections); RSS every 10 s;"
  echo "   heap after a full GC (jcmd GC.run) at the start and end (idle) and in the middle (under load, so with requests in flight)"
  quiesce
  HEAP_START=$(heap_after_gc)
  RSS_MAX=$(rss_mb)
  echo "  t=0 s: RSS $RSS_MAX MiB, heap after GC $HEAP_START MiB"
  BENCH_COOKIE="$COOKIE" BENCH_ROTATION="$ROTATION" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" \
    --timeout 30s -s bench/soak-mix.lua "$BASE" > "$OUT/wrk-soak.txt" &
  LOAD=$!
  HEAP_MIDDLE=
  for t in $(seq 10 10 "$SOAK_SECONDS"); do
    sleep 10
    r=$(rss_mb); [ "$r" -gt "$RSS_MAX" ] && RSS_MAX=$r
    if [ "$t" -eq $((SOAK_SECONDS / 20 * 10)) ]; then
      if [ "$NMT" = true ]; then
        echo "  t=$t s: native memory under load (jcmd VM.native_memory summary), committed KB:"
        jcmd "$APP" VM.native_memory summary | grep -E '^(Total|-)' \
          | sed -E 's/reserved=[0-9]+KB, //; s/committed=([0-9]+)KB\)?/\1/; s/[()]//g; s/^-? */    /'
      fi
      HEAP_MIDDLE=$(heap_after_gc)
      echo "  t=$t s: RSS $r MiB, heap after GC $HEAP_MIDDLE MiB"
    else
      echo "  t=$t s: RSS $r MiB"
    fi
  done
  wait $LOAD || true
  quiesce
  HEAP_END=$(heap_after_gc)
  r=$(rss_mb); [ "$r" -gt "$RSS_MAX" ] && RSS_MAX=$r
  echo "  end: RSS $r MiB, heap after GC $HEAP_END MiB; soak throughput $(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-soak.txt") req/s, errors $(awk '/Non-2xx/ {e += $NF} /Socket errors/ {gsub(",", ""); e += $4 + $6 + $8 + $10} END {print e + 0}' "$OUT/wrk-soak.txt")"
  verdict "largest RSS during the soak (MiB; 700 MB = 700 × 10^6 bytes = 667 MiB)" "$RSS_MAX" "<=" 667
  # "does not grow": the end may exceed the start by at most 10 % or 16 MB, whichever is more
  verdict "heap after GC, end − start (MiB; start $HEAP_START, end $HEAP_END)" \
    "$((HEAP_END - HEAP_START))" "<=" "$(awk -v s="$HEAP_START" 'BEGIN { l = s / 10; printf "%.0f", (l > 16) ? l : 16 }')"
fi

# --- constant offered load ---------------------------------------------------------------
if [ "$CONSTANT_RATE" = true ]; then
  echo
  echo "== constant rate: $RATE req/s on /g/big (anonymous, $BIG_OPEN open) for ${RATE_SECONDS}s after 15 s at the same rate; Gatling, open model"
  quiesce
  ./mvnw -q -f bench/gatling/pom.xml gatling:test -Dgatling.http.requestTimeout=10000 -Dbench.baseUrl="$BASE" -Dbench.path=/g/big \
    -Dbench.rate="$RATE" -Dbench.warmupSeconds=15 -Dbench.seconds="$RATE_SECONDS" -Dbench.p99Millis=100 \
    > "$OUT/gatling.txt" 2>&1 || true
  if grep -q '^measured: 99th percentile' "$OUT/gatling.txt"; then
    actual() { grep "^measured: $1" "$OUT/gatling.txt" | sed 's/.*actual : \([0-9.]*\)).*/\1/' | head -n 1; }
    counts=$(awk '/^> measured / {print $(NF - 4), $(NF - 2), $NF}' "$OUT/gatling.txt" | tail -n 1)
    echo "  measured: p50 $(actual '50th') ms, p90 $(actual '90th') ms, p99 $(actual '99th') ms, max $(actual 'max') ms; requests total/OK/KO: $counts"
    verdict "p99 of /g/big at $RATE req/s offered (ms)" "$(actual '99th')" "<=" 100
    if ! kill -0 $APP 2>/dev/null; then echo "  the app died during the constant-rate run: see $OUT/app.log"; fi
  else
    echo "  Gatling did not report; see $OUT/gatling.txt"; FAILED=$((FAILED + 1))
  fi
fi

echo
echo "== app memory at the end: RSS $(rss_mb 2>/dev/null || echo '?') MiB"
echo "== $FAILED target(s) failed; logs in $OUT/"
