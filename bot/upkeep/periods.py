"""How far back a report looks: `--since 30d`, `12h` or `2w`, the only forms a maintainer needs."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta

_PERIOD = re.compile(r"^(\d{1,5})([hdw])$")
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_period(text: str) -> timedelta:
    """`30d` as 30 days; `ValueError` naming the accepted forms for anything else."""
    found = _PERIOD.match(text.strip().lower())
    if found is None or int(found[1]) == 0:
        raise ValueError(f"{text!r} is not a period: use a whole number and h, d or w, e.g. 30d")
    return int(found[1]) * _UNITS[found[2]]


def period_argument(text: str) -> timedelta:
    """`parse_period` as an argparse `type`, so a bad value is a usage error (exit 2)."""
    try:
        return parse_period(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def describe_period(period: timedelta) -> str:
    """`7 days` or `12 hours`, as the reports' headings say it."""
    days, rest = divmod(period, _UNITS["d"])
    if days and not rest:
        return f"{days} day{'s' if days != 1 else ''}"
    hours = round(period / _UNITS["h"])
    return f"{hours} hour{'s' if hours != 1 else ''}"


def as_argument(period: timedelta) -> str:
    """The `--since` value for the period, so a brief can say which command shows more."""
    days, rest = divmod(period, _UNITS["d"])
    return f"{days}d" if days and not rest else f"{max(round(period / _UNITS['h']), 1)}h"


def describe_window(since: datetime, until: datetime) -> str:
    """`the last 30 days (since 2026-11-01 09:00 UTC)`: how every report names its period."""
    start = since.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"the last {describe_period(until - since)} (since {start})"
