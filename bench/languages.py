"""Questions in the region's languages, answered with their phrasings and without them.

    python bench/languages.py            (a Markdown table on standard output)

For each language, the test part of `knowledge/eval/languages/<code>.yaml` and of
`knowledge/eval/danger/<code>.yaml`, and the blind set, through the whole conversation: the
shipped bot next to the same bot with no phrasings and no danger examples in those languages
(what it was before: the English matcher alone, and the safety note with every message it
could not read). Then the reply time per question in each language next to English questions,
in the same process.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import assessment  # noqa: E402
from bot.conversation import Conversation  # noqa: E402
from bot.engine import AnswerEngine  # noqa: E402
from bot.knowledge import load_knowledge  # noqa: E402
from bot.matching import Metrics, Part, measure, select  # noqa: E402
from bot.settings import SHIPPED_KNOWLEDGE  # noqa: E402
from bot.store import DiscardJournal  # noqa: E402
from bot.wording import FrontEnd  # noqa: E402

LANGUAGES = ("id", "ms", "th", "vi", "fil", "km", "my")
EVAL = SHIPPED_KNOWLEDGE / "eval"


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _questions(conversation: Conversation, file: Path, part: Part | None) -> Metrics:
    ids = [e.id for e in conversation.engine.knowledge.entries]
    cases = select(assessment.load_cases(file, ids), part)
    return measure(assessment.ask_all(conversation, cases))


def main() -> None:
    knowledge = load_knowledge(SHIPPED_KNOWLEDGE)
    without = dataclasses.replace(knowledge, phrasings={}, regional_safety={})
    bots = {
        "with phrasings": Conversation(
            AnswerEngine.build(knowledge), DiscardJournal(), FrontEnd.TELEGRAM
        ),
        "without": Conversation(AnswerEngine.build(without), DiscardJournal(), FrontEnd.TELEGRAM),
    }
    print(
        "| language | bot | test accuracy | test wrong | test OOS answered | danger recall | "
        "danger false alarms | blind accuracy | blind wrong |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for code in LANGUAGES:
        for name, conversation in bots.items():
            test = _questions(conversation, EVAL / "languages" / f"{code}.yaml", Part.TEST)
            blind = _questions(conversation, EVAL / "blind" / f"2026-11-30-{code}.yaml", None)
            ids = [e.id for e in knowledge.entries]
            danger_cases = select(
                assessment.load_cases(EVAL / "danger" / f"{code}.yaml", ids), Part.TEST
            )
            danger = assessment.danger(conversation, danger_cases)
            print(
                f"| {code} | {name} | {_rate(test.accuracy)} | {_rate(test.wrong_answer_rate)} | "
                f"{_rate(test.oos_false_answer_rate)} | {_rate(danger.recall)} | "
                f"{_rate(danger.false_alarms)} | {_rate(blind.accuracy)} | "
                f"{_rate(blind.wrong_answer_rate)} |"
            )
    timings(bots["with phrasings"])


def timings(conversation: Conversation) -> None:
    """Median and 99th percentile of `Conversation.ask`, in ms, per language and for English."""
    ids = [e.id for e in conversation.engine.knowledge.entries]
    sets = {"en": SHIPPED_KNOWLEDGE / "eval" / "dev.yaml"}
    sets |= {code: EVAL / "languages" / f"{code}.yaml" for code in LANGUAGES}
    print("\n| language | questions | median (ms) | p99 (ms) |")
    print("|---|---|---|---|")
    for code, file in sets.items():
        questions = [case.q for case in assessment.load_cases(file, ids)]
        spent = []
        for _ in range(3):
            for question in questions:
                start = time.perf_counter()
                conversation.ask(question)
                spent.append((time.perf_counter() - start) * 1000)
        p99 = statistics.quantiles(spent, n=100)[98]
        print(f"| {code} | {len(questions)} | {statistics.median(spent):.2f} | {p99:.2f} |")


if __name__ == "__main__":
    main()
