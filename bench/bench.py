#!/usr/bin/env python3
"""Small helpers for bench/run.sh (standard library only).

  bench.py wrk-result FILE             -> "rps p50_ms p99_ms errors requests" from wrk.lua's BENCH_RESULT line
  bench.py percentile P                -> the P-th percentile of the numbers on stdin (one per line)
  bench.py metric NAME                 -> sum of every series of NAME in Prometheus text on stdin, or n/a
  bench.py listing-total               -> "<snapshots> <scopes>" of a /snapshots answer on stdin
  bench.py mixed-paths BASE OUT N DEADLINE_S
                                       -> writes the request paths of scenario b (filters and real cursor pages)
  bench.py distinct BASE COUNT SEED DEADLINE_S N
                                       -> sends COUNT distinct filtered queries (stops at DEADLINE_S), prints
                                          "sent ok non_200 errors elapsed_s p50_ms p99_ms distinct"
  bench.py poll SECONDS RATE NO_CACHE_EVERY BASE[,MANAGEMENT]...
                                       -> polls every BASE with GET /snapshots?limit=10 at RATE requests per
                                          second each (staggered round robin), every NO_CACHE_EVERY-th one with
                                          Cache-Control: no-cache (0: none), for SECONDS; prints
                                          "sent ok non_200 errors no_cache p50_ms p99_ms". With MANAGEMENT
                                          (the gateway's management base URL) it also scrapes every gateway's
                                          /q/metrics each second and appends "elapsed_s samples" and, for the
                                          vendor listings then the vendor calls, "total per_second each,each,..."
                                          (per_second: least-squares slope of the fleet's count over time)
  bench.py redis-ping PORT             -> exit status 0 when the Redis server on 127.0.0.1:PORT answers PONG
  bench.py redis-keys PORT PATTERN     -> how many keys of that server match PATTERN (SCAN)

BASE is the gateway's base URL (http://127.0.0.1:PORT); N is simulator.snapshots-per-region, used to pick
filter values that fall inside the simulated data (it counts back from 2026-11-01 every ~160 minutes).
"""
import http.client
import json
import random
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

LATEST = datetime(2026, 11, 1, tzinfo=timezone.utc)  # newest simulated create_time
MINUTES_PER_SNAPSHOT = 160  # the simulator spaces one region's snapshots 157 to 173 minutes apart

PROVIDERS = {
    "alibaba-ecs": ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"],
    "alibaba-eds": ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"],
    "huawei-workspace": ["cn-north-4", "cn-east-3", "ap-southeast-1"],
}
REGIONS = sorted({r for rs in PROVIDERS.values() for r in rs})
STATUSES = ["creating", "available", "failed", "restoring", "restore_failed"]
# Fragments of the simulated names (auto_20261031_1, backup-cn-hangzhou-7, auto-20261031, before-upgrade-12,
# AUTOCREATED_wks-cn-north-4-1_1793491140000, sys-wks-cn-east-3-2-17, data-wks-...).
NAME_WORDS = ["auto_2026", "auto-2025", "backup-cn-hangzhou-", "backup-ap-southeast-1-", "before-upgrade-",
              "AUTOCREATED_wks-", "sys-wks-cn-east-3-", "data-wks-cn-north-4-", "wks-ap-southeast-1-",
              "_1792", "upgrade", "backup", "auto"]


def die(message):
    print("bench.py: " + message, file=sys.stderr)
    sys.exit(1)


def percentile(values, p):
    """Linear interpolation between closest ranks (p in 0..100); None for no values."""
    if not values:
        return None
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def fmt(x, digits=2):
    return "n/a" if x is None else f"{x:.{digits}f}"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------------------------

