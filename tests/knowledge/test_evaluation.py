"""Quality floors on questions the knowledge base was not written from, and the harness itself."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import EvalQuestion
from bot.knowledge.normalize import normalize
from bot.knowledge.problems import KnowledgeBaseError
from bot.matching.calibration import bands, fit, load_calibration, unfit_reason
from bot.matching.evaluation import Metrics, load_questions, measure, run
from bot.matching.split import Part, part_of, select
from bot.settings import SHIPPED_KNOWLEDGE
from tests.support.shipped import shipped_engine

EVAL = SHIPPED_KNOWLEDGE / "eval"
DEV = EVAL / "dev.yaml"
SETS = sorted(EVAL.glob("*.yaml"))
BLIND = EVAL / "blind" / "2026-11-29.yaml"

# The targets, asserted as they are. Measured: test part 0.929 accuracy / 0.006 wrong /
# 0.023 out of scope answered / 1.000 clarify hits; dev set 0.915 / 0.012 / 0.000 / 1.000.
MIN_ACCURACY = 0.90
MAX_WRONG = 0.03
MAX_OOS_ANSWERED = 0.05
MIN_CLARIFY_HIT = 0.90
# The blind set, outside the split, first measured at 0.864 accuracy / 0.036 wrong / 0.048 out
# of scope answered / 1.000 clarify hits. Where it misses the targets above it is held where it
# stands, so a change that makes questions nobody has seen worse fails.
BLIND_MIN_ACCURACY = 0.86
BLIND_MAX_WRONG = 0.04


def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


@cache
def questions(file: Path) -> list[EvalQuestion]:
    return load_questions(file, [e.id for e in knowledge().entries])


@cache
def metrics(part: Part | None, *files: Path) -> Metrics:
    matcher = shipped_engine().matcher
    chosen = [q for file in files for q in select(questions(file), part)]
    return measure(run(matcher, chosen))


def test_evaluation_sets_are_large_enough() -> None:
    every = [q for file in SETS for q in questions(file)]
    own = [q for file in SETS if file != DEV for q in questions(file)]
    assert len(own) >= 200
    assert sum(q.expect is None for q in own) >= 50
    assert len({q.q for q in every}) == len(every), "a question is listed twice"


def test_split_is_fixed_and_both_parts_are_used() -> None:
    every = [q for file in SETS for q in questions(file)]
    test_part = select(every, Part.TEST)
    assert 0.35 < len(test_part) / len(every) < 0.65
    assert part_of("what's the report about") is part_of("  What's the REPORT about?  ")


@pytest.mark.parametrize(
    ("name", "files"), [("test part", tuple(SETS)), ("dev set", (DEV,))], ids=lambda v: str(v)
)
def test_quality_floors(name: str, files: tuple[Path, ...]) -> None:
    part = Part.TEST if name == "test part" else None
    result = metrics(part, *files)
    failures = "\n".join(
        f"{o.question.q!r}: expected {o.question.expect}, got {o.match.decision} "
        f"{o.match.answer_id or o.match.choices}"
        for o in result.failures
    )
    assert result.accuracy is not None
    assert result.accuracy >= MIN_ACCURACY, failures
    assert result.wrong_answer_rate is not None
    assert result.wrong_answer_rate <= MAX_WRONG, failures
    assert result.oos_false_answer_rate is not None
    assert result.oos_false_answer_rate <= MAX_OOS_ANSWERED, failures
    # no clarify case at all would leave nothing to hold to the floor
    assert result.clarify_hit_rate is None or result.clarify_hit_rate >= MIN_CLARIFY_HIT


def test_blind_set_holds_where_it_was_first_measured() -> None:
    result = metrics(None, BLIND)
    assert (result.in_scope, result.out_of_scope) == (110, 42)
    assert result.accuracy is not None
    assert result.accuracy >= BLIND_MIN_ACCURACY
    assert result.wrong_answer_rate is not None
    assert result.wrong_answer_rate <= BLIND_MAX_WRONG
    assert result.oos_false_answer_rate is not None
    assert result.oos_false_answer_rate <= MAX_OOS_ANSWERED
    assert result.clarify_hit_rate is None or result.clarify_hit_rate >= MIN_CLARIFY_HIT


def test_no_phrasing_is_a_near_copy_of_a_test_question() -> None:
    """Alternates and questions to decline alike, so the floors measure generalisation."""
    test_questions = [normalize(q.q) for file in SETS for q in select(questions(file), Part.TEST)]
    phrasings = [(e.id, text) for e in knowledge().entries for text in e.variants]
    phrasings += [("out of scope", text) for text in knowledge().out_of_scope]
    copies = [
        f"{owner}: {variant!r} ~ test question {found[0]!r}"
        for owner, variant in phrasings
        if (
            found := process.extractOne(
                normalize(variant), test_questions, scorer=fuzz.ratio, score_cutoff=90
            )
        )
    ]
    assert copies == []


def test_committed_calibration_is_the_fit_on_the_tuning_part() -> None:
    matcher = shipped_engine().matcher
    tuning = [q for file in SETS for q in select(questions(file), Part.TUNE)]
    outcomes = run(matcher, tuning)
    refit = fit(
        [o.match.top_score for o in outcomes],
        [o.match.lead for o in outcomes],
        [o.top_is_right for o in outcomes],
    )
    committed = load_calibration(SHIPPED_KNOWLEDGE)
    assert (committed.bias, committed.score, committed.lead) == pytest.approx(
        (refit.bias, refit.score, refit.lead), abs=1e-3
    ), "run: python -m bot calibrate --write"


def test_fit_recovers_a_clear_relation_and_bands_count_every_question() -> None:
    top = [i / 100 for i in range(100)]
    right = [t > 0.5 for t in top]
    fitted = fit(top, [0.0] * 100, right)
    assert fitted.confidence(0.9, 0.0) > 0.95
    assert fitted.confidence(0.1, 0.0) < 0.05
    table = bands([fitted.confidence(t, 0.0) for t in top], right)
    assert sum(band.questions for band in table) == 100


def test_unknown_expected_id_is_reported_with_its_line(tmp_path: Path) -> None:
    file = tmp_path / "set.yaml"
    file.write_text('- {q: "who wrote it", expect: report-authors}\n- {q: x, expect: nope}\n')
    with pytest.raises(KnowledgeBaseError) as raised:
        load_questions(file, ["report-authors"])
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 18)
    assert "unknown entry 'nope'" in problem.message


def test_a_fit_needs_enough_right_and_wrong_top_candidates() -> None:
    assert unfit_reason([True] * 50) is not None
    assert unfit_reason([False] * 50) is not None
    assert unfit_reason([True] * 10 + [False] * 10) is None
