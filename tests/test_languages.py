"""The region's languages: a message in Indonesian, Malay, Thai, Vietnamese, Filipino, Khmer or
Burmese is matched on that language's phrasings and answered with the English entry, with the
bot's words in the message's language; the safety note comes first whenever the writer may be
in danger. The translations and phrasings add nothing the English does not say."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from unittest.mock import ANY

import pytest
import yaml

from bot import wording
from bot.conversation import Conversation, Turn
from bot.engine import AnswerEngine
from bot.intents import Intent, SmallTalk, regional_small_talk
from bot.intents.about_the_bot import (
    ASKED_FROM,
    CLEAR_FROM,
    CLEAR_LEAD,
    QuestionsAboutTheBot,
    names_the_bot,
)
from bot.intents.regional import RegionalDanger
from bot.knowledge import (
    ENGLISH,
    AboutTheBotKind,
    AskedAboutTheBot,
    Glossary,
    GlossaryTerm,
    KnowledgeBase,
    check_knowledge,
    fold,
    load_knowledge,
)
from bot.languages import looks_english, probable_languages
from bot.matching import COMMON_WORDS, Candidate, Decision, Match, no_longer_than
from bot.matching.language_id import as_likely
from bot.matching.regional import RegionalIndex
from bot.replies import ReplyKind, in_language
from bot.store import DiscardJournal
from bot.views import keyboard
from bot.wording import FrontEnd
from bot.words import voice_in
from tests.support.journal import RecordingJournal
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine
from tests.support.words import words_file

SERVED = ("id", "ms", "th", "vi", "fil", "km", "my")


@pytest.fixture
def knowledge() -> KnowledgeBase:
    return shipped_engine().knowledge


def conversation() -> Conversation:
    return Conversation(shipped_engine(), DiscardJournal(), FrontEnd.TELEGRAM)


@pytest.mark.parametrize(
    ("message", "languages"),
    [
        ("รายงานนี้เกี่ยวกับอะไร", ("th",)),
        ("នរណាជាអ្នកផ្តល់មូលនិធិ", ("km",)),
        ("ဒီအစီရင်ခံစာက ဘာအကြောင်းလဲ", ("my",)),
        ("Báo cáo này nói về điều gì?", ("vi",)),
        ("bao cao nay noi ve dieu gi", ("vi",)),  # typed without tones
        ("apa itu UNCAC dan siapa yang menulis laporan ini", ("id", "ms")),
        ("laporan ni cakap pasal apa, tak faham", ("ms", "id")),
        # Malaysia's spelling of passport (2026-12-03): read by the Indonesian detector, a plea
        # about a sister's passport lost its note
        ("majikan simpan pasport kakak saya, normal ke?", ("ms", "id")),
        ("ano ang UNCAC at bakit mahalaga ito", ("fil",)),
        ("my majikan took my passport and has not paid me", ()),  # English with a Malay word
        ("who funded the research", ()),
        ("Was ist das?", ()),
    ],
)
def test_the_regions_languages_are_recognised(message: str, languages: tuple[str, ...]) -> None:
    assert probable_languages(message) == languages


@pytest.mark.parametrize(
    ("message", "also"),
    [
        ("apa itu UNCAC dan siapa yang menulis laporan ini", ("ms",)),  # no word tells them
        ("laporan ni cakap pasal apa, tak faham", ()),  # Malay's own words
        ("gimana sih cara bikin laporan", ()),  # Indonesian's own
        ("bao cao nay noi ve dieu gi", ()),
        ("who funded the research", ()),
    ],
)
def test_malay_is_as_likely_as_indonesian_when_no_word_tells_them_apart(
    message: str, also: tuple[str, ...]
) -> None:
    assert as_likely(message, probable_languages(message)) == also


def test_a_plea_that_no_word_places_in_indonesian_or_malay_is_read_in_both() -> None:
    """Named Indonesian by default, it gets the note when either detector reads danger: the
    default must not decide a person's safety. Each detector alone differs on it."""
    reader = shipped_engine().reader
    plea = "mereka ambil semua dokumen saya"  # they took all my documents
    assert reader.regional_danger("id", plea) != reader.regional_danger("ms", plea)
    assert reader.regional_danger("id", plea, ("ms",))
    assert reader.regional_danger("ms", plea, ("id",))
    turn = conversation().ask(plea)
    assert turn.match.as_likely == ("ms",)
    assert turn.safety_first
    # a question about the report in the same undecided words is still no plea
    question = "siapa yang menulis laporan ini dan apa isinya?"
    assert turn.match.language in ("id", "ms")
    assert not reader.regional_danger("id", question, ("ms",))


def test_a_languages_own_texts_teach_the_words_it_is_told_by() -> None:
    """Words in three or more of a language's texts and in no English one; Indonesian and
    Malay share theirs."""
    texts = {
        "id": ["aku kena pukul", "bos pukul aku", "aku takut", "report aku", "report", "report"],
        "ms": ["aku kena tahan", "aku lari", "aku takut lagi"],
        "fil": ["sinaktan ako", "sinaktan kami", "po"],
    }
    words = COMMON_WORDS.learning(texts, english=["report"])
    assert "aku" in words.malay_indonesian  # in four Indonesian texts and three Malay ones
    assert "aku" not in words.indonesian
    assert "aku" not in words.malay
    assert "report" not in words.indonesian  # English uses it
    assert "pukul" not in words.indonesian  # in two texts only
    assert "takut" not in words.malay_indonesian  # in one of each
    assert "sinaktan" not in words.filipino
    assert COMMON_WORDS.indonesian <= words.indonesian  # the lists stay
    assert probable_languages("aku takut", words) == ("id", "ms")
    assert probable_languages("aku takut") == ()


def test_folding_keeps_the_vowels_of_thai_and_drops_the_tones_of_vietnamese() -> None:
    assert fold("รายงานนี้เกี่ยวกับอะไร?") == "รายงานนี้เกี่ยวกับอะไร"
    assert fold("Báo cáo này nói về gì? Đúng!") == "bao cao nay noi ve gi dung"


