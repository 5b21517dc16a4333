"""Load the knowledge-base folder, reporting every problem at once with file, line, column and id.

Layout of the folder:
    links.yaml          allow-list of official domains for `links`
    topics.yaml         the topics, in browsing order
    glossary.yaml       abbreviations, synonyms and spellings
    entries/*.yaml      the entries, one file per topic
    out_of_scope.yaml   optional: questions to decline, which no entry answers
    safety.yaml         optional: examples for the danger and personal-legal detectors
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import (
    AskedAboutTheBot,
    Entry,
    Glossary,
    LanguagePhrasings,
    LanguageSafety,
    LinkPolicy,
    OutOfScope,
    QuizItem,
    SafetyPhrasings,
    Topic,
    TranslatedAnswers,
    Translation,
)
from bot.knowledge.problems import KnowledgeBaseError, Location, Problem
from bot.knowledge.rules import (
    PlacedEntry,
    check_asked,
    check_entries,
    check_glossary,
    check_glossary_entries,
    check_out_of_scope,
    check_phrasings,
    check_quiz,
    check_topics,
    check_translated_answers,
    check_translation,
)
from bot.knowledge.yaml_source import YamlDocument, YamlPath, YamlSyntaxError, parse_yaml

M = TypeVar("M", bound=BaseModel)

LINKS_FILE = "links.yaml"
TOPICS_FILE = "topics.yaml"
GLOSSARY_FILE = "glossary.yaml"
ENTRIES_DIR = "entries"
OUT_OF_SCOPE_FILE = "out_of_scope.yaml"
SAFETY_FILE = "safety.yaml"
ASKED_FILE = "asked.yaml"  # questions about the bot itself, in English
QUIZ_FILE = "quiz.yaml"
I18N_DIR = "i18n"
PHRASINGS_DIR = "phrasings"
SAFETY_DIR = "safety"
ANSWERS_DIR = "answers"
# the ids of a file that does not parse, read line by line, so references to them are no error
_ID_LINE = re.compile(r"^\s*-\s*id:\s*['\"]?([a-z0-9]+(?:-[a-z0-9]+)*)", re.MULTILINE)

_HINTS = {
    "missing": "add this field",
    "extra_forbidden": "remove it or fix its spelling (see knowledge/FORMAT.md for the fields)",
    "string_type": "write it as text; quote values like yes, no, on, off or numbers",
    "string_pattern_mismatch": "see the field's format in knowledge/FORMAT.md",
    "string_too_short": "write some text or remove the item",
    "list_type": "write a list: one '- item' per line, or [a, b]",
    "too_short": "add more items",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_type": "write the date as YYYY-MM-DD",
    "date_from_datetime_inexact": "write the date as YYYY-MM-DD, without a time",
    "model_type": "write a mapping of 'field: value' lines",
    "dict_type": "write a mapping of 'field: value' lines",
}


def load_knowledge(root: Path) -> KnowledgeBase:
    """The knowledge base in `root`; `KnowledgeBaseError` listing every problem if it is broken."""
    knowledge, problems = check_knowledge(root)
    if knowledge is None:
        raise KnowledgeBaseError(problems)
    return knowledge


def check_knowledge(root: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Load and check everything; the knowledge base is returned only when there is no problem."""
    problems: list[Problem] = []
    if root.is_file():
        message = "this is a file: give the knowledge-base folder"
        return None, [
            Problem(Location(root), message, "the folder holding entries/ and topics.yaml")
        ]
    if not root.is_dir():
        hint = "check the path given, or KNOWLEDGE_PATH when none is given"
        return None, [Problem(Location(root), "knowledge-base folder not found", hint)]

    policy = _load_one(root / LINKS_FILE, LinkPolicy, problems)
    topics_doc = _document(root / TOPICS_FILE, problems)
    topics = _load_list(topics_doc, Topic, problems) if topics_doc else []
    glossary = _load_one(root / GLOSSARY_FILE, Glossary, problems)

    entry_files = sorted((root / ENTRIES_DIR).glob("*.yaml"))
    if not entry_files:
        problems.append(
            Problem(Location(root / ENTRIES_DIR), "no entry files", "add entries/<topic>.yaml")
        )
    documents = [(file, _document(file, problems)) for file in entry_files]
    placed = [
        PlacedEntry(entry, document, index)
        for _, document in documents
        if document is not None
        for entry, index in _load_list(document, Entry, problems)
    ]
    unread = _unloaded_ids(documents, {p.entry.id for p in placed})
    declined = _load_out_of_scope(root / OUT_OF_SCOPE_FILE, placed, problems)
    safety = (
        _load_one(root / SAFETY_FILE, SafetyPhrasings, problems)
        if (root / SAFETY_FILE).is_file()
        else None
    )

    asked = _load_asked(root / ASKED_FILE, problems)
    causes = len(problems)  # what failed to load comes first: the rest may follow from it

    if topics_doc is not None:
        problems.extend(check_topics(topics, topics_doc))
    if glossary is not None:
        problems.extend(check_glossary(glossary, root / GLOSSARY_FILE))
        entry_ids = {p.entry.id for p in placed} | unread
        problems.extend(check_glossary_entries(glossary, root / GLOSSARY_FILE, entry_ids))
    topic_ids = {topic.id for topic, _ in topics}
    problems.extend(check_entries(placed, topic_ids, policy, root / LINKS_FILE, unread_ids=unread))
    quiz = _load_quiz(root / QUIZ_FILE, {p.entry.id for p in placed} | unread, topic_ids, problems)
    translations = _load_translations(root / I18N_DIR, problems)
    phrasings, regional_declined = _load_phrasings(
        root / PHRASINGS_DIR, {p.entry.id for p in placed} | unread, translations, problems
    )
    regional_safety = _load_regional_safety(root / SAFETY_DIR, phrasings, problems)
    translated = _load_translated_answers(
        root / ANSWERS_DIR, {p.entry.id: p.entry for p in placed}, translations, phrasings, problems
    )
    if problems or policy is None or glossary is None:
        return None, _in_order(problems[:causes]) + _in_order(problems[causes:])
    knowledge = KnowledgeBase(
        root=root,
        entries=tuple(p.entry for p in placed),
        topics=tuple(topic for topic, _ in topics),
        glossary=glossary,
        link_policy=policy,
        origins={p.entry.id: p.locate() for p in placed},
        out_of_scope=tuple(declined.questions) if declined else (),
        safety=safety,
        quiz=tuple(quiz),
        asked=asked,
        translations=translations,
        phrasings=phrasings,
        regional_safety=regional_safety,
        regional_declined=regional_declined,
        translated_answers=translated,
    )
    return knowledge, []


