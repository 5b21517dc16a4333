"""The command line: `python -m bot <command>`; every command has `--help`.

One module per group of subcommands, each registering its own.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import __version__
from bot.cli import answering, evaluating, handouts, knowledge_base, serving, upkeep, workshops
from bot.cli.base import EXIT_OK, EXIT_USAGE, Subcommand
from bot.settings import SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command: Subcommand = args.command
    try:
        return command(args)
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - keep interpreter exit quiet
        return EXIT_OK


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
