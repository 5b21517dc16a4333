"""The language the bot speaks in a reply: English (`bot.wording`), or a translation from
`knowledge/i18n/<code>.yaml` with the same keys.

Which one a chat reads is chosen with /language, or else follows each message's language;
the answers themselves stay in English unless a maintainer translated them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import wording
from bot.knowledge import ENGLISH, ENGLISH_CODE, ENGLISH_NAME, BotWords, KnowledgeBase, fold
from bot.wording import FrontEnd

__all__ = ["ENGLISH", "ENGLISH_CODE", "ENGLISH_VOICE", "Voice", "command_list", "voice_in"]

# Telegram's language_code is an IETF tag; these name a served language another way
_TAG_ALIASES = {"tl": "fil", "in": "id", "zsm": "ms"}
# setMyCommands takes a two-letter ISO 639-1 code: Filipino has none, Tagalog's stands for it
_MENU_TAGS = {"fil": "tl"}


@dataclass(frozen=True, slots=True)
class Voice:
    """The bot's words in one language, with its code and its own name."""

    code: str
    name: str
    words: BotWords

    @property
    def english(self) -> bool:
        return self.code == ENGLISH_CODE


ENGLISH_VOICE = Voice(ENGLISH_CODE, ENGLISH_NAME, ENGLISH)


def voice_in(knowledge: KnowledgeBase, code: str | None) -> Voice:
    """The words in that language; English for English, for none, and for a language the
    knowledge base has no words in (any more, after an edit)."""
    translation = knowledge.translations.get(code) if code else None
    if code is None or translation is None:
        return ENGLISH_VOICE
    return Voice(code, translation.language, translation.words)


def voices(knowledge: KnowledgeBase) -> tuple[Voice, ...]:
    """Every language the bot's words are in, English first."""
    return (ENGLISH_VOICE, *(voice_in(knowledge, code) for code in sorted(knowledge.translations)))


def named_language(knowledge: KnowledgeBase, text: str) -> str | None:
    """The one language the bot has words in that a message asks for ("pakai bahasa
    Indonesia", "ขอเป็นภาษาไทย", "in Thai please"), if it asks for exactly one: by one of the
    phrases its i18n file lists under `names`, as whole words (in scripts without spaces,
    anywhere)."""
    folded = f" {fold(text)} "
    named = {
        code
        for code, translation in knowledge.translations.items()
        for name in translation.names
        if _names(folded, fold(name))
    }
    return named.pop() if len(named) == 1 else None


def _names(folded: str, name: str) -> bool:
    if not name:
        return False
    if name.isascii():
        return f" {name} " in folded
    return name in folded


def served(knowledge: KnowledgeBase, tag: str | None) -> str | None:
    """The code of the served language a Telegram `language_code` ("th", "id-ID") names, if
    any: a hint for commands, which have no text to tell the language by."""
    if not tag:
        return None
    base = tag.lower().replace("_", "-").split("-", 1)[0]
    code = _TAG_ALIASES.get(base, base)
    return code if code == ENGLISH_CODE or code in knowledge.translations else None


def command_list(words: BotWords, front_end: FrontEnd) -> str:
    """The commands as bullets, /start left out: whoever reads this has started already."""
    return "\n".join(
        f"- {words.commands[c.name]}" for c in wording.commands_for(front_end) if c.name != "start"
    )


def command_menus(knowledge: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    """Telegram's commands menu in each language the bot's words are in, by the two-letter code
    Telegram shows it for: each command with its line of /help, less the command itself
    ("/topics: ดูรายการคำถาม" gives "ดูรายการคำถาม")."""
    menus = {}
    for code, translation in sorted(knowledge.translations.items()):
        tag = _MENU_TAGS.get(code, code)
        if len(tag) != 2:  # no code Telegram takes: its people see the English menu
            continue
        lines = translation.words.commands
        menus[tag] = [(c.name, _description(lines[c.name])) for c in wording.COMMANDS]
    return menus


def _description(line: str) -> str:
    _, _, description = line.partition(": ")
    text = (description or line).strip()
    return text[:1].upper() + text[1:]
