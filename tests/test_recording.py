"""What the reply pipeline records of each question and press: enough for the maintainers'
reports, never who asked, never the words of someone in danger."""

from __future__ import annotations

import pytest

from bot.callbacks import Action, Callback
from bot.conversation import SAFETY_RESULT, Conversation
from bot.intents import Intent
from bot.store import ChatKind, PressKind
from bot.wording import DANGER_TITLE, FrontEnd
from tests.support.journal import RecordingJournal
from tests.support.shipped import shipped_engine


@pytest.fixture
def journal() -> RecordingJournal:
    return RecordingJournal()


@pytest.fixture
def conversation(journal: RecordingJournal) -> Conversation:
    return Conversation(shipped_engine(), journal, FrontEnd.TELEGRAM)


def test_a_question_is_kept_with_what_it_got(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    turn = conversation.ask("who  funded the research?", chat=ChatKind.GROUP)
    [kept] = journal.questions
    assert kept.text == "who funded the research?"
    assert kept.chat is ChatKind.GROUP
    assert kept.decision == "answer"
    assert kept.entry_id == turn.reply.entry_id == "report-funding"
    assert kept.confidence == turn.match.confidence
    assert [c.entry_id for c in kept.candidates] == [c.entry_id for c in turn.match.candidates[:3]]
    assert kept.intent is None
    assert kept.at.tzinfo is not None


def test_a_declined_question_keeps_its_reason(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    conversation.ask("who won the football world cup")
    [kept] = journal.questions
    assert (kept.decision, kept.entry_id, kept.reason) == ("none", None, "out_of_scope")


def test_the_words_of_someone_in_danger_are_never_kept(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    turn = conversation.ask("my boss took my passport and I can't leave, my number is 0812345678")
    assert turn.intent is Intent.DANGER
    [kept] = journal.questions
    assert kept.intent == "danger"
    assert kept.text is None


def test_identifiers_in_questions_are_masked(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    conversation.ask("what is uncac? write to me at ana@example.org")
    assert journal.questions[0].text == "what is uncac? write to me at [email]"


def test_small_talk_and_follow_ups_are_marked(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    conversation.ask("hello")
    first = conversation.ask("what is the smuggling protocol")
    conversation.ask("and the other protocol?", first.reply.entry_id)
    assert [q.intent for q in journal.questions] == ["greeting", None, "follow_up"]


def test_presses_are_kept_with_the_question_they_closed(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    conversation.press(Callback(Action.OPEN, "untoc"))  # a related question: not a choice
    conversation.press(Callback(Action.OPEN, "untoc"), "the un crime convention")
    conversation.press(Callback(Action.HELPFUL, "untoc"), chat=ChatKind.GROUP)
    conversation.press(Callback(Action.UNHELPFUL, "uncac"))
    conversation.press(Callback(Action.NONE_OF_THESE), "how are visas issued")
    conversation.press(Callback(Action.SOURCES, "uncac"))
    assert [(p.kind, p.entry_id, p.question, p.chat) for p in journal.presses] == [
        (PressKind.CHOICE, "untoc", "the un crime convention", ChatKind.PRIVATE),
        (PressKind.HELPFUL, "untoc", None, ChatKind.GROUP),
        (PressKind.UNHELPFUL, "uncac", None, ChatKind.PRIVATE),
        (PressKind.NONE_OF_THESE, None, "how are visas issued", ChatKind.PRIVATE),
    ]


def test_the_terminal_records_as_the_terminal(journal: RecordingJournal) -> None:
    Conversation(shipped_engine(), journal, FrontEnd.TERMINAL).ask("what is uncac")
    assert journal.questions[0].chat is ChatKind.TERMINAL


def test_inline_queries_are_not_kept_but_posted_results_are(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    for typed in ("who fun", "who funded the res", "who funded the research"):
        conversation.inline(typed)
    assert journal.events == []
    conversation.chosen_inline("who funded the research", "report-funding")
    [kept] = journal.questions
    assert (kept.chat, kept.entry_id, kept.text) == (
        ChatKind.INLINE,
        "report-funding",
        "who funded the research",
    )


def test_inline_gives_the_safety_note_first(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    results = conversation.inline("they took my passport and I can't leave")
    assert results[0].entry_id == SAFETY_RESULT
    assert results[0].title == DANGER_TITLE
    assert len(results) <= 2, "after the note, a sure answer at most"
    ordinary = conversation.inline("what does the report say about passport confiscation")
    assert all(r.entry_id != SAFETY_RESULT for r in ordinary)
    conversation.chosen_inline("they took my passport and I can't leave", SAFETY_RESULT)
    [kept] = journal.questions
    assert (kept.intent, kept.text) == ("danger", None)


def test_an_answer_posted_after_the_safety_note_keeps_no_text(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    """The inline results for a plea that also asks something answerable are the note, then
    the answer: whichever is posted, the plea's text is not kept."""
    plea = (
        "I work on a fishing boat and the captain beats us, what does the report say about fishing?"
    )
    results = [result.entry_id for result in conversation.inline(plea)]
    assert results == [SAFETY_RESULT, "fishing-industry"]
    conversation.chosen_inline(plea, "fishing-industry")
    [kept] = journal.questions
    assert (kept.intent, kept.text, kept.entry_id) == ("danger", None, "fishing-industry")


def test_a_message_in_another_language_is_counted_not_kept(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    """In Thai, "my passport was seized"; in Indonesian, who wrote the report; in Chinese, what
    corruption is: whether their writers are in danger cannot be told as surely as in English,
    or at all."""
    conversation.ask("หนังสือเดินทางของฉันถูกยึด")
    conversation.ask("apa itu korupsi dan siapa yang menulis laporan ini")
    conversation.ask("什么是腐败")
    assert [q.text for q in journal.questions] == [None, None, None]
    assert [q.reason for q in journal.questions][-1] == "other_script"
