#!/usr/bin/env bash
# Tries the twelve points of the security audit as a hostile member would, against the
# PACKAGED app on a local PostgreSQL database, and prints one line per check:
#   PASS <what>            or            FAIL <what> (<evidence>)
# then "N passed, M failed"; exits non-zero when anything failed.
#
# Needs: a JDK 17+, curl, python3 (stdlib only), psql, a local PostgreSQL on 127.0.0.1:5432
# where the helpboard/helpboard role may create databases (bash .ci/run sets it up), and
# root or sudo to drop/create the database as postgres.
# Usage: bench/hostile-check.sh            (builds the jar unless SKIP_BUILD=1;
#        CHECKS=1,5 runs only those audit points)
# Everything targets 127.0.0.1 only; the database helpboard_hostile is dropped and re-created.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-helpboard_hostile}
PORT=${PORT:-18090}
BAD_PORT=${BAD_PORT:-18091}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

echo "== hostile check, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "== machine: nproc $(nproc); free -h: $(free -h | awk '/^Mem:/' | tr -s ' ')"
echo "== commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes)')"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -o -DskipTests package >/dev/null 2>&1 || ./mvnw -q -DskipTests package
fi
JAR=$(ls target/helpboard-*.jar | grep -v plain | head -n 1)
echo "== jar: $JAR"

as_postgres psql -q -c "drop database if exists $DB" -c "create database $DB owner helpboard" >/dev/null
LOG=target/hostile-app.log
java -Xmx512m -jar "$JAR" --server.port=$PORT --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --helpboard.sample-data=false \
  --helpboard.remember-me-key="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d " \n")" \
  > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
up=0
for _ in $(seq 1 120); do
  if curl -fs --max-time 2 "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then up=1; break; fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
if [ $up != 1 ]; then echo "FAIL the app did not start (see $LOG)"; tail -n 30 "$LOG"; echo "0 passed, 1 failed"; exit 1; fi
echo "== app up on 127.0.0.1:$PORT (pid $APP, log $LOG), database $DB"

set +e
CHECKS=${CHECKS:-} PORT=$PORT DB=$DB JAR=$JAR BAD_PORT=$BAD_PORT python3 -u - <<'PY'
import http.client, json, os, re, struct, subprocess, sys, threading, time, uuid, zlib
from collections import Counter

HOST = "127.0.0.1"
PORT = int(os.environ["PORT"])
DB = os.environ["DB"]
JAR = os.environ["JAR"]
BAD_PORT = int(os.environ["BAD_PORT"])
PASSWORD = "correct-horse-battery-staple"
RUN = uuid.uuid4().hex[:6]
results = []


def report(ok, what, evidence=""):
    results.append(ok)
    print(("PASS " + what) if ok else ("FAIL %s (%s)" % (what, evidence)), flush=True)


def info(text):
    print("      " + text, flush=True)


# ---------------------------------------------------------------- plumbing

