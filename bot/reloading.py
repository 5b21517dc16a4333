"""Live reload: an edited knowledge base replaces the running one only when it is good.

Everything is checked and built first, off the reply path; the swap is one assignment, so a
reply works throughout on the engine it started with and no question meets a half-built index.
A broken edit leaves the last good knowledge base answering and says what is wrong, with file,
line and entry.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bot import wording
from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.heap import give_back_freed_memory
from bot.knowledge import Location, Problem, Severity, check_knowledge, required_rules
from bot.matching import Thresholds, recalibrated_matcher

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reload:
    """What a reload did: swapped in a new knowledge base, or kept the last good one."""

    done: bool
    entries: int  # of the knowledge base answering now
    seconds: float
    problems: tuple[Problem, ...] = ()  # why the edit was refused
    warnings: tuple[str, ...] = ()  # swapped in, but worth a maintainer's look


SHOWN_PROBLEMS = 15


def report(outcome: Reload) -> str:
    """What a maintainer reads after a reload, in the answers' markup."""
    if outcome.done:
        lines = [wording.RELOADED.format(entries=outcome.entries, seconds=outcome.seconds)]
    else:
        lines = [wording.RELOAD_REFUSED.format(entries=outcome.entries)]
        lines += [f"- {problem}" for problem in outcome.problems[:SHOWN_PROBLEMS]]
        if (more := len(outcome.problems) - SHOWN_PROBLEMS) > 0:
            lines.append(wording.RELOAD_MORE_PROBLEMS.format(count=more))
    notes = [wording.RELOAD_WARNING.format(warning=w) for w in outcome.warnings]
    return "\n\n".join(["\n".join(lines), *notes])


class Reloader:
    def __init__(self, conversation: Conversation, root: Path, thresholds: Thresholds) -> None:
        self.conversation = conversation
        self.root = root
        self.thresholds = thresholds
        self._one_at_a_time = threading.Lock()

    def reload(self) -> Reload:
        """Check and build the knowledge base on disk, then swap it in; blocking (call it in a
        thread). Reloads asked for while one runs wait for it, and then see the newest files."""
        with self._one_at_a_time:
            started = time.perf_counter()
            try:
                outcome = self._rebuild(started)
            except Exception as error:  # whatever goes wrong, the last good one keeps answering
                logger.exception("knowledge base not rebuilt")
                failed = Problem(Location(self.root), f"could not build the matcher: {error!r}")
                running = len(self.conversation.engine.knowledge.entries)
                outcome = Reload(False, running, time.perf_counter() - started, (failed,))
        if outcome.done:
            logger.info(
                "knowledge base reloaded: %d entries in %.1f s", outcome.entries, outcome.seconds
            )
        else:
            logger.error(
                "knowledge-base edit refused, the last good one stays:\n%s",
                "\n".join(str(p) for p in outcome.problems),
            )
        for warning in outcome.warnings:
            logger.warning("after the reload: %s", warning)
        return outcome

    def _rebuild(self, started: float) -> Reload:
        knowledge, problems = check_knowledge(self.root)
        if knowledge is not None:
            problems += required_rules(knowledge)
        errors = tuple(p for p in problems if p.severity is Severity.ERROR)
        if knowledge is None or errors:
            running = len(self.conversation.engine.knowledge.entries)
            return Reload(False, running, time.perf_counter() - started, errors)
        matcher, warning = recalibrated_matcher(knowledge, self.thresholds)
        self.conversation.engine = AnswerEngine.build(knowledge, self.thresholds, matcher)
        give_back_freed_memory()  # the replaced engine's, now that nothing refers to it
        return Reload(
            True,
            len(knowledge.entries),
            time.perf_counter() - started,
            warnings=(warning,) if warning else (),
        )
