"""Live reload: a good edit is swapped in whole, a broken one never replaces the last good
knowledge base, and questions asked meanwhile are all answered."""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest

from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.matching import Decision, Match, Matcher, Thresholds
from bot.reloading import Reloader, report
from bot.settings import SHIPPED_KNOWLEDGE
from bot.store import DiscardJournal
from bot.watching import watch_in_thread
from bot.wording import FrontEnd
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine

NEW_PHRASING = "who put up the money for this piece of work"  # not a phrasing of any entry


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED_KNOWLEDGE, tmp_path / "knowledge"))


@pytest.fixture
def reloader(root: Path) -> Reloader:
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)
    return Reloader(conversation, root, Thresholds())


def add_alternate(root: Path, entry_id: str, phrasing: str) -> None:
    file = next(
        f for f in (root / "entries").glob("*.yaml") if f"- id: {entry_id}\n" in f.read_text()
    )
    text = file.read_text()
    at = text.index(f"- id: {entry_id}\n")
    alternates = text.index("  alternates:\n", at) + len("  alternates:\n")
    file.write_text(f"{text[:alternates]}    - {phrasing}\n{text[alternates:]}")


def answered(reloader: Reloader, question: str) -> str | None:
    match = reloader.conversation.ask(question).match
    return match.answer_id if match.decision is Decision.ANSWER else None


def test_a_good_edit_is_swapped_in(reloader: Reloader, root: Path) -> None:
    before = reloader.conversation.engine
    add_alternate(root, "report-funding", NEW_PHRASING)
    outcome = reloader.reload()
    assert outcome.done
    assert outcome.entries == len(before.knowledge.entries)
    assert reloader.conversation.engine is not before
    assert reloader.conversation.engine.loaded_at >= before.loaded_at
    assert NEW_PHRASING in reloader.conversation.engine.knowledge.entry("report-funding").alternates
    assert answered(reloader, NEW_PHRASING) == "report-funding"
    assert report(outcome).startswith("Knowledge base reloaded:")


def test_a_broken_edit_keeps_the_last_good_knowledge_base(reloader: Reloader, root: Path) -> None:
    before = reloader.conversation.engine
    file = root / "entries" / "report.yaml"
    lines = file.read_text().splitlines(keepends=True)
    broken_line = next(i for i, line in enumerate(lines) if line.startswith("  question:"))
    lines[broken_line] = "  question: [unclosed\n"
    file.write_text("".join(lines))
    outcome = reloader.reload()
    assert not outcome.done
    assert reloader.conversation.engine is before
    assert answered(reloader, "who funded the research") == "report-funding"
    located = [p for p in outcome.problems if p.location.file == file]
    assert located
    assert located[0].location.line in (broken_line + 1, broken_line + 2)
    text = report(outcome)
    assert "was refused" in text
    assert f"{file}:" in text


def test_a_rule_broken_in_an_entry_is_refused_with_its_entry(
    reloader: Reloader, root: Path
) -> None:
    file = root / "entries" / "report.yaml"
    text = file.read_text()
    file.write_text(text.replace("https://www.unodc.org", "https://www.example.com", 1))
    outcome = reloader.reload()
    assert not outcome.done
    assert any(p.entry_id for p in outcome.problems), "the entry is named"


def test_a_stale_calibration_is_refitted_in_memory_and_reported(
    reloader: Reloader, root: Path
) -> None:
    committed = (root / "calibration.yaml").read_text()
    for n in range(5):
        add_alternate(root, "report-funding", f"{NEW_PHRASING} {n}")
    outcome = reloader.reload()
    assert outcome.done
    assert (root / "calibration.yaml").read_text() == committed, "nothing written"
    [warning] = outcome.warnings
    assert "calibrate --write" in warning
    refitted = reloader.conversation.engine.matcher.calibration
    assert refitted != shipped_engine().matcher.calibration


def test_questions_asked_during_a_reload_are_all_answered(reloader: Reloader, root: Path) -> None:
    add_alternate(root, "report-funding", NEW_PHRASING)
    got: list[str | None] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            try:
                got.append(answered(reloader, "who funded the research"))
            except BaseException as error:
                errors.append(error)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        for _ in range(2):
            assert reloader.reload().done
    finally:
        stop.set()
        asker.join()
    assert errors == []
    assert got
    assert set(got) == {"report-funding"}


def test_a_reload_landing_mid_reply_leaves_the_reply_on_one_knowledge_base(
    write_knowledge: WriteKnowledge,
) -> None:
    """The reloader swaps the engine from its own thread, at any moment: here while the first
    of the two matches of "who funded the research pls" (as typed, then spelled out) runs. The
    new knowledge base has no entry the old one has; a reply that matched on one and composed
    on the other would fail."""
    shipped = shipped_engine()
    edited = AnswerEngine.load(
        write_knowledge([entry("who-funded", question="Who funded the research please?")])
    )

    class SwapWhileMatching:
        def __getattr__(self, name: str) -> object:
            return getattr(shipped.matcher, name)

        def match(self, question: str) -> Match:
            conversation.engine = edited
            return shipped.matcher.match(question)

    swapping = replace(shipped, matcher=cast(Matcher, SwapWhileMatching()))
    conversation = Conversation(swapping, DiscardJournal(), FrontEnd.TELEGRAM)
    turn = conversation.ask("who funded the research pls")
    assert turn.reply.entry_id == "report-funding"
    assert conversation.ask("who funded the research please?").reply.entry_id == "who-funded"


def test_the_watcher_reloads_after_a_save(reloader: Reloader, root: Path) -> None:
    reloaded = threading.Event()

    def on_change() -> None:
        reloader.reload()
        reloaded.set()

    stop = watch_in_thread(root, on_change)
    try:
        time.sleep(0.3)  # the watcher is up
        (root / "entries" / "notes.txt").write_text("not a knowledge file")
        add_alternate(root, "report-funding", NEW_PHRASING)
        assert reloaded.wait(timeout=60)  # a rebuild, on a loaded machine
    finally:
        stop.set()
    assert answered(reloader, NEW_PHRASING) == "report-funding"


def test_an_impossible_date_is_refused_at_its_line(reloader: Reloader, root: Path) -> None:
    file = root / "entries" / "report.yaml"
    text = file.read_text()
    at = text.index("  question:")
    file.write_text(f"{text[:at]}  as_of: 2024-13-01\n{text[at:]}")
    outcome = reloader.reload()
    assert not outcome.done
    [problem] = outcome.problems
    assert (problem.location.file, problem.location.line) == (file, text[:at].count("\n") + 1)
    assert problem.message == "not a date: 2024-13-01"
