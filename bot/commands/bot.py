"""Commands that run the bot: Telegram, the terminal chat, deep links, the health check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from telegram.helpers import create_deep_linked_url

from bot.commands.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_command, load
from bot.heartbeat import HEARTBEAT_FILE, MAX_AGE_SECONDS, heartbeat_age
from bot.runner import StartError, run_telegram, run_terminal
from bot.settings import load_settings


def register(commands: Any) -> None:
    add_command(commands, "run", run, "Run the Telegram bot (long polling, or webhook if set).")
    add_command(commands, "chat", chat, "Chat with the bot in this terminal.")
    link = add_command(commands, "link", link_command, "Print the deep link to an answer.")
    link.add_argument("entry_id", help="the entry's id, e.g. report-funding")
    link.add_argument("--knowledge", dest="path", type=Path, help="knowledge-base folder")
    health = add_command(
        commands, "health", health_command, "Exit 0 if the bot reached Telegram recently."
    )
    health.add_argument(
        "--max-age",
        type=float,
        default=MAX_AGE_SECONDS,
        help=f"seconds since the last successful call (default {MAX_AGE_SECONDS})",
    )


def default(args: argparse.Namespace) -> int:
    """`python -m bot`: Telegram when a token is set, the terminal chat when not."""
    settings = load_settings()
    return run(args) if settings.telegram_bot_token else chat(args)


def run(args: argparse.Namespace) -> int:
    return _started(lambda: run_telegram(load_settings()))


def chat(args: argparse.Namespace) -> int:
    return _started(lambda: run_terminal(load_settings()))


def _started(start: Any) -> int:
    try:
        code: int = start()
    except StartError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK
    return code


def link_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if not settings.bot_username:
        print("error: set BOT_USERNAME to the bot's username to make links", file=sys.stderr)
        return EXIT_USAGE
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    if knowledge.get(args.entry_id) is None:
        print(f"error: no entry '{args.entry_id}' (see: python -m bot topics)", file=sys.stderr)
        return EXIT_PROBLEMS
    print(create_deep_linked_url(settings.bot_username, args.entry_id))
    return EXIT_OK


def health_command(args: argparse.Namespace) -> int:
    heartbeat = Path(load_settings().data_dir) / HEARTBEAT_FILE
    age = heartbeat_age(heartbeat)
    if age is None:
        print(f"unhealthy: no successful call to Telegram yet ({heartbeat} missing)")
        return EXIT_PROBLEMS
    if age > args.max_age:
        print(f"unhealthy: last successful call to Telegram {age:.0f} s ago")
        return EXIT_PROBLEMS
    print(f"healthy: last successful call to Telegram {age:.0f} s ago")
    return EXIT_OK