def cmd_wrk_result(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = [l for l in f if l.startswith("BENCH_RESULT ")]
    if not lines:
        print("n/a n/a n/a n/a n/a")
        return
    r = json.loads(lines[-1][len("BENCH_RESULT "):])
    seconds = r["duration_us"] / 1e6
    errors = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"] + r["non_2xx_3xx"]
    print(f'{r["requests"] / seconds:.0f} {r["p50_us"] / 1000:.2f} {r["p99_us"] / 1000:.2f} {errors} {r["requests"]}')


def cmd_percentile(p):
    values = [float(l) for l in sys.stdin if l.strip()]
    print(fmt(percentile(values, float(p)), 1))


def cmd_metric(name):
    total, found = 0.0, False
    for line in sys.stdin:
        if line.startswith("#"):
            continue
        # An OpenMetrics exemplar (" # {trace_id=...} value ts", from OpenTelemetry) is not the sample's value.
        sample = line.rstrip("\n").split(" # {", 1)[0]
        head, _, value = sample.rpartition(" ")
        series = head.split("{", 1)[0].strip()
        if series == name:
            try:
                total += float(value)
                found = True
            except ValueError:
                pass
    print(("%d" % total if total == int(total) else "%.3f" % total) if found else "n/a")


def cmd_listing_total():
    """Prints "<snapshots> <scopes>": the snapshot_count sum of the ok sources[] entries, and how many entries."""
    sources = json.load(sys.stdin).get("sources", [])
    print(sum(s.get("snapshot_count") or 0 for s in sources if s.get("status") == "ok"), len(sources))


# ---------------------------------------------------------------------------------------------------------------

def get_json(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=120) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        die(f"GET {path} -> {e.code}: {e.read()[:500]!r}")


def cmd_mixed_paths(base, out, n, deadline_s):
    """Filtered queries of every kind, plus real cursor pages of a few of them (collected by walking them now)."""
    deadline = time.monotonic() + float(deadline_s)

    def fetch(path):
        if time.monotonic() > deadline:
            die(f"collecting the query mix took more than {deadline_s}s (gateway too slow?)")
        return get_json(base, path)

    span_days = max(1, int(n) * MINUTES_PER_SNAPSHOT // 1440)
    day = lambda back: (LATEST - timedelta(days=back)).strftime("%Y-%m-%d")
    instant = lambda back: iso(LATEST - timedelta(days=back, hours=5, minutes=17, seconds=3))
    single = [
        "/snapshots?limit=100",
        "/snapshots?status=available",
        "/snapshots?status=creating,failed",
        "/snapshots?status=restoring&status=restore_failed",
        "/snapshots?name=backup-cn-shanghai",
        "/snapshots?name=upgrade-9",
        "/snapshots?name=wks-ap-southeast-1-3",
        "/snapshots?name=AUTOCREATED&limit=20",
        f"/snapshots?created_after={day(30)}",
        f"/snapshots?created_after={instant(span_days // 2)}&created_before={day(span_days // 2 - 10)}",
        f"/snapshots?created_before={instant(span_days // 3)}&limit=50",
        "/snapshots?provider=alibaba-ecs",
        "/snapshots?provider=huawei-workspace&status=available",
        "/snapshots?provider=alibaba-eds&region=cn-hangzhou",
        f"/snapshots?provider=alibaba-ecs,alibaba-eds&disk_type=data&created_after={day(span_days // 4)}",
        "/snapshots?name=auto&creation_type=auto&status=available&limit=50",
        "/snapshots?sort=create_time&limit=100",
        f"/snapshots?sort=create_time&created_after={day(span_days - 30)}&status=failed",
        "/snapshots?region=ap-southeast-1&disk_type=system&limit=20",
        "/snapshots?creation_type=manual&name=sys-&limit=10",
        "/snapshots?source=sim-hw&region=cn-east-3&status=creating&limit=25",
        f"/snapshots?status=available&created_after={day(7)}&sort=create_time&limit=200",
    ]
    walks = [  # (first page, pages to follow)
        ("/snapshots?limit=100", 5),
        ("/snapshots?status=available&limit=100", 5),
        ("/snapshots?provider=huawei-workspace&sort=create_time&limit=50", 5),
        ("/snapshots?name=auto&limit=200", 3),
    ]
    paths = []
    for p in single:
        body = fetch(p)  # validates the query and warms whatever the gateway caches
        if not body.get("complete"):
            die(f"GET {p}: complete is not true")
        paths.append(p)
    for first, pages in walks:
        path = first
        for _ in range(pages):
            body = fetch(path)
            token = body.get("next_page_token")
            if not token:
                break
            path = first + "&page_token=" + urllib.parse.quote(token, safe="")
            paths.append(path)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(paths) + "\n")
    print(f"{len(paths)} paths ({len(paths) - len(single)} cursor pages)")


# ---------------------------------------------------------------------------------------------------------------

def distinct_queries(count, seed, n):
    """COUNT different, valid /snapshots queries mixing name substrings, instants, statuses, providers, sorts."""
    rnd = random.Random(seed)
    span = timedelta(minutes=max(1, n) * MINUTES_PER_SNAPSHOT)
    seen, out = set(), []

    def an_instant():
        return iso(LATEST - timedelta(seconds=rnd.randrange(int(span.total_seconds()) + 86400)))

    def a_name():
        if rnd.random() < 0.7:  # a piece of a real name: finds something
            w = rnd.choice(NAME_WORDS)
            i = rnd.randrange(len(w))
            return w[i:i + rnd.randint(2, 8)]
        return "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(rnd.randint(2, 5)))

    while len(out) < count:
        q = []
        kind = rnd.random()
        if kind < 0.3:
            q.append(("name", a_name()))
        elif kind < 0.55:
            q.append(("created_after", an_instant()))
        elif kind < 0.7:
            a, b = sorted([an_instant(), an_instant()])
            q += [("created_after", a), ("created_before", b)]
        else:  # combinations
            q.append(("name", a_name()))
            q.append(("created_after", an_instant()))
        if rnd.random() < 0.3:
            q.append(("status", ",".join(sorted(rnd.sample(STATUSES, rnd.randint(1, 2))))))
        if rnd.random() < 0.25:
            provider = rnd.choice(sorted(PROVIDERS))
            q.append(("provider", provider))
            if rnd.random() < 0.3:
                q.append(("region", rnd.choice(PROVIDERS[provider])))
        elif rnd.random() < 0.1:
            q.append(("region", rnd.choice(REGIONS)))
        if rnd.random() < 0.15:
            q.append(("disk_type", rnd.choice(["system", "data"])))
        if rnd.random() < 0.15:
            q.append(("creation_type", rnd.choice(["auto", "manual"])))
        if rnd.random() < 0.2:
            q.append(("sort", "create_time"))
        q.append(("limit", str(rnd.choice([10, 20, 50, 100]))))
        path = "/snapshots?" + urllib.parse.urlencode(q)
        if path not in seen:
            seen.add(path)
            out.append(path)
    return out


class Tally:
    """Answers of a load loop, shared by its threads: latencies, 200s, other statuses, errors, the first bad one."""

    def __init__(self, **extra):
        self.lock = threading.Lock()
        self.state = {"ok": 0, "non_200": 0, "errors": 0, "first_bad": None, **extra}
        self.latencies = []

    def get(self, conn, url, path, label, headers=None):
        """One timed GET on conn; returns the connection to go on with (a new one after a failed request)."""
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers or {})
            r = conn.getresponse()
            body = r.read()
            ms = (time.perf_counter() - start) * 1000
            with self.lock:
                self.latencies.append(ms)
                if r.status == 200:
                    self.state["ok"] += 1
                else:
                    self.state["non_200"] += 1
                    self.state["first_bad"] = self.state["first_bad"] or f"{label} -> {r.status} {body[:300]!r}"
        except (OSError, http.client.HTTPException) as e:
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            with self.lock:
                self.state["errors"] += 1
                self.state["first_bad"] = self.state["first_bad"] or f"{label} -> {e!r}"
        return conn


