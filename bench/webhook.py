"""The webhook under 2,000 concurrent requests: `python -m bot run` in webhook mode, as a real
process against the fake Bot API (`tests/support/fake_telegram.py`, Telegram's flood limits
enforced), hit from this process over loopback.

    python bench/webhook.py            (the table, as Markdown, on standard output)
    python bench/webhook.py --write    (and append it to bench/RESULTS.md)

The phases, in the order they run (each on the same bot process):

- warm-up: one question, answered, whose reply every later reply is compared with;
- malformed: 20 bodies that are not updates (not JSON, a JSON list, `update_id` a string),
  sent at once with the right secret: all must get 400, and none be answered;
- refused: 2,000 requests at once with a wrong secret and a declared 50 MB body, the body never
  sent: all must get 403, and the bot's peak resident set (VmHWM) must not grow by anything like
  50 MB for each of them;
- burst: 2,000 updates, one from each of 2,000 users, all in flight at once (httpx, one
  connection each): status codes, accepted per second, HTTP latency;
- duplicates: 200 of the updates accepted in the burst posted again (same `update_id`), at once,
  while their replies are still queued: all 200, none answered twice;
- retry: each update that got 503 is sent once more, after a second, at most as many at a time as
  the bot lets Telegram open connections (setWebhook's `max_connections`): all must get 200;
- drain: replies leave at the bot's pace (about 30 a second); then every user whose update was
  accepted must have exactly one reply: lost 0, duplicates 0.

Concurrency achieved is measured twice: on the client, the peak of requests sent in full and not
yet answered (httpcore's trace events); in the bot, the peak of its open file descriptors above
idle, sampled every 5 ms (its sockets: webhook connections, plus up to 64 to the Bot API).
Nothing is asserted: the table says what was expected next to what was measured.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.fake_telegram import FakeTelegram  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
HEADING = "## Webhook under 2,000 concurrent requests"
TOKEN = "424242:RECOGNISABLE-test-token-42"
SECRET = "bench-webhook-secret_0123456789"
HOOK_URL = "https://bot.example.org/telegram-hook"
PATH = "/telegram-hook"
QUESTION = "who funded the research?"
DECLARED_BYTES = 50_000_000
ACCESS_LINE = re.compile(r"tornado\.access: (\d{3}) ")

WARM_UP_USER, MALFORMED_USER = 599_998, 599_999
FIRST_USER = 600_001
FIRST_UPDATE_ID = 10_001

# Twenty bodies that are not updates, by kind.
MALFORMED: list[tuple[str, bytes]] = [
    ("not JSON", b"{not json"),
    ("not JSON", b"{"),
    ("not JSON", b'{"update_id": 1,}'),
    ("not JSON", b"\xff\xfe"),
    ("not JSON", b"   "),
    ("not JSON", b"<update/>"),
    ("not JSON", b"null garbage"),
    ("a JSON list", b"[]"),
    ("a JSON list", b"[1]"),
    ("a JSON list", b"[[]]"),
    ("a JSON list", b"[null]"),
    ("a JSON list", b'["update_id"]'),
    ("a JSON list", b'[{"update_id": 9}]'),
    ("a JSON list", b"<the warm-up update, in a list>"),  # replaced by a real update
    ("update_id a string", b'{"update_id": "7"}'),
    ("update_id a string", b'{"update_id": ""}'),
    ("update_id a string", b'{"update_id": "abc"}'),
    ("update_id a string", b'{"update_id": "1e3"}'),
    ("update_id a string", b'{"update_id": " 42"}'),
    ("update_id a string", b"<a real update, its id a string>"),  # replaced by a real update
]


# --- the bot process ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_bot(fake: FakeTelegram, data_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "WEBHOOK_URL": HOOK_URL,
        "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "DATA_DIR": str(data_dir),
        "LOG_LEVEL": "INFO",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    with log.open("wb") as output:  # a file, not a pipe: a full pipe would stall the bot
        return subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            env=env,
            cwd=data_dir,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_until_listening(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the bot exited with {process.returncode} before listening")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS (resident now) and VmHWM (peak resident so far) of a process, in MB."""
    found: dict[str, float] = {}
    with Path(f"/proc/{pid}/status").open() as lines:
        for line in lines:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024
    return found


