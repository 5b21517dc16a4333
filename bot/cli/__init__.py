"""The command line: `python -m bot <command>`; every command has `--help`.

One module per group of subcommands, each registering its own.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO, cast

from bot import __version__
from bot.cli import answering, evaluating, handouts, knowledge_base, serving, upkeep, workshops
from bot.cli.base import EXIT_USAGE, Subcommand
from bot.settings import SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command: Subcommand = args.command
    with _quiet_when_the_reader_leaves():
        try:
            return command(args)
        except SettingsError as error:
            print(f"error: {error}", file=sys.stderr)
            return EXIT_USAGE


@contextmanager
def _quiet_when_the_reader_leaves() -> Iterator[None]:
    """Standard output and error that go quiet when their reader leaves (`validate | head`):
    the command runs to the end, so its exit code is the one it would have had, and a broken
    pipe never passes a broken knowledge base."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (cast(TextIO, _PipeSafe(stream)) for stream in saved)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = saved


class _PipeSafe:
    """A text stream that, once its pipe is broken, writes to the null device instead (the
    recipe in Python's `signal` documentation, applied where the write fails)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._silence()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._silence()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _silence(self) -> None:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, self._stream.fileno())
        os.close(null)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Question-answering bot on the 2021 UNODC / Bali Process RSO report on "
        "corruption as a facilitator of migrant smuggling and human trafficking (unofficial).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(command=serving.default, path=None)
    subcommands = parser.add_subparsers(title="commands", metavar="<command>")
    serving.register(subcommands)
    answering.register(subcommands)
    knowledge_base.register(subcommands)
    evaluating.register(subcommands)
    upkeep.register(subcommands)
    handouts.register(subcommands)
    workshops.register(subcommands)
    return parser
