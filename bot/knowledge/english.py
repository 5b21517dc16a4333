"""The bot's words in English (`bot.wording`) as `BotWords`: what `knowledge/i18n/<code>.yaml`
translates, key for key, and what its checks compare a translation with."""

from __future__ import annotations

import json

import bot.wording as wording
from bot.knowledge.models import BotWords
from bot.knowledge.schema import SCHEMA_LINE

ENGLISH_CODE = "en"
ENGLISH_NAME = "English"

ENGLISH = BotWords(
    welcome=wording.WELCOME,
    help=wording.HELP,
    help_telegram=wording.HELP_TELEGRAM_ONLY,
    help_terminal=wording.HELP_TERMINAL_ONLY,
    commands={command.name: command.usage for command in wording.COMMANDS},
    about=wording.ABOUT,
    about_dated=wording.ABOUT_DATED,
    privacy=wording.PRIVACY,
    out_of_scope=wording.OUT_OF_SCOPE,
    unknown_words=wording.UNKNOWN_WORDS,
    no_help_with_crime=wording.NO_HELP_WITH_CRIME,
    empty=wording.EMPTY,
    not_english=wording.NOT_ENGLISH,
    did_you_mean=wording.DID_YOU_MEAN,
    none_of_these=wording.NONE_OF_THESE,
    none_of_these_button=wording.NONE_OF_THESE_BUTTON,
    sources_button=wording.SOURCES_BUTTON,
    sources=wording.SOURCES,
    sources_dated=wording.SOURCES_DATED,
    rated=wording.RATED,
    legal_note=wording.LEGAL_NOTE,
    danger=wording.DANGER,
    danger_title=wording.DANGER_TITLE,
    greeting=wording.GREETING,
    thanks=wording.THANKS,
    languages=wording.LANGUAGES,
    human=wording.HUMAN,
    more_about=wording.MORE_ABOUT,
    topics=wording.TOPICS,
    back_to_topics_button=wording.BACK_TO_TOPICS_BUTTON,
    expired=wording.EXPIRED,
    unknown_entry=wording.UNKNOWN_ENTRY,
    unknown_command=wording.UNKNOWN_COMMAND,
    non_text=wording.NON_TEXT,
    ask_usage=wording.ASK_USAGE,
    sorry=wording.SORRY,
    slow_down=wording.SLOW_DOWN,
    group_busy=wording.GROUP_BUSY,
    in_english=wording.IN_ENGLISH,
    language_menu=wording.LANGUAGE_MENU,
    language_chosen=wording.LANGUAGE_CHOSEN,
    language_follow_button=wording.LANGUAGE_FOLLOW_BUTTON,
    language_follows=wording.LANGUAGE_FOLLOWS,
    disclaimer=wording.DISCLAIMER,
    handout_title=wording.HANDOUT_TITLE,
    handout_scan=wording.HANDOUT_SCAN,
    handout_links=wording.HANDOUT_LINKS,
    handout_no_qr=wording.HANDOUT_NO_QR,
    handout_full_answer=wording.HANDOUT_FULL_ANSWER,
    handout_in_english=wording.HANDOUT_IN_ENGLISH,
)


def words_template(language: str) -> str:
    """A new `i18n/<code>.yaml` to translate: every key, with where it is shown and its
    English text, for `words` and `back_translation` alike; it loads as it is."""
    words = [_keyed(name, getattr(ENGLISH, name)) for name in BotWords.model_fields]
    listed = "\n".join(line for block in words if block for line in block)
    return (
        f"{SCHEMA_LINE}../schema/i18n.schema.json\n"
        "# The bot's words in one more language: translate each text under `words`, then have\n"
        "# someone who did not see the English put it back into English under\n"
        "# `back_translation`. Keep every {placeholder}, number, /command and **bold** part.\n"
        f"language: {json.dumps(language, ensure_ascii=False)}\n"
        "# How people ask for the language ('bahasa Indonesia', 'in Indonesian'), not bare names\n"
        "names: []\n"
        f"words:\n{_indented(listed)}\n"
        f"back_translation:\n{_indented(listed)}\n"
    )


def _keyed(name: str, value: str | dict[str, str] | None) -> list[str]:
    if value is None:
        return []
    comment = f"# {BotWords.model_fields[name].description}"
    if isinstance(value, dict):
        lines = [f"{key}: {json.dumps(text, ensure_ascii=False)}" for key, text in value.items()]
        return [comment, f"{name}:", *(f"  {line}" for line in lines)]
    if "\n" in value:
        return [
            comment,
            f"{name}: |-",
            *(f"  {line}" if line else "" for line in value.split("\n")),
        ]
    return [comment, f"{name}: {json.dumps(value, ensure_ascii=False)}"]


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.split("\n"))