def sql(statement):
    env = dict(os.environ, PGPASSWORD="helpboard")
    out = subprocess.run(["psql", "-h", HOST, "-U", "helpboard", "-d", DB, "-Atq", "-c", statement],
                         env=env, capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        raise RuntimeError("psql: " + out.stderr.strip())
    return out.stdout.strip()


def sql_int(statement):
    return int(sql(statement).splitlines()[-1])


class Jar:
    def __init__(self):
        self.cookies = {}

    def header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def take(self, set_cookies):
        for line in set_cookies:
            name, _, rest = line.partition("=")
            value = rest.split(";", 1)[0]
            if re.search(r"(?i)max-age=0\b", line) or value == "":
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value


class Resp:
    def __init__(self, status, headers, body, elapsed, set_cookies, error=None):
        self.status, self.headers, self.body, self.elapsed = status, headers, body, elapsed
        self.set_cookies, self.error = set_cookies, error

    def header(self, name):
        return self.headers.get(name) if self.headers is not None else None

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except Exception:
            return None

    def text(self):
        return self.body.decode("utf-8", "replace")

    def cookie_line(self, name):
        for line in self.set_cookies:
            if line.startswith(name + "="):
                return line
        return None

    def brief(self):
        if self.status == 0:
            return "no answer: %s" % self.error
        return "%d %s" % (self.status, self.text()[:160].replace("\n", " "))


def call(method, path, body=None, headers=None, jar=None, xff=None, token=None, timeout=30):
    h = {"Accept-Language": "en"}
    h.update(headers or {})
    if xff:
        h["X-Forwarded-For"] = xff
    if token:
        h["Authorization"] = "Bearer " + token
    if jar is not None and jar.cookies:
        h["Cookie"] = jar.header()
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode("utf-8")
        h.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        body = body.encode("utf-8")
    start = time.monotonic()
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        resp = Resp(r.status, r.headers, data, time.monotonic() - start, r.headers.get_all("Set-Cookie") or [])
    except Exception as ex:
        resp = Resp(0, None, b"", time.monotonic() - start, [], "%s: %s" % (type(ex).__name__, ex))
    finally:
        conn.close()
    if jar is not None:
        jar.take(resp.set_cookies)
    return resp


def form(fields):
    from urllib.parse import urlencode
    return urlencode(fields)


FORM = {"Content-Type": "application/x-www-form-urlencoded"}

_addr = [0]


def next_addr():
    _addr[0] += 1
    n = _addr[0]
    return "198.51.100.%d" % n if n <= 250 else "203.0.113.%d" % (n - 250)


class Member:
    def __init__(self, prefix, aged=False):
        self.name = ("%s_%s" % (prefix, RUN))[:32]
        self.addr = next_addr()
        r = call("POST", "/api/v1/accounts", {"username": self.name, "password": PASSWORD}, xff=self.addr)
        if r.status != 201:
            raise RuntimeError("sign-up of %s: %s" % (self.name, r.brief()))
        self.id = r.json()["id"]
        if aged:  # older than helpboard.throttle.new-account-age: the per-account limits apply
            sql("update members set created_at = now() - interval '10 days' where id = %d" % self.id)
        r = call("POST", "/api/v1/tokens", {"username": self.name, "password": PASSWORD}, xff=self.addr)
        if r.status != 201:
            raise RuntimeError("token of %s: %s" % (self.name, r.brief()))
        self.token = r.json()["token"]

    def api(self, method, path, body=None, **kw):
        return call(method, path, body, xff=self.addr, token=self.token, **kw)

    def join(self, slug="kanjia"):
        r = self.api("PUT", "/api/v1/groups/%s/membership" % slug, {})
        if r.status != 204:
            raise RuntimeError("join %s by %s: %s" % (slug, self.name, r.brief()))
        return self

    def post(self, input_text=None, slug="kanjia", **extra):
        body = {"input": input_text or link()}
        body.update(extra)
        return self.api("POST", "/api/v1/groups/%s/requests" % slug, body)


_link = [0]


def link():
    _link[0] += 1
    return "https://p.pinduoduo.com/%s%04d" % (RUN[:5].replace("0", "z"), _link[0])


def web_login(jar, username, password, xff, extra=None, headers=None):
    """GET /login for the CSRF cookie and hidden field, then POST the form; returns the POST's answer."""
    page = call("GET", "/login", jar=jar, xff=xff, headers=headers)
    m = re.search(r'name="_csrf"\s+value="([^"]+)"', page.text()) or \
        re.search(r'value="([^"]+)"\s*name="_csrf"', page.text())
    fields = {"username": username, "password": password, "_csrf": m.group(1) if m else ""}
    fields.update(extra or {})
    h = dict(FORM)
    h.update(headers or {})
    return call("POST", "/login", form(fields), headers=h, jar=jar, xff=xff)


def csrf_of(jar, path, xff):
    page = call("GET", path, jar=jar, xff=xff)
    m = re.search(r'name="_csrf"\s+value="([^"]+)"', page.text())
    return m.group(1) if m else ""


def run_parallel(fns, timeout=90):
    """Runs the callables at once (a barrier lines them up); returns their results in order."""
    out = [None] * len(fns)
    barrier = threading.Barrier(len(fns))

    def runner(i, fn):
        try:
            barrier.wait(timeout=30)
        except threading.BrokenBarrierError:
            pass
        out[i] = fn()

    threads = [threading.Thread(target=runner, args=(i, fn), daemon=True) for i, fn in enumerate(fns)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.1, deadline - time.monotonic()))
    return out


def statuses(resps):
    return dict(sorted(Counter((r.status if r is not None else -1) for r in resps).items()))


def details(resps):
    """What the refusals said: "status detail" -> how many."""
    seen = Counter()
    for r in resps:
        if r is not None and not 200 <= r.status < 300:
            d = (r.json() or {}).get("detail") if r.json() is not None else None
            seen["%d %s" % (r.status, (d or r.error or r.text())[:70].replace("\n", " "))] += 1
    return dict(seen)


def guarded(title, fn):
    try:
        fn()
    except Exception as ex:
        report(False, title, "the check itself broke: %s: %s" % (type(ex).__name__, ex))


# ---------------------------------------------------------------- PNGs written by hand

