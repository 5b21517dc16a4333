"""Memory of the bot process, measured: what each import costs, what building the answer engine
adds, and the peak while answering a load of questions, next to a minimal python-telegram-bot
bot that runs rapidfuzz's `extractOne` over the same phrasings.

    python bench/memory.py                 (the tables, as Markdown, on standard output)
    python bench/memory.py --questions 500 --json
    python bench/memory.py --process       (also the real `python -m bot run`)

Every number comes from a fresh interpreter (`python -c ...`) started for it, which reads its
own /proc/self/status (Linux only): VmRSS, the resident set now, and VmHWM, its peak so far.
Nothing is measured in this process, which loads the knowledge base and writes the questions.

- imports: RSS after importing each heavy module on its own, and cumulatively in the order the
  bot imports them (`python -m bot run` imports `bot.cli`, then `handlers.app` when it starts);
- engine: RSS and peak after `AnswerEngine.load` on the shipped knowledge base, with the bot's
  imports loaded first (as `python -m bot run` has them) and with only `bot.engine`;
- load: RSS and peak after the questions through `Conversation.ask`, as the bot answers them;
- attribution: tracemalloc's current and peak Python allocations while building the engine,
  and the numpy arrays the engine keeps, by owner (`.nbytes`);
- baseline: a script that imports `telegram.ext` and `rapidfuzz` and nothing of the bot, and
  answers the same questions with `rapidfuzz.process.extractOne` over every phrasing;
- reload: the peak when, after the questions, the knowledge base is reloaded as `/reload` or an
  edit of the knowledge folder does it (a second engine built while the first one answers);
- with `--process`: `python -m bot run` itself against the tests' fake Bot API server
  (`tests/support/fake_telegram.py`), the same questions as messages from as many people.

The questions are the `q` fields of `knowledge/eval/*.yaml` plus random recombinations of them
(the first half of one with the second half of another), seeded, so every run asks the same.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The heavy third-party modules the bot can pull in; `scipy.*` are listed one by one because
# which submodule is imported decides the cost.
CANDIDATES = (
    "numpy",
    "scipy",
    "scipy.sparse",
    "scipy.optimize",
    "rapidfuzz",
    "snowballstemmer",
    "Stemmer",
    "yaml",
    "pydantic",
    "pydantic_settings",
    "httpx",
    "telegram",
    "telegram.ext",
    "tornado",
    "watchfiles",
    "segno",
)
# What `python -m bot run` imports: the command line, then the Telegram front end.
BOT_IMPORTS = ("bot.cli", "handlers.app")
QUESTIONS = 2000
SEED = 20261130
PROCESS_BATCH = 50  # messages pushed to the real process before waiting for their replies

# Run first in every child: its memory, read from the kernel.
PRELUDE = """
import json, sys
def status():
    found = {}
    with open('/proc/self/status') as lines:
        for line in lines:
            key, _, value = line.partition(':')
            if key in ('VmRSS', 'VmHWM'):
                found[key] = int(value.split()[0]) / 1024
    return found
def emit(label, **extra):
    print(json.dumps({'label': label, **status(), **extra}), flush=True)
"""

ALONE = """
import importlib
emit('interpreter')
try:
    importlib.import_module(MODULE)
except ImportError as error:
    emit('failed', error=str(error))
else:
    emit(MODULE, modules=len(sys.modules))
"""

CUMULATIVE = """
import importlib
emit('interpreter')
for name in ORDER:
    try:
        importlib.import_module(name)
    except ImportError as error:
        emit(name, error=str(error))
    else:
        emit(name, modules=len(sys.modules))
heavy = sorted(m for m in CANDIDATES if m in sys.modules)
emit('loaded', heavy=heavy)
"""

ENGINE = """
import importlib
emit('interpreter')
missing = []
for name in IMPORTS:
    try:
        importlib.import_module(name)
    except ImportError as error:
        missing.append(f'{name}: {error}')
