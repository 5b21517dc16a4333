"""Subcommands that measure the matcher: evaluate on question sets, calibrate its confidence."""

from __future__ import annotations

import argparse
import json
import operator
import sys
from pathlib import Path
from typing import Any

from bot import assessment
from bot.assessment import Detection, Dialogues, SetKind, ask_all, kind_of, load_cases
from bot.cli.answering import match_fields
from bot.cli.base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    add_subcommand,
    knowledge_argument,
    load,
    print_problems,
)
from bot.conversation import Conversation
from bot.engine import AnswerEngine
from bot.knowledge import KnowledgeBase, KnowledgeBaseError, Location, Problem
from bot.matching import Match, Metrics, Part, calibration, measure, select
from bot.readiness import REFIT
from bot.settings import load_settings
from bot.store import DiscardJournal
from bot.wording import FrontEnd

EVAL_DIR = calibration.EVAL_DIR


def register(subcommands: Any) -> None:
    evaluate = add_subcommand(
        subcommands, "eval", eval_command, "Measure the matcher on question sets."
    )
    evaluate.add_argument("files", nargs="+", type=Path, help="YAML lists of {q, expect}")
    evaluate.add_argument("--part", choices=[p.value for p in Part], help="only this part")
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")
    evaluate.add_argument("--min-accuracy", type=float, help="exit 1 below this accuracy")
    evaluate.add_argument("--max-wrong", type=float, help="exit 1 above this wrong-answer rate")
    evaluate.add_argument("--max-oos", type=float, help="exit 1 above this out-of-scope rate")
    knowledge_argument(evaluate, positional=False)

    fit = add_subcommand(
        subcommands, "calibrate", calibrate_command, "Fit the confidence on the tuning questions."
    )
    fit.add_argument("--write", action="store_true", help="write knowledge/calibration.yaml")
    knowledge_argument(fit, positional=False)


def _load_sets(files: list[Path], knowledge: KnowledgeBase) -> dict[Path, list[Any]]:
    ids = [entry.id for entry in knowledge.entries]
    sets: dict[Path, list[Any]] = {}
    problems = []
    for file in files:
        if file.is_dir():
            problems.append(
                Problem(Location(file), "is a folder", f"pass its files: {file}/*.yaml")
            )
            continue
        try:
            sets[file] = load_cases(file, ids)
        except KnowledgeBaseError as error:
            problems.extend(error.problems)
    if problems:
        raise KnowledgeBaseError(problems)
    return sets