def test_every_served_language_has_its_words_and_phrasings(knowledge: KnowledgeBase) -> None:
    assert set(knowledge.translations) == set(SERVED)
    assert set(knowledge.phrasings) == set(SERVED)
    entry_ids = {e.id for e in knowledge.entries}
    for code in SERVED:
        words = knowledge.translations[code].words
        assert "**" in words.danger
        assert "/topics" in words.none_of_these
        assert words.welcome != ENGLISH.welcome, code
        phrasings = knowledge.phrasings[code]
        assert set(phrasings) == entry_ids, code
        assert min(len(texts) for texts in phrasings.values()) >= 3, code


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("fil", "sino ang nagpondo sa pananaliksik?"),
        ("vi", "ai tài trợ cho báo cáo này?"),
        ("vi", "ai tai tro cho bao cao nay"),
        ("my", "ဒီအစီရင်ခံစာကို ဘယ်သူ ငွေကြေးထောက်ပံ့ခဲ့လဲ"),
    ],
)
def test_a_question_in_the_regions_languages_gets_the_english_answer_said_so(
    knowledge: KnowledgeBase, code: str, message: str
) -> None:
    turn = conversation().ask(message)
    assert turn.match.language == code
    assert turn.reply.kind is ReplyKind.ANSWER
    assert turn.reply.entry_id == "report-funding"
    words = knowledge.translations[code].words
    assert turn.reply.body.startswith(words.in_english)
    assert turn.reply.body.endswith(knowledge.entry("report-funding").answer)
    assert words.sources_button in [button.label for row in keyboard(turn.reply) for button in row]


def test_an_unsure_match_offers_choices_in_its_language(knowledge: KnowledgeBase) -> None:
    candidates = (Candidate("report-funding", 0.4), Candidate("report-authors", 0.38))
    unsure = Match("siapa yang membayar?", Decision.CLARIFY, 0.4, candidates, language="id")
    indonesian = voice_in(knowledge, "id")
    words = indonesian.words
    reply = in_language(knowledge, unsure, indonesian, safety_first=False)
    assert reply.kind is ReplyKind.CLARIFY
    assert reply.body == words.did_you_mean
    assert [choice.entry_id for choice in reply.choices] == ["report-funding", "report-authors"]
    assert [row[0].label for row in keyboard(reply)][-1] == words.none_of_these_button
    noted = in_language(knowledge, unsure, indonesian, safety_first=True)
    assert noted.body == f"{words.danger}\n\n{words.did_you_mean}"


def test_an_out_of_scope_question_is_declined_in_its_language(knowledge: KnowledgeBase) -> None:
    turn = conversation().ask("Berapa harga tiket pesawat Jakarta ke Denpasar hari ini?")
    assert turn.reply.kind is ReplyKind.NONE
    assert turn.reply.body.endswith(knowledge.translations["id"].words.out_of_scope)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("ms", "paspor saya ditahan majikan, saya tidak boleh keluar rumah, tolong"),
        ("fil", "kinuha ng amo ko ang passport ko at ayaw ibalik"),
        ("vi", "họ giữ hộ chiếu của tôi và không cho tôi về nhà"),
    ],
)
def test_a_person_in_danger_gets_the_safety_note_first_in_their_language(
    knowledge: KnowledgeBase, code: str, message: str
) -> None:
    turn = conversation().ask(message)
    assert turn.intent is Intent.DANGER
    assert turn.reply.body.startswith(knowledge.translations[code].words.danger)


def test_a_plea_nothing_answers_gets_the_note_alone_as_in_english(
    knowledge: KnowledgeBase,
) -> None:
    """Found by trying the bot as a user: after the note came "I don't have an answer to that",
    example questions and the topics, which an English plea never gets."""
    turn = conversation().ask("paspor saya ditahan majikan, saya tidak bisa pulang")
    assert (turn.intent, turn.match.decision) == (Intent.DANGER, Decision.NONE)
    assert turn.reply.body == knowledge.translations["id"].words.danger
    assert (turn.reply.choices, turn.reply.topics) == ((), ())


def test_a_language_without_danger_examples_gets_the_note_with_every_message(
    write_knowledge: WriteKnowledge,
) -> None:
    words = words_file(danger="**Hindi ito daluyan ng pag-uulat.**")
    phrasings = (
        "language: fil\nphrasings:\n"
        "  alpha: [sino ang sumulat ng ulat, sino ang may akda, ano ang alpha]\n"
    )
    root = write_knowledge(
        [entry("alpha")], **{"i18n/fil.yaml": words, "phrasings/fil.yaml": phrasings}
    )
    turn = Conversation(AnswerEngine.load(root), DiscardJournal(), FrontEnd.TELEGRAM).ask(
        "sino ang sumulat ng ulat?"
    )
    assert turn.match.language == "fil"
    assert turn.intent is Intent.REGIONAL_LANGUAGE
    assert turn.safety_first
    assert turn.reply.body.startswith("**Hindi ito daluyan ng pag-uulat.**")


def test_a_plea_that_asks_nothing_gets_the_note_alone() -> None:
    """Found in a user trial (2026-12-02, fourth part): after the note, the entry on the fishing
    industry, whose words the plea shares, read as unkind; English gives a plea the note
    alone."""
    plea = "tolong, saya dikurung atas bot nelayan dan tekong pukul kami"
    turn = conversation().ask(plea)
    assert turn.safety_first
    assert turn.reply.entry_id is None
    asked = conversation().ask(f"{plea}. Apakah industri perikanan dibahas dalam laporan?")
    assert asked.safety_first


def test_a_wish_to_report_someone_gets_the_note_alone() -> None:
    """As in English: the entries share the words of what would be reported."""
    turn = conversation().ask("Gusto kong i-report ang pulis na tumatanggap ng suhol")
    assert turn.safety_first
    assert turn.reply.entry_id is None
    assert turn.reply.kind is ReplyKind.TEXT


