#!/usr/bin/env bash
# Measures the scheduled jobs on a large backlog, against the PACKAGED app on a local
# PostgreSQL, and checks that every side effect happened exactly once.
#
#  (a) One instance, default scheduler settings, -Xmx512m. First the jobs work a small
#      backlog WARM_ROUNDS times (WARM_REQUESTS, WARM_CLAIMS; not measured) and, under
#      LOAD=rate, the page is served for PAGE_WARMUP s, so the JIT has compiled their code
#      as on a board that has run for a while (jstat's count of compiled methods is
#      printed before and after each window: on two cores a JIT still at work on the
#      page's and the jobs' code took a third of the CPU of a run with one round and no
#      page warm-up, docs/performance.md). While the jobs are idle: the group
#      page's latency, under LOAD=wrk (closed loop, wrk --latency: as many pages as the
#      machine serves, so any CPU the jobs take shows) or LOAD=rate (Gatling's open model,
#      RATE pages a second, evenly spaced: what a visitor meets at a given traffic). Then
#      a backlog is committed in one transaction:
#      REQUESTS overdue open requests (spread over every group, the page's group too;
#      BOOSTS of them with a queued boost to refund) and CLAIMS claims unanswered for 25 h
#      (5 per request on requests needing 5 helps, 10 per helper, so no daily cap cuts a
#      payment). Measured: the time from the first row the jobs change to the last, and
#      the page's latency while they work (wrk: in 10 s windows until the backlog is gone;
#      rate: from before the backlog's commit to its end, the percentiles taken of the
#      responses that ended while the jobs worked). Then checked: every request
#      expired, every claim confirmed once with one ledger entry, every request fulfilled,
#      each helper's standing one per distinct author helped (docs/credits.md), every
#      queued boost refunded once, every balance equal to the sum of its ledger entries,
#      no event publication left incomplete.
#  (b) Two instances on one database with B_REQUESTS overdue requests and B_CLAIMS
#      unanswered claims; the first is killed with kill -9 as soon as the jobs have
#      started on the backlog. Measured: the time from the first change to the last;
#      checked: as in (a).
#
# Needs: a built jar (./mvnw -DskipTests package), a local PostgreSQL server on
# 127.0.0.1:5432 (the helpboard role is created here if missing; the database
# helpboard_jobs_bench is dropped and re-created), wrk, curl, and root or sudo to run
# psql as postgres.
# Usage: bench/jobs-bench.sh [requests] [claims] [b-requests] [b-claims]
#        defaults 200000 100000 20000 4000; PAGE_OPEN (500) open requests on the group page,
#        WRK_CONNECTIONS (2), WRK_THREADS (1), WARMUP (20s) and IDLE_WINDOW (30s) for wrk;
#        LOAD (wrk or rate), RATE (200) and RATE_SECONDS (25) for Gatling (bench/gatling);
#        WARM_REQUESTS (20000), WARM_CLAIMS (10000) and WARM_ROUNDS (3) for the jobs' warm-up
#        (0 0: none), PAGE_WARMUP (60 s at RATE) for the page's under LOAD=rate;
#        TWO_INSTANCES=false skips (b).
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${1:-200000}
CLAIMS=${2:-100000}
B_REQUESTS=${3:-20000}
B_CLAIMS=${4:-4000}
BOOSTS=${BOOSTS:-500}
PAGE_OPEN=${PAGE_OPEN:-500}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-2}
WRK_THREADS=${WRK_THREADS:-1}
WARMUP=${WARMUP:-20s}
IDLE_WINDOW=${IDLE_WINDOW:-30s}
LOAD=${LOAD:-wrk}
RATE=${RATE:-200}
RATE_SECONDS=${RATE_SECONDS:-25}
WARM_REQUESTS=${WARM_REQUESTS:-20000}
WARM_CLAIMS=${WARM_CLAIMS:-10000}
WARM_ROUNDS=${WARM_ROUNDS:-3}
PAGE_WARMUP=${PAGE_WARMUP:-60}
TWO_INSTANCES=${TWO_INSTANCES:-true}
case "$LOAD" in wrk|rate) ;; *) echo "LOAD must be wrk or rate"; exit 2 ;; esac
DB=${DB:-helpboard_jobs_bench}
PORT=${PORT:-18180}
PORT2=${PORT2:-18181}
PAGE="http://127.0.0.1:$PORT/g/kanjia"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
sql() { PGPASSWORD=helpboard psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U helpboard -d $DB "$@"; }
value() { sql -At -c "$1"; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== jobs bench, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "== machine: nproc $(nproc); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); RAM $(free -h | awk '/^Mem:/ {print $2}'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes)')"
echo "== PostgreSQL: $(as_postgres psql -At -c 'show server_version')"

as_postgres psql -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'helpboard') THEN
    CREATE ROLE helpboard LOGIN PASSWORD 'helpboard';
  END IF;