def cmd_distinct(base, count, seed, deadline_s, n):
    paths = distinct_queries(int(count), int(seed), int(n))
    url = urllib.parse.urlsplit(base)
    deadline = time.monotonic() + float(deadline_s)
    tally = Tally(next=0)
    lock, state, latencies = tally.lock, tally.state, tally.latencies

    def worker():
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                i = state["next"]
                if i >= len(paths):
                    break
                state["next"] = i + 1
            conn = tally.get(conn, url, paths[i], paths[i])
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    if state["first_bad"]:
        print("first failed query: " + state["first_bad"], file=sys.stderr)
    sent = state["ok"] + state["non_200"] + state["errors"]
    print(f'{sent} {state["ok"]} {state["non_200"]} {state["errors"]} {elapsed:.1f} '
          f'{fmt(percentile(latencies, 50))} {fmt(percentile(latencies, 99))} {len(set(paths[:sent]))}')

# ---------------------------------------------------------------------------------------------------------------

COUNTED = ["snapshot_gateway_vendor_fetch_seconds_count", "snapshot_gateway_vendor_calls_total"]


def metric_sums(text, names):
    """Sum of every series of each name in Prometheus text (the same reading as cmd_metric); None when absent."""
    totals = {n: None for n in names}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        head, _, value = line.split(" # {", 1)[0].rpartition(" ")
        series = head.split("{", 1)[0].strip()
        if series in totals:
            try:
                totals[series] = (totals[series] or 0.0) + float(value)
            except ValueError:
                pass
    return totals


