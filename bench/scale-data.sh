#!/usr/bin/env bash
# Builds the "feed at scale" data set (issue #10) in a fresh PostgreSQL database:
#   - the application migrates it (Flyway) and registers the member 'bench' through its
#     own API (POST /api/v1/accounts), so bench's password hash is the app's own;
#   - bench/scale-data.sql then generates, set-based: 50 000 members, the group 'big' with
#     20 000 open requests (+100 000 closed), 'small' with 200 open, 20 other groups, and
#     more than 2 000 000 rows of history (closed requests, decided claims, ledger entries
#     with their credit accounts, completed event publications, ended boosts); ANALYZE.
# Needs: a built jar (./mvnw -DskipTests package), a local PostgreSQL on 127.0.0.1:5432
# whose superuser this script may use (runuser/sudo -u postgres), curl.
# Usage: bench/scale-data.sh [database]        (default helpboard_bench_scale)
# Sizes: BIG_OPEN, BIG_CLOSED, SMALL_OPEN, SMALL_CLOSED, OTHERS, OTHER_OPEN, OTHER_CLOSED,
#        MEMBERS, EVENTS (environment).
# Logs in as: bench / $BENCH_PASSWORD (default feed-at-scale-2026); every m<i> has the
# same password.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-helpboard_bench_scale}
PORT=${PORT:-18081}
BENCH_PASSWORD=${BENCH_PASSWORD:-feed-at-scale-2026}
MEMBERS=${MEMBERS:-50000}
BIG_OPEN=${BIG_OPEN:-20000}
BIG_CLOSED=${BIG_CLOSED:-100000}
SMALL_OPEN=${SMALL_OPEN:-200}
SMALL_CLOSED=${SMALL_CLOSED:-5000}
OTHERS=${OTHERS:-20}
OTHER_OPEN=${OTHER_OPEN:-100}
OTHER_CLOSED=${OTHER_CLOSED:-13500}
EVENTS=${EVENTS:-100000}

case "$DB" in
  helpboard_bench_*) ;;
  *) echo "refusing to drop and rebuild '$DB': the name must start with helpboard_bench_" >&2; exit 2 ;;
esac
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

JAR=${JAR:-$(ls target/helpboard-*.jar | grep -v plain | head -n 1)}
echo "== migrating $DB with $JAR (Flyway) and registering 'bench'"
java -Xmx512m -jar "$JAR" --server.port="$PORT" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --helpboard.scheduler.enabled=false \
  --helpboard.sample-data=false --helpboard.throttle.enabled=false \
  --helpboard.remember-me-key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  > target/scale-data-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
up=false
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then up=true; break; fi
  if ! kill -0 $APP 2>/dev/null; then break; fi
  sleep 1
done
if [ "$up" != true ]; then echo "the application did not start; see target/scale-data-app.log" >&2; exit 1; fi
status=$(curl -s -o target/scale-data-register.json -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$BENCH_PASSWORD\"}" "http://127.0.0.1:$PORT/api/v1/accounts")
if [ "$status" != 201 ]; then
  echo "registering bench answered $status: $(cat target/scale-data-register.json)" >&2; exit 1
fi
kill $APP; wait $APP 2>/dev/null || true
trap - EXIT

echo "== generating the data set"
started=$(date +%s.%N)
as_postgres psql -X -v ON_ERROR_STOP=1 -d "$DB" \
  -v members="$MEMBERS" -v big_open="$BIG_OPEN" -v big_closed="$BIG_CLOSED" \
  -v small_open="$SMALL_OPEN" -v small_closed="$SMALL_CLOSED" -v others="$OTHERS" \
  -v other_open="$OTHER_OPEN" -v other_closed="$OTHER_CLOSED" -v events="$EVENTS" \
  -f bench/scale-data.sql
ended=$(date +%s.%N)
printf '== generated (SQL, including the checks and VACUUM ANALYZE) in %.1f s\n' "$(echo "$ended - $started" | bc)"