END
$$;
SQL
as_postgres psql -q -c "drop database if exists $DB" -c "create database $DB owner helpboard"
if [ -n "${SLOW_LOG_MS:-}" ]; then as_postgres psql -q -c "alter database $DB set log_min_duration_statement = $SLOW_LOG_MS"; fi
JAR=$(ls target/helpboard-*.jar | grep -v plain | head -n 1)
KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d " \n")

APPS=()
# The auto-confirm gate (docs/credits.md) pays an auto-confirmed help only to a helper
# with 5 answered claims, most of them confirmed; the generated helpers have none, so the
# gate is opened here (auto-pay-min-answers=0): the bench is about the payments being made
# exactly once, which a closed gate would skip. For the same reason the pair caps
# (3 credits a week from one author, 4 both ways; docs/credits.md) are raised: each
# generated helper's 10 claims help one author, so the caps would pay 3 of them.
# APP_ARGS adds settings to try (e.g. --helpboard.scheduler.auto-confirm-batch=5000), JAVA_ARGS
# options for the JVM (e.g. -XX:+PrintCompilation).
start_app() { # port log [more arguments]: default scheduler settings
  # shellcheck disable=SC2086
  java -Xmx512m ${JAVA_ARGS:-} -jar "$JAR" --server.port="$1" --spring.profiles.active=postgres \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --helpboard.remember-me-key="$KEY" \
    --helpboard.credit.auto-pay-min-answers=0 --helpboard.credit.pair-weekly-cap=100 \
    --helpboard.credit.mutual-weekly-cap=100 ${APP_ARGS:-} "${@:3}" \
    > "$2" 2>&1 &
  APPS+=($!)
}
stop_apps() { if [ -n "${GATLING:-}" ]; then kill -- -"$GATLING" 2>/dev/null || true; fi; for pid in "${APPS[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${APPS[@]}"; do wait "$pid" 2>/dev/null || true; done; APPS=(); }
trap stop_apps EXIT
wait_up() { for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$1/actuator/health" >/dev/null && return 0; sleep 1; done; echo "app on $1 did not start"; exit 1; }

# members: authors, helpers; kanjia's open requests for the page
seed() { # prefix authors helpers
  sql <<SQL
insert into members (username, username_key, password_hash, created_at)
select '$1a' || n, '$1a' || n, '{noop}x', now() - interval '30 days' from generate_series(1, $2) n;
insert into members (username, username_key, password_hash, created_at)
select '$1h' || n, '$1h' || n, '{noop}x', now() - interval '30 days' from generate_series(1, $3) n;
-- established authors (docs/credits.md): a new author's confirmations are held, not paid
insert into credit_trust (member_id, vouched_at, established_at)
select id, now() - interval '29 days', now() - interval '29 days' from members where username like '$1a%';
SQL
}

# one transaction: overdue requests over all groups, boosts to refund, unanswered claims
backlog() { # prefix requests claims boosts authors helpers
  local p=$1 requests=$2 claims=$3 boosts=$4 authors=$5 helpers=$6
  local claimed=$(( claims / 5 ))
  sql <<SQL
begin;
create temp table g as select array_agg(id order by id) ids, count(*)::int gn from topic_groups;
create temp table a as select id, username, row_number() over (order by id) rn from members where username like '${p}a%';
create temp table h as select id, row_number() over (order by id) rn from members where username like '${p}h%';
create index on a (rn);
create index on h (rn);
insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text, dedupe_key, open_key,
  helps_needed, status, created_at, expires_at)
select g.ids[1 + n % g.gn], a.id, a.username, 'PINDUODUO', 'pdd-bargain', 'https://p.pinduoduo.com/o' || n,
  '${p}o' || n, '${p}o' || n, 1, 'OPEN', now() - interval '26 hours', now() - interval '2 hours' + (n % 7000) * interval '1 second'
from generate_series(1, $requests) n, g, a where a.rn = 1 + n % $authors;
-- requests helped by the claims: open for 20 more hours, in every group but the page's
insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text, dedupe_key, open_key,
  helps_needed, status, created_at, expires_at)