def slope(points):
    """Least-squares slope of (t, y) points: a rate that does not hinge on where the window's two ends fall between
    refresh rounds (a few whole listings of every scope at once), as the difference of the end values does."""
    if len(points) < 2:
        return None
    mt = sum(t for t, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((t - mt) ** 2 for t, _ in points)
    return None if den == 0 else sum((t - mt) * (y - my) for t, y in points) / den


def cmd_poll(seconds, rate, no_cache_every, *targets):
    """Steady polling of several gateways: one keep-alive connection and one paced thread per gateway; optionally
    their vendor counters sampled every second by one more thread."""
    seconds, rate, every = float(seconds), float(rate), int(no_cache_every)
    bases = [t.split(",")[0] for t in targets]
    managements = [t.split(",")[1] for t in targets if "," in t]
    tally = Tally(no_cache=0)
    lock, state, latencies = tally.lock, tally.state, tally.latencies
    started = time.monotonic()
    end = started + seconds

    def worker(index, base):
        url = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        # Gateway k starts k/(rate x gateways) seconds late: together the requests arrive round robin, evenly spaced.
        first = started + index / (rate * len(bases))
        i = 0
        while True:
            due = first + i / rate
            if due >= end:
                break
            time.sleep(max(0.0, due - time.monotonic()))
            forced = every > 0 and (i + index) % every == 0
            headers = {"Cache-Control": "no-cache"} if forced else {}
            conn = tally.get(conn, url, "/snapshots?limit=10", base, headers)
            with lock:
                state["no_cache"] += forced
            i += 1
        conn.close()

    samples = []  # (seconds since start, {name: [value per gateway]})

    def scrape_all():
        values = {n: [] for n in COUNTED}
        for m in managements:
            try:
                with urllib.request.urlopen(m + "/q/metrics", timeout=5) as r:
                    sums = metric_sums(r.read().decode("utf-8", "replace"), COUNTED)
            except (OSError, http.client.HTTPException):
                sums = {n: None for n in COUNTED}
            for n in COUNTED:
                values[n].append(sums[n])
        return values

    def sampler():
        # The first scrape is at the start and the last at the end, then one per second between.
        k = 0
        while True:
            due = started + k
            if due > end:
                due = end
            time.sleep(max(0.0, due - time.monotonic()))
            t0 = time.monotonic()
            values = scrape_all()
            samples.append(((t0 + time.monotonic()) / 2 - started, values))
            if due >= end:
                break
            k += 1

    threads = [threading.Thread(target=worker, args=(k, b)) for k, b in enumerate(bases)]
    if managements:
        threads.append(threading.Thread(target=sampler))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if state["first_bad"]:
        print("first failed poll: " + state["first_bad"], file=sys.stderr)
    sent = state["ok"] + state["non_200"] + state["errors"]
    out = (f'{sent} {state["ok"]} {state["non_200"]} {state["errors"]} {state["no_cache"]} '
           f'{fmt(percentile(latencies, 50))} {fmt(percentile(latencies, 99))}')
    if managements:
        first, last = samples[0][1], samples[-1][1]
        out += f" {samples[-1][0] - samples[0][0]:.1f} {len(samples)}"
        for n in COUNTED:
            each = [None if a is None or b is None else b - a for a, b in zip(first[n], last[n])]
            total = None if None in each else sum(each)
            # only samples where every gateway answered: a sum with a gap would be a step of its own
            per_s = slope([(t, sum(v[n])) for t, v in samples if None not in v[n]])
            out += (f' {"n/a" if total is None else "%d" % total} {fmt(per_s, 4)} '
                    + ",".join("n/a" if e is None else "%d" % e for e in each))
    print(out)


def redis_command(port, *args):
    """One command to the Redis server on 127.0.0.1:PORT (RESP); the reply as str, int, list or None."""
    with socket.create_connection(("127.0.0.1", int(port)), timeout=2) as s:
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = str(a).encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        s.sendall(out)
        f = s.makefile("rb")

        def read():
            line = f.readline()
            if not line:
                raise OSError("connection closed")
            kind, rest = line[:1], line[1:-2].decode()
            if kind == b"+":
                return rest
            if kind == b"-":
                raise OSError("Redis: " + rest)
            if kind == b":":
                return int(rest)
            if kind == b"$":
                return None if int(rest) < 0 else f.read(int(rest) + 2)[:-2].decode("utf-8", "replace")
            if kind == b"*":
                return None if int(rest) < 0 else [read() for _ in range(int(rest))]
            raise OSError(f"unexpected reply {line[:40]!r}")

        return read()


def cmd_redis_ping(port):
    try:
        ok = redis_command(port, "PING") == "PONG"
    except OSError:
        ok = False
    sys.exit(0 if ok else 1)


def cmd_redis_keys(port, pattern):
    cursor, keys = "0", set()
    while True:
        cursor, batch = redis_command(port, "SCAN", cursor, "MATCH", pattern, "COUNT", 1000)
        keys.update(batch)
        if cursor == "0":
            break
    print(len(keys))


def main(argv):
    commands = {
        "wrk-result": (cmd_wrk_result, 1),
        "percentile": (cmd_percentile, 1),
        "metric": (cmd_metric, 1),
        "listing-total": (cmd_listing_total, 0),
        "mixed-paths": (cmd_mixed_paths, 4),
        "distinct": (cmd_distinct, 5),
        "poll": (cmd_poll, -4),  # negative: at least that many
        "redis-ping": (cmd_redis_ping, 1),
        "redis-keys": (cmd_redis_keys, 2),
    }
    if len(argv) < 2 or argv[1] not in commands:
        die("usage: see the docstring of bench/bench.py")
    fn, arity = commands[argv[1]]
    given = len(argv) - 2
    if given != arity and not (arity < 0 and given >= -arity):
        die("usage: see the docstring of bench/bench.py")
    fn(*argv[2:])


if __name__ == "__main__":
    main(sys.argv)
