"""Load and faults: the real bot process (`python -m bot run`) against the tests' fake Bot API,
side by side with a minimal python-telegram-bot bot (bench/minimal_bot.py) in the same run.

    python bench/load.py                      (default sizes; tables on standard output)
    python bench/load.py --sizes 100x10,500x20 --write
    python bench/load.py --scenarios crash,faults --bots ours

Scenarios, each with a fresh fake server, a fresh bot process and a fresh DATA_DIR per bot:

- load: USERS x MESSAGES private questions with Telegram's flood limits enforced by the fake
  (429 with retry_after). Each user asks every INTERVAL seconds (2 s by default: under the
  bot's flood control of 8 messages in 10 s), the users' first questions spread over the first
  interval, so questions arrive at USERS / INTERVAL a second.
- nolimit: the same with the fake enforcing no limits.
- group: a workshop minute: PEOPLE people each asking once in one group (mentioning the bot),
  evenly over SECONDS seconds, limits on. Ours may answer privately when the group is busy.
- crash: QUESTIONS private questions (one per user) queued at once; SIGKILL KILL_AFTER seconds
  after the first reply was delivered; restart on the same DATA_DIR; what was never answered
  and what was answered twice.
- faults: questions at RATE a second for SPAN seconds (one per user), limits on, while every
  sendMessage is answered 500 for 10 s, or 429 (retry_after RETRY_AFTER) for 12 s, from
  FAULT_START seconds after the first question: every answer must arrive, once.

Measured per scenario and bot: answered, lost (a question with no reply), duplicates (replies
beyond one per question), 429s the fake answered, replies per second (questions answered over
the time from the first question pushed to the last answered), latency p50/p99 (update pushed
to its reply delivered, paired as `load_support.tally` says), start-up time, RSS when ready and
the peak (VmHWM of the bot process from /proc/PID/status, polled), how it stopped on SIGTERM,
and ERROR/CRITICAL/Traceback lines in its output (INFO level, written to a file).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load_support.fake import TimedFake  # noqa: E402
from load_support.procs import BotProcess, bot_env, kill_all  # noqa: E402
from load_support.tally import Question, Tally, tally  # noqa: E402

from tests.support.fake_telegram import DEFAULT_GROUP_ID, TelegramLimits  # noqa: E402

BOTS = ("ours", "minimal")
SCENARIOS = ("load", "nolimit", "group", "crash", "faults")
LABELS = {"ours": "**ours**", "minimal": "minimal PTB"}
SECTION = "## Load and faults"
SEED = 20261201
READY_SECONDS = 60.0
LINGER_SECONDS = 3.0  # after every question is answered: time for a duplicate to show up
QUIET_SECONDS = 30.0  # nothing sent or refused for this long: nothing more is coming
FIRST_USER = 800_001
GROUP = DEFAULT_GROUP_ID


@dataclass
class Run:
    """One bot in one scenario."""

    scenario: str
    case: str  # the size or the fault
    bot: str
    tally: Tally
    startup: float
    idle_mb: float
    peak_mb: float
    exit_code: int
    stop_seconds: float
    log_problems: int
    wall: float
    extra: dict[str, Any] = field(default_factory=dict)


# --- driving ----------------------------------------------------------------------------------


def question_pool() -> list[str]:
    """The evaluation questions (`q` of knowledge/eval/*.yaml), as people type them."""
    found = [
        item["q"]
        for path in sorted((ROOT / "knowledge" / "eval").glob("*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if isinstance(item, dict) and isinstance(item.get("q"), str) and item["q"].strip()
    ]
    if not found:
        raise SystemExit("no questions in knowledge/eval/*.yaml")
    return found


@dataclass(frozen=True)
class Ask:
    at: float  # seconds after the start of the schedule
    text: str
    user: int
    group: int | None = None


def ask(fake: TimedFake, item: Ask) -> Question:
    if item.group is None:
        update = fake.message(item.text, user_id=item.user)
    else:
        update = fake.group_message(item.text, chat_id=item.group, user_id=item.user)
    fake.push_update(update)
    pushed = time.monotonic()
    message = update["message"]
    return Question(message["chat"]["id"], item.user, message["message_id"], pushed)


def push(fake: TimedFake, schedule: Sequence[Ask], start: float) -> list[Question]:
    """Push each question at its time (blocking until the last one is pushed)."""
    questions = []
    for item in sorted(schedule, key=lambda a: a.at):
        delay = start + item.at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        questions.append(ask(fake, item))
    return questions


def settle(
    fake: TimedFake,
    questions: Sequence[Question],
    process: BotProcess,
    *,
    timeout: float,
    quiet: float = QUIET_SECONDS,
) -> str:
    """Wait until every question is answered (and a little longer), nothing has happened for
    `quiet` seconds, the process died, or `timeout`; returns which."""
    deadline = time.monotonic() + timeout
    last_push = max((q.pushed for q in questions), default=time.monotonic())
    while True:
        time.sleep(0.5)
        now = time.monotonic()
        sends = fake.sends()
        delivered = sum(s.status == 200 for s in sends)
        if delivered >= len(questions) and tally(questions, sends).lost == 0:
            time.sleep(LINGER_SECONDS)
            return "all answered"
        if process.process.poll() is not None:
            return f"process exited ({process.process.returncode})"
        if now - max(fake.last_activity, last_push) > quiet:
            return f"quiet for {quiet:.0f} s"
        if now > deadline:
            return f"timeout ({timeout:.0f} s)"


@contextmanager
def fresh_fake(limits: bool) -> Iterator[TimedFake]:
    fake = TimedFake(limits=TelegramLimits() if limits else None)
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def launch(fake: TimedFake, bot: str, data_dir: Path, log: Path) -> BotProcess:
    data_dir.mkdir(parents=True, exist_ok=True)
    return BotProcess(bot, bot_env(fake.token, fake.base_url, data_dir), data_dir, log)


def ready(fake: TimedFake) -> Callable[[], bool]:
    return lambda: bool(fake.calls("getUpdates"))


@dataclass
class Started:
    process: BotProcess
    startup: float
    idle_mb: float


def start_bot(fake: TimedFake, bot: str, work: Path, tag: str) -> Started:
    process = launch(fake, bot, work / f"{tag}-data", work / f"{tag}.log")
    startup = process.wait_until(ready(fake), READY_SECONDS)
    time.sleep(0.5)  # settled after start-up, before any question
    return Started(process, startup, process.rss_mb())


def finish(
    scenario: str,
    case: str,
    bot: str,
    fake: TimedFake,
    questions: Sequence[Question],
    started: Started,
    began: float,
    outcome: str,
    *,
    peak_mb: float | None = None,
    extra: dict[str, Any] | None = None,
) -> Run:
    process = started.process
    peak = max(process.peak_mb, peak_mb or 0.0)
    exit_code, stop_seconds = process.stop()
    result = tally(questions, fake.sends())
    run = Run(
        scenario=scenario,
        case=case,
        bot=bot,
        tally=result,
        startup=started.startup,
        idle_mb=started.idle_mb,
        peak_mb=peak,
        exit_code=exit_code,
        stop_seconds=stop_seconds,
        log_problems=process.log_problems(),
        wall=time.monotonic() - began,
        extra={"ended": outcome, **(extra or {})},
    )
    progress(
        f"  {scenario} {case} {bot}: {result.answered}/{result.questions} answered, "
        f"{result.duplicates} dup, {result.refused_429} x 429, peak {peak:.0f} MB, "
        f"{outcome}, {run.wall:.0f} s"
    )
    return run


# --- scenarios --------------------------------------------------------------------------------


def load_schedule(users: int, messages: int, interval: float, pool: Sequence[str]) -> list[Ask]:
    rng = random.Random(SEED)
    return [
        Ask(u * interval / users + k * interval, rng.choice(pool), FIRST_USER + u)
        for u in range(users)
        for k in range(messages)
    ]


def drain_timeout(questions: int, arrival_seconds: float) -> float:
    return arrival_seconds + questions / 30 * 3 + 120


def run_load(
    bot: str, size: tuple[int, int], interval: float, limits: bool, pool: Sequence[str], work: Path
) -> Run:
    users, messages = size
    scenario = "load" if limits else "nolimit"
    case = f"{users}x{messages}"
    with fresh_fake(limits) as fake:
        began = time.monotonic()
        started = start_bot(fake, bot, work, f"{scenario}-{case}-{bot}")
        try:
            schedule = load_schedule(users, messages, interval, pool)
            questions = push(fake, schedule, time.monotonic())
            span = messages * interval
            outcome = settle(
                fake, questions, started.process, timeout=drain_timeout(len(questions), span)
            )
            return finish(scenario, case, bot, fake, questions, started, began, outcome)
        finally:
            started.process.stop()


def run_group(bot: str, people: int, seconds: float, pool: Sequence[str], work: Path) -> Run:
    case = f"{people} people / {seconds:.0f} s"
    rng = random.Random(SEED)
    with fresh_fake(True) as fake:
        mention = f"@{fake.bot_user['username']}"
        began = time.monotonic()
        started = start_bot(fake, bot, work, f"group-{bot}")
        try:
            schedule = [
                Ask(i * seconds / people, f"{mention} {rng.choice(pool)}", FIRST_USER + i, GROUP)
                for i in range(people)
            ]
            questions = push(fake, schedule, time.monotonic())
            # a group answer may wait up to a minute (20 a minute in a group) with nothing sent
            outcome = settle(fake, questions, started.process, timeout=600, quiet=90)
            return finish("group", case, bot, fake, questions, started, began, outcome)
        finally:
            started.process.stop()


def run_crash(bot: str, count: int, kill_after: float, pool: Sequence[str], work: Path) -> Run:
    case = f"{count} queued, SIGKILL {kill_after:g} s after the first reply"
    rng = random.Random(SEED)
    with fresh_fake(True) as fake:
        began = time.monotonic()
        first = start_bot(fake, bot, work, f"crash-{bot}")
        second: Started | None = None
        try:
            schedule = [Ask(0.0, rng.choice(pool), FIRST_USER + i) for i in range(count)]
            questions = push(fake, schedule, time.monotonic())
            first.process.wait_until(
                lambda: any(s.status == 200 for s in fake.sends()), READY_SECONDS
            )
            time.sleep(kill_after)
            unconfirmed = len(fake.pending_updates())
            first.process.kill()
            killed_at = time.monotonic()
            before = tally(questions, fake.sends()).answered
            peak_before = first.process.peak_mb
            time.sleep(1.0)
            data_dir = work / f"crash-{bot}-data"  # the same DATA_DIR
            restarted = launch(fake, bot, data_dir, work / f"crash-{bot}-restart.log")
            second = Started(restarted, first.startup, first.idle_mb)
            outcome = settle(fake, questions, restarted, timeout=drain_timeout(count, 0))
            after = tally(questions, fake.sends())
            last = after.last_answer
            extra = {
                "before_kill": before,
                "confirmed_at_kill": count - unconfirmed,
                "after_restart": after.answered - before,
                "done_after_restart": None if last is None else max(0.0, last - killed_at),
            }
            return finish(
                "crash",
                case,
                bot,
                fake,
                questions,
                second,
                began,
                outcome,
                peak_mb=peak_before,
                extra=extra,
            )
        finally:
            first.process.kill()
            if second is not None:
                second.process.stop()


@dataclass(frozen=True)
class Fault:
    name: str
    status: int
    seconds: float


def run_fault(
    bot: str,
    fault: Fault,
    rate: float,
    span: float,
    fault_start: float,
    retry_after: int,
    pool: Sequence[str],
    work: Path,
) -> Run:
    rng = random.Random(SEED)
    with fresh_fake(True) as fake:
        began = time.monotonic()
        started = start_bot(fake, bot, work, f"fault-{fault.status}-{bot}")
        try:
            count = round(rate * span)
            schedule = [Ask(i / rate, rng.choice(pool), FIRST_USER + i) for i in range(count)]
            start = time.monotonic()
            fake.fail_during(
                "sendMessage",
                fault.status,
                fault.seconds,
                retry_after=retry_after if fault.status == 429 else None,
                start=start + fault_start,
            )
            questions = push(fake, schedule, start)
            outcome = settle(
                fake, questions, started.process, timeout=drain_timeout(count, span) + 120
            )
            return finish("faults", fault.name, bot, fake, questions, started, began, outcome)
        finally:
            started.process.stop()


# --- tables -----------------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.1f} s"


def number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def lost(result: Tally) -> str:
    if not result.lost_refused:
        return str(result.lost)
    return f"{result.lost} ({result.lost_refused} after a refused send)"


def stopped(run: Run) -> str:
    return f"exit {run.exit_code} in {run.stop_seconds:.1f} s"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def load_table(runs: Sequence[Run]) -> list[str]:
    header = (
        "size",
        "bot",
        "questions",
        "answered",
        "lost",
        "dup",
        "slow-down sent",
        "429 refused",
        "replies/s",
        "p50 latency",
        "p99 latency",
        "last answer",
        "start-up",
        "RSS ready (MB)",
        "peak RSS (MB)",
        "SIGTERM",
        "log errors",
        "run",
    )
    rows = [
        (
            r.case,
            LABELS[r.bot],
            str(r.tally.questions),
            str(r.tally.answered),
            lost(r.tally),
            str(r.tally.duplicates),
            str(r.tally.slow_down),
            str(r.tally.refused_429),
            number(r.tally.replies_per_second),
            seconds(r.tally.percentile(0.5)),
            seconds(r.tally.percentile(0.99)),
            seconds(r.tally.span),
            seconds(r.startup),
            number(r.idle_mb, 0),
            number(r.peak_mb, 0),
            stopped(r),
            str(r.log_problems),
            seconds(r.wall),
        )
        for r in runs
    ]
    return table(header, rows)


def group_table(runs: Sequence[Run]) -> list[str]:
    header = (
        "bot",
        "questions",
        "answered in the group",
        "answered privately",
        "lost",
        "dup",
        "429 refused",
        "p50 latency",
        "p99 latency",
        "last answer",
        "peak RSS (MB)",
        "log errors",
        "run",
    )
    rows = [
        (
            LABELS[r.bot],
            str(r.tally.questions),
            str(r.tally.in_group),
            str(r.tally.privately),
            lost(r.tally),
            str(r.tally.duplicates),
            str(r.tally.refused_429),
            seconds(r.tally.percentile(0.5)),
            seconds(r.tally.percentile(0.99)),
            seconds(r.tally.span),
            number(r.peak_mb, 0),
            str(r.log_problems),
            seconds(r.wall),
        )
        for r in runs
    ]
    return table(header, rows)


def crash_table(runs: Sequence[Run]) -> list[str]:
    header = (
        "bot",
        "questions",
        "answered before the kill",
        "confirmed to Telegram at the kill",
        "answered after the restart",
        "never answered",
        "dup",
        "all answered, after the kill",
        "429 refused",
        "peak RSS (MB)",
        "log errors",
        "run",
    )
    rows = []
    for r in runs:
        done = r.extra.get("done_after_restart") if r.tally.lost == 0 else None
        rows.append(
            (
                LABELS[r.bot],
                str(r.tally.questions),
                str(r.extra.get("before_kill", "-")),
                str(r.extra.get("confirmed_at_kill", "-")),
                str(r.extra.get("after_restart", "-")),
                lost(r.tally),
                str(r.tally.duplicates),
                seconds(done) if done is not None else "never",
                str(r.tally.refused_429),
                number(r.peak_mb, 0),
                str(r.log_problems),
                seconds(r.wall),
            )
        )
    return table(header, rows)


def fault_table(runs: Sequence[Run]) -> list[str]:
    header = (
        "fault",
        "bot",
        "questions",
        "answered once",
        "lost",
        "dup",
        '"Sorry" sent',
        "fault answers",
        "429 refused (all)",
        "p50 latency",
        "p99 latency",
        "last answer",
        "peak RSS (MB)",
        "log errors",
    )
    rows = [
        (
            r.case,
            LABELS[r.bot],
            str(r.tally.questions),
            str(r.tally.answered_once),
            lost(r.tally),
            str(r.tally.duplicates),
            str(r.tally.sorry),
            str(r.tally.injected),
            str(r.tally.refused_429),
            seconds(r.tally.percentile(0.5)),
            seconds(r.tally.percentile(0.99)),
            seconds(r.tally.span),
            number(r.peak_mb, 0),
            str(r.log_problems),
        )
        for r in runs
    ]
    return table(header, rows)


def endings(runs: Sequence[Run]) -> str:
    ended = {f"{r.scenario} {r.case} {r.bot}: {r.extra['ended']}" for r in runs}
    unusual = sorted(e for e in ended if not e.endswith("all answered"))
    if not unusual:
        return "Every run ended with every question answered."
    return "Runs that ended before every question was answered: " + "; ".join(unusual) + "."


IMPORT_PROBE = """
import sys
from pathlib import Path
def rss():
    for line in Path('/proc/self/status').read_text().splitlines():
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
import telegram.ext, rapidfuzz
base = rss()
from bot.knowledge import load_knowledge
from bot.settings import SHIPPED_KNOWLEDGE
load_knowledge(SHIPPED_KNOWLEDGE)
print(base, rss())
"""


def knowledge_import_cost() -> str:
    """What reading the knowledge base through `bot.knowledge` adds to the minimal bot."""
    try:
        output = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.split()
        base, loaded = float(output[0]), float(output[1])
    except (subprocess.SubprocessError, OSError, ValueError, IndexError):
        return "(The cost of `bot.knowledge` in the minimal bot could not be measured.)"
    return (
        "The minimal bot reads the phrasings with the project's `bot.knowledge.load_knowledge`:"
        f" in a fresh interpreter that takes RSS from {base:.0f} MB (`telegram.ext` and"
        f" `rapidfuzz` imported) to {loaded:.0f} MB, so {loaded - base:.0f} MB of its RSS is"
        " the project's knowledge loader, its imports and the loaded entries."
    )


def machine() -> str:
    import telegram

    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"python-telegram-bot {telegram.__version__}"
    )


def report(
    runs: Sequence[Run], args: argparse.Namespace, command: str, took: float, import_cost: str
) -> str:
    by = {s: [r for r in runs if r.scenario == s] for s in SCENARIOS}
    today = datetime.date.today().isoformat()
    lines = [
        SECTION,
        "",
        f"Written by `bench/load.py` on {today}; machine: {machine()}. The bot, the fake Bot API "
        "server and the driver share these CPUs.",
        "",
        f"Command: `{command}` ({took / 60:.1f} min).",
        "",
        "The real `python -m bot run` (LOG_LEVEL=INFO, output to a file) and",
        "`bench/minimal_bot.py` take turns against the tests' fake Bot API",
        "(`tests/support/fake_telegram.py`, wrapped by `bench/load_support/fake.py` to time",
        "deliveries and to hold a fault for a time window). The minimal bot is python-telegram-bot",
        "with `concurrent_updates(True)` and `AIORateLimiter()` at its defaults (30/s overall,",
        "20/min per group, no retry of a 429), answering every text with rapidfuzz `extractOne`",
        "(WRatio) over every phrasing of the shipped knowledge base. Each bot gets a fresh fake,",
        "process and DATA_DIR per scenario.",
        "",
        "- Latency: update pushed to its reply delivered. A quoted reply pairs with its question;",
        "  other replies pair in order per chat (a group question may also be answered in the",
        "  asker's private chat).",
        "- Lost: a question with no reply; dup: replies beyond one per question. A lost question",
        "  marked 'after a refused send' saw a 429 or an injected 5xx in its chat.",
        "- Replies/s: questions answered over the time from the first question to the last answer.",
        "- RSS ready: VmRSS once the bot polls; peak RSS: VmHWM of the bot process (polled).",
        f"  {import_cost}",
        "- Log errors: ERROR, CRITICAL and Traceback lines in the bot's output.",
        "",
    ]
    if by["load"] or by["nolimit"]:
        lines += [
            "### Many users, several messages each",
            "",
            f"Size USERSxMESSAGES: each user asks every {args.interval:g} s (the bot's flood "
            "control answers 8 in 10 s), first questions spread over the first interval.",
            "",
        ]
    if by["load"]:
        lines += ["Telegram's limits enforced by the fake (30/s, 1/s per chat, 20/min per group):"]
        lines += ["", *load_table(by["load"]), ""]
    if by["nolimit"]:
        lines += ["No limits enforced by the fake:", "", *load_table(by["nolimit"]), ""]
    if by["group"]:
        lines += [
            "### A workshop minute in one group",
            "",
            f"{args.group_people} people each ask once in one group, mentioning the bot, evenly "
            f"over {args.group_seconds:g} s; limits on; our GROUP_WAIT_SECONDS at its default "
            "(60). Privately: the answer went to the asker's private chat.",
            "",
            *group_table(by["group"]),
            "",
        ]
    if by["crash"]:
        lines += [
            "### Crash and restart",
            "",
            f"{args.crash_questions} private questions (one per user) queued at once, limits on; "
            f"SIGKILL {args.kill_after:g} s after the first reply was delivered; restart 1 s "
            "later on the same DATA_DIR. Confirmed: updates the fake had been told (by the "
            "getUpdates offset) it need not deliver again.",
            "",
            *crash_table(by["crash"]),
            "",
        ]
    if by["faults"]:
        lines += [
            "### Delivery faults",
            "",
            f"{round(args.fault_rate * args.fault_span)} private questions (one per user), "
            f"{args.fault_rate:g} a second for {args.fault_span:g} s, limits on. From "
            f"{args.fault_start:g} s after the first question, every sendMessage is answered "
            f"500, or 429 with retry_after {args.retry_after}, for the whole window (a time "
            "window in the harness, not a number of calls). Fault answers: sends answered by "
            "the window.",
            "",
            *fault_table(by["faults"]),
            "",
        ]
    lines += [endings(runs), ""]
    return "\n".join(lines)


def write_section(path: Path, section: str) -> None:
    """Replace the section in `path` (or append it), leaving the other sections as they are."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == SECTION), None)
    new = section.rstrip("\n").splitlines()
    if start is None:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", *new]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        after = lines[end:]
        lines = lines[:start] + new + (["", *after] if after else [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- main -------------------------------------------------------------------------------------


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def parse_size(text: str) -> tuple[int, int]:
    users, _, messages = text.lower().partition("x")
    try:
        size = int(users), int(messages)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected USERSxMESSAGES, not {text!r}") from None
    if min(size) < 1:
        raise argparse.ArgumentTypeError("sizes are positive")
    return size


def parse_list(choices: Sequence[str]) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        chosen = [part.strip() for part in text.split(",") if part.strip()]
        unknown = [part for part in chosen if part not in choices]
        if unknown or not chosen:
            raise argparse.ArgumentTypeError(f"choose from {', '.join(choices)}")
        return chosen

    return parse


def arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=lambda t: [parse_size(p) for p in t.split(",") if p.strip()],
        default=[(100, 10)],
        help="USERSxMESSAGES for load and nolimit, comma-separated (default 100x10)",
    )
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between a user's")
    parser.add_argument(
        "--scenarios", type=parse_list(SCENARIOS), default=list(SCENARIOS), help=",".join(SCENARIOS)
    )
    parser.add_argument("--bots", type=parse_list(BOTS), default=list(BOTS), help=",".join(BOTS))
    parser.add_argument("--group-people", type=int, default=50)
    parser.add_argument("--group-seconds", type=float, default=60.0)
    parser.add_argument("--crash-questions", type=int, default=600)
    parser.add_argument("--kill-after", type=float, default=5.0)
    parser.add_argument("--fault-rate", type=float, default=5.0, help="questions a second")
    parser.add_argument("--fault-span", type=float, default=20.0, help="seconds of questions")
    parser.add_argument("--fault-start", type=float, default=5.0, help="window starts at (s)")
    parser.add_argument("--retry-after", type=int, default=2, help="of the injected 429s")
    parser.add_argument("--write", action="store_true", help=f"put the tables in {SECTION!r}")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--keep-logs", type=Path, help="keep the bots' output and data here")
    return parser.parse_args(argv)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def run_all(args: argparse.Namespace, work: Path) -> list[Run]:
    pool = question_pool()
    runs: list[Run] = []
    faults = (Fault("500 for 10 s", 500, 10.0), Fault("429 for 12 s", 429, 12.0))
    for scenario in args.scenarios:
        progress(f"{scenario} ...")
        if scenario in ("load", "nolimit"):
            for size in args.sizes:
                for bot in args.bots:
                    limits = scenario == "load"
                    runs.append(run_load(bot, size, args.interval, limits, pool, work))
        elif scenario == "group":
            for bot in args.bots:
                runs.append(run_group(bot, args.group_people, args.group_seconds, pool, work))
        elif scenario == "crash":
            for bot in args.bots:
                runs.append(run_crash(bot, args.crash_questions, args.kill_after, pool, work))
        else:
            for fault in faults:
                for bot in args.bots:
                    run = run_fault(
                        bot,
                        fault,
                        args.fault_rate,
                        args.fault_span,
                        args.fault_start,
                        args.retry_after,
                        pool,
                        work,
                    )
                    runs.append(run)
    return runs


def main(argv: Sequence[str] | None = None) -> None:
    args = arguments(argv)
    command = "python bench/load.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, _terminate)
    began = time.monotonic()
    keep = args.keep_logs
    with tempfile.TemporaryDirectory(prefix="bench-load-") as scratch:
        work = keep if keep is not None else Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        try:
            runs = run_all(args, work)
        finally:
            kill_all()
    took = time.monotonic() - began
    text = report(runs, args, command.strip(), took, knowledge_import_cost())
    print(text)
    if args.write:
        write_section(args.output, text)
        progress(f"written to {args.output}")


if __name__ == "__main__":
    main()