def test_an_ordinary_question_does_not_get_the_safety_note(knowledge: KnowledgeBase) -> None:
    turn = conversation().ask("ai tài trợ cho báo cáo này?")
    assert not turn.safety_first
    assert knowledge.translations["vi"].words.danger not in turn.reply.body


def test_a_did_you_mean_in_the_regions_languages_is_not_kept_for_its_buttons(
    knowledge: KnowledgeBase,
) -> None:
    """A press of "None of these" or of a choice is recorded with the question it was offered
    for, which a front end keeps from `Turn.text_kept`: nothing, in these languages."""
    candidates = (Candidate("report-funding", 0.4), Candidate("report-authors", 0.38))
    regional = Match("siapa yang membayar?", Decision.CLARIFY, 0.4, candidates, language="id")
    reply = in_language(knowledge, regional, voice_in(knowledge, "id"), safety_first=False)
    assert Turn(reply, None, regional).text_kept is None
    english = replace(regional, question="who paid?", language=None)
    assert Turn(reply, None, english).text_kept == "who paid?"
    assert Turn(reply, Intent.DANGER, english).text_kept is None


def test_the_text_of_a_message_in_the_regions_languages_is_not_kept() -> None:
    journal = RecordingJournal()
    Conversation(shipped_engine(), journal, FrontEnd.TELEGRAM).ask("ai tài trợ cho báo cáo này?")
    (asked,) = journal.questions
    assert asked.text is None
    assert asked.entry_id == "report-funding"


@pytest.mark.parametrize(
    ("message", "code", "intent"),
    [
        ("terima kasih banyak ya", "id", Intent.THANKS),
        ("Salamat po!", "fil", Intent.THANKS),
        ("xin chào", "vi", Intent.GREETING),
        ("ขอบคุณครับ", "th", Intent.THANKS),
        ("សួស្តី", "km", Intent.GREETING),
    ],
)
def test_greetings_and_thanks_are_answered_in_their_language(
    knowledge: KnowledgeBase, message: str, code: str, intent: Intent
) -> None:
    journal = RecordingJournal()
    turn = Conversation(shipped_engine(), journal, FrontEnd.TELEGRAM).ask(message)
    words = knowledge.translations[code].words
    assert turn.intent is intent
    assert turn.reply.body == (words.greeting if intent is Intent.GREETING else words.thanks)
    (asked,) = journal.questions
    assert (asked.text, asked.language) == (None, code)


@pytest.mark.parametrize(
    "message",
    [
        "halo, siapa penulis laporan ini dan kapan terbit?",  # a question after the greeting
        "paspor saya ditahan, terima kasih",  # a plea that ends with thanks
        "chaos in the region",
        # a question written without spaces after the greeting (found by trying the bot as a
        # user, 2026-12-01: only the greeting was answered)
        "สวัสดีค่ะ อยากทราบว่าการลักลอบขนคนกับการค้ามนุษย์ต่างกันอย่างไรคะ",
    ],
)
def test_a_message_that_only_starts_like_small_talk_is_not_small_talk(message: str) -> None:
    assert regional_small_talk(message) is None


def test_a_language_without_words_gets_english_and_the_safety_note() -> None:
    body = conversation().ask("什么是腐败?").reply.body
    assert body == f"{wording.NOT_ENGLISH}\n\n{wording.DANGER}"


def test_phrasings_match_without_spaces_tones_or_the_same_words() -> None:
    index = RegionalIndex(
        {
            "funding": ["ใครเป็นผู้ให้ทุนรายงานนี้", "ai tài trợ cho báo cáo này"],
            "authors": ["ใครเขียนรายงานนี้", "ai viết báo cáo này"],
        },
        ["funding", "authors"],
    )
    assert index.entry_scores("ผู้ให้ทุนของรายงาน").argmax() == 0
    assert index.entry_scores("ai viet bao cao").argmax() == 1


def test_questions_to_decline_score_together_as_one_more_entry() -> None:
    index = RegionalIndex(
        {"borders": ["suap di perbatasan", "petugas imigrasi disuap penyelundup"]},
        ["borders"],
        declined=["syarat jadi petugas imigrasi", "gaji petugas imigrasi berapa"],
    )
    asked = "apa syarat jadi petugas imigrasi?"
    assert index.declined_score(asked) > index.entry_scores(asked).max()
    bribed = "petugas imigrasi disuap?"
    assert index.declined_score(bribed) < index.entry_scores(bribed).max()
    assert RegionalIndex({"borders": ["suap"]}, ["borders"]).declined_score(asked) == 0.0


def test_a_question_nearer_to_those_to_decline_is_declined(
    write_knowledge: WriteKnowledge,
) -> None:
    """Found in fresh development sets (2026-12-02, fourth part): the requirements to become an
    immigration officer, the best recruitment agency or the papers for a new passport share the
    words of an entry, and were answered with it."""
    phrasings = (
        "language: id\nphrasings:\n"
        "  alpha: [petugas imigrasi disuap, suap di perbatasan, penyelundup menyuap petugas]\n"
        "declined: [syarat jadi petugas imigrasi, gaji petugas imigrasi berapa]\n"
    )
    root = write_knowledge(
        [entry("alpha"), entry("beta")],
        **{"i18n/id.yaml": words_file(), "phrasings/id.yaml": phrasings},
    )
    engine = AnswerEngine.build(load_knowledge(root))
    assert engine.knowledge.regional_declined["id"] == (
        "syarat jadi petugas imigrasi",
        "gaji petugas imigrasi berapa",
    )
    assert engine.matcher.match("apa syarat jadi petugas imigrasi?").decision is Decision.NONE
    bribed = engine.matcher.match("apakah petugas imigrasi disuap penyelundup?")
    assert (bribed.decision, bribed.answer_id) == (Decision.ANSWER, "alpha")