import bot.settings
from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.store import DiscardJournal
from bot.wording import FrontEnd
emit('imports', missing=missing, heavy=sorted(m for m in CANDIDATES if m in sys.modules))
engine = AnswerEngine.load(bot.settings.SHIPPED_KNOWLEDGE)
emit('engine')
conversation = Conversation(engine, DiscardJournal(), FrontEnd.TELEGRAM)
with open(QUESTIONS_FILE, encoding='utf-8') as file:
    questions = json.load(file)
previous = None
for number, question in enumerate(questions):
    # every fifth message follows the previous answer, as a chat's next message does
    turn = conversation.ask(question, previous if number % 5 == 4 else None)
    previous = turn.match.answer_id or previous
emit('questions', asked=len(questions), heavy=sorted(m for m in CANDIDATES if m in sys.modules))
if RELOAD:
    # what a /reload or an edit of the knowledge folder does: a second engine is built (and
    # the calibration checked) while the first one goes on answering
    from bot.matching import Thresholds
    from bot.reloading import Reloader
    outcome = Reloader(conversation, bot.settings.SHIPPED_KNOWLEDGE, Thresholds()).reload()
    emit('reload', done=outcome.done)
"""

BASELINE = """
import telegram.ext
import rapidfuzz
from rapidfuzz import process, utils
emit('imports')
with open(PHRASINGS_FILE, encoding='utf-8') as file:
    phrasings = json.load(file)
with open(QUESTIONS_FILE, encoding='utf-8') as file:
    questions = json.load(file)
emit('engine')
for question in questions:
    process.extractOne(question, phrasings, processor=utils.default_process)
emit('questions', asked=len(questions))
"""

ATTRIBUTION = """
import tracemalloc
import numpy as np
import bot.settings
from bot.engine import AnswerEngine
from bot.knowledge import load_knowledge
knowledge = load_knowledge(bot.settings.SHIPPED_KNOWLEDGE)
emit('knowledge')
tracemalloc.start()
engine = AnswerEngine.build(knowledge)
current, peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
emit('engine', traced_current=current / 2**20, traced_peak=peak / 2**20)

def arrays(value, path, seen, found):
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type)):
        return
    seen.add(id(value))
    if isinstance(value, np.ndarray):
        base = value if value.base is None else value.base
        if isinstance(base, np.ndarray) and id(base) not in seen:
            seen.add(id(base))
            found.append((path, base.nbytes, str(value.dtype), value.shape, base is not value))
        elif base is value:
            found.append((path, value.nbytes, str(value.dtype), value.shape, False))
        if value.dtype == object:
            for item in value.tolist():
                arrays(item, path + '[]', seen, found)
        return
    if isinstance(value, dict):
        for item in value.values():
            arrays(item, path + '{}', seen, found)
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            arrays(item, path + '[]', seen, found)
        return
    if 'bot.' not in type(value).__module__ and type(value).__module__ != 'bot':
        return
    slots = [s for c in type(value).__mro__ for s in getattr(c, '__slots__', ())]
    names = list(getattr(value, '__dict__', {})) + slots
    for name in names:
        if hasattr(value, name) and name != 'knowledge':
            arrays(getattr(value, name), f'{path}.{name}', seen, found)

found = []
arrays(engine, 'engine', set(), found)
owners = {}
for path, size, dtype, shape, view in found:
    owner = path.split('{}')[0].split('[]')[0]
    total, count, dtypes = owners.get(owner, (0, 0, set()))
    owners[owner] = (total + size, count + 1, dtypes | {dtype})
