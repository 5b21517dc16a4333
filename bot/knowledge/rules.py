"""Rules that span entries and files: ids, topics, links, lengths, duplicates, dates."""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from urllib.parse import urlsplit

import bot.knowledge.answer_markup as answer_markup
from bot.knowledge.english import ENGLISH
from bot.knowledge.limits import BUTTON_TEXT_LIMIT, TELEGRAM_TEXT_LIMIT
from bot.knowledge.models import (
    AskedAboutTheBot,
    BotWords,
    Entry,
    Glossary,
    LanguagePhrasings,
    LinkPolicy,
    OutOfScope,
    QuizItem,
    Topic,
    TranslatedAnswers,
    Translation,
)
from bot.knowledge.normalize import fold, normalize
from bot.knowledge.problems import Location, Problem
from bot.knowledge.spelling import did_you_mean, spelling_hint
from bot.knowledge.yaml_source import YamlDocument

# Counts that change over time (parties, members, ...) must carry the date they were true.
_CHANGING_COUNT = re.compile(
    r"\b\d[\d,]*\s+(?:\w+\s+)?(?:parties|members?|member states|countries|states|"
    r"signatories|ratifications|observers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PlacedEntry:
    """An entry that passed its model, with where it stands, for the cross-file rules."""

    entry: Entry
    document: YamlDocument
    index: int

    def locate(self, *path: str | int) -> Location:
        return self.document.locate((self.index, *path))

    def problem(self, message: str, hint: str, *path: str | int) -> Problem:
        return Problem(self.locate(*path), message, hint, self.entry.id)


def check_topics(topics: list[tuple[Topic, int]], document: YamlDocument) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for topic, index in topics:
        if topic.id in seen:
            yield Problem(
                document.locate((index, "id")),
                f"duplicate topic id '{topic.id}' (first in item {seen[topic.id] + 1})",
                "give each topic its own id",
            )
        seen.setdefault(topic.id, index)


def check_glossary(glossary: Glossary, file: Path) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for term in glossary.terms:
        for form in term.forms:
            key = normalize(form)
            if key in owner and owner[key] != term.term:
                yield Problem(
                    Location(file),
                    f"'{form}' belongs to both '{owner[key]}' and '{term.term}'",
                    "a phrasing may stand for one term only",
                )
            owner.setdefault(key, term.term)


def check_glossary_entries(
    glossary: Glossary, file: Path, entry_ids: set[str]
) -> Iterator[Problem]:
    for term in glossary.terms:
        if term.entry is not None and term.entry not in entry_ids:
            yield Problem(
                Location(file),
                f"term '{term.term}' names unknown entry '{term.entry}'",
                spelling_hint(term.entry, entry_ids, "check the id's spelling"),
            )


def check_entries(
    placed: list[PlacedEntry],
    topic_ids: set[str],
    policy: LinkPolicy | None,
    policy_file: Path,
    *,
    unread_ids: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """`unread_ids` are the ids of entries that did not load (a syntax error, a field their
    model refused): references to them are not reported, so one broken entry gives its own
    errors only."""
    yield from _check_shared_phrasings(placed)
    first: dict[str, PlacedEntry] = {}
    for item in placed:
        earlier = first.setdefault(item.entry.id, item)
        if earlier is not item:
            yield item.problem(
                f"duplicate id '{item.entry.id}', first defined at {earlier.locate()}",
                "ids must be unique across all entry files",
                "id",
            )
    known = set(first) | unread_ids
    for item in placed:
        yield from _check_entry(item, known, topic_ids, policy, policy_file)


def _check_entry(
    item: PlacedEntry,
    entry_ids: set[str],
    topic_ids: set[str],
    policy: LinkPolicy | None,
    policy_file: Path,
) -> Iterator[Problem]:
    entry = item.entry
    if topic_ids and entry.topic not in topic_ids:
        yield item.problem(
            f"unknown topic '{entry.topic}'{did_you_mean(entry.topic, topic_ids)}",
            f"use one of: {', '.join(sorted(topic_ids))}, or add it to topics.yaml",
            "topic",
        )
    for field in ("related", "distinct_from"):
        for index, other in enumerate(getattr(entry, field)):
            if other == entry.id:
                yield item.problem(f"{field} names the entry itself", "remove it", field, index)
            elif other not in entry_ids:
                message = f"{field} names unknown entry '{other}'"
                fix = spelling_hint(other, entry_ids, "check the id's spelling")
                yield item.problem(message, fix, field, index)
    yield from _check_variants(item)
    yield from _check_unfinished(item)
    if policy is not None:
        yield from _check_links(item, policy, policy_file)
        yield from _check_sources(item, policy, policy_file)
    if len(entry.button_text) > BUTTON_TEXT_LIMIT:
        field = "label" if entry.label else "question"
        yield item.problem(
            f"{field} is {len(entry.button_text)} characters: a button shows "
            f"{BUTTON_TEXT_LIMIT} whole",
            f"add a label of at most {BUTTON_TEXT_LIMIT} characters that keeps the telling words"
            if field == "question"
            else f"shorten it to at most {BUTTON_TEXT_LIMIT} characters",
            field,
        )
    html = answer_markup.to_html(entry.answer)
    if len(html) > TELEGRAM_TEXT_LIMIT:
        yield item.problem(
            f"answer renders to {len(html)} characters of HTML, over Telegram's "
            f"{TELEGRAM_TEXT_LIMIT}",
            "shorten it or split it into entries",
            "answer",
        )
    if entry.as_of is None and (
        count := _CHANGING_COUNT.search(answer_markup.to_plain(entry.answer))
    ):
        yield item.problem(
            f"answer gives a count that changes ('{count.group(0)}') but no as_of date",
            "add as_of: YYYY-MM-DD, the date the figure was true",
            "answer",
        )


# What a skeleton or a draft leaves for later: a marker word, or a value with no word at all
_UNFINISHED = re.compile(r"\b(?:TODO|TBD|TBC|FIXME|XXX)\b|(?i:lorem ipsum)")


def _check_unfinished(item: PlacedEntry) -> Iterator[Problem]:
    """Users are shown the question, label, answer and sources: none may be a placeholder
    left from the new-entry skeleton, and the question is a full question."""
    entry = item.entry
    shown = [("question", entry.question), ("label", entry.label), ("answer", entry.answer)]
    shown += [(f"sources.{index}", source) for index, source in enumerate(entry.sources)]
    for field, text in shown:
        if text is None:
            continue
        path = tuple(int(part) if part.isdigit() else part for part in field.split("."))
        if (marker := _UNFINISHED.search(text)) is not None:
            found, message = marker.group(0), f"{field} holds the placeholder '{marker.group(0)}'"
        elif not any(character.isalnum() for character in text):
            found, message = text.strip(), f"{field} is only '{text.strip()}'"
        else:
            continue
        where = item.document.locate_text((item.index, *path), found)
        yield Problem(where, message, f"write the real {path[0]} from the report", entry.id)
    if not entry.question.rstrip().endswith("?"):
        yield item.problem(
            "question does not end with '?'",
            "write the canonical question as a full sentence ending in '?'",
            "question",
        )


def _check_shared_phrasings(placed: list[PlacedEntry]) -> Iterator[Problem]:
    """A phrasing belongs to one entry: in two, neither can own it."""
    owner: dict[str, str] = {}
    for item in placed:
        for index, text in enumerate(item.entry.variants):
            key = normalize(text)
            first = owner.setdefault(key, item.entry.id)
            if first != item.entry.id:
                path = ("question",) if index == 0 else ("alternates", index - 1)
                yield item.problem(
                    f"'{text}' is also a phrasing of '{first}'",
                    "keep it in the entry that answers it and rephrase or remove the other",
                    *path,
                )


_MERGED_ITEMS = re.compile(r"\S\s+-\s+\S")


def _check_variants(item: PlacedEntry) -> Iterator[Problem]:
    seen: dict[str, str] = {normalize(item.entry.question): "the question"}
    for index, alternate in enumerate(item.entry.alternates):
        key = normalize(alternate)
        if _MERGED_ITEMS.search(alternate):
            yield item.problem(
                f"alternate '{alternate}' looks like several list items run together",
                "an indentation slip joins the next '- item' line to this one: start each "
                "alternate on its own line with '- ' at the same indentation",
                "alternates",
                index,
            )
        if not key:
            yield item.problem(
                f"alternate '{alternate}' has no words", "write a phrasing", "alternates", index
            )
        elif key in seen:
            yield item.problem(
                f"alternate '{alternate}' repeats {seen[key]} (ignoring case and punctuation)",
                "remove it or write a different phrasing",
                "alternates",
                index,
            )
        else:
            seen[key] = f"alternate '{alternate}'"


def _check_links(item: PlacedEntry, policy: LinkPolicy, policy_file: Path) -> Iterator[Problem]:
    buttons = ((link.url, ("links", index, "url")) for index, link in enumerate(item.entry.links))
    inline = ((url, ("answer",)) for url in answer_markup.links(item.entry.answer))
    for url, path in chain(buttons, inline):
        parts = urlsplit(url)
        if parts.scheme != "https":
            yield item.problem(f"link {url} is not https", "use the page's https address", *path)
        elif not policy.allows(parts.hostname or ""):
            yield item.problem(
                f"link {url} is not on an official domain",
                f"users are offered official links only: see {policy_file.name}; "
                "other addresses belong in sources",
                *path,
            )
        elif "//" in parts.path:
            yield item.problem(
                f"link {url} has a double slash", "write the path with single slashes", *path
            )
        elif (language := _OTHER_LANGUAGE_PAGE.search(parts.path)) is not None:
            yield item.problem(
                f"link {url} opens a page in another language ('{language.group(1)}')",
                "link the English page, or cite the page by title in sources",
                *path,
            )


# a language segment in the path: /ar/, /zh/... (SHERLOC's /cld/zh/, unodc.org's /unodc/es/)
_OTHER_LANGUAGE_PAGE = re.compile(r"/(ar|es|fr|ru|zh|zh-hans|zh-hant)/")
_ADDRESS = re.compile(r"https?://[^\s)]+")


def _check_sources(item: PlacedEntry, policy: LinkPolicy, policy_file: Path) -> Iterator[Problem]:
    """Users see the sources: no third-party copy among them."""
    for index, source in enumerate(item.entry.sources):
        for address in _ADDRESS.findall(source):
            host = urlsplit(address).hostname or ""
            if not policy.shows_source(host):
                yield item.problem(
                    f"source shows a third-party address ({host})",
                    "cite the document by title and section or page instead, and keep the "
                    f"address in `consulted` (shown domains: {policy_file.name})",
                    "sources",
                    index,
                )
            elif "//" in urlsplit(address).path:
                yield item.problem(
                    f"source address has a double slash: {address}",
                    "write the path with single slashes",
                    "sources",
                    index,
                )


def check_out_of_scope(
    declined: OutOfScope, document: YamlDocument, placed: list[PlacedEntry]
) -> Iterator[Problem]:
    """A question to decline must not also be a phrasing of an entry, nor listed twice."""
    phrasings = {normalize(text): item.entry.id for item in placed for text in item.entry.variants}
    seen: set[str] = set()
    for index, question in enumerate(declined.questions):
        key = normalize(question)
        where = document.locate(("questions", index))
        if key in phrasings:
            yield Problem(
                where,
                f"'{question}' is also a phrasing of entry '{phrasings[key]}'",
                "remove it here if the entry answers it, or from the entry if not",
            )
        elif key in seen:
            yield Problem(where, f"'{question}' is listed twice", "remove one")
        seen.add(key)


def check_quiz(
    items: list[tuple[QuizItem, int]],
    document: YamlDocument,
    entry_ids: set[str],
    topic_ids: set[str],
) -> Iterator[Problem]:
    """Each quiz question tests an entry that exists, sits in a known topic, and has an id of
    its own (rounds and scores refer to it)."""
    seen: set[str] = set()
    for item, index in items:
        if item.id in seen:
            yield Problem(
                document.locate((index, "id")),
                f"quiz id '{item.id}' is used twice",
                "rename one",
                item.id,
            )
        seen.add(item.id)
        if item.entry not in entry_ids:
            yield Problem(
                document.locate((index, "entry")),
                f"entry '{item.entry}' does not exist",
                "name the entry whose answer states the fact",
                item.id,
            )
        if item.topic not in topic_ids:
            yield Problem(
                document.locate((index, "topic")),
                f"topic '{item.topic}' is not in topics.yaml",
                "use a topic id from knowledge/topics.yaml",
                item.id,
            )


_SAMPLE_DATE = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_COMMAND = re.compile(r"(?<![\w/])/[a-z_]+\b")
_URL = re.compile(r"https?://\S+|www\.\S+")
_BUTTONS = ("none_of_these_button", "sources_button", "back_to_topics_button")
_SHORT_BUTTONS = ("language_follow_button",)


def check_translation(translation: Translation, document: YamlDocument) -> Iterator[Problem]:
    """A translation says what the English says, in the same frame: the same
    `{placeholders}`, numbers, /commands, links and **bold** parts as the English text of
    each key (so it adds no number, address or service, which the bot must never invent), and
    it fits Telegram: a message within its limit, a button label whole on a phone."""
    words = translation.words
    if set(words.commands) != set(ENGLISH.commands):
        yield Problem(
            document.locate(("words", "commands")),
            "commands must name the same commands as English: "
            + ", ".join(sorted(ENGLISH.commands)),
            "translate each command's line, and keep its /name",
        )
    for name, line in words.commands.items():
        if not line.startswith(f"/{name}") or ": " not in line:
            yield Problem(
                document.locate(("words", "commands", name)),
                f"commands.{name} must start with /{name} and have ': ' before what it does",
                "Telegram's commands menu shows what follows the ': '",
            )
    english = dict(_texts(ENGLISH))
    for key, text in _texts(words):
        original = english.get(key)
        if original is None:
            continue
        for problem, hint in _differences(text, original, key):
            yield Problem(document.locate(("words", *key.split("."))), problem, hint)
    for key in _BUTTONS:
        if len(getattr(words, key)) > BUTTON_TEXT_LIMIT:
            yield Problem(
                document.locate(("words", key)),
                f"{key} is longer than a button shows ({BUTTON_TEXT_LIMIT} characters)",
                "shorten it",
            )
    yield from check_asked(translation.asked, document, ("asked",))


def check_asked(
    asked: AskedAboutTheBot, document: YamlDocument, at: tuple[str, ...] = ()
) -> Iterator[Problem]:
    """A phrasing of a question about the bot given twice, or under two kinds: once is enough,
    and under two kinds it cannot tell them apart. `at`: where `asked` is in the file."""
    seen: dict[str, str] = {}
    for kind, texts in asked.model_dump().items():
        for index, text in enumerate(texts):
            folded = fold(text)
            if folded not in seen:
                seen[folded] = kind
                continue
            yield Problem(
                document.locate((*at, kind, index)),
                f"{kind} repeats a phrasing of {seen[folded]}",
                "keep it once, under the kind it asks",
            )


def _texts(words: BotWords) -> Iterator[tuple[str, str]]:
    """Every text of the words by key, a command's as commands.<name>."""
    for key in BotWords.model_fields:
        value = getattr(words, key)
        if isinstance(value, dict):
            yield from ((f"{key}.{name}", line) for name, line in value.items())
        elif value is not None:
            yield key, value


def _differences(text: str, english: str, key: str) -> Iterator[tuple[str, str]]:
    try:
        names = _placeholder_names(text)
    except ValueError as error:  # a lone brace
        yield f"{key} cannot be filled in: {error}", "write {{ and }} for a brace"
        return
    english_names = _placeholder_names(english)
    if names != english_names:
        yield (
            f"{key} has the placeholders {_listed(names)}, English {_listed(english_names)}",
            "keep each {name} of the English text; only a date's format may change",
        )
        return
    try:
        shown = text.format(**dict.fromkeys(names, _SAMPLE_DATE))
    except (ValueError, IndexError, KeyError) as error:
        yield f"{key} cannot be filled in: {error}", "write {{ and }} for a brace"
        return
    bare, english_bare = _PLACEHOLDER.sub(" ", text), _PLACEHOLDER.sub(" ", english)
    for kind, found, hint in (
        ("numbers", _NUMBER.findall, "keep the English numbers, in Western digits"),
        ("commands", _COMMAND.findall, "keep each /command as it is"),
        ("links", _URL.findall, "keep the English text's links, and add none"),
    ):
        if sorted(found(bare)) != sorted(found(english_bare)):
            yield f"{key} changes the English text's {kind}", hint
    if bare.count("**") != english_bare.count("**"):
        yield f"{key} must keep the English text's **bold** parts", "keep the ** markers"
    if len(answer_markup.to_plain(shown)) > TELEGRAM_TEXT_LIMIT:
        yield f"{key} is longer than a Telegram message", "shorten it"
    if key in _SHORT_BUTTONS and len(text) > BUTTON_TEXT_LIMIT:
        yield f"{key} is longer than a button shows ({BUTTON_TEXT_LIMIT} characters)", "shorten it"


def _placeholder_names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _listed(names: set[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "none"


MIN_PHRASINGS = 3


def check_phrasings(
    phrasings: LanguagePhrasings,
    document: YamlDocument,
    entry_ids: set[str],
    translation: Translation | None,
) -> Iterator[Problem]:
    """A language's phrasings name known entries, at least 3 each and none twice (nor among
    the questions to decline), and the language has the words an answer in it needs
    (`knowledge/i18n/<code>.yaml`)."""
    code = phrasings.language
    if document.file.stem != code:
        yield Problem(
            document.locate(("language",)),
            f"language '{code}' is kept in {document.file.name}",
            f"name the file phrasings/{code}.yaml",
        )
    if translation is None:
        yield Problem(
            document.locate(("language",)),
            f"no words to answer in '{code}' with",
            f"add i18n/{code}.yaml: the bot's words in that language",
        )
    owner: dict[str, str] = {}
    for entry_id, texts in phrasings.phrasings.items():
        where = ("phrasings", entry_id)
        if entry_id not in entry_ids:
            yield Problem(
                document.locate(where, key=True),
                f"unknown entry '{entry_id}'",
                spelling_hint(entry_id, entry_ids, "use an id from knowledge/entries"),
            )
        if len(texts) < MIN_PHRASINGS:
            yield Problem(
                document.locate(where, key=True),
                f"only {len(texts)} phrasings for '{entry_id}'",
                f"write at least {MIN_PHRASINGS}, as people would ask",
                entry_id,
            )
        for position, text in enumerate(texts):
            key = fold(text)
            if key in owner:
                yield Problem(
                    document.locate((*where, position)),
                    f"'{text}' is also a phrasing of '{owner[key]}'",
                    "a phrasing may stand for one entry only",
                    entry_id,
                )
            owner.setdefault(key, entry_id)
    for position, text in enumerate(phrasings.declined):
        if (answered_by := owner.get(fold(text))) is not None:
            yield Problem(
                document.locate(("declined", position)),
                f"'{text}' is to be declined and a phrasing of '{answered_by}'",
                "a question to decline is one no entry answers: keep it in one list",
                answered_by,
            )


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def check_translated_answers(
    loaded: TranslatedAnswers,
    document: YamlDocument,
    entries: dict[str, Entry],
    translation: Translation | None,
    has_phrasings: bool,
) -> Iterator[Problem]:
    """A translated answer says what the English says: the same numbers (dates, counts,
    article numbers) and the same links; and the language can show it (phrasings to be asked
    in, a label for translations)."""
    code = loaded.language
    if document.file.stem != code or not has_phrasings:
        yield Problem(
            document.locate(("language",)),
            f"language '{code}' in {document.file.name} has no phrasings",
            "name the file answers/<code>.yaml after a phrasings/<code>.yaml",
        )
    if translation is None or translation.words.translated is None:
        yield Problem(
            document.locate(("language",)),
            f"no label for translated answers in '{code}'",
            f"add words.translated to i18n/{code}.yaml",
        )
    for entry_id, text in loaded.answers.items():
        where = document.locate(("answers", entry_id))
        entry = entries.get(entry_id)
        if entry is None:
            fix = spelling_hint(entry_id, entries, "use an id from knowledge/entries")
            yield Problem(where, f"unknown entry '{entry_id}'", fix)
            continue
        for kind, found, hint in (
            ("numbers", _NUMBER.findall, "keep every number, date and article number as it is"),
            ("links", answer_markup.links, "keep every link of the English answer, and add none"),
        ):
            if sorted(found(text)) != sorted(found(entry.answer)):
                message = f"the {kind} of '{entry_id}' differ from the English answer's"
                yield Problem(where, message, hint, entry_id)