def test_a_question_to_decline_is_no_phrasing(write_knowledge: WriteKnowledge) -> None:
    phrasings = (
        "language: xx\nphrasings:\n  alpha: [alpha satu, alpha dua, alpha tiga]\n"
        "declined: [beta satu, Alpha dua]\n"
    )
    problems = _problems(write_knowledge, **{"phrasings/xx.yaml": phrasings})
    assert "xx.yaml:5: 'Alpha dua' is to be declined and a phrasing of 'alpha'" in problems


def test_a_phrasing_naming_another_acronym_counts_for_less() -> None:
    phrasings = {
        "unodc": ["apa itu UNODC", "UNODC tugasnya apa sih?"],
        "uncac": ["UNCAC itu konvensi apa ya?", "sbnrnya UNCAC itu ngatur apa aja sih?"],
    }
    entry_ids = ["unodc", "uncac"]
    # the n-grams alone: "apa itu" and "UN..C" make the other organisation the nearest
    assert RegionalIndex(phrasings, entry_ids).entry_scores("apa itu UNCAC?").argmax() == 0
    named = RegionalIndex(phrasings, entry_ids, ["UNODC", "UNCAC"])
    assert named.entry_scores("apa itu UNCAC?").argmax() == 1
    assert named.entry_scores("apa itu UNODC?").argmax() == 0
    # glued to a script without spaces, the acronym is still read
    assert named.entry_scores("UNCACคืออะไร").argmax() == 1


def test_a_short_acronym_counts_only_in_capitals() -> None:
    """Vietnamese typed without tones has "som" (sớm, early) and "tip" for other words."""
    phrasings = {"som": ["SOM là gì?"], "uncac": ["UNCAC là gì?", "nước nào phê chuẩn sớm nhất"]}
    plain = RegionalIndex(phrasings, ["som", "uncac"])
    named = RegionalIndex(phrasings, ["som", "uncac"], ["SOM", "UNCAC"])
    for text in ("nuoc nao phe chuan som nhat", "nước nào phê chuẩn sớm nhất"):
        assert named.entry_scores(text).tolist() == plain.entry_scores(text).tolist()
    assert named.entry_scores("SOM la gi").argmax() == 0


def test_the_glossarys_acronyms_are_its_forms_in_capitals() -> None:
    glossary = Glossary(
        terms=[
            GlossaryTerm(term="UNCAC", variants=["Convention against Corruption"]),
            GlossaryTerm(term="smuggling of migrants", variants=["SOM", "people smuggling"]),
            GlossaryTerm(term="Bali Process", variants=["the Bali Process"]),
        ]
    )
    assert glossary.acronyms == {"UNCAC", "SOM"}


def test_a_question_about_the_bot_is_read_by_its_nearest_phrasing() -> None:
    asked = QuestionsAboutTheBot(
        [
            AskedAboutTheBot(
                about_bot=["siapa yang membuat bot ini?", "bot ini resmi atau tidak?"],
                privacy=["apakah pesan saya disimpan?"],
                about_the_report=["siapa yang membuat laporan ini?"],
            )
        ]
    )
    assert asked.read("yang bikin bot ini siapa ya") == (SmallTalk.ABOUT_BOT, ANY)
    assert asked.read("pesan-pesan saya disimpan nggak?") == (SmallTalk.PRIVACY, ANY)
    # the same frame about the report is no question about the bot
    assert asked.read("yang membuat laporan ini siapa?") is None
    assert QuestionsAboutTheBot([]).read("siapa yang membuat bot ini?") is None


def test_a_message_that_names_the_bot_asks_about_it() -> None:
    """Naming the bot outweighs sharing a question about the report's frame, and a lower
    score will do; a message naming neither needs the usual one."""
    asked = QuestionsAboutTheBot(
        [
            AskedAboutTheBot(
                about_bot=["siapa yang membuat bot ini?"],
                privacy=["apakah pesan saya disimpan?"],
                about_the_report=["apakah laporan ini resmi dari UNODC?"],
            )
        ]
    )
    official = "bot ini resmi dari UNODC?"
    assert asked.read(official) is None  # nearest the question about the report
    assert asked.read(official, named=True) == (SmallTalk.ABOUT_BOT, ANY)
    assert asked.ask(official, 0.0, scored_alike=False) is SmallTalk.ABOUT_BOT
    assert asked.ask("ini resmi dari UNODC?", 0.0, scored_alike=False) is None
    assert names_the_bot("ban la AI a?")
    assert names_the_bot("บอทนี้เก็บข้อมูลเราไหม")
    assert names_the_bot("is this chatbot official")
    assert names_the_bot("will anyone else see this chat?")  # the chat with it
    assert names_the_bot("chat ini aman ga?")
    assert names_the_bot("แชทนี้เป็นส่วนตัวไหม")
    assert not names_the_bot("can i chat with someone from unodc")
    # "ai" is Vietnamese for who; "bột" is flour; "robotics" and "both" are other words
    assert not names_the_bot("ai viết báo cáo này?")
    assert not names_the_bot("bột mì giá bao nhiêu")
    assert not names_the_bot("both protocols")
    assert not names_the_bot("saya kerja atas bot nelayan")  # Malay: a fishing boat
    assert not names_the_bot("anak saya lari dari bot, dia selamat ke?")
    assert names_the_bot("are you an AI or is someone from UNODC typing these answers")
    assert not names_the_bot("how do traffickers use AI to find victims?")  # a subject
    assert not names_the_bot("my chat with the recruiter on facebook seemed odd")


def test_a_clear_lead_over_every_entry_asks_about_the_bot_in_the_regions_languages() -> None:
    """A score under the usual threshold, half again an entry's scored the same way, will do;
    an English entry's score, reckoned otherwise, gives no such lead."""
    asked = QuestionsAboutTheBot(
        [
            AskedAboutTheBot(
                privacy=["บอทเก็บข้อความของเราไว้ไหมครับ"],  # does the bot keep our messages?
                about_bot=["siapa yang membuat bot ini?"],
            )
        ]
    )
    text = "ข้อความที่พิมพ์ไปถูกเก็บไว้ไหม"  # are the messages typed kept?
    found = asked.read(text)
    assert found is not None
    kind, score = found
    assert kind is SmallTalk.PRIVACY
    assert CLEAR_FROM <= score < ASKED_FROM
    assert asked.ask(text, score / CLEAR_LEAD, scored_alike=True) is SmallTalk.PRIVACY
    assert asked.ask(text, score / CLEAR_LEAD + 0.01, scored_alike=True) is None
    assert asked.ask(text, 0.0, scored_alike=False) is None


