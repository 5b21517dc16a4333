"""Messages the bot cannot read yet: in the region's languages, the reply says in the message's
language that it reads English only for now, and gives the safety note; the translations add
nothing the English does not say."""

from __future__ import annotations

import pytest

from bot import wording
from bot.conversation import Conversation
from bot.knowledge import KnowledgeBase, check_knowledge
from bot.languages import probable_languages
from bot.store import DiscardJournal
from bot.wording import FrontEnd
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine

SERVED = ("id", "ms", "th", "vi", "fil", "km", "my")


@pytest.fixture
def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


@pytest.mark.parametrize(
    ("message", "languages"),
    [
        ("รายงานนี้เกี่ยวกับอะไร", ("th",)),
        ("នរណាជាអ្នកផ្តល់មូលនិធិ", ("km",)),
        ("ဒီအစီရင်ခံစာက ဘာအကြောင်းလဲ", ("my",)),
        ("Báo cáo này nói về điều gì?", ("vi",)),
        ("apa itu UNCAC dan siapa yang menulis laporan ini", ("id", "ms")),
        ("ano ang UNCAC at bakit mahalaga ito", ("fil",)),
        ("who funded the research", ()),
        ("Was ist das?", ()),
    ],
)
def test_the_regions_languages_are_recognised(message: str, languages: tuple[str, ...]) -> None:
    assert probable_languages(message) == languages


def test_every_served_language_has_the_safety_note(knowledge: KnowledgeBase) -> None:
    assert set(knowledge.translations) == set(SERVED)
    for translation in knowledge.translations.values():
        assert "**" in translation.danger
        assert "/topics" in translation.not_english


@pytest.mark.parametrize("code", ["th", "km", "my", "vi"])
def test_a_message_in_the_regions_languages_gets_its_language_and_the_note(
    knowledge: KnowledgeBase, code: str
) -> None:
    message = {
        "th": "หนังสือเดินทางของฉันถูกยึดไป ช่วยด้วย",
        "km": "គេយកលិខិតឆ្លងដែនរបស់ខ្ញុំ",
        "my": "ကျွန်တော့် နိုင်ငံကူးလက်မှတ်ကို သူတို့ယူသွားတယ်",
        "vi": "Họ đã lấy hộ chiếu của tôi",
    }[code]
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)
    body = conversation.ask(message).reply.body
    translation = knowledge.translations[code]
    assert body.startswith(translation.not_english)
    assert translation.danger in body
    assert body.endswith(wording.NOT_ENGLISH), "then in English"


def test_indonesian_and_malay_are_both_given(knowledge: KnowledgeBase) -> None:
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)
    body = conversation.ask("apa itu korupsi dan siapa yang menulis laporan ini").reply.body
    assert knowledge.translations["id"].danger in body
    assert knowledge.translations["ms"].danger in body


def test_a_language_without_words_gets_english_and_the_safety_note() -> None:
    conversation = Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)
    body = conversation.ask("什么是腐败?").reply.body
    assert body == f"{wording.NOT_ENGLISH}\n\n{wording.DANGER}"


@pytest.mark.parametrize(
    ("danger", "not_english", "problem"),
    [
        ("Call **110** now.", "English only: /topics", "number, address or account"),
        ("Visit https://example.org, **not a channel**", "English only: /topics", "number"),
        ("Not a reporting channel.", "English only: /topics", "bold"),
        ("**Not a reporting channel.**", "English only.", "/topics"),
    ],
)
def test_a_translation_adds_nothing(
    write_knowledge: WriteKnowledge, danger: str, not_english: str, problem: str
) -> None:
    text = (
        f'language: "Test"\nnot_english: "{not_english}"\ndanger: "{danger}"\n'
        'back_translation:\n  not_english: "x"\n  danger: "y"\n'
    )
    root = write_knowledge([entry("alpha")], **{"i18n/xx.yaml": text})
    knowledge, problems = check_knowledge(root)
    assert knowledge is None
    assert any(problem in p.message for p in problems), problems