def open_fds(pid: int) -> int:
    return sum(1 for _ in Path(f"/proc/{pid}/fd").iterdir())


@contextlib.contextmanager
def fd_peak(pid: int, every: float = 0.005) -> Iterator[list[int]]:
    """Sample the process's open file descriptors while the block runs; yields [peak]."""
    peak = [open_fds(pid)]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            with contextlib.suppress(OSError):
                peak[0] = max(peak[0], open_fds(pid))
            done.wait(every)

    sampler = threading.Thread(target=sample, name="fd-sampler", daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()


KERNEL_COUNTERS = ("ListenOverflows", "SyncookiesSent", "SyncookiesFailed")


def listen_drops() -> dict[str, int]:
    """The kernel's counts of connections dropped at a full listen queue, of handshakes
    answered with a SYN cookie because the queue of half-open ones was full, and of cookies that
    failed their check (the connection is reset): this network namespace, all sockets."""
    lines = Path("/proc/net/netstat").read_text().splitlines()
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            table = dict(zip(names.split()[1:], values.split()[1:], strict=True))
            return {key: int(table.get(key, 0)) for key in KERNEL_COUNTERS}
    return {}


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- requests -----------------------------------------------------------------------------


@dataclass
class Sent:
    """One request: its status (or the exception's name) and when things happened."""

    key: int
    status: int | str = "not sent"
    started: float = 0.0
    body_sent: float | None = None
    answered: float = 0.0


@dataclass
class InFlight:
    """Requests sent in full and not yet answered, and the most there were at once."""

    now: int = 0
    peak: int = 0
    connected: int = 0
    peak_connected: int = 0
    history: list[int] = field(default_factory=list)

    def up(self) -> None:
        self.now += 1
        self.peak = max(self.peak, self.now)

    def down(self) -> None:
        self.now -= 1


def tracer(sent: Sent, flight: InFlight) -> Callable[[str, dict[str, Any]], Any]:
    async def trace(event: str, info: dict[str, Any]) -> None:
        if event == "connection.connect_tcp.complete":
            flight.connected += 1
            flight.peak_connected = max(flight.peak_connected, flight.connected)
        elif event == "http11.send_request_body.complete":
            sent.body_sent = time.perf_counter()
            flight.up()
        elif event in (
            "http11.receive_response_headers.complete",
            "http11.receive_response_headers.failed",
        ):
            if sent.body_sent is not None:
                flight.down()
        elif event == "http11.response_closed.complete":
            flight.connected -= 1

    return trace


def http_client(connections: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=0),
        timeout=httpx.Timeout(120.0),
        trust_env=False,
    )


async def post_all(
    url: str,
    bodies: list[tuple[int, bytes]],
    *,
    at_once: int,
    secret: str = SECRET,
) -> tuple[list[Sent], InFlight, float]:
    """POST every body, at most `at_once` in flight (each on its own connection), all released
    together; the requests, the in-flight count and the seconds it all took."""
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret}
    flight = InFlight()
    gate = asyncio.Event()
    limit = asyncio.Semaphore(at_once)
    results = [Sent(key) for key, _ in bodies]

    async def one(client: httpx.AsyncClient, sent: Sent, body: bytes) -> None:
        await gate.wait()
        async with limit:
            sent.started = time.perf_counter()
            try:
                response = await client.post(
                    url,
                    content=body,
                    headers=headers,
                    extensions={"trace": tracer(sent, flight)},
                )
                sent.status = response.status_code
            except httpx.HTTPError as error:
                sent.status = type(error).__name__
            sent.answered = time.perf_counter()

    async with http_client(at_once) as client:
        tasks = [
            asyncio.create_task(one(client, sent, body))
            for sent, (_, body) in zip(results, bodies, strict=True)
        ]
        await asyncio.sleep(0.05)  # every task waits at the gate
        began = time.perf_counter()
        gate.set()
        await asyncio.gather(*tasks)
        took = time.perf_counter() - began
    return results, flight, took


