"""What a knowledge base must pass before it ships, in one place: `python -m bot validate`
reports exactly what the test suite would fail on for knowledge-base reasons, so a maintainer
with a green `validate` gets a green `make test`.

Beyond loading (`bot.knowledge.check_knowledge`): the required data rules, entries the matcher
cannot tell apart, schema headers and freshness, a stale calibration, and evaluation sets that
name entries the knowledge base no longer has (an entry renamed without its questions).
"""

from __future__ import annotations

from bot.assessment import load_cases
from bot.knowledge import (
    KnowledgeBase,
    KnowledgeBaseError,
    Location,
    Problem,
    Severity,
    missing_headers,
    required_rules,
    stale_schemas,
)
from bot.matching import Thresholds, ambiguity_warnings, calibration

REFIT = "python -m bot calibrate --write"


def problems(knowledge: KnowledgeBase, limits: Thresholds | None = None) -> list[Problem]:
    root = knowledge.root
    found = required_rules(knowledge)
    found += [_as_error(p) for p in ambiguity_warnings(knowledge)]
    found += missing_headers(root)
    found += [
        Problem(Location(path), "schema is stale", "run: python -m bot schema")
        for path in stale_schemas(root)
    ]
    found += evaluation_problems(knowledge)
    if (stale := stale_calibration(knowledge, limits or Thresholds())) is not None:
        found.append(stale)
    return found


def evaluation_problems(knowledge: KnowledgeBase) -> list[Problem]:
    """Every evaluation file under `eval/` loads, and names only entries the knowledge base
    has."""
    ids = [entry.id for entry in knowledge.entries]
    found: list[Problem] = []
    for file in sorted((knowledge.root / calibration.EVAL_DIR).rglob("*.yaml")):
        try:
            load_cases(file, ids)
        except KnowledgeBaseError as error:
            found += error.problems
    return found


def stale_calibration(knowledge: KnowledgeBase, limits: Thresholds) -> Problem | None:
    """The committed confidence fit, if the knowledge base has changed under it (none is
    committed: the matcher uses its neutral default, and nothing can be stale)."""
    where = Location(knowledge.root / calibration.CALIBRATION_FILE)
    if not where.file.is_file():
        return None
    committed = calibration.load_calibration(knowledge.root)  # a broken file is located first
    result = calibration.refit(knowledge, limits, calibration.tuning_questions(knowledge.root))
    if result.fitted is None:
        return Problem(where, result.unfit or "cannot fit", "add evaluation questions")
    if calibration.stale(committed, result.fitted):
        return Problem(
            where,
            f"calibration is stale: a refit on the tuning questions gives {result.fitted}",
            f"run: {REFIT}",
        )
    regional = calibration.load_regional_calibration(knowledge.root)
    if calibration.stale(regional, result.regional):
        return Problem(
            where,
            "calibration of the region's languages is stale: a refit on their tuning "
            f"questions gives {result.regional}",
            f"run: {REFIT}",
        )
    return None


def _as_error(problem: Problem) -> Problem:
    return Problem(
        problem.location, problem.message, problem.hint, problem.entry_id, Severity.ERROR
    )
