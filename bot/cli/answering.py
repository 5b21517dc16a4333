"""`python -m bot ask`: what a person in a private chat would get, through the same
`Conversation` as Telegram and the terminal chat."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from bot.cli.base import EXIT_OK, EXIT_PROBLEMS, add_subcommand, knowledge_argument, knowledge_root
from bot.conversation import Conversation, Turn
from bot.languages import probable_languages
from bot.matching import COMMON_WORDS, LanguageWords, Match
from bot.settings import load_settings
from bot.startup import StartError, load_engine
from bot.store import DiscardJournal
from bot.views import terminal_view
from bot.wording import FrontEnd


def register(subcommands: Any) -> None:
    ask = add_subcommand(subcommands, "ask", ask_command, "Answer one question, or one per line.")
    ask.add_argument("question", help="the question; '-' reads one question per line from stdin")
    ask.add_argument(
        "--json", action="store_true", help="print the matcher's decision and the outcome as JSON"
    )
    ask.add_argument(
        "--language",
        metavar="CODE",
        help="the language chosen for the bot's words (as /language would): en, id, th, ...; "
        "by default they follow each question's language",
    )
    knowledge_argument(ask, positional=False)


def ask_command(args: argparse.Namespace) -> int:
    settings = load_settings().model_copy(update={"knowledge_path": knowledge_root(args)})
    try:
        engine = load_engine(settings)
    except StartError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    # a private chat's wording, rendered as text: what a person on Telegram would read; a
    # maintainer trying questions is not a user asking, so nothing is recorded
    conversation = Conversation(engine, DiscardJournal(), FrontEnd.TELEGRAM)
    if args.language is not None and conversation.words(args.language).code != args.language:
        print(f"error: no words in language '{args.language}'", file=sys.stderr)
        return EXIT_PROBLEMS
    for question in _questions(args.question):
        turn = conversation.ask(question, language=args.language)
        if args.json:
            print(turn_json(turn, engine.matcher.index.language_words), flush=True)
        else:
            print(terminal_view(turn.reply).text, end="\n\n", flush=True)
    return EXIT_OK


def match_fields(match: Match) -> dict[str, Any]:
    return {
        "question": match.question,
        "decision": match.decision.value,
        "answer_id": match.answer_id,
        "confidence": round(match.confidence, 4),
        "candidates": [{"id": c.entry_id, "score": c.score} for c in match.candidates],
        "reason": match.reason.value if match.reason else None,
        "language": match.language,  # matched on this language's phrasings; null for English
    }


def turn_json(turn: Turn, words: LanguageWords = COMMON_WORDS) -> str:
    """The matcher's decision, then what the conversation made of the message; `words`, the
    common words of each language the matcher tells languages by."""
    outcome = {
        "intent": turn.intent.value if turn.intent else None,
        "reply": turn.reply.kind.value,
        "entry_id": turn.reply.entry_id,
        "safety_first": turn.safety_first,
        "words": turn.reply.voice.code,  # the language of the bot's own words in the reply
        # the region's languages the message is probably in ([] for English, or unknown)
        "languages": list(probable_languages(turn.match.question, words)),
    }
    return json.dumps(match_fields(turn.match) | outcome, ensure_ascii=False)


def _questions(question: str) -> Iterator[str]:
    """Questions as text whatever bytes arrive: an undecodable byte becomes U+FFFD instead of
    failing the batch or echoing invalid UTF-8 into the JSON."""
    if question != "-":
        yield _decodable(question)
        return
    for line in sys.stdin.buffer:
        yield line.decode("utf-8", "replace").rstrip("\r\n")


def _decodable(argument: str) -> str:
    """Command-line arguments keep undecodable bytes as lone surrogates (PEP 383)."""
    try:
        raw = argument.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = argument.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")