def eval_command(args: argparse.Namespace) -> int:
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    try:
        sets = _load_sets(args.files, knowledge)
        engine = AnswerEngine.build(knowledge, load_settings().thresholds)
    except KnowledgeBaseError as error:
        print_problems(error.problems, sys.stderr)
        return EXIT_PROBLEMS
    conversation = Conversation(engine, DiscardJournal(), FrontEnd.TELEGRAM)
    part = Part(args.part) if args.part else None
    chosen = {file: select(cases, part) for file, cases in sets.items()}
    questions = {f: cases for f, cases in chosen.items() if kind_of(f) is SetKind.QUESTIONS}
    per_file: dict[Path, Any] = {
        file: measure(ask_all(conversation, cases)) for file, cases in questions.items()
    }
    for file, cases in chosen.items():
        match kind_of(file):
            case SetKind.DANGER:
                per_file[file] = assessment.danger(conversation, cases)
            case SetKind.LEGAL:
                per_file[file] = assessment.personal_legal(conversation, cases)
            case SetKind.FOLLOW_UPS:
                per_file[file] = assessment.follow_ups(conversation, cases)
            case SetKind.ABOUT_THE_BOT:
                per_file[file] = assessment.about_the_bot(conversation, cases)
    overall = measure(ask_all(conversation, [q for qs in questions.values() for q in qs]))
    if args.json:
        report = {
            "part": args.part,
            "files": {str(f): m.as_dict() for f, m in per_file.items()},
            "overall": overall.as_dict(),
            "failures": [
                match_fields(o.match) | {"expect": o.question.expect} for o in overall.failures
            ],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for file, result in per_file.items():
            print(f"{file}:\n{_text(result)}\n")
        print(f"overall{f' ({args.part} part)' if args.part else ''}:\n{_metrics_text(overall)}")
        print(_failures_text(overall))
    return EXIT_PROBLEMS if _below_floor(args, overall) else EXIT_OK


def _text(result: Metrics | Detection | Dialogues) -> str:
    """The measures of one file; for a detector or dialogues, their failures too (a question
    set's are listed with the overall ones)."""
    if isinstance(result, Metrics):
        return _metrics_text(result)
    if isinstance(result, Detection):
        missed = [f"  missed: {text!r}" for text in result.missed]
        alarms = [f"  false alarm: {text!r}" for text in result.false]
        return "\n".join(
            [
                f"  messages {result.positives + result.negatives} ({result.positives} to flag)",
                f"  recall                 {_rate(result.recall)}",
                f"  false alarms           {_rate(result.false_alarms)}",
                *missed,
                *alarms,
            ]
        )
    failed = [
        f"  {case.first!r} then {case.then!r}: expected {case.expect}, got {_got(match)}"
        for case, match in result.failures
    ]
    return "\n".join(
        [
            f"  dialogues {result.dialogues}",
            f"  second turn right      {_rate(result.right)}",
            f"  second turn wrong      {_rate(result.wrong)}",
            f"  right within one tap   {_rate(result.within_one_tap)}",
            *failed,
        ]
    )


def _metrics_text(m: Metrics) -> str:
    return (
        f"  questions {m.questions} ({m.in_scope} in scope, {m.out_of_scope} out of scope)\n"
        f"  in-scope accuracy      {_rate(m.accuracy)}\n"
        f"  wrong-answer rate      {_rate(m.wrong_answer_rate)}\n"
        f"  clarify rate           {_rate(m.clarify_rate)}  (expected among choices: "
        f"{_rate(m.clarify_hit_rate)})\n"
        f"  out-of-scope answered  {_rate(m.oos_false_answer_rate)}\n"
        f"  out of scope offered choices  {_rate(m.oos_clarify_rate)}\n"
        f"  right within one tap   {_rate(m.within_one_tap)}\n"
        f"  declined though answerable  {_rate(m.declined_answerable)}\n"
        f"  mean reciprocal rank   {_rate(m.mrr)}"
    )


def _rate(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _failures_text(metrics: Metrics) -> str:
    if not metrics.failures:
        return "\nno failures"
    lines = [f"\nfailures ({len(metrics.failures)}):"]
    for outcome in metrics.failures:
        match = outcome.match
        lines.append(
            f"  [{match.decision.value} {match.confidence:.2f}] {outcome.question.q!r}: "
            f"expected {outcome.question.expect}, got {_got(match)}"
        )
    return "\n".join(lines)


def _got(match: Match) -> str:
    """The answer, the choices offered, or why there was none."""
    return match.answer_id or ", ".join(match.choices) or match.reason or "none"


_PAST = {"<": operator.lt, ">": operator.gt}


def _below_floor(args: argparse.Namespace, metrics: Metrics) -> bool:
    """A floor that cannot be measured (no questions of that kind) fails too: a gate that
    silently passes is no gate."""
    checks = [
        ("accuracy", metrics.accuracy, args.min_accuracy, "<", "in-scope questions"),
        ("wrong-answer rate", metrics.wrong_answer_rate, args.max_wrong, ">", "in-scope questions"),
        (
            "out-of-scope answered",
            metrics.oos_false_answer_rate,
            args.max_oos,
            ">",
            "out-of-scope questions",
        ),
    ]
    failed = []
    for name, value, limit, past, needed in checks:
        if limit is None:
            continue
        if value is None:
            failed.append(f"{name} cannot be measured: no {needed}")
        elif _PAST[past](value, limit):
            failed.append(f"{name} {value:.3f} {past} {limit}")
    for line in failed:
        print(f"below floor: {line}", file=sys.stderr)
    if failed:
        print(
            "hint: the failures listed are the questions answered wrongly, declined or offered "
            "the wrong choices; give the entry that should answer them another phrasing (in "
            "words of your own, never the question itself) or rephrase the entry that takes "
            f"them, then refit ({REFIT}) and run eval again",
            file=sys.stderr,
        )
    return bool(failed)


def calibrate_command(args: argparse.Namespace) -> int:
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    files = calibration.tuning_files(knowledge.root)  # the split question sets
    try:
        sets = _load_sets(files, knowledge)
    except KnowledgeBaseError as error:
        print_problems(error.problems, sys.stderr)
        return EXIT_PROBLEMS
    tuning = [q for qs in sets.values() for q in select(qs, Part.TUNE)]
    limits = load_settings().thresholds
    result = calibration.refit(knowledge, limits, tuning)
    if result.fitted is None:
        print(
            f"{result.unfit} (hint: add questions to {knowledge.root / EVAL_DIR}, "
            "a third of them out of scope)",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    fitted = result.fitted
    top = [o.match.top_score for o in result.outcomes]
    lead = [o.match.lead for o in result.outcomes]
    right = [o.top_is_right for o in result.outcomes]
    confidence = [fitted.confidence(t, g) for t, g in zip(top, lead, strict=True)]
    if args.write:  # before printing, so a reader that stops early (`| head`) loses nothing
        path = knowledge.root / calibration.CALIBRATION_FILE
        text = calibration.calibration_text(
            fitted, len(result.outcomes), result.regional, len(result.regional_outcomes)
        )
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    print(f"fitted on {len(result.outcomes)} tuning questions in English: {fitted}")
    print(f"fitted on {len(result.regional_outcomes)} in the region's languages: {result.regional}")
    print("\n| confidence | questions | top candidate right | accuracy |")
    print("|---|---|---|---|")
    for band in calibration.bands(confidence, right):
        accuracy = "-" if band.accuracy is None else f"{band.accuracy:.2f}"
        print(f"| {band.low:.1f}-{band.high:.1f} | {band.questions} | {band.right} | {accuracy} |")
    print("\nAnswer threshold sweep on the tuning part (lead and clarify thresholds as set):")
    print("\n| answer from | accuracy | wrong answers | out of scope answered | clarify |")
    print("|---|---|---|---|---|")
    for threshold, m in calibration.sweep(result.matcher.index, limits, fitted, tuning):
        print(
            f"| {threshold:.2f} | {_rate(m.accuracy)} | {_rate(m.wrong_answer_rate)} | "
            f"{_rate(m.oos_false_answer_rate)} | {_rate(m.clarify_rate)} |"
        )
    return EXIT_OK
