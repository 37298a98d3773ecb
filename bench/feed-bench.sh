#!/usr/bin/env bash
# Measures the group feed (page and API) on PostgreSQL with wrk.
# Needs: a built jar (./mvnw -DskipTests package), a local PostgreSQL server on
# 127.0.0.1:5432 (the helpboard role is created here if missing), and wrk
# (apt-get install -y wrk).
# Usage: bench/feed-bench.sh [open-requests-in-the-group] [duration]
set -euo pipefail
cd "$(dirname "$0")/.."

OPEN=${1:-2000}
DURATION=${2:-20s}
DB=helpboard_bench
PORT=${PORT:-18080}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

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
JAR=$(ls target/helpboard-*.jar | grep -v plain | head -n 1)
java -Xmx512m -jar "$JAR" --server.port=$PORT --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --helpboard.scheduler.enabled=false \
  --helpboard.remember-me-key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d " \n")" \
  > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

PGPASSWORD=helpboard psql -q -h 127.0.0.1 -U helpboard $DB <<SQL
insert into members (username, username_key, password_hash, created_at)
select 'bench' || n, 'bench' || n, '{noop}x', now() from generate_series(1, 500) n;
insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text, dedupe_key, open_key,
  helps_needed, helps_confirmed, status, created_at, expires_at)
select g.id, m.id, m.username, 'PINDUODUO', 'pdd-bargain',
  '【拼多多】帮我砍一刀 https://p.pinduoduo.com/b' || n, 'short=b' || n, 'short=b' || n, 5, n % 5, 'OPEN',
  now() - (n || ' seconds')::interval, now() + interval '20 hours'
from generate_series(1, $OPEN) n
join topic_groups g on g.slug = 'kanjia'
join members m on m.username = 'bench' || (1 + n % 500);
-- history: closed requests in the same table, as on a board that has run for a while
insert into help_requests (group_id, author_id, author_name, platform, campaign, share_text, dedupe_key,
  helps_needed, status, created_at, expires_at)
select g.id, m.id, m.username, 'PINDUODUO', 'pdd-bargain', 'x', 'old' || n, 5, 'EXPIRED',
  now() - interval '3 days', now() - interval '2 days'
from generate_series(1, $OPEN * 5) n
join topic_groups g on g.slug = 'kanjia'
join members m on m.username = 'bench' || (1 + n % 500);
analyze help_requests;
analyze members;
SQL

echo "== EXPLAIN of the feed's candidate query ($OPEN open requests in the group)"
PGPASSWORD=helpboard psql -q -h 127.0.0.1 -U helpboard $DB -c "explain analyze select r.id, r.author_id, r.helps_confirmed,
  r.helps_needed, r.created_at, r.boosted_until, r.boost_started_at from help_requests r
  where r.group_id = (select id from topic_groups where slug = 'kanjia') and r.status = 'OPEN' and r.expires_at > now()"

echo "== warming up the JIT (15 s each, not measured)"
wrk -t2 -c8 -d15s "http://127.0.0.1:$PORT/g/kanjia" >/dev/null
wrk -t2 -c8 -d15s "http://127.0.0.1:$PORT/api/v1/groups/kanjia/requests" >/dev/null
echo "== wrk: group page, 20 per page"
wrk -t2 -c8 -d"$DURATION" --latency "http://127.0.0.1:$PORT/g/kanjia"
echo "== wrk: feed API, 20 per page"
wrk -t2 -c8 -d"$DURATION" --latency "http://127.0.0.1:$PORT/api/v1/groups/kanjia/requests"
echo "== app memory (RSS, kB)"
ps -o rss= -p $APP
