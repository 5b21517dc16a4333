"""`python -m bot unanswered` as text to read, YAML to paste into entries, or CSV to sort."""

from __future__ import annotations

import csv
import io
import textwrap
from datetime import UTC
from typing import Any

import yaml

from bot.upkeep.grouping import CLOSE, Group, UnansweredReport
from bot.upkeep.periods import describe_window

FORMATS = ("text", "yaml", "csv")
UNKNOWN = "(not in the knowledge base)"
SHOWN_LENGTH = 160  # characters of a question in the text listing; YAML and CSV keep it whole


def render(report: UnansweredReport, output: str, limit: int | None = None) -> str:
    """The report in `output` (one of FORMATS), its `limit` largest groups (None: all)."""
    shown = report.groups[:limit] if limit else report.groups
    if output == "yaml":
        return as_yaml(report, shown)
    if output == "csv":
        return as_csv(shown)
    return as_text(report, shown)


def as_text(report: UnansweredReport, groups: tuple[Group, ...]) -> str:
    lines = [
        f"Unanswered in {describe_window(report.since, report.until)}: "
        f"{report.questions} question(s) in {len(report.groups)} group(s)"
    ]
    for number, group in enumerate(groups, 1):
        lines += ["", f"{number}. {group.count} question(s); {_closest(group)}"]
        lines += [f"   - {_shown(text)}  (x{count})" for text, count in group.examples]
        if len(group.wordings) > len(group.examples):
            lines.append(f"   ... {len(group.wordings) - len(group.examples)} more wording(s)")
    if hidden := len(report.groups) - len(groups):
        lines += ["", f"{hidden} smaller group(s) not shown: --limit 0 shows all"]
    if report.declined_elsewhere:
        counts = ", ".join(f"{code} {count}" for code, count in report.declined_elsewhere)
        lines += ["", f"Declined in the region's languages (their texts are not kept): {counts}"]
    if report.rated_unhelpful:
        lines += ["", "Answers rated unhelpful (a rating keeps no question):"]
        lines += [
            f"  {rated.count:>4}  {rated.entry_id}  {rated.question or UNKNOWN}"
            for rated in report.rated_unhelpful
        ]
    return "\n".join(lines) + "\n"


def as_yaml(report: UnansweredReport, groups: tuple[Group, ...]) -> str:
    """Each group's `paste` is ready for an entries file: the closest entry's id with the
    wordings it lacks (copy them under its `alternates`), or a skeleton of a new entry."""
    document = {
        "since": report.since.astimezone(UTC).isoformat(timespec="seconds"),
        "until": report.until.astimezone(UTC).isoformat(timespec="seconds"),
        "groups": [_yaml_group(number, group) for number, group in enumerate(groups, 1)],
        "rated_unhelpful": [
            {"id": rated.entry_id, "question": rated.question, "count": rated.count}
            for rated in report.rated_unhelpful
        ],
    }
    header = (
        "# Unanswered questions, grouped; paste each group's `paste` items into\n"
        "# knowledge/entries/*.yaml (see docs/maintaining.md), then run validate.\n"
        "# A group no entry came close to gets a new-entry skeleton; if the report does not\n"
        "# answer it, paste its `decline` under `questions:` in knowledge/out_of_scope.yaml.\n"
    )
    body = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def as_csv(groups: tuple[Group, ...]) -> str:
    """One row per question, with its group's number, so a spreadsheet can sort and filter."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["group", "group_size", "why", "asked_at", "question", "closest_entry", "confidence"]
    )
    for number, group in enumerate(groups, 1):
        for question in group.questions:
            at = question.at.astimezone(UTC).isoformat(timespec="seconds")
            row = [number, group.count, question.why.value, at, question.text, group.closest or ""]
            writer.writerow([*row, f"{question.confidence:.2f}"])
    return out.getvalue()


def _yaml_group(number: int, group: Group) -> dict[str, Any]:
    confidence = round(group.confidence, 2)
    closest = (
        {"id": group.closest, "question": group.closest_question, "confidence": confidence}
        if group.closest
        else None
    )
    found = {
        "group": number,
        "count": group.count,
        "examples": [text for text, _ in group.examples],
        "closest": closest,
        "paste": _paste(number, group),
    }
    if group.closest is None:
        found |= {"confidence": confidence, "decline": list(group.texts)}
    return found


def _paste(number: int, group: Group) -> list[dict[str, Any]]:
    if group.closest is None:
        question, *alternates = group.texts
        skeleton = {
            "id": f"TODO-new-entry-{number}",
            "topic": "TODO",
            "question": question,
            "alternates": alternates,
            "answer": "TODO",
            "sources": [],
        }
        return [skeleton]
    if not group.alternates:
        return []  # the entry has every wording already
    return [{"id": group.closest, "alternates": list(group.alternates)}]


def _closest(group: Group) -> str:
    if group.closest is None:
        return (
            f"no entry came close (confidence {group.confidence:.2f}, under {CLOSE:.2f}): a new "
            "entry, or out_of_scope.yaml if the report does not answer it"
        )
    question = f" {UNKNOWN}" if group.closest_question is None else f": {group.closest_question}"
    return f"closest entry (confidence {group.confidence:.2f}): {group.closest}{question}"


def _shown(text: str) -> str:
    return textwrap.shorten(text, SHOWN_LENGTH, placeholder=" ...")
