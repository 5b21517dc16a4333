"""Subcommands for workshop trainers: a printable handout, and every deep link with QR images."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_subcommand, load
from bot.handouts import (
    UnknownLanguageError,
    UnknownTopicError,
    build_handout,
    chosen_topics,
    link_rows,
    links_csv,
    links_markdown,
    render_html,
    render_markdown,
    write_qr_images,
)
from bot.knowledge import KnowledgeBase
from bot.settings import load_settings

NO_USERNAME = "error: set BOT_USERNAME to the bot's username to make links"

Maker = Callable[[argparse.Namespace, KnowledgeBase, str], None]


def register(subcommands: Any) -> None:
    handout = add_subcommand(
        subcommands,
        "handout",
        handout_command,
        "Write a printable handout: questions, short answers, links and QR codes.",
    )
    _common_arguments(handout)
    handout.add_argument(
        "--format",
        choices=("html", "md"),
        default="html",
        help="html: one self-contained file for A4 with QR codes (default); md: no QR codes",
    )
    handout.add_argument(
        "--language",
        type=str.lower,  # "TH" is "th"
        metavar="CODE",
        help="the language of the handout's own words (title, how to ask, notes): a code of "
        "knowledge/i18n/ (id, ms, th, vi, fil, km, my); the questions and answers stay English",
    )
    links = add_subcommand(
        subcommands, "links", links_command, "List every deep link, with QR images on request."
    )
    _common_arguments(links)
    links.add_argument("--format", choices=("csv", "md"), default="csv")
    links.add_argument(
        "--qr-dir",
        type=Path,
        help="also write <entry-id>.png and <entry-id>.svg QR codes here (made if missing)",
    )


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--topic",
        action="append",
        type=str.lower,  # "Law" is the topic "law"
        dest="topics",
        metavar="TOPIC",
        help="a topic id (see: python -m bot topics); repeat for several; default: all",
    )
    parser.add_argument(
        "--output", "-o", type=Path, help="file to write (default: standard output)"
    )
    parser.add_argument("--knowledge", dest="path", type=Path, help="knowledge-base folder")


def handout_command(args: argparse.Namespace) -> int:
    return _with_links(args, _handout)


def links_command(args: argparse.Namespace) -> int:
    return _with_links(args, _links)


def _with_links(args: argparse.Namespace, make: Maker) -> int:
    """BOT_USERNAME, the knowledge base and known topics, or a one-line error and its code."""
    username = load_settings().bot_username
    if not username:
        print(NO_USERNAME, file=sys.stderr)
        return EXIT_USAGE
    knowledge = load(args)
    if knowledge is None:
        return EXIT_PROBLEMS
    try:
        make(args, knowledge, username)
    except (UnknownTopicError, UnknownLanguageError, OSError) as error:  # OSError: not writable
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _handout(args: argparse.Namespace, knowledge: KnowledgeBase, username: str) -> None:
    handout = build_handout(knowledge, username, args.topics, args.language)
    text = render_html(handout) if args.format == "html" else render_markdown(handout)
    _write(text, args.output, f"a handout of {len(handout.entries)} entries")


def _links(args: argparse.Namespace, knowledge: KnowledgeBase, username: str) -> None:
    rows = link_rows(knowledge, username, chosen_topics(knowledge, args.topics))
    if args.qr_dir is not None:  # first, so that a folder it cannot write stops before output
        write_qr_images(rows, args.qr_dir)
        print(f"wrote {len(rows)} QR codes (PNG and SVG) to {args.qr_dir}", file=sys.stderr)
    text = links_csv(rows) if args.format == "csv" else links_markdown(rows)
    _write(text, args.output, f"{len(rows)} links")


def _write(text: str, output: Path | None, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    print(f"wrote {what} to {output}", file=sys.stderr)