select g.ids[2 + n % (g.gn - 1)], a.id, a.username, 'PINDUODUO', 'pdd-bargain', 'https://p.pinduoduo.com/c' || n,
  '${p}c' || n, '${p}c' || n, 5, 'OPEN', now() - interval '30 hours', now() + interval '20 hours'
from generate_series(1, $claimed) n, g, a where a.rn = 1 + n % $authors;
insert into claims (request_id, helper_id, author_id, campaign, status, created_at, helper_day)
select r.id, h.id, r.author_id, 'pdd-bargain', 'CLAIMED', now() - interval '25 hours' - (k * 97 + n % 3600) * interval '1 second', current_date
from generate_series(1, $claimed) n cross join generate_series(0, 4) k
join help_requests r on r.dedupe_key = '${p}c' || n
join h on h.rn = 1 + (n * 5 + k) % $helpers;
-- queued boosts on overdue requests, paid for: a grant, then the boost's spend
insert into boosts (request_id, group_id, member_id, hours, cost, status, created_at)
select r.id, r.group_id, r.author_id, 1, 2, 'QUEUED', now() - interval '3 hours'
from help_requests r where r.dedupe_key in (select '${p}o' || n from generate_series(1, $boosts) n);
insert into credit_accounts (member_id, balance, earned_today, version)
select distinct b.member_id, 0, 0, 0 from boosts b join help_requests r on r.id = b.request_id
where r.dedupe_key like '${p}o%' on conflict do nothing;
insert into ledger_entries (member_id, amount, kind, idempotency_key, reference, balance_after, created_at)
select b.member_id, 10, 'GRANT', 'bench:${p}:grant:' || b.id, 'bench', 10, now() - interval '4 hours'
from boosts b join help_requests r on r.id = b.request_id where r.dedupe_key like '${p}o%';
insert into ledger_entries (member_id, amount, kind, idempotency_key, reference, balance_after, created_at)
select b.member_id, -2, 'SPEND', 'boost:' || b.id || ':spend', 'boost:' || b.id, 8, now() - interval '3 hours'
from boosts b join help_requests r on r.id = b.request_id where r.dedupe_key like '${p}o%';
update credit_accounts c set balance = (select sum(amount) from ledger_entries e where e.member_id = c.member_id)
where member_id in (select b.member_id from boosts b join help_requests r on r.id = b.request_id where r.dedupe_key like '${p}o%');
commit;
analyze help_requests; analyze claims; analyze members; analyze boosts;
SQL
}

remaining() { # -> "overdue-requests unanswered-claims"
  value "select (select count(*) from help_requests where status = 'OPEN' and expires_at <= now())
    || ' ' || (select count(*) from claims where status = 'CLAIMED' and created_at <= now() - interval '24 hours')"
}