def test_each_kind_of_question_about_the_bot_is_a_kind_of_small_talk() -> None:
    kinds = {kind.value for kind in AboutTheBotKind}
    assert set(AskedAboutTheBot.model_fields) == kinds | {"about_the_report"}
    assert kinds <= {talk.value for talk in SmallTalk}


def test_questions_about_the_bot_get_its_own_answer_in_their_language() -> None:
    talk = conversation()
    official = talk.ask("bot ini resmi dari UNODC bukan sih?")
    assert official.intent is Intent.ABOUT_BOT
    assert official.reply.body.startswith(voice_in(talk.engine.knowledge, "id").words.about[:20])
    assert talk.ask("mesej saya disimpan ke tak?").intent is Intent.PRIVACY
    assert talk.ask("bạn là người thật hay máy vậy?").intent is Intent.HUMAN
    # a question about the report in the same words is matched as one
    report = talk.ask("siapa yang menulis laporan ini?")
    assert report.intent is None
    assert report.match.candidates[0].entry_id == "report-authors"


def test_a_thai_question_that_names_the_bot_gets_its_own_answer() -> None:
    # "does this bot remember our usernames?": nearer no phrasing than the usual threshold
    talk = conversation()
    turn = talk.ask("บอทนี้จำชื่อผู้ใช้ของเราไว้หรือเปล่า")
    assert turn.intent is Intent.PRIVACY
    assert turn.reply.body.startswith(voice_in(talk.engine.knowledge, "th").words.privacy[:20])


def test_a_person_in_danger_asking_about_the_bot_gets_the_safety_note_first() -> None:
    turn = conversation().ask("tolong, paspor saya ditahan majikan. bot ini bisa bantu saya?")
    assert turn.safety_first


def test_a_plea_in_another_language_among_english_sentences_gets_the_note() -> None:
    """English by most of its words, the message is read as English; its plea is not."""
    talk = conversation()
    plea = "kami dikunci di asrama, paspor ditahan agen. where can we go? we are in Penang"
    assert talk.ask(plea).safety_first
    assert talk.ask("is this allowed, paspor ditahan majikan").safety_first  # a clause of it
    assert not talk.ask("terima kasih! and what does the report say about UNCAC?").safety_first
    assert not talk.ask("selamat pagi, what does the report say about passports?").safety_first


def test_a_short_follow_up_declined_alone_is_offered_the_previous_answers_neighbours() -> None:
    """ "ประชุมกันที่ไหน" (where do they meet?) names no subject: after the Bali Process, its
    meetings are offered; alone, or asking about something else, it is declined as before."""
    talk = conversation()
    first = talk.ask("Bali Process คืออะไร")
    assert first.reply.entry_id == "bali-process"
    where = "ประชุมกันที่ไหน"
    assert talk.ask(where).match.decision is Decision.NONE
    followed = talk.ask(where, follows=first.context)
    assert followed.match.decision is Decision.CLARIFY
    assert followed.match.choices[0] == "bali-process-meetings"
    weather = talk.ask("พรุ่งนี้อากาศเป็นยังไง", follows=first.context)  # tomorrow's weather
    assert weather.match.decision is Decision.NONE


def test_a_regional_follow_up_offered_only_when_short_and_declined() -> None:
    matcher = shipped_engine().matcher
    alone = matcher.match("ประชุมกันที่ไหน")
    assert matcher.regional_follow_up(alone, "bali-process").decision is Decision.CLARIFY
    assert matcher.regional_follow_up(alone, "no-such-entry") == alone
    answered = matcher.match("Bali Process คืออะไร")
    assert matcher.regional_follow_up(answered, "uncac") == answered
    # Thai is written without spaces between words: its length is told in letters
    long = matcher.match("ประเทศสมาชิกมีใครบ้างและประชุมกันที่ไหนเมื่อไหร่อย่างไรบ้างครับช่วยอธิบายให้ละเอียดหน่อย")
    assert long.decision is Decision.NONE
    assert matcher.regional_follow_up(long, "bali-process") == long


def test_a_plea_and_a_question_are_read_sentence_by_sentence() -> None:
    """The question would dilute the plea if the message were read only whole."""
    reader = shipped_engine().reader
    plea = "saya dikurung majikan"  # my employer locks me in
    question = "apakah laporan ini membahas korupsi di perbatasan, dan siapa yang menulisnya?"
    assert reader.regional_danger("id", plea)
    assert not reader.regional_danger("id", question)
    assert reader.regional_danger("id", f"{plea}. {question}")


@pytest.mark.parametrize(
    ("code", "plea"),
    [
        ("fil", "tulungan nyo ako"),  # help me
        ("id", "tolongin aku"),
        ("ms", "macam mana nak lari"),  # how do I run away
        ("vi", "cứu em với"),
        ("th", "ช่วยด้วย"),
    ],
)
def test_a_call_for_help_in_a_few_words_is_a_plea(code: str, plea: str) -> None:
    """Too few words for the detector to read; the language's calls for help tell it."""
    assert shipped_engine().reader.regional_danger(code, plea)
    assert conversation().ask(plea).safety_first


def test_a_call_for_help_the_knowledge_base_answers_is_a_question() -> None:
    """ "anong tulong ng UNODC?" (what help does UNODC give?) asks for an answer."""
    question = "anong tulong ng UNODC?"
    reader = shipped_engine().reader
    assert reader.regional_danger("fil", question)
    assert not reader.regional_danger("fil", question, answered=True)
    turn = conversation().ask(question)
    assert turn.match.decision is Decision.ANSWER
    assert not turn.safety_first