rows = [
    {'owner': owner, 'bytes': total, 'arrays': count, 'dtypes': sorted(dtypes)}
    for owner, (total, count, dtypes) in sorted(owners.items(), key=lambda kv: -kv[1][0])
]
emit('arrays', rows=rows)
"""


def process(count: int, asked_file: Path) -> dict[str, Any]:
    """`python -m bot run` itself, polling the fake Bot API of the tests
    (`tests/support/fake_telegram.py`), answering `count` messages from as many people; its
    /proc/<pid>/status read when it is idle after start-up and when every reply has gone."""
    from tests.support.fake_telegram import FakeTelegram

    asked = json.loads(asked_file.read_text(encoding="utf-8"))
    for name in ("NO_PROXY", "no_proxy"):
        os.environ[name] = "127.0.0.1,localhost"
    found: dict[str, Any] = {}
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": "424242:memory-benchmark-token",
            "TELEGRAM_API_BASE_URL": fake.base_url,
            "DATA_DIR": data,
            "PYTHONPATH": str(ROOT),
            "PTB_TIMEDELTA": "true",
            "LOG_LEVEL": "WARNING",
        }
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            env=env,
            cwd=data,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            fake.wait_for("setMyCommands", timeout=120)
            time.sleep(1.0)
            found["idle"] = _status(bot.pid)
            for first in range(0, count, PROCESS_BATCH):
                batch = asked[first : first + PROCESS_BATCH]
                before = len(fake.calls("sendMessage"))
                for number, question in enumerate(batch, start=first):
                    fake.push_update(fake.message(question, user_id=10_000 + number))
                deadline = time.monotonic() + 120
                while len(fake.calls("sendMessage")) < before + len(batch):
                    if time.monotonic() > deadline:
                        raise RuntimeError("the bot stopped answering")
                    time.sleep(0.05)
            time.sleep(1.0)
            found["questions"] = {**_status(bot.pid), "replies": len(fake.calls("sendMessage"))}
        finally:
            bot.terminate()
            bot.wait(timeout=30)
    return found


def against_scipy() -> list[dict[str, Any]]:
    """Every training of the engine build (the entry classifier, the two message detectors)
    run by `bot.matching.learning.minimize` and by scipy's L-BFGS-B on the same loss: how far
    apart the weights they find are. Needs scipy, which the bot no longer imports."""
    from scipy.optimize import minimize as scipy_minimize

    import bot.intents.detector as detector
    import bot.matching.classifier as classifier
    from bot.engine import AnswerEngine
    from bot.matching import minimize
    from bot.settings import SHIPPED_KNOWLEDGE

    found: list[dict[str, Any]] = []

    def compared(name: str) -> Any:
        def run(loss: Any, start: Any, max_iterations: int) -> Any:
            ours = minimize(loss, start, max_iterations)
            theirs = scipy_minimize(
                loss, start, jac=True, method="L-BFGS-B", options={"maxiter": max_iterations}
            )
            found.append(
                {
                    "training": name,
                    "weights": int(ours.size),
                    "scipy_iterations": int(theirs.nit),
                    "largest_weight": float(abs(theirs.x).max()),
                    "largest_difference": float(abs(ours - theirs.x).max()),
                }
            )
            return ours

        return run

    setattr(classifier, "minimize", compared("entry classifier"))  # noqa: B010 - patched here
    setattr(detector, "minimize", compared("message detector"))  # noqa: B010
    AnswerEngine.load(SHIPPED_KNOWLEDGE)
    return found


def _status(pid: int) -> dict[str, float]:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


def child(code: str, **constants: Any) -> list[dict[str, Any]]:
    """Run `code` in a fresh interpreter from the repository root; its `emit` lines."""
    header = "".join(f"{name} = {value!r}\n" for name, value in constants.items())
    result = subprocess.run(
        [sys.executable, "-c", PRELUDE + header + code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if result.returncode != 0:
        raise RuntimeError(f"child failed:\n{result.stderr[-3000:]}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def import_order() -> list[str]:
    """The candidates in the order `python -m bot run` finishes importing them."""
    script = (
        f"import importlib\nfor name in {BOT_IMPORTS!r}:\n"
        "    try: importlib.import_module(name)\n"
        "    except ImportError: pass\n"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    order: list[str] = []
    for line in result.stderr.splitlines():
        name = line.rsplit("|", 1)[-1].strip()
        if name in CANDIDATES and name not in order:
            order.append(name)
    return order


def questions(count: int) -> list[str]:
    asked = [
        item["q"]
        for path in sorted((ROOT / "knowledge" / "eval").glob("*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if isinstance(item, dict) and isinstance(item.get("q"), str)
    ]
    chosen = random.Random(SEED)
    found = list(asked)
    while len(found) < count:
        first, second = chosen.choice(asked).split(), chosen.choice(asked).split()
        found.append(" ".join(first[: len(first) // 2 + 1] + second[len(second) // 2 :]))
    chosen.shuffle(found)
    return found[:count]


def phrasings() -> list[str]:
    from bot.knowledge import load_knowledge
    from bot.settings import SHIPPED_KNOWLEDGE

    knowledge = load_knowledge(SHIPPED_KNOWLEDGE)
    return [v for e in knowledge.entries for v in e.variants]


def by_label(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["label"]: row for row in rows}


def measure(count: int, *, real_process: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        asked_file = Path(folder) / "questions.json"
        phrasings_file = Path(folder) / "phrasings.json"
        asked_file.write_text(json.dumps(questions(count)), encoding="utf-8")
        phrasings_file.write_text(json.dumps(phrasings()), encoding="utf-8")
        alone = {}
        for module in CANDIDATES:
            found = by_label(child(ALONE, MODULE=module))
            alone[module] = found.get(module, found.get("failed"))
        interpreter = by_label(child(ALONE, MODULE="sys"))["interpreter"]
        order = [*import_order(), *BOT_IMPORTS]
        cumulative = child(CUMULATIVE, ORDER=order, CANDIDATES=CANDIDATES)
        files = {"QUESTIONS_FILE": str(asked_file), "PHRASINGS_FILE": str(phrasings_file)}
        bot = by_label(
            child(ENGINE, IMPORTS=BOT_IMPORTS, CANDIDATES=CANDIDATES, RELOAD=True, **files)
        )
        core = by_label(
            child(ENGINE, IMPORTS=("bot.engine",), CANDIDATES=CANDIDATES, RELOAD=False, **files)
        )
        baseline = by_label(child(BASELINE, **files))
        attribution = by_label(child(ATTRIBUTION))
        real = process(count, asked_file) if real_process else None
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs"
    return {
        "machine": f"{machine}, Python {platform.python_version()}",
        "questions": count,
        "interpreter": interpreter,
        "alone": alone,
        "cumulative": cumulative,
        "bot": bot,
        "core": core,
        "baseline": baseline,
        "attribution": attribution,
        "process": real,
    }


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def markdown(result: dict[str, Any]) -> str:
    base = result["interpreter"]["VmRSS"]
    lines = [
        f"Machine: {result['machine']}; {result['questions']} questions. MB = MiB.",
        "",
        "### Imports",
        "",
        "Each module alone in a fresh interpreter (an empty one is "
        f"{base:.1f} MB), and all of them in one, in the order `python -m bot run` imports them.",
        "",
        "| module | alone RSS | alone over the interpreter |",
        "|---|---|---|",
    ]
    for module, row in result["alone"].items():
        if row is None or "VmRSS" not in row or row.get("label") == "failed":
            lines.append(f"| {module} | not installed | |")
            continue
        lines.append(f"| {module} | {_mb(row['VmRSS'])} | +{row['VmRSS'] - base:.1f} |")
    lines += ["", "| cumulative step | RSS | added |", "|---|---|---|"]
    previous = None
    loaded: list[str] = []
    for row in result["cumulative"]:
        if row["label"] == "loaded":
            loaded = row["heavy"]
            continue
        added = "" if previous is None else f"+{row['VmRSS'] - previous:.1f}"
        note = " (failed to import)" if "error" in row else ""
        lines.append(f"| {row['label']}{note} | {_mb(row['VmRSS'])} | {added} |")
        previous = row["VmRSS"]
    lines += ["", f"Heavy modules loaded by `python -m bot run`: {', '.join(loaded)}.", ""]

    bot, core, baseline = result["bot"], result["core"], result["baseline"]
    lines += [
        "### Engine and load, side by side",
        "",
        "RSS / peak (VmHWM) in MB. *bot*: `bot.cli` and `handlers.app` imported as "
        "`python -m bot run` has them; *core*: only `bot.engine`; *baseline*: `telegram.ext` "
        "and `rapidfuzz` with `extractOne` over every phrasing.",
        "",
        "| stage | bot RSS | bot peak | core RSS | core peak | baseline RSS | baseline peak |",
        "|---|---|---|---|---|---|---|",
    ]
    for stage, label in (
        ("imports", "imports"),
        ("engine built (baseline: phrasings loaded)", "engine"),
        (f"after {result['questions']} questions", "questions"),
    ):
        cells = [
            f"{_mb(side[label]['VmRSS'])} | {_mb(side[label]['VmHWM'])}"
            for side in (bot, core, baseline)
        ]
        lines.append(f"| {stage} | {' | '.join(cells)} |")
    if "reload" in bot:
        reload = bot["reload"]
        lines.append(
            f"| then a reload (a second engine built while the first answers) | "
            f"{_mb(reload['VmRSS'])} | {_mb(reload['VmHWM'])} | | | | |"
        )
    if bot["imports"].get("missing"):
        lines += ["", f"Not imported: {'; '.join(bot['imports']['missing'])}."]
    lines += [
        "",
        f"Heavy modules in the bot after the questions: {', '.join(bot['questions']['heavy'])}.",
    ]
    if result.get("process"):
        real = result["process"]
        lines += [
            "",
            "`python -m bot run` itself, polling the tests' fake Bot API, "
            f"{real['questions']['replies']} replies to {result['questions']} messages:",
            "",
            "| stage | RSS | peak |",
            "|---|---|---|",
            f"| idle after start-up | {_mb(real['idle']['VmRSS'])} | "
            f"{_mb(real['idle']['VmHWM'])} |",
            f"| after the messages | {_mb(real['questions']['VmRSS'])} | "
            f"{_mb(real['questions']['VmHWM'])} |",
        ]

    engine = result["attribution"]["engine"]
    lines += [
        "",
        "### Engine build, attributed",
        "",
        f"Knowledge base loaded: {_mb(result['attribution']['knowledge']['VmRSS'])} MB RSS; "
        f"engine built: {_mb(engine['VmRSS'])} MB RSS, {_mb(engine['VmHWM'])} MB peak. "
        f"Python allocations while building (tracemalloc): {engine['traced_current']:.1f} MB "
        f"kept, {engine['traced_peak']:.1f} MB at the peak.",
        "",
        "| numpy arrays kept by | KB | arrays | dtypes |",
        "|---|---|---|---|",
    ]
    for row in result["attribution"]["arrays"]["rows"]:
        lines.append(
            f"| `{row['owner']}` | {row['bytes'] / 1024:.0f} | {row['arrays']} | "
            f"{', '.join(row['dtypes'])} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=QUESTIONS, help="questions to ask")
    parser.add_argument("--json", action="store_true", help="print the raw numbers as JSON")
    parser.add_argument(
        "--against-scipy",
        action="store_true",
        help="only compare the trainings with scipy's L-BFGS-B (needs scipy)",
    )
    parser.add_argument(
        "--process",
        action="store_true",
        help="also run `python -m bot run` against the tests' fake Bot API (a minute or two)",
    )
    args = parser.parse_args(argv)
    if not Path("/proc/self/status").is_file():
        print("error: needs Linux (/proc/self/status)", file=sys.stderr)
        return 2
    if args.against_scipy:
        rows = against_scipy()
        if args.json:
            print(json.dumps(rows, indent=2))
            return 0
        print("| training | weights | scipy's iterations | largest weight | largest difference |")
        print("|---|---|---|---|---|")
        for row in rows:
            print(
                f"| {row['training']} | {row['weights']} | {row['scipy_iterations']} | "
                f"{row['largest_weight']:.3f} | {row['largest_difference']:.1e} |"
            )
        return 0
    result = measure(args.questions, real_process=args.process)
    print(json.dumps(result, indent=2) if args.json else markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