async def post_declared_only(port: int, count: int) -> tuple[list[Sent], InFlight, float]:
    """`count` requests at once, each on its own connection: a wrong secret and a declared
    50 MB body, of which nothing is sent; the status line of each answer."""
    head = (
        f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\n"
        "X-Telegram-Bot-Api-Secret-Token: not-the-secret\r\n"
        f"Content-Length: {DECLARED_BYTES}\r\n\r\n"
    ).encode()
    flight = InFlight()
    gate = asyncio.Event()
    results = [Sent(key) for key in range(count)]

    async def one(sent: Sent) -> None:
        await gate.wait()
        sent.started = time.perf_counter()
        writer = None
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 60)
            flight.connected += 1
            flight.peak_connected = max(flight.peak_connected, flight.connected)
            writer.write(head)
            await writer.drain()
            sent.body_sent = time.perf_counter()
            flight.up()
            try:
                line = await asyncio.wait_for(reader.readline(), 60)
            finally:
                flight.down()
            parts = line.split()
            sent.status = int(parts[1]) if len(parts) >= 2 else "no status line"
        except (OSError, TimeoutError, ValueError) as error:
            sent.status = type(error).__name__
        finally:
            sent.answered = time.perf_counter()
            if writer is not None:
                flight.connected -= 1
                writer.close()
                with contextlib.suppress(OSError):
                    await writer.wait_closed()

    tasks = [asyncio.create_task(one(sent)) for sent in results]
    await asyncio.sleep(0.05)
    began = time.perf_counter()
    gate.set()
    await asyncio.gather(*tasks)
    return results, flight, time.perf_counter() - began


# --- measures -----------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation); nan for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def statuses(results: list[Sent]) -> Counter[int | str]:
    return Counter(sent.status for sent in results)


def status_text(counts: Counter[int | str], shown: tuple[int, ...] = (200, 503)) -> str:
    parts = [f"{code}: {counts.get(code, 0)}" for code in shown]
    other = {k: v for k, v in counts.items() if k not in shown}
    parts.append(
        "other: " + (", ".join(f"{k}: {v}" for k, v in sorted(other.items(), key=str)) or "0")
    )
    return ", ".join(parts)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def latencies(results: list[Sent], status: int | None = None) -> tuple[list[float], list[float]]:
    """Seconds from the call to the answer, and from the request sent in full to the answer."""
    chosen = [s for s in results if status is None or s.status == status]
    total = [s.answered - s.started for s in chosen if isinstance(s.status, int)]
    after = [
        s.answered - s.body_sent
        for s in chosen
        if isinstance(s.status, int) and s.body_sent is not None
    ]
    return total, after


def replies_by_chat(fake: FakeTelegram) -> Counter[int]:
    """sendMessage calls per chat (tried; a 429 and its retry are two)."""
    counts: Counter[int] = Counter()
    for call in fake.calls("sendMessage"):
        with contextlib.suppress(KeyError, TypeError, ValueError):
            counts[int(call.params["chat_id"])] += 1
    return counts


def wait_for_replies(
    fake: FakeTelegram, users: set[int], timeout: float, quiet: float = 3.0
) -> float:
    """Until every user has been sent something and nothing was sent for `quiet` seconds
    (a refused send is retried after a second); when the last send was seen (monotonic, to
    the 0.25 s the calls are looked at)."""
    began = time.monotonic()
    last_count, last_change = -1, began
    while time.monotonic() - began < timeout:
        calls = replies_by_chat(fake)
        total = sum(calls.values())
        if total != last_count:
            last_count, last_change = total, time.monotonic()
        if users <= calls.keys() and time.monotonic() - last_change >= quiet:
            break
        time.sleep(0.25)
    return last_change


# --- the run ------------------------------------------------------------------------------


@dataclass
class Row:
    phase: str
    measure: str
    result: str
    expected: str = ""


