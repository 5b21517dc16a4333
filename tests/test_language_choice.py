"""/language: a chat chooses the language of the bot's words, kept by the chat's pseudonym only
and forgotten with the other records; without a choice the words follow each message (and, for
a command, the language the person's Telegram is set to, when the bot speaks it)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest

from bot import wording
from bot.callbacks import Action, Callback
from bot.cli import main
from bot.conversation import Conversation
from bot.intents import Intent
from bot.knowledge import ENGLISH, KnowledgeBase, check_knowledge
from bot.language_choice import FOLLOW_MESSAGES, RememberedLanguages
from bot.replies import Reply
from bot.store import DiscardJournal, StoreError
from bot.store.pseudonyms import Pseudonyms
from bot.store.sqlite import SqliteStore
from bot.store.sqlite_languages import SqliteLanguages
from bot.terminal import TerminalChat
from bot.views import keyboard, terminal_view
from bot.wording import FrontEnd
from tests.support.shipped import shipped_engine

CHAT = "chat-pseudonym"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


def conversation() -> Conversation:
    return Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)


def labels(reply: Reply) -> list[str]:
    return [button.label for row in keyboard(reply) for button in row]


def test_the_menu_offers_every_language_by_its_own_name(knowledge: KnowledgeBase) -> None:
    menu = conversation().language_menu()
    names = [
        "English",
        *(knowledge.translations[c].language for c in sorted(knowledge.translations)),
    ]
    assert menu.body == ENGLISH.language_menu
    assert labels(menu) == [*names, ENGLISH.language_follow_button]
    data = [b.callback.encode() for row in keyboard(menu) for b in row if b.callback]
    assert data[:2] == ["l:en", "l:fil"]
    assert data[-1] == f"l:{FOLLOW_MESSAGES}"


def test_a_choice_changes_every_word_of_the_chat_and_is_confirmed_in_it(
    knowledge: KnowledgeBase,
) -> None:
    talk = conversation()
    thai = knowledge.translations["th"].words
    chosen = talk.press(Callback(Action.LANGUAGE, "th"), chat_key=CHAT)
    assert chosen is not None
    assert chosen.body == thai.language_chosen
    language = talk.chosen_language(CHAT)
    assert language == "th"
    assert talk.help(language).body.startswith(thai.help.split("\n", 1)[0])
    assert talk.privacy(language).body == thai.privacy.format(retention=90)
    answered = talk.ask("who funded the report", language=language).reply
    assert answered.entry_id == "report-funding"
    assert thai.in_english not in answered.body, "asked in English: no note that it is English"
    assert thai.sources_button in labels(answered)
    assert "s:report-funding:th" in [
        b.callback.encode() for row in keyboard(answered) for b in row if b.callback
    ]
    declined = talk.ask("who won the football world cup", language=language).reply
    assert declined.body == thai.out_of_scope
    assert talk.chosen_language("another chat") is None, "a choice is the chat's alone"


def test_following_messages_again_is_confirmed_in_the_language_left(
    knowledge: KnowledgeBase,
) -> None:
    talk = conversation()
    talk.choose_language(CHAT, "vi")
    menu = talk.language_menu("vi")
    follow = [b.callback for row in keyboard(menu) for b in row if b.callback][-1]
    assert follow.encode() == f"l:{FOLLOW_MESSAGES}:vi"
    reply = talk.press(follow, chat_key=CHAT, language=talk.chosen_language(CHAT))
    assert reply is not None
    assert reply.body == knowledge.translations["vi"].words.language_follows
    assert talk.chosen_language(CHAT) is None
    assert talk.help(talk.chosen_language(CHAT)).body.startswith("**How to ask**")


def test_an_unknown_language_gets_the_menu_again() -> None:
    talk = conversation()
    reply = talk.choose_language(CHAT, "de")
    assert reply.body == ENGLISH.language_menu
    assert talk.chosen_language(CHAT) is None


def test_without_a_choice_the_words_follow_the_message(knowledge: KnowledgeBase) -> None:
    talk = conversation()
    vietnamese = talk.ask("ai tài trợ cho báo cáo này?").reply
    assert vietnamese.body.startswith(knowledge.translations["vi"].words.in_english)
    english = talk.ask("who funded the report").reply
    assert ENGLISH.sources_button in labels(english)


def test_a_chosen_language_still_gives_the_writer_the_safety_note_in_theirs(
    knowledge: KnowledgeBase,
) -> None:
    """A Thai plea in a chat that chose Vietnamese: the Thai note first, then the Vietnamese."""
    reply = conversation().ask("นายจ้างยึดพาสปอร์ตของฉัน ไม่ให้ออกจากบ้าน ช่วยด้วย", language="vi").reply
    thai, vietnamese = (knowledge.translations[c].words.danger for c in ("th", "vi"))
    assert reply.body.startswith(f"{thai}\n\n{vietnamese}")
    english_plea = conversation().ask("they took my passport and lock me in", language="vi")
    assert english_plea.reply.body.startswith(f"{ENGLISH.danger}\n\n{vietnamese}")


def test_a_button_replies_in_the_language_it_was_shown_in(knowledge: KnowledgeBase) -> None:
    talk = conversation()
    thai = knowledge.translations["th"].words
    none_of_these = talk.press(Callback(Action.NONE_OF_THESE, language="th"))
    assert none_of_these is not None
    assert none_of_these.body == thai.none_of_these
    sources = talk.press(Callback(Action.SOURCES, "report-funding", "th"))
    assert sources is not None
    assert sources.body.startswith(thai.sources)
    chosen_later = talk.press(Callback(Action.NONE_OF_THESE, language="th"), language="vi")
    assert chosen_later is not None
    assert chosen_later.body == knowledge.translations["vi"].words.none_of_these


@pytest.mark.parametrize(
    ("tag", "code"),
    [("th", "th"), ("id-ID", "id"), ("tl", "fil"), ("en-GB", "en"), ("de", None), (None, None)],
)
def test_a_command_follows_the_persons_telegram_language_when_served(
    tag: str | None, code: str | None
) -> None:
    talk = conversation()
    assert talk.command_language(None, tag) == code
    assert talk.command_language("vi", tag) == "vi", "a choice comes first"


def test_the_terminal_chat_has_language_too(knowledge: KnowledgeBase) -> None:
    chat = TerminalChat(
        Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TERMINAL),
        StringIO(),
        prompt=False,
    )
    menu = chat.respond("/language")
    assert menu is not None
    chat.show(menu)
    position = [o.argument for o in chat.options].index("km") + 1
    chosen = chat.respond(str(position))
    assert chosen is not None
    assert chosen.body == knowledge.translations["km"].words.language_chosen
    help_reply = chat.respond("/help")
    assert help_reply is not None
    khmer_help = knowledge.translations["km"].words.help_terminal
    assert terminal_view(help_reply).text.endswith(khmer_help)


# --- kept by the chat's pseudonym, forgotten with the records -------------------------------


def test_choices_are_kept_by_pseudonym_and_purged_with_the_records(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    store = SqliteStore(path)
    clock = [NOW - timedelta(days=100)]
    languages = SqliteLanguages(store, clock=lambda: clock[0])
    pseudonym = Pseudonyms(b"secret").chat(-1001234567890)
    languages.choose(pseudonym, "th")
    clock[0] = NOW
    languages.choose("recent", "vi")
    assert languages.chosen(pseudonym) == "th"
    store.purge(NOW - timedelta(days=90))
    assert languages.chosen(pseudonym) is None, "forgotten after the retention period"
    assert languages.chosen("recent") == "vi"
    languages.choose("recent", None)
    assert languages.chosen("recent") is None
    languages.choose(pseudonym, "km")
    store.close()
    with sqlite3.connect(path) as raw:
        rows = raw.execute("SELECT * FROM chat_languages").fetchall()
    assert len(rows) == 1
    assert "1234567890" not in repr(rows), "no chat id is kept"


def test_choices_in_memory_when_there_is_no_store() -> None:
    languages = RememberedLanguages()
    languages.choose("a", "th")
    assert (languages.chosen("a"), languages.chosen("b")) == ("th", None)
    languages.choose("a", None)
    assert languages.chosen("a") is None


# --- a new language ---------------------------------------------------------------------------


def test_a_new_language_starts_from_a_template_that_loads(tmp_path: Path) -> None:
    """`python -m bot words Tetun -o knowledge/i18n/tet.yaml`: every key, in English, with
    where it is shown; valid as it is, so a maintainer translates one text at a time."""
    root = tmp_path / "knowledge"
    shutil.copytree(shipped_engine().knowledge.root, root)
    target = root / "i18n" / "tet.yaml"
    assert main(["words", "Tetun", "-o", str(target)]) == 0
    assert main(["words", "Tetun", "-o", str(target)]) == 1, "an existing file is not replaced"
    text = target.read_text(encoding="utf-8")
    assert "# The safety note: not a reporting channel" in text
    knowledge, problems = check_knowledge(root)
    assert problems == []
    assert knowledge is not None
    assert knowledge.translations["tet"].language == "Tetun"
    assert knowledge.translations["tet"].words == ENGLISH


class BrokenStore:
    """A store that can be neither read nor written (locked, full, gone)."""

    def chosen(self, chat: str) -> str | None:
        raise StoreError("database is locked")

    def choose(self, chat: str, language: str | None) -> None:
        raise StoreError("database is locked")


def test_a_store_that_fails_loses_no_reply_and_claims_no_choice() -> None:
    talk = Conversation(
        shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM, languages=BrokenStore()
    )
    assert talk.chosen_language(CHAT) is None, "the words follow the message meanwhile"
    assert talk.choose_language(CHAT, "th").body == ENGLISH.sorry
    assert talk.ask("who funded the report", language=talk.chosen_language(CHAT)).reply.entry_id


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("Saya mau pakai bahasa Indonesia", "id"),
        ("boleh guna bahasa Melayu?", "ms"),
        ("ขอเป็นภาษาไทยได้ไหม", "th"),
        ("cho tôi dùng tiếng Việt", "vi"),
        ("can you answer in Tagalog please", "fil"),
    ],
)
def test_asking_for_a_language_gets_the_menu_in_it(
    knowledge: KnowledgeBase, message: str, code: str
) -> None:
    turn = conversation().ask(message)
    assert turn.intent is Intent.LANGUAGE_NAMED
    assert turn.reply.body == knowledge.translations[code].words.language_menu
    assert turn.reply.voice.code == code
    assert f"l:{code}:{code}" in [
        b.callback.encode() for row in keyboard(turn.reply) for b in row if b.callback
    ]


def test_asking_to_translate_says_the_answers_stay_in_english(knowledge: KnowledgeBase) -> None:
    """Found by trying the bot as a user: "translate that into thai please" got the menu alone,
    as if choosing Thai would translate the answer; the menu changes the bot's own words."""
    turn = conversation().ask("translate that into thai please", follows="uncac")
    assert turn.intent is Intent.LANGUAGE_NAMED
    menu = knowledge.translations["th"].words.language_menu
    assert turn.reply.body == f"{wording.LANGUAGES}\n\n{menu}"


@pytest.mark.parametrize(
    "message",
    [
        "Thai police corruption",  # a bare name is about the country, not a request
        "who funded the report in Thai",  # answerable: answered
        "tolong, paspor saya ditahan, saya cuma bisa bahasa Indonesia",  # danger comes first
    ],
)
def test_a_language_named_in_passing_is_not_a_request(message: str) -> None:
    turn = conversation().ask(message)
    assert turn.intent is not Intent.LANGUAGE_NAMED