# exactly once: prints the checks, returns non-zero when one fails
check() { # prefix requests claims boosts helpers incomplete-publications-allowed
  local p=$1 requests=$2 claims=$3 boosts=$4 helpers=$5 allowed=$6 failed=0 incomplete
  for _ in $(seq 1 150); do # the boosts' refunds follow their requests' close, after its commit
    [ "$(value "select count(*) from event_publication where completion_date is null")" -le "$allowed" ] \
      && [ "$(value "select count(*) from boosts b join help_requests r on r.id = b.request_id where r.dedupe_key like '${p}o%' and b.status <> 'REFUNDED'")" = 0 ] && break
    sleep 1
  done
  while IFS='|' read -r what got want; do
    if [ "$got" = "$want" ]; then echo "   ok   $what: $got"; else echo "   FAIL $what: $got, expected $want"; failed=1; fi
  done < <(sql -At <<SQL
select 'overdue requests expired', count(*) filter (where status = 'EXPIRED' and closed_at is not null and open_key is null), $requests
  from help_requests where dedupe_key like '${p}o%';
select 'claims confirmed automatically', count(*) filter (where c.status = 'CONFIRMED' and c.auto_confirmed), $claims
  from claims c join members m on m.id = c.helper_id where m.username like '${p}h%';
select 'ledger entries for those claims', count(*), $claims from ledger_entries e
  where e.idempotency_key in (select 'claim:' || c.id || ':confirmed' from claims c join members m on m.id = c.helper_id
    where m.username like '${p}h%');
select 'ledger entries per claim, at most', coalesce(max(n), 1), 1 from (select count(*) n from ledger_entries
  where idempotency_key like 'claim:%' group by idempotency_key) x;
select 'requests fulfilled with 5 of 5', count(*) filter (where status = 'FULFILLED' and helps_confirmed = 5), $(( claims / 5 ))
  from help_requests where dedupe_key like '${p}c%';
select 'helpers with balance 10 and standing = their distinct authors helped', count(*) filter (where a.balance = 10
    and m.standing = (select count(distinct c.author_id) from claims c where c.helper_id = m.id and c.status = 'CONFIRMED')),
  $helpers
  from members m left join credit_accounts a on a.member_id = m.id where m.username like '${p}h%';
select 'queued boosts refunded', count(*) filter (where b.status = 'REFUNDED'), $boosts
  from boosts b join help_requests r on r.id = b.request_id where r.dedupe_key like '${p}o%';
select 'refund entries for those boosts', count(*), $boosts from ledger_entries e
  where e.idempotency_key in (select 'boost:' || b.id || ':refund' from boosts b join help_requests r on r.id = b.request_id
    where r.dedupe_key like '${p}o%');
select 'members whose balance is not their ledger sum', count(*), 0 from (select a.member_id from credit_accounts a
  left join ledger_entries e on e.member_id = a.member_id group by a.member_id, a.balance
  having a.balance <> coalesce(sum(e.amount), 0)) x;
SQL
)
  incomplete=$(value "select count(*) from event_publication where completion_date is null")
  if [ "$allowed" = 0 ]; then
    if [ "$incomplete" = 0 ]; then echo "   ok   event publications incomplete: 0"; else echo "   FAIL event publications incomplete: $incomplete, expected 0"; failed=1; fi
  else
    echo "   info event publications incomplete: $incomplete (a killed instance's RequestsClosed, delivered or not before it died,"
    echo "        is resubmitted after helpboard.events.resubmit-after, 5 min; the boost sweep refunds meanwhile, as checked above)"
  fi
  return $failed
}