def run(args: argparse.Namespace) -> tuple[list[Row], list[str], dict[str, Any]]:
    rows: list[Row] = []
    notes: list[str] = []
    facts: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-webhook-") as tmp, FakeTelegram() as fake:
        fake.enforce_limits()  # Telegram's flood limits: a send over them is refused 429
        data_dir, log = Path(tmp), Path(tmp) / "bot.log"
        port = free_port()
        url = f"http://127.0.0.1:{port}{PATH}"
        began = time.monotonic()
        process = start_bot(fake, data_dir, port, log)
        try:
            fake.wait_for("setWebhook", timeout=60)
            wait_until_listening(port, process, 30)
            facts["startup_s"] = time.monotonic() - began
            registered = fake.last("setWebhook").params
            max_connections = int(registered.get("max_connections", 40))
            pid = process.pid

            # warm-up: the reply every later one should equal
            warm = fake.message(QUESTION, user_id=WARM_UP_USER)
            warm["update_id"] = 1
            asyncio.run(post_all(url, [(1, json.dumps(warm).encode())], at_once=1))
            [answer_call] = fake.wait_for("sendMessage", timeout=30)
            answer = str(answer_call.params.get("text", ""))
            time.sleep(1)
            idle_fds = open_fds(pid)
            facts["idle"] = memory_mb(pid)

            # malformed bodies
            real = fake.message(QUESTION, user_id=MALFORMED_USER)
            as_string = {**real, "update_id": "5"}
            bodies = [body for _, body in MALFORMED]
            bodies[13] = json.dumps([warm]).encode()
            bodies[19] = json.dumps(as_string).encode()
            sent_before = len(fake.calls("sendMessage"))
            bad, _, _ = asyncio.run(post_all(url, list(enumerate(bodies)), at_once=len(bodies)))
            time.sleep(1)
            by_kind: dict[str, Counter[int | str]] = {}
            for (kind, _), sent in zip(MALFORMED, bad, strict=True):
                by_kind.setdefault(kind, Counter())[sent.status] += 1
            answered_bad = len(fake.calls("sendMessage")) - sent_before
            malformed_label = f"4. {len(bodies)} malformed bodies, at once"
            rows.append(
                Row(
                    malformed_label,
                    "status codes",
                    status_text(statuses(bad), (400,)),
                    "400 for all",
                )
            )
            for kind, counts in by_kind.items():
                rows.append(
                    Row("", f"… {kind} ({sum(counts.values())})", status_text(counts, (400,)))
                )
            rows.append(Row("", "replies sent for them", str(answered_bad), "0"))

            # refused: wrong secret, 50 MB declared, nothing sent
            before = memory_mb(pid)
            drops = listen_drops()
            with fd_peak(pid) as peak:
                refused, refused_flight, refused_took = asyncio.run(
                    post_declared_only(port, args.refused)
                )
            time.sleep(0.5)
            after = memory_mb(pid)
            refused_drops = {k: v - drops[k] for k, v in listen_drops().items()}
            total, _ = latencies(refused)
            label = (
                f"3. {args.refused:,} wrong secret, {DECLARED_BYTES // 1_000_000} MB declared, "
                "body never sent"
            )
            rows += [
                Row(
                    label,
                    "status codes",
                    status_text(statuses(refused), (403,)),
                    f"403 for all {args.refused:,}",
                ),
                Row(
                    "",
                    "requests in flight at once, peak (client) / bot's open connections, peak",
                    f"{refused_flight.peak:,} / {peak[0] - idle_fds:,}",
                ),
                Row(
                    "",
                    "all answered in; latency p50 / p99 / max",
                    f"{refused_took:.2f} s; {ms(percentile(total, 0.5))} / "
                    f"{ms(percentile(total, 0.99))} / {ms(max(total, default=0))} ms",
                ),
                Row(
                    "",
                    "bot's peak RSS (VmHWM) before → after",
                    f"{before['VmHWM']:.1f} → {after['VmHWM']:.1f} MB "
                    f"(+{after['VmHWM'] - before['VmHWM']:.1f}); RSS now {after['VmRSS']:.1f} MB",
                    f"≪ {DECLARED_BYTES * args.refused / 1e9:,.0f} GB "
                    f"(50 MB for each of {args.refused:,})",
                ),
            ]
            facts["refused_drops"] = refused_drops

            # burst: one update from each of `requests` users, all at once
            users = [FIRST_USER + i for i in range(args.requests)]
            updates: dict[int, dict[str, Any]] = {}
            for i, user in enumerate(users):
                update = fake.message(QUESTION, user_id=user)
                update["update_id"] = FIRST_UPDATE_ID + i
                updates[user] = update
            bodies_by_user = [(user, json.dumps(updates[user]).encode()) for user in users]
            drops = listen_drops()
            hwm_before_burst = memory_mb(pid)["VmHWM"]
            burst_began = time.monotonic()
            cpu_before = cpu_seconds(pid), time.process_time()
            with fd_peak(pid) as peak:
                burst, flight, took = asyncio.run(
                    post_all(url, bodies_by_user, at_once=args.requests)
                )
            burst_cpu = (
                cpu_seconds(pid) - cpu_before[0],
                time.process_time() - cpu_before[1],
            )
            burst_drops = {k: v - drops[k] for k, v in listen_drops().items()}
            counts = statuses(burst)
            accepted = {s.key for s in burst if s.status == 200}
            busy = [s.key for s in burst if s.status != 200]  # 503, or no answer at all
            answered_200 = [s.answered for s in burst if s.status == 200]
            accept_window = max(answered_200, default=0.0) - min(
                (s.started for s in burst), default=0.0
            )
            all_total, all_after = latencies(burst)
            ok_total, _ = latencies(burst, 200)
            busy_total, _ = latencies(burst, 503)
            label = f"1. {args.requests:,} updates from {args.requests:,} users, all at once"
            rows += [
                Row(
                    label,
                    "requests in flight at once (sent in full, not yet answered), peak",
                    f"{flight.peak:,}",
                    f"up to {args.requests:,}",
                ),
                Row(
                    "",
                    "connections open at once, peak: client / bot (fds above idle)",
                    f"{flight.peak_connected:,} / {peak[0] - idle_fds:,}",
                ),
                Row("", "status codes", status_text(counts), "200 or 503"),
                Row(
                    "",
                    "all answered in; accepted (200) per second",
                    f"{took:.2f} s; {len(accepted) / accept_window:,.0f}/s"
                    if accepted
                    else f"{took:.2f} s; none accepted",
                ),
                Row(
                    "",
                    "HTTP latency p50 / p99 / max, all requests",
                    f"{ms(percentile(all_total, 0.5))} / {ms(percentile(all_total, 0.99))} / "
                    f"{ms(max(all_total, default=0))} ms",
                ),
                Row(
                    "",
                    "… of the 200s / of the 503s (p50 / p99)",
                    f"{ms(percentile(ok_total, 0.5))} / {ms(percentile(ok_total, 0.99))} ms; "
                    f"{ms(percentile(busy_total, 0.5))} / {ms(percentile(busy_total, 0.99))} ms",
                ),
                Row(
                    "",
                    "… counted from the request sent in full (p50 / p99)",
                    f"{ms(percentile(all_after, 0.5))} / {ms(percentile(all_after, 0.99))} ms",
                ),
                Row(
                    "",
                    "CPU seconds used meanwhile: bot / client and fake (this process)",
                    f"{burst_cpu[0]:.2f} / {burst_cpu[1]:.2f} s",
                ),
            ]

            # duplicates: accepted updates posted again while their replies wait in the queue
            calls_now = replies_by_chat(fake)
            accepted_order = sorted(accepted)
            step = max(1, len(accepted_order) // max(args.duplicates, 1))
            again = accepted_order[::step][: args.duplicates]
            already = sum(1 for user in again if calls_now.get(user))
            dup, _, _ = asyncio.run(
                post_all(
                    url,
                    [(user, json.dumps(updates[user]).encode()) for user in again],
                    at_once=max(len(again), 1),
                )
            )

            # retry: each request without a 200 sent once more, as Telegram would, a little later
            time.sleep(1)
            retried, _, retry_took = asyncio.run(
                post_all(
                    url,
                    [(user, json.dumps(updates[user]).encode()) for user in busy],
                    at_once=max_connections,
                )
            )
            accepted |= {s.key for s in retried if s.status == 200}
            first_try = Counter(s.status for s in burst if s.status != 200)
            rows.append(
                Row(
                    f"1b. each request without a 200 sent again after 1 s, {max_connections} "
                    "at a time (setWebhook's max_connections), as Telegram retries",
                    f"status codes ({len(busy):,} sent: "
                    + (
                        ", ".join(f"{n:,} had {k}" for k, n in sorted(first_try.items(), key=str))
                        or "none"
                    )
                    + ")",
                    status_text(statuses(retried)) + f"; in {retry_took:.2f} s",
                    "200 for all",
                )
            )

            # drain
            timeout = args.requests / 20 + 60
            drained_in = wait_for_replies(fake, accepted, timeout) - burst_began
            delivered = {user: len(fake.delivered(user)) for user in users}
            texts = Counter(
                text for user in users for text in fake.delivered(user) if delivered[user]
            )
            lost = sorted(user for user in accepted if delivered[user] == 0)
            unaccepted = [user for user in users if user not in accepted]
            duplicates = sum(max(0, n - 1) for n in delivered.values())
            answered_users = sum(1 for n in delivered.values() if n)
            sends = sum(replies_by_chat(fake).values())
            refused_429 = len(fake.refused("sendMessage"))
            rows += [
                Row(
                    "1c. replies",
                    "replies delivered; the last one seen, after the burst began",
                    f"{sum(delivered.values()):,} to {answered_users:,} users; "
                    f"{drained_in:.1f} s ({sum(delivered.values()) / drained_in:.1f}/s)",
                    f"{args.requests:,} at ~30/s",
                ),
                Row(
                    "",
                    "lost (accepted with 200, no reply)",
                    f"{len(lost):,}",
                    "0",
                ),
                Row("", "answered twice or more", f"{duplicates:,}", "0"),
                Row(
                    "",
                    "never accepted (no 200 in two tries)",
                    f"{len(unaccepted):,}",
                    "0",
                ),
                Row(
                    "",
                    "replies equal to the warm-up's answer",
                    f"{texts.get(answer, 0):,} of {sum(texts.values()):,}",
                ),
                Row(
                    "",
                    "sendMessage calls; refused by the fake's flood limits (429)",
                    f"{sends:,}; {refused_429:,}",
                ),
            ]
            dup_counts = statuses(dup)
            dup_twice = sum(1 for user in again if delivered[user] > 1)
            dup_none = sum(1 for user in again if delivered[user] == 0)
            rows += [
                Row(
                    f"2. {len(again)} accepted updates posted again (same update_id), at once",
                    "status codes",
                    status_text(dup_counts, (200,)),
                    f"200 for all {len(again)}",
                ),
                Row(
                    "",
                    "already replied to when posted again",
                    f"{already} of {len(again)}",
                ),
                Row("", "answered twice / not answered", f"{dup_twice} / {dup_none}", "0 / 0"),
            ]
            final = memory_mb(pid)
            rows.append(
                Row(
                    "memory",
                    "bot's peak RSS (VmHWM): idle → before the burst → end",
                    f"{facts['idle']['VmHWM']:.1f} → {hwm_before_burst:.1f} → "
                    f"{final['VmHWM']:.1f} MB",
                )
            )
            facts.update(
                burst_drops=burst_drops,
                lost=lost[:20],
                max_connections=max_connections,
            )
            for name, drop in (("refused", refused_drops), ("burst", burst_drops)):
                notes.append(
                    f"the kernel, during the {name} phase (counters of this network namespace): "
                    f"listen-queue overflows {drop.get('ListenOverflows', 0):,}, handshakes "
                    f"answered with a SYN cookie {drop.get('SyncookiesSent', 0):,}, SYN cookies "
                    f"that failed their check (connection reset) "
                    f"{drop.get('SyncookiesFailed', 0):,}"
                )
        finally:
            stopped = time.monotonic()
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            facts["exit"] = (process.returncode, time.monotonic() - stopped)
            text = log.read_text(errors="replace") if log.exists() else ""
            access = Counter(ACCESS_LINE.findall(text))
            problems = [
                line
                for line in text.splitlines()
                if any(word in line for word in (" ERROR ", " WARNING ", "Traceback", "CRITICAL"))
                and "tornado.access" not in line
            ]
            facts["access"] = access
            facts["log_lines"] = len(text.splitlines())
            facts["log_problems"] = problems
            facts["token_in_log"] = TOKEN in text or TOKEN.split(":")[1] in text
            facts["secret_in_log"] = SECRET in text
    code, stop_s = facts["exit"]
    notes.append(f"after SIGTERM the bot exited with {code} in {stop_s:.1f} s")
    by_status = ", ".join(f"{status}: {n:,}" for status, n in sorted(facts["access"].items()))
    notes.append(
        f"its log (LOG_LEVEL=INFO): {facts['log_lines']:,} lines; tornado's access log, one line "
        f"a request, by status: {by_status or 'none'}; other warnings or errors: "
        f"{len(facts['log_problems'])}"
        + (f" (first: {facts['log_problems'][0].strip()[:160]})" if facts["log_problems"] else "")
        + f"; token in it: {facts['token_in_log']}, secret in it: {facts['secret_in_log']}"
    )
    return rows, notes, facts


def in_phase_order(rows: list[Row]) -> list[Row]:
    """The rows by phase number (they are measured in another order)."""
    groups: list[list[Row]] = []
    for row in rows:
        if row.phase or not groups:
            groups.append([])
        groups[-1].append(row)
    order = ["1.", "1b.", "1c.", "2.", "3.", "4."]

    def rank(group: list[Row]) -> int:
        first = group[0].phase.split(" ", 1)[0]
        return order.index(first) if first in order else len(order)

    return [row for group in sorted(groups, key=rank) for row in group]


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def markdown(rows: list[Row], notes: list[str], took: float) -> str:
    lines = [
        HEADING,
        "",
        f"Run by `bench/webhook.py` on {date.today().isoformat()}; machine: {machine()}; the bot "
        "(`python -m bot run`, webhook mode), the fake Bot API (flood limits on) and the client "
        f"(httpx, one connection per request) all on this machine, over loopback; the run "
        f"took {took:.0f} s.",
        "",
        "| phase | measure | result | expected |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {r.phase} | {r.measure} | {r.result} | {r.expected} |" for r in in_phase_order(rows)
    ]
    lines.append("")
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def append(section: str) -> None:
    """Append only, after re-reading the file (another section may have been added)."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if HEADING in current:
        print(f"{RESULTS} already has '{HEADING}': not appended", file=sys.stderr)
        return
    gap = (
        ""
        if not current or current.endswith("\n\n")
        else "\n"
        if current.endswith("\n")
        else "\n\n"
    )
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write(gap + section)
    print(f"appended to {RESULTS}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="updates in the burst")
    parser.add_argument("--duplicates", type=int, default=200, help="of them, posted again")
    parser.add_argument("--refused", type=int, default=2000, help="wrong-secret requests")
    parser.add_argument("--write", action="store_true", help=f"append the section to {RESULTS}")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = 2 * max(args.requests, args.refused) + 1000
    if soft < needed and (hard == resource.RLIM_INFINITY or hard > soft):
        wanted = needed if hard == resource.RLIM_INFINITY else min(hard, needed)
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    began = time.monotonic()
    rows, notes, facts = run(args)
    took = time.monotonic() - began
    section = markdown(rows, notes, took)
    print(section)
    if facts.get("log_problems"):
        print("warnings and errors in the bot's log:", file=sys.stderr)
        for line in facts["log_problems"][:20]:
            print("  " + line, file=sys.stderr)
    if facts.get("lost"):
        print(f"lost (first 20): {facts['lost']}", file=sys.stderr)
    if args.write:
        append(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
