"""The maintainers' upkeep loop: what went unanswered and how the bot is used, read from the
store (`python -m bot unanswered`, `python -m bot report`, and the admins' `/unanswered` and
`/stats`). Everything starts from one `Usage`, so all of them count the same way.

Callers outside this package import from here.
"""

from bot.upkeep.brief import stats_brief, unanswered_brief
from bot.upkeep.grouping import Group, Unanswered, UnansweredReport, Why, group_unanswered
from bot.upkeep.html_report import as_html
from bot.upkeep.periods import describe_period, parse_period, period_argument
from bot.upkeep.report_text import as_text as report_text
from bot.upkeep.summary import Chosen, Day, Rating, Summary, summarize
from bot.upkeep.unanswered_formats import FORMATS as UNANSWERED_FORMATS
from bot.upkeep.unanswered_formats import render as render_unanswered
from bot.upkeep.usage import EntryCount, Usage, read

__all__ = [
    "UNANSWERED_FORMATS",
    "Chosen",
    "Day",
    "EntryCount",
    "Group",
    "Rating",
    "Summary",
    "Unanswered",
    "UnansweredReport",
    "Usage",
    "Why",
    "as_html",
    "describe_period",
    "group_unanswered",
    "parse_period",
    "period_argument",
    "read",
    "render_unanswered",
    "report_text",
    "stats_brief",
    "summarize",
    "unanswered_brief",
]