def test_a_call_for_help_in_a_long_message_is_read_by_the_detector() -> None:
    """ "tolong" is "please" in a request too: in a longer message it is no plea by itself."""
    regional = RegionalDanger(shipped_engine().knowledge)
    assert regional.pleads_briefly("ms", "tolong saya")
    assert not regional.pleads_briefly(
        "ms", "tolong saya faham, apakah yang laporan ini cakap tentang rasuah di sempadan?"
    )
    assert not regional.pleads_briefly("ms", "apa itu UNCAC")


def test_a_call_for_help_in_no_recognised_language_is_placed_by_it() -> None:
    talk = conversation()
    turn = talk.ask("gk bs kluar")  # can't get out, abbreviated
    assert turn.safety_first
    assert voice_in(talk.engine.knowledge, "id").words.danger in turn.reply.body


def test_a_short_plea_in_no_recognised_language_still_gets_the_safety_note() -> None:
    """Three words are too few to tell Indonesian by its common words; its detector still reads
    the plea, and the note comes in that language and in English."""
    talk = conversation()
    plea = "bos pukul aku"  # my boss hits me
    assert probable_languages(plea) == ()
    turn = talk.ask(plea)
    assert turn.safety_first
    assert voice_in(talk.engine.knowledge, "id").words.danger in turn.reply.body
    assert wording.DANGER in turn.reply.body
    for english in ("how to renew my passport online", "what is the currency of cambodia"):
        assert not talk.ask(english).safety_first


def test_english_looks_english_and_borrowed_words_do_not() -> None:
    assert looks_english("what is the currency of cambodia")
    assert not looks_english("bos pukul aku")
    assert not looks_english("no doa giet con toi")  # one English word of five
    assert not looks_english("")


def test_questions_about_the_bot_are_ordinary_messages_to_the_danger_detectors() -> None:
    """ "Help po, di ko alam paano magsimula", "will you share my data?": words of someone in
    trouble, asked of the bot; the detectors learn them as ordinary messages."""
    knowledge = shipped_engine().knowledge
    unasked = {
        code: words.model_copy(update={"asked": AskedAboutTheBot()})
        for code, words in knowledge.translations.items()
    }
    taught, untaught = (
        RegionalDanger(knowledge),
        RegionalDanger(replace(knowledge, translations=unasked)),
    )
    asked = [
        (code, text) for code, words in knowledge.translations.items() for text in words.asked.texts
    ]
    assert any(untaught.is_danger(code, text) for code, text in asked)
    assert not any(taught.is_danger(code, text) for code, text in asked)


# --- what validation refuses -----------------------------------------------------------------


def _problems(write_knowledge: WriteKnowledge, **files: str) -> list[str]:
    root = write_knowledge([entry("alpha"), entry("beta")], **files)
    knowledge, problems = check_knowledge(root)
    assert knowledge is None
    return [f"{p.location.file.name}:{p.location.line}: {p.message}" for p in problems]


def test_a_phrasing_of_a_question_about_the_bot_is_given_once(
    write_knowledge: WriteKnowledge,
) -> None:
    document = yaml.safe_load(words_file())
    document["asked"] = {
        "about_bot": ["Siapa pembuat bot ini?"],
        "human": ["siapa pembuat bot ini"],
    }
    problems = _problems(write_knowledge, **{"i18n/xx.yaml": yaml.safe_dump(document)})
    assert any("human repeats a phrasing of about_bot" in p for p in problems)


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"danger": "Call **110** now."}, "danger changes the English text's numbers"),
        (
            {"danger": "**Not a channel**: see https://example.org"},
            "danger changes the English text's links",
        ),
        ({"danger": "Not a reporting channel."}, "danger must keep the English text's **bold**"),
        ({"none_of_these": "Thanks."}, "none_of_these changes the English text's commands"),
        ({"about": "Version {version}."}, "about has the placeholders {version}, English"),
        ({"sources_dated": "As of {as_of:%Y-%m-%d"}, "sources_dated cannot be filled in"),
        ({"welcome": "Hello! {commands} in 2020 and 2021"}, "welcome changes the English text's"),
        ({"none_of_these_button": "x" * 57}, "none_of_these_button is longer than a button"),
        ({"commands": {"start": "/start"}}, "commands must name the same commands as English"),
        (
            {"commands": {**ENGLISH.commands, "topics": "/topics - browse"}},
            "commands.topics must start with /topics and have ': '",
        ),
        ({"privacy": "x" * 5000 + " {retention}"}, "privacy is longer than a Telegram message"),
    ],
)
def test_a_translation_says_what_the_english_says_and_fits_telegram(
    write_knowledge: WriteKnowledge, changes: dict[str, Any], problem: str
) -> None:
    problems = _problems(write_knowledge, **{"i18n/xx.yaml": words_file(**changes)})
    assert any(problem in p for p in problems), problems


def test_a_date_in_a_translation_may_take_another_format(write_knowledge: WriteKnowledge) -> None:
    english = ENGLISH.sources_dated
    assert "%B" in english
    numeric = words_file(sources_dated="Fakta per {as_of:%Y-%m-%d}.")
    root = write_knowledge([entry("alpha")], **{"i18n/xx.yaml": numeric})
    knowledge, problems = check_knowledge(root)
    assert problems == []
    assert knowledge is not None


def test_a_translation_has_every_key_of_the_english(write_knowledge: WriteKnowledge) -> None:
    complete = yaml.safe_load(words_file())
    del complete["words"]["privacy"]
    problems = _problems(write_knowledge, **{"i18n/xx.yaml": yaml.safe_dump(complete)})
    assert any("privacy" in p and "Field required" in p for p in problems), problems


def test_the_shipped_translations_keep_every_placeholder(knowledge: KnowledgeBase) -> None:
    """Every text of every language can be filled in as the bot fills the English one."""
    sample = datetime(2026, 11, 30, tzinfo=UTC)
    for code, translation in knowledge.translations.items():
        words = translation.words
        assert words.about.format(version="1", entries=70, dated="", loaded=sample), code
        assert words.privacy.format(retention=90), code
        assert words.welcome.format(commands="- /help"), code
        assert set(words.commands) == set(ENGLISH.commands), code