started() { value "select exists (select 1 from help_requests where status = 'EXPIRED') or exists (select 1 from claims where status = 'CONFIRMED')"; }
drained() { value "select not exists (select 1 from help_requests where status = 'OPEN' and expires_at <= now())
  and not exists (select 1 from claims where status = 'CLAIMED' and created_at <= now() - interval '24 hours')"; }
wait_for() { # what poll-seconds timeout-seconds
  local t0; t0=$(date +%s)
  until [ "$($1)" = t ]; do
    if [ $(( $(date +%s) - t0 )) -gt "$3" ]; then echo "   gave up waiting ($1) after $3 s"; exit 1; fi
    sleep "$2"
  done
}

# a job changed a row since the backlog was committed: a request closed or a claim decided
# since then, each one probe of a partial index (help_requests_closed,
# claims_confirmed_decided). Asking by "id above the backlog's first and status changed"
# instead walked the 200 000 new rows still open: 0.18 s of PostgreSQL a question, every
# fifth of a second, right up to the measured window.
started_after() { value "select exists (select 1 from help_requests where closed_at >= '$SINCE')
  or exists (select 1 from claims where status = 'CONFIRMED' and decided_at >= '$SINCE')"; }
# every event publication of the warm-up completed (its listeners ran)
published() { value "select not exists (select 1 from event_publication where completion_date is null)"; }
p99() { awk '/^ +99%/ { print $2 }'; }
# methods the app's JIT compiled since it started (jstat): a count still growing while a
# window is measured means that window also measures the JIT at work on two cores
compiled() { jstat -compiler "${APPS[0]}" 2>/dev/null | awk 'NR == 2 { print $1 }'; }
# Gatling at RATE pages a second: warm-up seconds, measured seconds, output file; prints the
# measured p99 (ms)
rate_window() { # ... [times file: each measured response's end (epoch ms) and time (ms)]
  ./mvnw -q -f bench/gatling/pom.xml gatling:test -Dgatling.http.requestTimeout=10000 -Dbench.baseUrl="http://127.0.0.1:$PORT" \
    -Dbench.path=/g/kanjia -Dbench.rate="$RATE" -Dbench.warmupSeconds="$1" -Dbench.seconds="$2" -Dbench.p99Millis=100 \
    -Dbench.timesFile="${4:-}" > "$3" 2>&1 || true
  grep '^measured: 99th percentile' "$3" | sed 's/.*actual : \([0-9.]*\)).*/\1ms/' | head -n 1
}
# percentiles of the responses in a times file that ended between two instants (epoch
# seconds, as now prints them): "p50 … ms, p90 … ms, p99 … ms, max … ms; N responses"
times_between() { # file from to
  awk -v from="$2" -v to="$3" '$1 >= from * 1000 && $1 <= to * 1000 { print $2 }' "$1" | sort -n | awk '
    { v[NR] = $1 }
    END { if (NR == 0) { print "no responses"; exit }
      printf "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms; %d responses\n", v[int(NR * 0.50 + 0.999999)], v[int(NR * 0.90 + 0.999999)], v[int(NR * 0.99 + 0.999999)], v[NR], NR }'
}
p99_of() { sed 's/.*p99 \([0-9]*\) ms.*/\1ms/'; }
rate_summary() { # Gatling output file
  actual() { grep "^measured: $1" "$2" | sed 's/.*actual : \([0-9.]*\)).*/\1/' | head -n 1; }
  echo "p50 $(actual 50th "$1") ms, p90 $(actual 90th "$1") ms, p99 $(actual 99th "$1") ms, max $(actual max "$1") ms; requests total/OK/KO: $(awk '/^> measured / {print $(NF - 4), $(NF - 2), $NF}' "$1" | tail -n 1)"
}
wrk_window() { wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$1" --latency "$PAGE"; }

echo
echo "== (a) one instance: $REQUESTS overdue requests, $CLAIMS unanswered claims, $BOOSTS queued boosts"
start_app $PORT target/jobs-bench-a.log
wait_up $PORT
seed ja 2000 $(( CLAIMS / 10 ))
sql <<SQL
insert into members (username, username_key, password_hash, created_at)
select 'page' || n, 'page' || n, '{noop}x', now() from generate_series(1, 100) n;
insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text, dedupe_key, open_key,
  helps_needed, helps_confirmed, status, created_at, expires_at)
select g.id, m.id, m.username, 'PINDUODUO', 'pdd-bargain', 'https://p.pinduoduo.com/p' || n, 'page' || n, 'page' || n,
  5, n % 5, 'OPEN', now() - (n || ' seconds')::interval, now() + interval '20 hours'
from generate_series(1, $PAGE_OPEN) n join topic_groups g on g.slug = 'kanjia' join members m on m.username = 'page' || (1 + n % 100);
analyze help_requests; analyze members;
SQL
if [ "$WARM_REQUESTS" -gt 0 ] || [ "$WARM_CLAIMS" -gt 0 ]; then
  echo "-- warming up the jobs: $WARM_ROUNDS rounds of $WARM_REQUESTS overdue requests, $WARM_CLAIMS unanswered claims (not measured)"
  for round in $(seq 1 "$WARM_ROUNDS"); do
    seed "jw$round" 200 $(( WARM_CLAIMS / 10 ))
    backlog "jw$round" "$WARM_REQUESTS" "$WARM_CLAIMS" 50 200 $(( WARM_CLAIMS / 10 ))
    wait_for drained 1 300
    wait_for published 1 300
  done
  grep -E "Job (expire-requests|auto-confirm-claims):" target/jobs-bench-a.log | sed 's/.*JobRun *: /   warm-up: /'
fi
if [ "$LOAD" = rate ] && [ "$PAGE_WARMUP" -gt 0 ]; then
  echo "-- warming up the group page: $RATE pages a second for ${PAGE_WARMUP}s (not measured)"
  rate_window 1 "$PAGE_WARMUP" target/jobs-bench-warm-rate.txt >/dev/null
fi
echo "   JIT: $(compiled) methods compiled so far"
if [ "$LOAD" = wrk ]; then
  echo "-- warming up the group page ($WARMUP, not measured; $PAGE_OPEN open requests in its group)"
  wrk_window "$WARMUP" >/dev/null
  echo "-- group page while the jobs are idle ($IDLE_WINDOW, wrk -t$WRK_THREADS -c$WRK_CONNECTIONS)"
  IDLE=$(wrk_window "$IDLE_WINDOW" | tee target/jobs-bench-idle.txt | p99)
  grep -E "Latency  |50%|90%|99%|Requests/sec" target/jobs-bench-idle.txt | sed 's/^/   /'
else
  echo "-- group page while the jobs are idle: $RATE pages a second for ${RATE_SECONDS}s after 10 s at that rate (Gatling, open model)"
  rm -f target/jobs-bench-idle-times.txt
  rate_window 10 "$RATE_SECONDS" target/jobs-bench-idle-rate.txt target/jobs-bench-idle-times.txt > /dev/null
  echo "   Gatling: $(rate_summary target/jobs-bench-idle-rate.txt)"
  IDLE_SUMMARY=$(times_between target/jobs-bench-idle-times.txt 0 9999999999)
  echo "   each response by its end: $IDLE_SUMMARY"
  IDLE=$(echo "$IDLE_SUMMARY" | p99_of)
fi
echo "   JIT: $(compiled) methods compiled by the end of the idle window"
SINCE=$(value "select now()")
LOGGED_BEFORE=$(grep -cE "Job (expire-requests|auto-confirm-claims):" target/jobs-bench-a.log || true)
if [ "$LOAD" = rate ]; then
  # The page is measured from before the backlog is committed until it is gone, and the
  # percentiles are taken of the responses that ended while the jobs worked (from their
  # first change to their last). Gatling started once the jobs had begun would miss their
  # first ~20 s: on two cores saturated by the jobs, Maven and Gatling took that long to
  # start (seen in a per-thread CPU sample, docs/performance.md).
  echo "-- the group page at $RATE a second from before the commit until the backlog is gone (Gatling)"
  rm -f target/jobs-bench-busy-times.txt
  setsid ./mvnw -q -f bench/gatling/pom.xml gatling:test -Dgatling.http.requestTimeout=10000 \
    -Dbench.baseUrl="http://127.0.0.1:$PORT" -Dbench.path=/g/kanjia -Dbench.rate="$RATE" -Dbench.warmupSeconds=1 \
    -Dbench.seconds=900 -Dbench.p99Millis=100 -Dbench.timesFile=target/jobs-bench-busy-times.txt \
    > target/jobs-bench-busy-rate.txt 2>&1 &
  GATLING=$!
  has_times() { [ -s target/jobs-bench-busy-times.txt ] && echo t; }
  wait_for has_times 0.5 120
fi
echo "-- committing the backlog"
T=$(now)
backlog ja "$REQUESTS" "$CLAIMS" "$BOOSTS" 2000 $(( CLAIMS / 10 ))
echo "   committed in $(seconds "$T" "$(now)") s; waiting for the jobs' next tick (at most the 1-minute interval)"
wait_for started_after 0.2 180
START=$(now)
# the end, to a quarter of a second, while wrk measures: told by the app's log (a job logs
# its run once it has drained its backlog), then confirmed in the database. Asking the
# database every quarter second instead cost PostgreSQL ~0.2 s a question while the jobs
# worked (the front of the claims' index is rows they just confirmed): 13.6 s of its CPU
# in a 56 s run (pg_stat_statements), taken from the jobs and the page this measures.
logged_both() { [ "$(grep -cE "Job (expire-requests|auto-confirm-claims):" target/jobs-bench-a.log)" -ge $(( LOGGED_BEFORE + 2 )) ] && echo t; }
rm -f target/jobs-bench-drained
( wait_for logged_both 0.25 900; wait_for drained 1 900; now > target/jobs-bench-drained ) &
WATCHER=$!
BUSY=()
if [ "$LOAD" = wrk ]; then
  echo "-- the jobs started; the group page in 10 s windows until the backlog is gone"
  while [ ! -s target/jobs-bench-drained ]; do
    W=$(wrk_window 10s | p99)
    if [ -s target/jobs-bench-drained ]; then BUSY+=("($W)"); else BUSY+=("$W"); fi
    echo "   window to $(seconds "$START" "$(now)") s: p99 $W; left (requests claims): $(remaining)"
  done
else
  echo "-- the jobs started; the group page still at $RATE a second"
fi
wait $WATCHER
if [ "$LOAD" = rate ]; then
  sleep 2
  kill -- -"$GATLING" 2>/dev/null || true
  wait "$GATLING" 2>/dev/null || true
  BUSY_SUMMARY=$(times_between target/jobs-bench-busy-times.txt "$START" "$(cat target/jobs-bench-drained)")
  echo "   while the jobs worked, each response by its end: $BUSY_SUMMARY"
  BUSY+=("$(echo "$BUSY_SUMMARY" | p99_of)")
fi
echo "   JIT: $(compiled) methods compiled by the end of the busy window"
DONE=$(cat target/jobs-bench-drained)
echo "   backlog gone $(seconds "$START" "$DONE") s after the jobs' first change"
grep -E "Job (expire-requests|auto-confirm-claims):" target/jobs-bench-a.log | tail -n 2 | sed 's/.*JobRun *: /   log: /'
# each job ticks 1 minute after its own last run ended (fixed delay), so after the warm-up
# the two may start up to a minute apart: then the time above holds that wait too, and
# each job's own run (the log's lines) is the work
echo "   each job's run: $(grep -E "Job (expire-requests|auto-confirm-claims):" target/jobs-bench-a.log | tail -n 2 \
  | sed -E 's/.*Job ([a-z-]+): ([0-9]+) items in ([0-9]+) ms.*/\1 \3/' | awk '{ printf "%s%s %.1f s", (NR > 1) ? ", " : "", $1, $2 / 1000 }')"
if [ "$LOAD" = wrk ]; then
  echo "-- group page p99: idle $IDLE; in each 10 s window while the jobs worked: ${BUSY[*]} (in brackets: the window the backlog ended in)"
else
  echo "-- group page p99 at $RATE a second: idle $IDLE; while the jobs worked: ${BUSY[*]}"
fi
echo "-- exactly once:"
check ja "$REQUESTS" "$CLAIMS" "$BOOSTS" $(( CLAIMS / 10 )) 0 || A_FAILED=1
echo "   app memory (RSS): $(ps -o rss= -p "${APPS[0]}" | awk '{ printf "%d MB", $1 / 1024 }')"
stop_apps

if [ "$TWO_INSTANCES" != true ]; then
  echo; echo "== (b) skipped (TWO_INSTANCES=$TWO_INSTANCES)"
  if [ "${A_FAILED:-0}" = 0 ]; then echo "== all checks passed"; exit 0; else echo "== a check failed"; exit 1; fi
fi

echo
echo "== (b) two instances: $B_REQUESTS overdue requests, $B_CLAIMS unanswered claims; the first killed with kill -9 mid-run"
B_BOOSTS=$(( BOOSTS / 10 ))
as_postgres psql -q -c "drop database if exists $DB" -c "create database $DB owner helpboard"
# the schema first (an instance that runs no jobs), then the backlog, then the two instances
start_app $PORT target/jobs-bench-b0.log --helpboard.scheduler.enabled=false
wait_up $PORT
stop_apps
seed jb 500 $(( B_CLAIMS / 10 ))
backlog jb "$B_REQUESTS" "$B_CLAIMS" "$B_BOOSTS" 500 $(( B_CLAIMS / 10 ))
start_app $PORT target/jobs-bench-b1.log --spring.datasource.hikari.data-source-properties.ApplicationName=jobs-bench-1
start_app $PORT2 target/jobs-bench-b2.log --spring.datasource.hikari.data-source-properties.ApplicationName=jobs-bench-2
echo "-- both instances starting; instance 1 is killed once the jobs have begun and it holds rows in a transaction"
holding() { value "select exists (select 1 from pg_stat_activity where application_name = 'jobs-bench-1'
  and backend_xid is not null and (query like '%help_requests%' or query like '%claims%' or query like '%credit_accounts%'
  or query like '%ledger_entries%' or query like '%members%'))"; }
wait_for started 0.05 900
START=$(now)
HOW="while it held rows in a transaction"
T=$(date +%s)
until [ "$(holding)" = t ]; do
  if [ $(( $(date +%s) - T )) -gt 60 ]; then HOW="(never seen holding rows)"; break; fi
  sleep 0.02
done
LEFT=$(remaining)
kill -9 "${APPS[0]}"
KILLED=$(now)
echo "   jobs began; instance 1 killed with kill -9 $(seconds "$START" "$KILLED") s later $HOW, with (requests claims) $LEFT left"
if [ "$LEFT" = "0 0" ]; then
  # instance 2 worked the whole backlog before instance 1 took any: the kill came after
  # the end, and the time below is only how long this script waited for instance 1
  echo "   NOT MEASURED: the backlog was gone before the kill (instance 2 did it all); run again for the killed-instance time"
fi
wait_for drained 0.2 900
DONE=$(now)
echo "   backlog gone $(seconds "$START" "$DONE") s after the jobs' first change ($(seconds "$KILLED" "$DONE") s after the kill)"
for n in 1 2; do { grep -E "Job (expire-requests|auto-confirm-claims):" target/jobs-bench-b$n.log || echo "(no finished run logged: killed)"; } | sed "s/.*JobRun *: /   instance $n: /"; done
echo "-- exactly once:"
check jb "$B_REQUESTS" "$B_CLAIMS" "$B_BOOSTS" $(( B_CLAIMS / 10 )) 1 || B_FAILED=1
stop_apps
if [ -n "${A_FAILED:-}${B_FAILED:-}" ]; then echo "== some checks FAILED"; exit 1; fi
echo "== all checks passed"
