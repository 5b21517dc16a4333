"""`python -m bot report --format html`: one self-contained HTML5 file (inline CSS and SVG, no
script, nothing fetched) to open offline or attach to a message.

Questions come from strangers: every text from the store or the knowledge base goes through
`html.escape`, so a question holding `<script>` is shown, never run.
"""

from __future__ import annotations

from html import escape

from bot.upkeep.charts import horizontal_bars, rate_per_day
from bot.upkeep.periods import describe_window
from bot.upkeep.summary import Summary

UNKNOWN = "(not in the knowledge base)"

_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 760px; margin: 2em auto;
       padding: 0 1em; color: #1d2330; }
h1 { font-size: 1.5em; margin-bottom: 0; }
h2 { font-size: 1.15em; margin-top: 2em; border-bottom: 1px solid #d8dce4; }
.period { color: #5b6477; margin-top: .2em; }
.figures { display: flex; flex-wrap: wrap; gap: .8em; padding: 0; list-style: none; }
.figures li { background: #f2f4f8; border-radius: 6px; padding: .5em .9em; min-width: 7em; }
.figures b { display: block; font-size: 1.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25em .5em; border-bottom: 1px solid #eceef3;
         vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; fill: #5b6477; }
svg .bar { fill: #3b6fd4; }
svg .grid { stroke: #d8dce4; }
ul.waiting { margin: .2em 0 .6em; color: #3d4557; }
"""


def as_html(summary: Summary) -> str:
    s = summary
    window = describe_window(s.since, s.until)
    figures = [
        ("questions about the report", str(s.questions)),
        ("answered", f"{s.answer_rate:.0%}"),
        ('"did you mean"', f"{s.clarify_rate:.0%}"),
        ("declined", f"{s.decline_rate:.0%}"),
        ("small talk", str(s.small_talk)),
        ("from someone in danger", str(s.danger)),
    ]
    body = [
        "<h1>How the bot was used</h1>",
        f'<p class="period">{escape(window.capitalize())}: {s.messages} messages.</p>',
        '<ul class="figures">',
        *(f"<li><b>{escape(value)}</b>{escape(name)}</li>" for name, value in figures),
        "</ul>",
        "<h2>Answer rate per day</h2>",
        rate_per_day(s.days),
        "<h2>Most asked entries</h2>",
        _top_entries(s),
        "<h2>Messages per chat kind</h2>",
        _table(("chat", "messages"), [(escape(kind), str(n)) for kind, n in s.by_chat]),
        "<h2>Messages in the region's languages</h2>",
        _table(
            ("language", "messages", "answered"),
            [(escape(code), str(n), str(a)) for code, n, a in s.by_language],
        ),
        "<h2>Feedback per entry</h2>",
        _table(
            ("entry", "👎", "👍"),
            [(_entry(r.entry_id, r.question), str(r.unhelpful), str(r.helpful)) for r in s.ratings],
        ),
        '<h2>Chosen from "did you mean"</h2>',
        "<p>The wordings are alternates waiting to be added to their entry.</p>",
        _chosen(s),
    ]
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Bot usage, {escape(window)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _top_entries(s: Summary) -> str:
    if not s.top_entries:
        return "<p>None answered.</p>"
    rows = [(e.entry_id, e.question or UNKNOWN, e.count) for e in s.top_entries]
    table = _table(
        ("entry", "answers"),
        [(_entry(e.entry_id, e.question), str(e.count)) for e in s.top_entries],
    )
    return horizontal_bars(rows, "Most asked entries") + table


def _chosen(s: Summary) -> str:
    if not s.chosen:
        return "<p>None.</p>"
    items = []
    for chosen in s.chosen:
        waiting = "".join(f"<li>{escape(text)}</li>" for text in chosen.waiting)
        items.append(
            f"<li>{_entry(chosen.entry_id, chosen.question)}: chosen {chosen.count} time(s)"
            + (f'<ul class="waiting">{waiting}</ul>' if waiting else "")
            + "</li>"
        )
    return "<ul>" + "".join(items) + "</ul>"


def _entry(entry_id: str, question: str | None) -> str:
    return f"<code>{escape(entry_id)}</code> {escape(question or UNKNOWN)}"


def _table(headings: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """`rows` hold markup already escaped; the first cell is text, the others numbers."""
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    body = "".join(
        "<tr>" + f"<td>{first}</td>" + "".join(f'<td class="n">{n}</td>' for n in rest) + "</tr>"
        for first, *rest in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