# (each file gets a schema line first, so "language" is on line 2)
PHRASINGS = """language: xx
phrasings:
  alpha: ["alpha satu", "alpha dua", "alpha tiga"]
  gamma: ["gamma satu", "gamma dua", "gamma tiga"]
  beta: ["beta satu", "alpha dua"]
"""


def test_phrasings_name_known_entries_at_least_three_each_and_none_twice(
    write_knowledge: WriteKnowledge,
) -> None:
    problems = _problems(write_knowledge, **{"phrasings/xx.yaml": PHRASINGS})
    assert "xx.yaml:2: no words to answer in 'xx' with" in problems
    assert "xx.yaml:5: unknown entry 'gamma'" in problems
    assert "xx.yaml:6: only 2 phrasings for 'beta'" in problems
    assert "xx.yaml:6: 'alpha dua' is also a phrasing of 'alpha'" in problems


def test_a_language_with_its_words_and_phrasings_loads(write_knowledge: WriteKnowledge) -> None:
    words = words_file()
    phrasings = "language: xx\nphrasings:\n  alpha: [alpha satu, alpha dua, alpha tiga]\n"
    safety = 'language: xx\ndanger: ["tolong saya"]\nnot_danger: ["apa itu alpha"]\n'
    root = write_knowledge(
        [entry("alpha"), entry("beta")],
        **{"i18n/xx.yaml": words, "phrasings/xx.yaml": phrasings, "safety/xx.yaml": safety},
    )
    knowledge, problems = check_knowledge(root)
    assert problems == []
    assert knowledge is not None
    assert knowledge.phrasings["xx"]["alpha"] == ("alpha satu", "alpha dua", "alpha tiga")
    assert knowledge.regional_safety["xx"].danger == ["tolong saya"]


def test_danger_examples_need_the_languages_phrasings(write_knowledge: WriteKnowledge) -> None:
    safety = 'language: yy\ndanger: ["tolong"]\nnot_danger: ["apa"]\n'
    problems = _problems(write_knowledge, **{"safety/yy.yaml": safety})
    assert any("language 'yy' in yy.yaml has no phrasings" in p for p in problems), problems


# --- answers a maintainer translated ---------------------------------------------------------

ENGLISH_ANSWER = "UNCAC entered into force in 2005; see [the text](https://www.unodc.org/page)."
WORDS_TRANSLATED = words_file(translated="_Diterjemahkan oleh pengelola._")
PHRASINGS_ID = (
    "language: id\nphrasings:\n"
    "  alpha: [kapan uncac berlaku, apa itu uncac dan kapan berlaku, tahun berlakunya uncac]\n"
)


def _with_answer(write_knowledge: WriteKnowledge, translated: str) -> list[str] | KnowledgeBase:
    answers = f'language: id\nanswers:\n  alpha: "{translated}"\n'
    root = write_knowledge(
        [entry("alpha", answer=ENGLISH_ANSWER), entry("beta")],
        **{
            "i18n/id.yaml": WORDS_TRANSLATED,
            "phrasings/id.yaml": PHRASINGS_ID,
            "answers/id.yaml": answers,
        },
    )
    knowledge, problems = check_knowledge(root)
    return knowledge if knowledge is not None else [p.message for p in problems]


def test_a_translated_answer_is_shown_labelled(write_knowledge: WriteKnowledge) -> None:
    translated = "UNCAC berlaku sejak 2005; lihat [teksnya](https://www.unodc.org/page)."
    knowledge = _with_answer(write_knowledge, translated)
    assert isinstance(knowledge, KnowledgeBase)
    turn = Conversation(AnswerEngine.build(knowledge), DiscardJournal(), FrontEnd.TELEGRAM).ask(
        "kapan uncac berlaku?"
    )
    assert turn.reply.entry_id == "alpha"
    assert turn.reply.body.endswith(f"_Diterjemahkan oleh pengelola._\n\n{translated}")
    assert ENGLISH_ANSWER not in turn.reply.body


@pytest.mark.parametrize(
    ("translated", "problem"),
    [
        ("UNCAC berlaku sejak 2003; lihat [teksnya](https://www.unodc.org/page).", "numbers"),
        ("UNCAC berlaku sejak 2005; lihat [teksnya](https://www.unodc.org/other).", "links"),
        ("UNCAC berlaku sejak 2005.", "links"),
    ],
)
def test_a_translated_answer_keeps_every_number_and_link(
    write_knowledge: WriteKnowledge, translated: str, problem: str
) -> None:
    problems = _with_answer(write_knowledge, translated)
    assert isinstance(problems, list)
    assert f"the {problem} of 'alpha' differ from the English answer's" in problems


def test_translated_answers_need_a_label_a_language_and_known_entries(
    write_knowledge: WriteKnowledge,
) -> None:
    words = words_file()
    answers = 'language: id\nanswers:\n  gamma: "x"\n'
    problems = _problems(write_knowledge, **{"i18n/id.yaml": words, "answers/id.yaml": answers})
    assert any("language 'id' in id.yaml has no phrasings" in p for p in problems), problems
    assert any("no label for translated answers in 'id'" in p for p in problems), problems
    assert any("unknown entry 'gamma'" in p for p in problems), problems


