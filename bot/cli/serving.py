"""Subcommands that run the bot: Telegram, the terminal chat, deep links, the health check."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_subcommand, load
from bot.deep_links import deep_link
from bot.health import MAX_AGE_SECONDS, PULSE_FILE, Pulse, verdict
from bot.knowledge import did_you_mean
from bot.reloading import Reloader
from bot.settings import Settings, load_settings
from bot.startup import StartError, conversation_for, recording
from bot.terminal import TerminalChat
from bot.watching import watch_in_thread
from bot.wording import FrontEnd


def register(subcommands: Any) -> None:
    add_subcommand(
        subcommands, "run", run, "Run the Telegram bot (long polling, or webhook if set)."
    )
    add_subcommand(subcommands, "chat", chat, "Chat with the bot in this terminal.")
    link = add_subcommand(subcommands, "link", link_command, "Print the deep link to an answer.")
    link.add_argument("entry_id", help="the entry's id, e.g. report-funding")
    link.add_argument("--knowledge", dest="path", type=Path, help="knowledge-base folder")
    health = add_subcommand(
        subcommands,
        "health",
        health_command,
        "Exit 0 if updates arrive and replies are delivered (the container health check).",
    )
    health.add_argument(
        "--max-age",
        type=float,
        default=MAX_AGE_SECONDS,
        help="seconds since updates were last fetched, or (webhook) the server last ticked "
        f"(default {MAX_AGE_SECONDS})",
    )


def default(args: argparse.Namespace) -> int:
    """`python -m bot`: Telegram when a token is set, the terminal chat when not."""
    settings = load_settings()
    return run(args) if settings.telegram_bot_token else chat(args)


def run(args: argparse.Namespace) -> int:
    return _started(_serve_telegram)


def chat(args: argparse.Namespace) -> int:
    return _started(_chat_in_terminal)


def _serve_telegram(settings: Settings) -> int:
    # The one place the core reaches the Telegram front end, and only when it is asked for:
    # every other subcommand runs without python-telegram-bot imported.
    from handlers import app

    return app.run(settings)


def _chat_in_terminal(settings: Settings) -> int:
    """The terminal chat, recording like the Telegram bot and following edits of the
    knowledge folder (SIGHUP is left alone: here it means the terminal was closed)."""
    with recording(settings) as journal:
        conversation = conversation_for(settings, FrontEnd.TERMINAL, journal)
        reloader = Reloader(conversation, settings.knowledge_path, settings.thresholds)
        stop_watching = watch_in_thread(settings.knowledge_path, reloader.reload)
        try:
            chat = TerminalChat(conversation, sys.stdout, prompt=sys.stdin.isatty())
            return chat.run(sys.stdin)
        finally:
            stop_watching.set()


def _started(start: Callable[[Settings], int]) -> int:
    try:
        return start(load_settings())
    except StartError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK


def link_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if not settings.bot_username:
        print("error: set BOT_USERNAME to the bot's username to make links", file=sys.stderr)
        return EXIT_USAGE
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    if knowledge.get(args.entry_id) is None:
        meant = did_you_mean(args.entry_id, (entry.id for entry in knowledge.entries))
        print(
            f"error: no entry '{args.entry_id}'{meant} (see: python -m bot topics)", file=sys.stderr
        )
        return EXIT_PROBLEMS
    print(deep_link(settings.bot_username, args.entry_id))
    return EXIT_OK


def health_command(args: argparse.Namespace) -> int:
    """For the container's health check: updates arriving, replies delivered."""
    settings = load_settings()
    pulse = Pulse.read(Path(settings.data_dir) / PULSE_FILE)
    healthy, why = verdict(
        pulse, max_age=args.max_age, send_failure=settings.health_send_failure_seconds
    )
    print(why)
    return EXIT_OK if healthy else EXIT_PROBLEMS
