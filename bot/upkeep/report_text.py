"""`python -m bot report` as plain text, for a terminal or an e-mail."""

from __future__ import annotations

from bot.upkeep.periods import describe_window
from bot.upkeep.summary import Summary

UNKNOWN = "(not in the knowledge base)"


def as_text(summary: Summary) -> str:
    s = summary
    chats = ", ".join(f"{kind} {count}" for kind, count in s.by_chat) or "none"
    lines = [
        f"Usage in {describe_window(s.since, s.until)}",
        "",
        f"Messages: {s.messages} (small talk {s.small_talk}, from someone in danger {s.danger})",
        f"Messages per chat kind: {chats}",
        f"In the region's languages (answered): {_languages(s)}",
        f"Questions about the report: {s.questions}",
        f"  answered       {s.answered:>6}  {s.answer_rate:6.1%}",
        f"  did you mean   {s.clarified:>6}  {s.clarify_rate:6.1%}",
        f"  declined       {s.declined:>6}  {s.decline_rate:6.1%}",
    ]
    lines += _section(
        "Most asked entries:",
        [f"{e.count:>6}  {e.entry_id}  {e.question or UNKNOWN}" for e in s.top_entries],
    )
    lines += _section(
        "Feedback per entry, the most unhelpful first (👎 👍):",
        [
            f"{r.unhelpful:>4} {r.helpful:>4}  {r.entry_id}  {r.question or UNKNOWN}"
            for r in s.ratings
        ],
    )
    chosen = []
    for entry in s.chosen:
        chosen.append(f"{entry.count:>6}  {entry.entry_id}  {entry.question or UNKNOWN}")
        chosen += [f"        - {text}" for text in entry.waiting]
    lines += _section('Chosen from "did you mean" (wordings to add as alternates):', chosen)
    return "\n".join(lines) + "\n"


def _section(title: str, rows: list[str]) -> list[str]:
    return ["", title, *(f"  {row}" for row in rows or ["none"])]


def _languages(summary: Summary) -> str:
    found = [f"{code} {count} ({answered})" for code, count, answered in summary.by_language]
    return ", ".join(found) or "none"