@pytest.mark.parametrize(
    ("language", "text", "danger"),
    [
        # long ago, and ended: a story before a question, not a plea (2026-12-02, fifth part)
        (
            "ms",
            "Lima tahun dulu ejen ambil pasport saya, tapi semua dah selesai dan saya dah selamat "
            "di kampung. Apa kata laporan tentang ejen yang korup?",
            False,
        ),
        (
            "fil",
            "noong 2012 kinuha ng amo ko ang passport ko pero nakauwi na ako at ok na. labag ba "
            "yun sa batas?",
            False,
        ),
        (
            "th",
            "เมื่อปี 2012 นายหน้ายึดพาสปอร์ตฉัน ตอนนี้ใช้หนี้หมดแล้วและกลับบ้านแล้ว รายงานพูดถึงนายหน้าไหม",
            False,
        ),
        # the same story going on again, or still
        (
            "ms",
            "Lima tahun dulu ejen ambil pasport saya, dah selesai, tapi dia ugut saya lagi",
            True,
        ),
        (
            "fil",
            "noong 2012 kinuha ng amo ko ang passport ko, nakauwi na ako pero hinahanap pa rin "
            "nila ako",
            True,
        ),
        ("th", "เมื่อปี 2012 นายหน้ายึดพาสปอร์ตฉัน กลับบ้านแล้วแต่ตอนนี้เขายังโดนขู่อยู่", True),
    ],
)
def test_a_story_long_over_is_no_plea_in_the_regions_languages(
    language: str, text: str, danger: bool
) -> None:
    assert shipped_engine().reader.regional_danger(language, text) is danger


def test_a_few_words_introducing_the_asker_are_no_plea() -> None:
    """A sentence of two or three words has too few grams to be read alone against the
    sentences' bar: "pulis ako" (I'm a police officer) read as a plea before a question."""
    reader = shipped_engine().reader
    assert not reader.regional_danger(
        "fil", "pulis ako. ano ang sinasabi ng report tungkol sa bribery?"
    )
    assert reader.regional_danger("fil", "Tulungan nyo ako. Ano gagawin ko?")


def test_a_messages_length_is_told_in_letters_where_words_are_not_spaced() -> None:
    assert no_longer_than("tolong saya sekarang", "id", 3, 5)
    assert not no_longer_than("tolong saya sekarang juga", "id", 3, 50)
    assert no_longer_than("ช่วยด้วยครับ", "th", 1, 12)  # one run of twelve letters and marks
    assert not no_longer_than("ช่วยด้วยครับ", "th", 5, 11)


@pytest.mark.parametrize(
    ("code", "supposed"),
    [
        (
            "ms",
            "kalau budak dibawa orang pergi kerja, perlu ke ada unsur paksaan untuk dikira "
            "pemerdagangan?",
        ),
        (
            "id",
            "misalnya korban jadi takut lapor polisi, bagaimana korupsi merugikan perlindungan "
            "korban?",
        ),
        (
            "vi",
            "đưa người di cư trái phép có thể thành mua bán người không? ví dụ giữa đường kẻ "
            "đưa người đòi thêm tiền và giữ người lại",
        ),
    ],
)
def test_a_supposed_case_is_read_with_its_question(code: str, supposed: str) -> None:
    """A clause that supposes a case ("kalau ...", if ...) or gives one as an example, read
    alone, is a plea's words; with the question beside it, it asks what the case is called
    (fresh development messages, 2026-12-03, sixth part)."""
    assert not shipped_engine().reader.regional_danger(code, supposed)


@pytest.mark.parametrize(
    ("code", "plea"),
    [
        ("ms", "kalau saya lari, majikan kata dia akan pukul mak saya"),
        ("ms", "tahun lepas ejen ambil pasport saya. apa itu UNCAC?"),
        # found by a review of the change: "if I ...", and "my case is ..."
        (
            "ms",
            "Saya nak tanya tentang laporan ini. Kalau saya lari majikan akan pukul mak saya. "
            "Apa itu ACTIP?",
        ),
        (
            "vi",
            "Nếu em không trả đủ tiền thì chủ sẽ không trả hộ chiếu cho em. Báo cáo nói gì về "
            "việc này?",
        ),
        (
            "vi",
            "Trường hợp của em là chủ giữ hộ chiếu và không cho em ra ngoài. Vậy có phải là mua "
            "bán người không?",
        ),
    ],
)
def test_a_plea_that_opens_with_if_or_tells_the_past_is_still_one(code: str, plea: str) -> None:
    assert shipped_engine().reader.regional_danger(code, plea)


def test_filing_a_case_is_reporting_in_filipino() -> None:
    reader = shipped_engine().reader
    assert reader.regional_would_report("fil", "gusto kong magsampa ng kaso laban sa recruiter ko")
    # whether someone can be charged, asked by the asker, is a question about the law
    assert not reader.regional_would_report(
        "fil", "gusto ko lang malaman: pwede bang kasuhan ang recruiter sa ilalim ng ACTIP?"
    )


@pytest.mark.parametrize(
    ("code", "plea"),
    [
        ("th", "ฉันเป็นเหยื่อค้ามนุษย์ แต่ไม่มีวีซ่า ถ้าไปหาตำรวจจะโดนส่งกลับไหม"),
        ("vi", "em la nan nhan buon ban nguoi, neu bao cong an thi co bi truc xuat khong"),
        (
            "id",
            "saya korban perdagangan orang tapi masuk lewat jalur ilegal, kalau lapor polisi "
            "saya ditangkap gak?",
        ),
    ],
)
def test_an_asker_who_says_they_are_a_victim_gets_the_note(code: str, plea: str) -> None:
    """Fresh development messages (2026-12-03, sixth part): a victim asking whether reporting
    gets them arrested read as a question about the law."""
    assert shipped_engine().reader.regional_danger(code, plea)


@pytest.mark.parametrize(
    ("code", "question"),
    [
        # "bị bận" (busy) and "bị bạn" (by a friend) fold as "bị bán" (sold) does
        ("vi", "mình bị bận nên chưa đọc báo cáo, báo cáo kết luận gì?"),
        # "sold insurance", "laid off"
        ("th", "ผมโดนขายประกันมา แต่อยากถามว่ารายงานนี้ใครเขียน"),
        ("id", "saya korban PHK tahun lalu, laporan ini ditulis siapa?"),
    ],
)
def test_a_victim_of_something_else_is_not_read_as_one(code: str, question: str) -> None:
    """Found by a review of the change: the words of being a victim, of other things."""
    assert not RegionalDanger(shipped_engine().knowledge).says_victim(code, question)