def _unloaded_ids(
    documents: list[tuple[Path, YamlDocument | None]], loaded: set[str]
) -> frozenset[str]:
    """The ids of entries that did not load (a file that does not parse, read line by line, or
    an entry its model refused): references to them are no error of their own, so one broken
    entry gives its own errors, not one more for each place that names it."""
    found: set[str] = set()
    for file, document in documents:
        if document is None and file.is_file():
            text = file.read_text(encoding="utf-8", errors="replace")
            found.update(_ID_LINE.findall(text))
        elif document is not None and isinstance(document.data, list):
            found.update(filter(None, map(_id_of, document.data)))
    return frozenset(found - loaded)


def _in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (str(p.location.file), p.location.line))


def load_file(file: Path, model: type[M]) -> M:
    """One YAML file validated as `model`, for files outside the knowledge base proper;
    `KnowledgeBaseError` locates every problem, duplicate keys included."""
    return load_located(file, model)[0]


def load_located(file: Path, model: type[M]) -> tuple[M, YamlDocument]:
    """`load_file`, with the parsed document for locating problems the model cannot see."""
    problems: list[Problem] = []
    document = _document(file, problems)
    loaded = _validate(model, document.data, document, (), problems) if document else None
    if problems or loaded is None or document is None:
        raise KnowledgeBaseError(problems)
    return loaded, document


def _document(file: Path, problems: list[Problem]) -> YamlDocument | None:
    if not file.is_file():
        problems.append(Problem(Location(file), "file not found", "create it (see README)"))
        return None
    try:
        document, duplicate_keys = parse_yaml(file)
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    for path, problem in duplicate_keys:
        index = path[0] if path else None
        item = document.data[index] if isinstance(index, int) else None
        problems.append(replace(problem, entry_id=_id_of(item)))
    return document


def _validate(
    model: type[M],
    data: Any,
    document: YamlDocument,
    path: YamlPath,
    problems: list[Problem],
    entry_id: str | None = None,
) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems.extend(
            _from_pydantic(detail, document, path, entry_id) for detail in error.errors()
        )
        return None


def _from_pydantic(
    detail: ErrorDetails, document: YamlDocument, prefix: YamlPath, entry_id: str | None
) -> Problem:
    loc = (*prefix, *detail["loc"])
    kind = detail["type"]
    location = document.locate(loc, key=kind in ("extra_forbidden", "missing"))
    field = ".".join(str(part) for part in detail["loc"]) or "document"
    message = f"{field}: {detail['msg']}"
    if kind == "string_pattern_mismatch" and detail["loc"] and detail["loc"][-1] in ("id", "topic"):
        hint = "use lower-case letters, digits and single hyphens, e.g. 'uncac-offences'"
    else:
        hint = _HINTS.get(kind, "see knowledge/FORMAT.md")
    return Problem(location, message, hint, entry_id)


def _load_one(file: Path, model: type[M], problems: list[Problem]) -> M | None:
    document = _document(file, problems)
    if document is None:
        return None
    return _validate(model, document.data, document, (), problems)


