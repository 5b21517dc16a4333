"""The admin commands' short versions of the reports: `/stats` and `/unanswered`.

They take the same `Summary` and `UnansweredReport` as the command line, so the numbers agree.
The text is Telegram HTML (`<b>`, `<i>`, `<code>`); every text from the store or the knowledge
base is escaped, and lists are cut so that the message stays under Telegram's limit, which
counts the text after its tags are read: measuring the markup keeps a margin.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape

from bot.knowledge import TELEGRAM_TEXT_LIMIT
from bot.upkeep.grouping import Group, UnansweredReport
from bot.upkeep.periods import as_argument, describe_window
from bot.upkeep.summary import Summary

ITEMS = 10  # per list, before the length limit cuts more
TEXT_LENGTH = 120  # characters of a question shown
_MORE_ROOM = 40  # for an "... and N more" line


def stats_brief(summary: Summary, limit: int = TELEGRAM_TEXT_LIMIT) -> str:
    s = summary
    chats = " · ".join(f"{escape(kind)} {count}" for kind, count in s.by_chat) or "none"
    head = [
        f"<b>Usage in {escape(describe_window(s.since, s.until))}</b>",
        f"Questions about the report: <b>{s.questions}</b>",
        f"answered {s.answer_rate:.0%} · did you mean {s.clarify_rate:.0%} · "
        f"declined {s.decline_rate:.0%}",
        f"Small talk {s.small_talk} · from someone in danger {s.danger}",
        f"Chats: {chats}",
    ]
    sections = [
        (
            "<b>Most asked</b>",
            [f"{e.count} · {_entry(e.question, e.entry_id)}" for e in s.top_entries],
        ),
        (
            "<b>Rated 👎</b>",
            [
                f"👎 {r.unhelpful} 👍 {r.helpful} · {_entry(r.question, r.entry_id)}"
                for r in s.ratings
                if r.unhelpful
            ],
        ),
        (
            "<b>Chosen from “did you mean”</b> (wordings to add)",
            [
                f"{c.count} · {_entry(c.question, c.entry_id)} ({len(c.waiting)} new)"
                for c in s.chosen
            ],
        ),
    ]
    foot = (
        f"Full report: <code>python -m bot report --since {as_argument(s.until - s.since)}</code>"
    )
    return fit("\n".join(head), sections, foot, limit)


def unanswered_brief(report: UnansweredReport, limit: int = TELEGRAM_TEXT_LIMIT) -> str:
    window = escape(describe_window(report.since, report.until))
    if not report.groups and not report.rated_unhelpful:
        return f"Nothing went unanswered in {window}."
    head = (
        f"<b>Unanswered in {window}</b>: "
        f"{report.questions} question(s) in {len(report.groups)} group(s)"
    )
    groups = [_group(number, group) for number, group in enumerate(report.groups, 1)]
    rated = [f"{r.count} · {_entry(r.question, r.entry_id)}" for r in report.rated_unhelpful]
    since = as_argument(report.until - report.since)
    foot = f"All of it: <code>python -m bot unanswered --since {since} --format yaml</code>"
    return fit(head, [("", groups), ("<b>Answers rated 👎</b>", rated)], foot, limit)


def fit(head: str, sections: Sequence[tuple[str, Sequence[str]]], foot: str, limit: int) -> str:
    """Head, each non-empty section's heading and first ITEMS items, and foot, in at most
    `limit` characters: a list cut short ends with "… and N more"."""
    lines = [head]
    used = len(head) + 1 + len(foot)
    for heading, items in sections:
        if not items or (heading and used + len(heading) + 1 + _MORE_ROOM > limit):
            continue
        if heading:
            lines.append(heading)
            used += len(heading) + 1
        for index, item in enumerate(items):
            if index == ITEMS or used + len(item) + 1 + _MORE_ROOM > limit:
                more = f"… and {len(items) - index} more"
                lines.append(more)
                used += len(more) + 1
                break
            lines.append(item)
            used += len(item) + 1
    return "\n".join([*lines, foot])


def _group(number: int, group: Group) -> str:
    text, _ = group.wordings[0]
    others = len(group.wordings) - 1
    wordings = f" (+{others} wording{'s' if others > 1 else ''})" if others else ""
    if group.closest is None:
        closest = "<i>a new entry?</i>"
    elif group.closest_question is None:
        closest = f"<code>{escape(group.closest)}</code>"
    else:
        closest = f"<i>{_text(group.closest_question)}</i>"
    return f"<b>{number}.</b> ({group.count}) “{_text(text)}”{wordings} → {closest}"


def _entry(question: str | None, entry_id: str) -> str:
    return _text(question) if question else f"<code>{escape(entry_id)}</code>"


def _text(text: str) -> str:
    return escape(textwrap.shorten(text, TEXT_LENGTH, placeholder=" …"))
