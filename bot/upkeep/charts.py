"""The HTML report's two small charts, as inline SVG: a file that opens anywhere, offline, with
nothing to fetch. Every label is escaped here; callers pass plain text."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.upkeep.summary import Day

WIDTH = 640
BAR_HEIGHT = 18
LABEL_WIDTH = 180  # left of the horizontal bars: the entry id
AXIS = 36  # room for the percentages left of the daily bars


def rate_per_day(days: Sequence[Day], height: int = 160) -> str:
    """The answer rate of each day as a bar from 0 to 100%; a day without questions has none.
    Each bar's tooltip says the counts behind it."""
    plot = WIDTH - AXIS
    step = plot / max(len(days), 1)
    top, bottom = 8, height - 20
    parts = [_svg(WIDTH, height, "Answer rate per day")]
    for share in (0.0, 0.5, 1.0):
        y = bottom - share * (bottom - top)
        parts.append(
            f'<line x1="{AXIS}" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{AXIS - 4}" y="{y + 4:.1f}" text-anchor="end">{share:.0%}</text>'
        )
    for index, day in enumerate(days):
        if day.answer_rate is None:
            continue
        bar = max(day.answer_rate * (bottom - top), 1.5)  # 0% shows, unlike a day without any
        x = AXIS + index * step + step * 0.1
        tip = f"{day.day}: {day.answered} of {day.questions} answered ({day.answer_rate:.0%})"
        parts.append(
            f'<rect x="{x:.1f}" y="{bottom - bar:.1f}" width="{step * 0.8:.1f}" '
            f'height="{bar:.1f}" class="bar"><title>{escape(tip)}</title></rect>'
        )
    if days:
        parts.append(
            f'<text x="{AXIS}" y="{height - 4}">{escape(str(days[0].day))}</text>'
            f'<text x="{WIDTH}" y="{height - 4}" text-anchor="end">'
            f"{escape(str(days[-1].day))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars(rows: Sequence[tuple[str, str, int]], title: str) -> str:
    """One bar per (label, tooltip, count), the longest for the largest count."""
    height = max(len(rows), 1) * (BAR_HEIGHT + 6) + 6
    largest = max((count for _, _, count in rows), default=1)
    room = WIDTH - LABEL_WIDTH - 48
    parts = [_svg(WIDTH, height, title)]
    for index, (label, tip, count) in enumerate(rows):
        y = 6 + index * (BAR_HEIGHT + 6)
        length = max(room * count / largest, 1)
        shown = label if len(label) <= 26 else f"{label[:25]}…"
        parts.append(
            f"<g><title>{escape(tip)}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">{escape(shown)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" '
            f'class="bar"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + 13}">{count}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _svg(width: int, height: int, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(label)}">'
    )