def _load_asked(file: Path, problems: list[Problem]) -> AskedAboutTheBot:
    """The English phrasings of questions about the bot; none without the file. As
    `_load_one`, keeping the document to locate a repeated phrasing."""
    document = _document(file, problems) if file.is_file() else None
    asked = _validate(AskedAboutTheBot, document.data, document, (), problems) if document else None
    if asked is None or document is None:
        return AskedAboutTheBot()
    problems.extend(check_asked(asked, document))
    return asked


def _load_list(
    document: YamlDocument, model: type[M], problems: list[Problem]
) -> list[tuple[M, int]]:
    if not isinstance(document.data, list):
        problems.append(
            Problem(document.locate(()), "expected a list", "start each item with '- '")
        )
        return []
    loaded = []
    for index, item in enumerate(document.data):
        value = _validate(model, item, document, (index,), problems, _id_of(item))
        if value is not None:
            loaded.append((value, index))
    return loaded


def _load_out_of_scope(
    file: Path, placed: list[PlacedEntry], problems: list[Problem]
) -> OutOfScope | None:
    """The optional file of questions to decline; none of them may be a phrasing of an entry."""
    if not file.is_file():
        return None
    document = _document(file, problems)
    if document is None:
        return None
    declined = _validate(OutOfScope, document.data, document, (), problems)
    if declined is not None:
        problems.extend(check_out_of_scope(declined, document, placed))
    return declined


def _load_quiz(
    file: Path, entry_ids: set[str], topic_ids: set[str], problems: list[Problem]
) -> list[QuizItem]:
    """The optional quiz questions, each tied to an entry that exists."""
    if not file.is_file():
        return []
    document = _document(file, problems)
    if document is None:
        return []
    items = _load_list(document, QuizItem, problems)
    problems.extend(check_quiz(items, document, entry_ids, topic_ids))
    return [item for item, _ in items]


def _load_folder(
    folder: Path, model: type[M], problems: list[Problem]
) -> list[tuple[M, YamlDocument]]:
    """Every `*.yaml` of a folder that passes `model`, with its document; a language is added
    by adding a file."""
    loaded = []
    for file in sorted(folder.glob("*.yaml")):
        document = _document(file, problems)
        if document is None:
            continue
        item = _validate(model, document.data, document, (), problems)
        if item is not None:
            loaded.append((item, document))
    return loaded


def _load_translations(folder: Path, problems: list[Problem]) -> dict[str, Translation]:
    """`i18n/<language code>.yaml`: the bot's words in that language."""
    translations = {}
    for translation, document in _load_folder(folder, Translation, problems):
        problems.extend(check_translation(translation, document))
        translations[document.file.stem] = translation
    return translations


def _load_phrasings(
    folder: Path,
    entry_ids: set[str],
    translations: dict[str, Translation],
    problems: list[Problem],
) -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, tuple[str, ...]]]:
    """`phrasings/<language code>.yaml`: questions in that language, per entry, and those to
    decline."""
    found = {}
    declined = {}
    for loaded, document in _load_folder(folder, LanguagePhrasings, problems):
        translation = translations.get(loaded.language)
        problems.extend(check_phrasings(loaded, document, entry_ids, translation))
        found[loaded.language] = {i: tuple(texts) for i, texts in loaded.phrasings.items()}
        declined[loaded.language] = tuple(loaded.declined)
    return found, declined


def _load_regional_safety(
    folder: Path, phrasings: dict[str, dict[str, tuple[str, ...]]], problems: list[Problem]
) -> dict[str, LanguageSafety]:
    """`safety/<language code>.yaml`: danger examples for a language that has phrasings."""
    found = {}
    for loaded, document in _load_folder(folder, LanguageSafety, problems):
        if loaded.language != document.file.stem or loaded.language not in phrasings:
            problems.append(
                Problem(
                    document.locate(("language",)),
                    f"language '{loaded.language}' in {document.file.name} has no phrasings",
                    "name the file safety/<code>.yaml after a phrasings/<code>.yaml",
                )
            )
            continue
        found[loaded.language] = loaded
    return found


def _load_translated_answers(
    folder: Path,
    entries: dict[str, Entry],
    translations: dict[str, Translation],
    phrasings: dict[str, dict[str, tuple[str, ...]]],
    problems: list[Problem],
) -> dict[str, dict[str, str]]:
    """`answers/<language code>.yaml`: answers a maintainer translated into that language."""
    found = {}
    for loaded, document in _load_folder(folder, TranslatedAnswers, problems):
        code = loaded.language
        translation = translations.get(code)
        has_phrasings = code in phrasings
        problems.extend(
            check_translated_answers(loaded, document, entries, translation, has_phrasings)
        )
        found[code] = dict(loaded.answers)
    return found


def _id_of(item: Any) -> str | None:
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None