def png(width, height, bit_depth, color_type, rows):
    """rows: an iterable of (filter byte + scanline) bytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    z = zlib.compressobj(9)
    raw = b"".join(z.compress(r) for r in rows) + z.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def finder_stripes_png(size=4096):
    # vertical stripes dark/light/dark/light/dark with widths 1,1,3,1,1 modules of 4 px:
    # every row looks like a QR finder pattern's cross-section, to a scanner
    pattern = bytearray()
    for i, w in enumerate((1, 1, 3, 1, 1, 1)):
        pattern += bytes([0 if i % 2 == 0 else 255]) * (w * 4)
    line = (bytes(pattern) * (size // len(pattern) + 1))[:size]
    first = b"\x00" + line
    same = b"\x02" + bytes(size)  # filter "Up": identical to the row above
    return png(size, size, 8, 0, [first] + [same] * (size - 1))


def checker_png(size=1400, square=8):
    def line(phase):
        px = []
        for x in range(size):
            dark = ((x // square) + phase) % 2 == 0
            px.append(b"\x00\x00\x00\x00\x00\x00\xff\xff" if dark else b"\xff\xff\xff\xff\xff\xff\xff\xff")
        return b"".join(px)
    a, b = line(0), line(1)
    rows = []
    for y in range(size):
        if y % square == 0:
            rows.append(b"\x00" + (a if (y // square) % 2 == 0 else b))
        else:
            rows.append(b"\x02" + bytes(size * 8))
    return png(size, size, 16, 6, rows)


def multipart(field, filename, content, ctype="image/png"):
    boundary = "----hostile" + uuid.uuid4().hex
    body = ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
            % (boundary, field, filename, ctype)).encode() + content + ("\r\n--%s--\r\n" % boundary).encode()
    return body, {"Content-Type": "multipart/form-data; boundary=" + boundary}


# ---------------------------------------------------------------- setup

sql("update campaign_types set helper_daily_cap = 5 where code = 'pdd-bargain'")
CAP_SET_AT = time.monotonic()  # campaigns are cached for 30 s by the app
print("== setup: pdd-bargain helper_daily_cap = 5 (was 10); kanjia max_open_per_member = %s"
      % sql("select max_open_per_member from topic_groups where slug = 'kanjia'"), flush=True)


# ---------------------------------------------------------------- 1. uploads and sessions

def upload_storm(what, jobs):
    """Fires the uploads at once while timing 20 sequential GET /g/kanjia; reports two lines."""
    pages = []

    def upload(m, data, name):
        body, h = multipart("image", name, data)
        return m.api("POST", "/api/v1/groups/kanjia/requests/qr", body, headers=h, timeout=60)

    def page_timer():
        time.sleep(0.2)  # let the uploads land first
        for _ in range(20):
            pages.append(call("GET", "/g/kanjia", timeout=30))
        return None

    warm = [call("GET", "/g/kanjia", timeout=30) for _ in range(30)]  # JIT and template caches warm
    warm_times = sorted(p.elapsed for p in warm)
    info("GET /g/kanjia x30 before (warm-up, idle server): statuses %s, p50 %.3f s, max %.3f s"
         % (statuses(warm), warm_times[15], warm_times[-1]))
    fns = [(lambda m=m, d=d, n=n: upload(m, d, n)) for m, d, n in jobs] + [page_timer]
    started = time.monotonic()
    out = run_parallel(fns, timeout=120)
    uploads = out[:-1]
    took = time.monotonic() - started
    hist = statuses(uploads)
    times = sorted(p.elapsed for p in pages)
    page_hist = statuses(pages)
    p50 = times[len(times) // 2] if times else float("nan")
    worst = times[-1] if times else float("nan")
    info("uploads (%d at once): statuses %s, all answered within %.1f s" % (len(uploads), hist, took))
    info("upload refusals: %s" % details(uploads))
    info("GET /g/kanjia x%d meanwhile: statuses %s, p50 %.3f s, max %.3f s; in order: %s"
         % (len(pages), page_hist, p50, worst, " ".join("%.2f" % p.elapsed for p in pages)))
    bad = [r for r in uploads if r is None or r.status == 0 or (r.status >= 500 and r.status != 503)]
    report(not bad, "uploads: %s at once get no 5xx but 503 and no hang" % what,
           "; ".join(("no answer" if r is None else r.brief()) for r in bad[:3]))
    report(len(pages) == 20 and page_hist == {200: 20} and worst < 2.0,
           "uploads: the group page stays up meanwhile (20 GETs all 200, max %.2f s < 2 s)" % worst,
           "statuses %s, p50 %.3f s, max %.3f s" % (page_hist, p50, worst))


def check_uploads():
    stripes = finder_stripes_png()
    checker = checker_png()
    info("images: grey 4096x4096 stripes %d bytes, 16-bit RGBA 1400x1400 checkerboard %d bytes"
         % (len(stripes), len(checker)))
    members = [Member("up%02d" % i).join() for i in range(12)]
    jobs = [(members[i], stripes, "stripes.png") for i in range(12)]
    jobs += [(members[i], checker, "checker.png") for i in range(10)]
    upload_storm("22 hostile PNGs (12 stripes 4096², 10 checkerboards 16-bit)", jobs)
    # beyond the audit: stripes just under the pixel cap, so every one reaches the decoder
    inside = finder_stripes_png(2800)
    info("images: grey 2800x2800 stripes %d bytes (7.8 Mpx, under the 8 Mpx cap)" % len(inside))
    upload_storm("8 stripe PNGs of 2800² (decoded, not refused from the header)",
                 [(members[i], inside, "stripes-2800.png") for i in range(8)])


def check_anonymous_sessions():
    before = sql_int("select count(*) from spring_session")
    codes = Counter()
    for _ in range(20):
        codes[call("GET", "/login").status] += 1
        codes[call("GET", "/register").status] += 1
    after = sql_int("select count(*) from spring_session")
    report(after == before and codes == Counter({200: 40}),
           "sessions: 20 anonymous GET /login + /register add no spring_session rows (%d -> %d)" % (before, after),
           "rows %d -> %d, statuses %s" % (before, after, dict(codes)))


# ---------------------------------------------------------------- 2. caps under concurrency

def check_claim_cap():
    wait = 31 - (time.monotonic() - CAP_SET_AT)
    if wait > 0:
        time.sleep(wait)  # the lowered cap is past the app's 30 s campaign cache
    cap = sql_int("select helper_daily_cap from campaign_types where code = 'pdd-bargain'")
    authors = [Member("au%d" % i).join() for i in range(4)]
    ids = []
    for a in authors:
        for _ in range(3):
            r = a.post()
            if r.status != 201:
                raise RuntimeError("author post: " + r.brief())
            j = r.json()
            if j.get("campaign") != "pdd-bargain":
                raise RuntimeError("request %s is in campaign %s, not pdd-bargain" % (j.get("id"), j.get("campaign")))
            ids.append(j["id"])
    helper = Member("helper").join()
    out = run_parallel([(lambda i=i: helper.api("POST", "/api/v1/requests/%d/claims" % i)) for i in ids])
    hist = statuses(out)
    rows = sql_int("select count(*) from claims where helper_id = %d" % helper.id)
    accepted = sum(1 for r in out if r is not None and r.status == 201)
    info("12 concurrent claims, cap %d: statuses %s, claim rows %d; refusals %s" % (cap, hist, rows, details(out)))
    report(accepted == 5 and rows == 5,
           "caps: 12 concurrent claims by one helper against a daily cap of 5 -> exactly 5 accepted",
           "%d answered 201, %d claim rows, statuses %s" % (accepted, rows, hist))


def check_open_cap():
    limit = sql_int("select max_open_per_member from topic_groups where slug = 'kanjia'")
    # only the open-request cap should stop these: no help-before-you-post rule meanwhile
    rule = sql("select free_posts || ',' || helps_to_post from topic_groups where slug = 'kanjia'")
    sql("update topic_groups set helps_to_post = 0 where slug = 'kanjia'")
    try:
        poster = Member("poster", aged=True).join()
        out = run_parallel([(lambda: poster.post()) for _ in range(10)])
    finally:
        f, h = rule.split(",")
        sql("update topic_groups set free_posts = %s, helps_to_post = %s where slug = 'kanjia'" % (f, h))
    hist = statuses(out)
    accepted = sum(1 for r in out if r is not None and r.status == 201)
    open_rows = sql_int("select count(*) from help_requests where author_id = %d and status = 'OPEN'" % poster.id)
    info("10 concurrent posts, limit %d: statuses %s, open rows %d; refusals %s" % (limit, hist, open_rows, details(out)))
    report(accepted == 3 and open_rows == 3 and limit == 3,
           "caps: 10 concurrent posts by one member into kanjia (limit 3) -> exactly 3 open",
           "%d answered 201, %d open rows, limit %d, statuses %s" % (accepted, open_rows, limit, hist))


# ---------------------------------------------------------------- 3. throttling

def check_token_throttle():
    victim = Member("victim")
    addr = next_addr()
    codes = [call("POST", "/api/v1/tokens", {"username": victim.name, "password": "wrong-password-%d-xyz" % i},
                  xff=addr).status for i in range(25)]
    last = call("POST", "/api/v1/tokens", {"username": victim.name, "password": PASSWORD}, xff=addr)
    info("25 wrong POST /api/v1/tokens: %s; then the right password: %d, Retry-After %s"
         % (dict(Counter(codes)), last.status, last.header("Retry-After")))
    report(last.status == 429 and (last.header("Retry-After") or "").isdigit(),
           "throttle: 25 wrong API logins, then the right one -> 429 with Retry-After",
           "last answer %s, Retry-After %r, wrong ones %s" % (last.status, last.header("Retry-After"), dict(Counter(codes))))


def check_form_throttle():
    victim = Member("formvic")
    addr = next_addr()
    jar = Jar()
    locations = Counter()
    for i in range(15):
        r = web_login(jar, victim.name, "wrong-password-%d-xyz" % i, addr)
        locations["%d %s" % (r.status, re.sub(r"=\d+", "=N", r.header("Location") or ""))] += 1
    r = web_login(jar, victim.name, PASSWORD, addr)
    loc = r.header("Location") or ""
    info("15 wrong form logins: %s; then the right one: %d %s" % (dict(locations), r.status, loc))
    report(r.status == 302 and "/login?throttled=" in loc,
           "throttle: 15 wrong form logins, then the right one -> redirected to /login?throttled=",
           "answer %d Location %r" % (r.status, loc))


def check_signup_throttle():
    addr = next_addr()
    codes = []
    for i in range(10):
        r = call("POST", "/api/v1/accounts", {"username": "flood%d_%s" % (i, RUN), "password": PASSWORD}, xff=addr)
        codes.append(r.status)
    info("10 sign-ups from one address: %s" % codes)
    report(codes.count(201) <= 5 and codes[-1] == 429 and all(c == 429 for c in codes[codes.index(429):]) if 429 in codes else False,
           "throttle: 10 sign-ups in a row from one address -> at most 5 accepted, the rest 429",
           "statuses in order %s" % codes)


# ---------------------------------------------------------------- 4. passwords

def check_passwords():
    same = "horse_battery_" + RUN
    cases = [("12345678", "weak_a_" + RUN), ("password", "weak_b_" + RUN), ("        ", "weak_c_" + RUN),
             (same, same)]
    got = []
    for password, username in cases:
        r = call("POST", "/api/v1/accounts", {"username": username, "password": password}, xff=next_addr())
        got.append((password, r.status))
    bad = [(p, s) for p, s in got if s != 400]
    report(not bad, "passwords: 12345678, password, 8 spaces and password == username are refused (400)",
           "; ".join("%r -> %d" % b for b in bad))


# ---------------------------------------------------------------- 5. sessions

def check_session_fixation():
    m = Member("fixate")
    jar = Jar()
    r1 = web_login(jar, m.name, PASSWORD, m.addr)
    s1 = jar.cookies.get("SESSION")
    r2 = web_login(jar, m.name, PASSWORD, m.addr)  # presents the SESSION planted before
    s2 = jar.cookies.get("SESSION")
    old = Jar()
    if s1:
        old.cookies["SESSION"] = s1
    me_old = call("GET", "/me", jar=old, xff=m.addr)
    new = Jar()
    if s2:
        new.cookies["SESSION"] = s2
    me_new = call("GET", "/me", jar=new, xff=m.addr)
    info("login 1: %d, login 2 presenting its SESSION: %d; SESSION changed: %s; GET /me old %d %s, new %d"
         % (r1.status, r2.status, bool(s1 and s2 and s1 != s2), me_old.status, me_old.header("Location") or "",
            me_new.status))
    report(bool(s1) and bool(s2) and s1 != s2 and me_old.status == 302 and "/login" in (me_old.header("Location") or "")
           and me_new.status == 200,
           "sessions: a login presenting an existing SESSION gets a new id and the old one is dead",
           "s1 %s, s2 %s, GET /me with old %d %s, with new %d" % (
               (s1 or "-")[:8], (s2 or "-")[:8], me_old.status, me_old.header("Location"), me_new.status))


def check_remember_me_logout():
    m = Member("remember")
    jar = Jar()
    r = web_login(jar, m.name, PASSWORD, m.addr, extra={"remember-me": "on"})
    cookie = jar.cookies.get("remember-me")
    only = Jar()
    if cookie:
        only.cookies["remember-me"] = cookie
    before = call("GET", "/me", jar=only, xff=m.addr)
    token = csrf_of(jar, "/me", m.addr)
    out = call("POST", "/logout", form({"_csrf": token}), headers=FORM, jar=jar, xff=m.addr)
    only = Jar()
    if cookie:
        only.cookies["remember-me"] = cookie
    after = call("GET", "/me", jar=only, xff=m.addr)
    info("login with remember-me: %d, cookie %s; GET /me with it alone before logout %d, logout %d %s, after %d %s"
         % (r.status, "set" if cookie else "missing", before.status, out.status, out.header("Location") or "",
            after.status, after.header("Location") or ""))
    report(bool(cookie) and before.status == 200 and out.status == 302 and after.status == 302
           and "/login" in (after.header("Location") or ""),
           "sessions: a remember-me cookie stops working after POST /logout",
           "cookie %s, before %d, logout %d, after %d %s" % (bool(cookie), before.status, out.status, after.status,
                                                             after.header("Location")))


def check_default_key_refused():
    log = "target/hostile-badkey.log"
    with open(log, "w") as f:
        p = subprocess.Popen(["java", "-Xmx256m", "-jar", JAR, "--server.port=%d" % BAD_PORT,
                              "--spring.profiles.active=postgres",
                              "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DB,
                              "--helpboard.sample-data=false", "--helpboard.scheduler.enabled=false",
                              "--helpboard.remember-me-key=change-me-in-production"],
                             stdout=f, stderr=subprocess.STDOUT)
    try:
        code = p.wait(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        code = None
    text = open(log, encoding="utf-8", errors="replace").read()
    named = "HELPBOARD_REMEMBER_ME_KEY" in text
    info("start with --helpboard.remember-me-key=change-me-in-production: exit %s, names the variable: %s"
         % (code, named))
    report(code not in (None, 0) and named,
           "sessions: the app refuses to start on PostgreSQL with the published remember-me key",
           "exit code %s (None = still running after 120 s, killed), message names HELPBOARD_REMEMBER_ME_KEY: %s"
           % (code, named))


# ---------------------------------------------------------------- 6. transport

def check_transport():
    m = Member("tls")
    tls = {"X-Forwarded-Proto": "https"}
    jar = Jar()
    page = call("GET", "/login", jar=jar, xff=m.addr, headers=tls)
    hsts = page.header("Strict-Transport-Security")
    xsrf = page.cookie_line("XSRF-TOKEN") or ""
    report(page.status == 200 and bool(hsts) and re.search(r";\s*Secure\b", xsrf) is not None,
           "transport: GET /login over TLS (X-Forwarded-Proto: https) -> HSTS and a Secure XSRF-TOKEN cookie",
           "status %d, HSTS %r, Set-Cookie %r" % (page.status, hsts, xsrf))
    r = web_login(jar, m.name, PASSWORD, m.addr, headers=tls)
    sess = r.cookie_line("SESSION") or ""
    flags = {f: re.search(r";\s*%s\b" % f, sess, re.I) is not None for f in ("Secure", "HttpOnly", "SameSite=Lax")}
    info("login over TLS: %d Location %s; SESSION cookie: %s" % (r.status, r.header("Location"), sess[:20] + "…" + sess.split(";", 1)[-1] if sess else "-"))
    report(r.status == 302 and all(flags.values()),
           "transport: login over TLS -> SESSION cookie Secure; HttpOnly; SameSite=Lax",
           "status %d, Set-Cookie %r" % (r.status, sess))


# ---------------------------------------------------------------- 7. idempotency on tokens

def check_idempotency():
    m = Member("idem")
    key = {"Idempotency-Key": "k1"}
    a = call("POST", "/api/v1/tokens", {"username": m.name, "password": PASSWORD}, headers=key, xff=m.addr)
    b = call("POST", "/api/v1/tokens", {"username": m.name, "password": PASSWORD}, headers=key, xff=m.addr)
    ta, tb = (a.json() or {}).get("token"), (b.json() or {}).get("token")
    report(a.status == 201 and b.status == 201 and ta and tb and ta != tb,
           "idempotency: the same Idempotency-Key on POST /api/v1/tokens twice -> two different tokens",
           "%d / %d, same token: %s" % (a.status, b.status, ta == tb))
    d = call("DELETE", "/api/v1/tokens/%s" % (a.json() or {}).get("id"), token=tb, xff=m.addr)
    dead = call("GET", "/api/v1/me", token=ta, xff=m.addr)
    c = call("POST", "/api/v1/tokens", {"username": m.name, "password": PASSWORD}, headers=key, xff=m.addr)
    tc = (c.json() or {}).get("token")
    works = call("GET", "/api/v1/me", token=tc, xff=m.addr) if tc else None
    report(d.status == 204 and dead.status == 401 and c.status == 201 and tc not in (ta, None)
           and works is not None and works.status == 200,
           "idempotency: after revoking the first token a replay gives a fresh live token, not the dead one",
           "revoke %d, dead token %d, replay %d, replay token is the dead one: %s" % (
               d.status, dead.status, c.status, tc == ta))
    x, y = Member("idemx"), Member("idemy")
    shared = {"Idempotency-Key": "k-shared"}
    rx = call("POST", "/api/v1/tokens", {"username": x.name, "password": PASSWORD}, headers=shared, xff=x.addr)
    ry = call("POST", "/api/v1/tokens", {"username": y.name, "password": PASSWORD}, headers=shared, xff=y.addr)
    report(rx.status == 201 and ry.status == 201 and (ry.json() or {}).get("token") != (rx.json() or {}).get("token"),
           "idempotency: two anonymous callers with the same key both succeed (no 409, no one else's token)",
           "%s / %s" % (rx.brief(), ry.brief()))
    rows = sql_int("select count(*) from idempotency_keys where idem_key in ('k1', 'k-shared')")
    report(rows == 0, "idempotency: no idempotency_keys rows kept for anonymous token calls",
           "%d rows" % rows)


# ---------------------------------------------------------------- 8. leaks

def check_leaks():
    owner = Member("owner")
    slug = "den-" + RUN
    sql("insert into topic_groups (slug, name_zh, name_en, visibility, invite_code, owner_id, default_campaign, created_at) "
        "values ('%s', '密室', 'Den', 'PRIVATE', 'inv%s', %d, 'pdd-bargain', now())" % (slug, RUN, owner.id))
    sql("insert into group_members (group_id, member_id, role, joined_at) "
        "select id, %d, 'OWNER', now() from topic_groups where slug = '%s'" % (owner.id, slug))
    private_post = owner.post(slug=slug)
    if private_post.status != 201:
        raise RuntimeError("post into the private group: " + private_post.brief())
    private_id = private_post.json()["id"]
    public_post = owner.join().post()
    if public_post.status != 201:
        raise RuntimeError("post into kanjia: " + public_post.brief())
    public_id = public_post.json()["id"]
    outsider = Member("outsider").join()
    control = owner.api("GET", "/api/v1/groups/" + slug)
    probes = [
        ("anonymous GET /api/v1/groups/<private>", call("GET", "/api/v1/groups/" + slug), (404,)),
        ("non-member GET /api/v1/groups/<private>", outsider.api("GET", "/api/v1/groups/" + slug), (404,)),
        ("anonymous GET /api/v1/groups/<private>/requests", call("GET", "/api/v1/groups/%s/requests" % slug), (404,)),
        ("non-member GET /api/v1/requests/<private request>", outsider.api("GET", "/api/v1/requests/%d" % private_id), (404,)),
        ("non-member GET /api/v1/queue/next?group=<private>", outsider.api("GET", "/api/v1/queue/next?group=" + slug), (404,)),
        ("anonymous GET /g/<private>", call("GET", "/g/" + slug), (404,)),
        ("non-member GET /api/v1/requests/<other's>/boosts", outsider.api("GET", "/api/v1/requests/%d/boosts" % public_id), (403, 404)),
    ]
    bad = [(what, r.status) for what, r, ok in probes if r.status not in ok]
    info("owner's own GET of the private group (control): %d; probes: %s" % (
        control.status, ", ".join("%s %d" % (w.split(" ", 1)[1][:40], r.status) for w, r, _ in probes)))
    report(control.status == 200 and not bad,
           "leaks: a private group, its feed, request and queue are 404 to outsiders; others' boosts 403/404",
           "owner control %d; %s" % (control.status, "; ".join("%s -> %d" % b for b in bad)))
    listing = call("GET", "/api/v1/groups?size=100")
    report(listing.status == 200 and slug not in listing.text(),
           "leaks: the anonymous group list does not show the private group",
           "status %d, slug listed: %s" % (listing.status, slug in listing.text()))
    jar = Jar()
    web_login(jar, outsider.name, PASSWORD, outsider.addr)
    health = call("GET", "/actuator/health", jar=jar, xff=outsider.addr)
    me = call("GET", "/me", jar=jar, xff=outsider.addr)
    info("GET /actuator/health as a logged-in member (GET /me %d): %d %s" % (me.status, health.status, health.text()[:120]))
    report(me.status == 200 and health.status == 200 and "components" not in health.text()
           and "details" not in health.text(),
           "leaks: /actuator/health shows a logged-in member no components",
           "logged in %d, health %s" % (me.status, health.brief()))


# ---------------------------------------------------------------- 9. bad input

def check_bad_input():
    m = Member("nul").join()
    r = m.post(note="before\u0000after")
    ctype = r.header("Content-Type") or ""
    report(r.status == 400 and "problem+json" in ctype,
           "bad input: NUL in a post's note -> 400 problem+json", "%s, %s" % (r.brief(), ctype))
    jar = Jar()
    token = csrf_of(jar, "/register", m.addr)
    reg = call("POST", "/register",
               "username=ab%00cd&password=" + PASSWORD + "&passwordAgain=" + PASSWORD + "&_csrf=" + token,
               headers=FORM, jar=jar, xff=next_addr())
    q = call("GET", "/g/kanjia?campaign=%00")
    report(reg.status == 400 and q.status == 400,
           "bad input: %00 in a page form field (POST /register) and in a query (/g/kanjia?campaign=%00) -> 400",
           "register %d, query %d" % (reg.status, q.status))
    s = call("GET", "/g/kanjia/settings")
    loc = s.header("Location") or ""
    report(s.status == 302 and re.search(r"/login$", loc) is not None,
           "bad input: anonymous GET /g/kanjia/settings -> 302 to /login", "%d Location %r" % (s.status, loc))


# ---------------------------------------------------------------- 10. share texts and usernames

def check_share_texts():
    m = Member("deceive", aged=True).join()
    inputs = ["帮我砍一刀 pdd-help.cn/x https://p.pinduoduo.com/Abcd1234", "bit.ly/abc",
              "https://p.pinduoduo.com/Ab12 e\u200bvil.cn", "evil\u3002cn", "http://1.2.3.4/x"]
    got = [(text, m.post(text).status) for text in inputs]
    bad = [(t, s) for t, s in got if s != 422]
    report(not bad, "share texts: foreign host, shortener, zero-width, ideographic dot and IP inputs -> 422",
           "; ".join("%r -> %d" % b for b in bad))
    names = ["p\u0430ypal", "\u3164\u3164", "\u0301\u0301"]
    got = [(n, call("POST", "/api/v1/accounts", {"username": n, "password": PASSWORD}, xff=next_addr()).status)
           for n in names]
    bad = [(n, s) for n, s in got if s != 400]
    report(not bad, "usernames: mixed-script pаypal, Hangul fillers, combining marks only -> 400",
           "; ".join("%r -> %d" % b for b in bad))


# ---------------------------------------------------------------- 11 + 12. posting rule, events

def check_posting_rule_and_events():
    sql("update topic_groups set free_posts = 1, helps_to_post = 1 where slug = 'kanjia'")
    author = Member("ruleauth").join()
    member = Member("rulemem").join()
    seq = []
    r = author.post()
    seq.append(("author's post", r.status))
    target = (r.json() or {}).get("id")
    first = member.post()
    seq.append(("member's free post", first.status))
    claim = member.api("POST", "/api/v1/requests/%s/claims" % target)
    seq.append(("member claims", claim.status))
    claim_id = (claim.json() or {}).get("id")
    refused = member.post()
    seq.append(("post with only an unconfirmed claim", refused.status))
    confirm = author.api("POST", "/api/v1/claims/%s/confirm" % claim_id)
    seq.append(("author confirms", confirm.status))
    after = member.post()
    seq.append(("post after the confirmation", after.status))
    expected = [201, 201, 201, 403, 200, 201]
    info("sequence: %s; the refusal said: %s" % (", ".join("%s %d" % x for x in seq), details([refused])))
    report([s for _, s in seq] == expected,
           "posting rule: an unconfirmed claim does not unlock a post (403); a confirmed one does (201)",
           ", ".join("%s %d" % x for x in seq) + "; expected " + str(expected))
    # 12: the confirmation's listeners ran (credit earned) and left no completed rows behind
    earned = 0
    for _ in range(40):
        earned = sql_int("select count(*) from ledger_entries where member_id = %d and kind = 'EARN'" % member.id)
        if earned:
            break
        time.sleep(0.25)
    time.sleep(0.5)
    completed = sql_int("select count(*) from event_publication where completion_date is not null")
    total = sql_int("select count(*) from event_publication")
    info("after the confirmation: EARN entries for the helper %d; event_publication rows %d, completed %d"
         % (earned, total, completed))
    report(earned >= 1 and completed == 0,
           "events: a confirmation's listener ran (credit earned) and completed publications are deleted",
           "EARN entries %d, completed event_publication rows %d of %d" % (earned, completed, total))


checks = [
    ("1 uploads", check_uploads), ("1 anonymous sessions", check_anonymous_sessions),
    ("2 claim cap", check_claim_cap), ("2 open-request cap", check_open_cap),
    ("3 API login throttle", check_token_throttle), ("3 form login throttle", check_form_throttle),
    ("3 sign-up throttle", check_signup_throttle), ("4 passwords", check_passwords),
    ("5 session fixation", check_session_fixation), ("5 remember-me logout", check_remember_me_logout),
    ("5 published remember-me key", check_default_key_refused), ("6 transport", check_transport),
    ("7 idempotency", check_idempotency), ("8 leaks", check_leaks), ("9 bad input", check_bad_input),
    ("10 share texts and usernames", check_share_texts),
    ("11/12 posting rule and events", check_posting_rule_and_events),
]
only = [c.strip() for c in os.environ.get("CHECKS", "").split(",") if c.strip()]
for title, fn in checks:
    if only and title.split(" ", 1)[0] not in only and not any(title.split(" ", 1)[0].startswith(o + "/") for o in only):
        continue
    print("-- %s" % title, flush=True)
    guarded(title, fn)

passed = sum(1 for r in results if r)
failed = len(results) - passed
print("%d passed, %d failed" % (passed, failed), flush=True)
sys.exit(1 if failed else 0)
PY
rc=$?
set -e
echo "== app log: $(grep -cE ' ERROR ' "$LOG" || true) ERROR lines, $(grep -c 'Exception' "$LOG" || true) lines naming an exception (see $LOG)"
exit $rc
