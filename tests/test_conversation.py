"""The reply pipeline shared by Telegram and the terminal, tested without Telegram."""

from __future__ import annotations

import pytest

from bot import replies, wording
from bot.callbacks import Action, Callback
from bot.conversation import Conversation, Turn
from bot.followups import SAFETY_CONTEXT
from bot.intents import Intent, without_greeting
from bot.matching import Candidate, Decision, Match, Reason
from bot.replies import Delivery, ReplyKind
from bot.wording import FrontEnd
from tests.support.journal import RecordingJournal
from tests.support.shipped import shipped_engine


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hi", Intent.GREETING),
        ("Good morning!", Intent.GREETING),
        ("thanks a lot", Intent.THANKS),
        ("what can you do?", Intent.CAPABILITIES),
        ("what can you answer", Intent.CAPABILITIES),
        ("what kind of questions do you answer?", Intent.CAPABILITIES),
        ("what can you tell me about the report?", None),
        ("are you an official UNODC bot?", Intent.ABOUT_BOT),
        ("who made you", Intent.ABOUT_BOT),
        ("is this information up to date?", Intent.ABOUT_BOT),
        ("is this legal advice?", Intent.ABOUT_BOT),
        ("what is your name?", Intent.ABOUT_BOT),
        # found by trying the bot as a user (2026-12-02)
        ("how do you know all this, what's your source?", Intent.ABOUT_BOT),
        ("where do u get your info", Intent.ABOUT_BOT),
        ("start", Intent.CAPABILITIES),
        ("how do i get started", Intent.CAPABILITIES),
        ("what are the report's sources?", None),
        ("whats ur name", Intent.ABOUT_BOT),
        ("who are you really?", Intent.ABOUT_BOT),
        ("what is the name of the report?", None),
        ("who are you working with on the report?", None),
        ("do you store my messages?", Intent.PRIVACY),
        ("can I ask in Indonesian?", Intent.LANGUAGES),
        ("am I talking to a real person?", Intent.HUMAN),
        ("who made the report", None),
        # the patterns do not know these; the phrasings of knowledge/asked.yaml do
        ("hey, so what is this chat thing exactly and how do i use it", Intent.CAPABILITIES),
        ("how long do you hang on to the stuff people type here?", Intent.PRIVACY),
        ("is the report official?", None),
        # one sentence of a longer message asks it (found in a fresh development set, 2026-12-02)
        (
            "Hello! What sort of things can I ask you? I study migration at a university",
            (Intent.CAPABILITIES),
        ),
        ("I study migration at a university. What does the report say about it?", None),
        ("they took my passport", Intent.DANGER),
        ("someone is holding my cousin in a house in Johor", Intent.DANGER),
        ("can I be prosecuted for paying a smuggler?", Intent.PERSONAL_LEGAL),
        ("are smuggled migrants criminally liable under the protocol?", None),
        ("my passport was taken", Intent.DANGER),
        ("I am being forced to work", Intent.DANGER),
        ("my employer keeps my passport and I cannot leave", Intent.DANGER),
        ("I want to report a trafficker", Intent.DANGER),
        ("how do I report a corrupt police officer in Indonesia", Intent.DANGER),
        ("where can we report suspected trafficking?", Intent.DANGER),
        ("how do I cite the report on corruption?", None),
        ("can I report the findings to my ministry?", None),
        ("what is forced labour?", None),
        ("who funded the report", None),
        ("can employers keep passports of workers?", None),
    ],
)
def test_intents(conversation: Conversation, text: str, intent: Intent | None) -> None:
    assert conversation.ask(text).intent is intent


def test_greeting_before_a_question_is_dropped() -> None:
    assert without_greeting("Hello, who wrote the report?") == "who wrote the report?"
    assert without_greeting("hello") == "hello"
    assert without_greeting("ok thanks. and who paid for it?") == "and who paid for it?"
    assert without_greeting("great, thank you! who wrote it?") == "who wrote it?"
    assert without_greeting("thanks for the answer") == "thanks for the answer"


@pytest.mark.parametrize(
    "text",
    ["thanks, that's all", "thanks, that is all", "ok got it", "cool bye", "ok", "nothing else"],
)
def test_closing_words_after_an_answer_are_thanks_not_a_follow_up(
    conversation: Conversation, text: str
) -> None:
    first = conversation.ask("what is the trafficking in persons protocol")
    assert first.reply.entry_id == "tip-protocol"
    assert conversation.ask(text, follows=first.reply.entry_id).intent is Intent.THANKS


def test_answer_has_links_related_and_feedback(conversation: Conversation) -> None:
    reply = conversation.ask("who funded the research?").reply
    assert reply.kind is ReplyKind.ANSWER
    assert reply.entry_id == "report-funding"
    assert reply.related
    assert all(choice.entry_id for choice in reply.related)


def test_danger_gets_a_plain_statement_and_no_hotline(conversation: Conversation) -> None:
    turn = conversation.ask("Please help, they took my passport and I can't leave")
    reply = turn.reply
    assert turn.intent is Intent.DANGER
    assert reply.body == wording.DANGER
    assert "not a reporting channel" in reply.body
    assert not any(ch.isdigit() for ch in reply.body), "never a phone number"


def test_a_question_beside_a_plea_is_answered_after_the_note(conversation: Conversation) -> None:
    """Found by trying the bot as a user: only the note came back, though "is this
    trafficking?" has a sure answer. "where can I go?" is a plea, not a question for the
    report (matched alone, it asks where to read it)."""
    turn = conversation.ask(
        "the agent kept my papers and i work every day without pay. is this trafficking?"
    )
    assert turn.intent is Intent.DANGER
    assert turn.reply.body.startswith(wording.DANGER)
    assert turn.reply.entry_id == "define-trafficking"
    plea = conversation.ask("they took my passport. where can i go?")
    assert plea.intent is Intent.DANGER
    assert plea.reply.entry_id is None


@pytest.mark.parametrize(
    "plea", ["i was sold", "I am being forced to work on a fishing boat and they beat us"]
)
def test_a_plain_plea_gets_the_note_alone(conversation: Conversation, plea: str) -> None:
    """Found by trying the bot as a user (2026-12-01, third part): the note came with the
    report's release date ("sold") or the fishing photo caption after it."""
    turn = conversation.ask(plea)
    assert turn.intent is Intent.DANGER
    assert turn.reply.body == wording.DANGER
    assert turn.reply.entry_id is None


@pytest.mark.parametrize(
    ("plea", "answer"),
    [
        # found by trying the bot as a user (2026-12-01, second part): the note came alone
        (
            "I'm in Johor, the agent locked my room and took my phone, what is trafficking?",
            "define-trafficking",
        ),
        (
            "my boss has my passport and won't give it back. what is forced labour?",
            "define-exploitation",
        ),
        (
            "my boss has my passport and won't give it back. what's forced labour?",
            "define-exploitation",
        ),
        # the last clause asks, not a relative one
        (
            "My agent, who is from Medan, took my passport, what is trafficking?",
            "define-trafficking",
        ),
    ],
)
def test_a_question_after_a_comma_or_about_a_term_is_answered_after_the_note(
    conversation: Conversation, plea: str, answer: str
) -> None:
    turn = conversation.ask(plea)
    assert turn.intent is Intent.DANGER
    assert turn.reply.body.startswith(wording.DANGER)
    assert turn.reply.entry_id == answer


def test_small_talk_is_not_matched(conversation: Conversation, journal: RecordingJournal) -> None:
    assert conversation.ask("hello").reply.body == wording.GREETING
    assert conversation.ask("thank you!").reply.body == wording.THANKS
    assert conversation.ask("what can you do").reply == conversation.help()
    assert journal.unanswered == []


def test_out_of_scope_is_honest_and_recorded(
    conversation: Conversation, journal: RecordingJournal
) -> None:
    reply = conversation.ask("who won the football world cup").reply
    assert reply.kind is ReplyKind.NONE
    assert reply.body == wording.OUT_OF_SCOPE
    assert len(reply.choices) == 2
    assert reply.topics
    assert journal.unanswered == ["who won the football world cup"]


def test_other_languages_are_told_english_only(conversation: Conversation) -> None:
    """Languages beyond the region's served ones (tests/test_languages.py covers those)."""
    assert conversation.ask("什么是腐败?").reply.body.startswith(wording.NOT_ENGLISH)
    german = conversation.ask("Was ist Menschenhandel und Korruption?").reply.body
    assert german.startswith(wording.NOT_ENGLISH)


def test_words_it_does_not_know_are_not_blamed_on_the_language(
    conversation: Conversation,
) -> None:
    reply = conversation.ask("pizza").reply
    assert reply.kind is ReplyKind.NONE
    assert reply.body == wording.UNKNOWN_WORDS
    assert reply.choices
    assert reply.topics


def test_deep_link_opens_the_entry_and_unknown_falls_back(conversation: Conversation) -> None:
    assert conversation.start("uncac").entry_id == "uncac"
    welcome = conversation.start("no-such-entry")
    assert welcome.body.startswith(wording.UNKNOWN_ENTRY), "the note is not dropped"
    assert welcome.body.endswith(conversation.start().body)
    assert welcome.kind is ReplyKind.TEXT
    assert len(welcome.choices) == 3


def test_buttons(conversation: Conversation, journal: RecordingJournal) -> None:
    opened = conversation.press(Callback(Action.OPEN, "untoc"))
    assert opened is not None
    assert opened.entry_id == "untoc"
    sources = conversation.press(Callback(Action.SOURCES, "untoc"))
    assert sources is not None
    assert sources.kind is ReplyKind.SOURCES
    assert all(s in sources.body for s in shipped_engine().knowledge.entry("untoc").sources)
    assert opened.delivery is Delivery.SEND
    assert sources.delivery is Delivery.SEND
    rated = conversation.press(Callback(Action.UNHELPFUL, "untoc"))
    assert rated is not None
    assert rated.rated
    assert rated.delivery is Delivery.EDIT_BUTTONS, "feedback only changes the buttons"
    assert rated.notice == wording.RATED
    assert journal.ratings == [("untoc", False)]
    assert conversation.press(Callback(Action.RATED)) is None
    none = conversation.press(Callback(Action.NONE_OF_THESE), "how are visas issued")
    assert none is not None
    assert none.body == wording.NONE_OF_THESE
    assert journal.unanswered == ["how are visas issued"]


def test_browsing_topics_and_back(conversation: Conversation) -> None:
    topics = conversation.topics()
    assert [t.id for t in topics.topics][:2] == ["report", "findings"]
    law = conversation.press(Callback(Action.TOPIC, "law"))
    assert law is not None
    assert law.kind is ReplyKind.TOPIC
    assert law.delivery is Delivery.EDIT_TEXT, "browsing replaces the message"
    back = conversation.press(Callback(Action.TOPICS))
    assert back is not None
    assert back.delivery is Delivery.EDIT_TEXT
    assert law.back_to_topics
    assert {c.entry_id for c in law.choices} >= {"uncac", "untoc", "actip"}


def test_stale_buttons_are_answered_not_crashed(conversation: Conversation) -> None:
    for callback in (Callback(Action.OPEN, "gone"), Callback(Action.TOPIC, "gone")):
        reply = conversation.press(callback)
        assert reply is not None
        assert reply.body == wording.EXPIRED


def test_inline_lists_matches_and_the_most_useful_entries(conversation: Conversation) -> None:
    found = conversation.inline("who funded the research")
    assert found[0].entry_id == "report-funding"
    assert found[0].title == shipped_engine().knowledge.entry("report-funding").question
    assert found[0].description
    assert conversation.inline("how do I make coffee") == []
    browsing = conversation.inline("")
    assert 6 <= len(browsing) <= 10


def test_help_and_welcome_say_only_what_works_in_the_front_end() -> None:
    telegram = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    terminal = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TERMINAL)
    assert "/ask" in telegram.help().body
    assert "inline mode" in telegram.help().body
    assert "/ask" in telegram.start().body
    for reply in (terminal.help(), terminal.start()):
        assert "/ask" not in reply.body
        assert "username" not in reply.body
        assert "groups" not in reply.body.lower()
    assert "/quit" in terminal.help().body


def test_every_command_is_in_help_and_the_welcome() -> None:
    conversation = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    for command in wording.COMMANDS:
        if command.name != "start":
            assert command.usage in conversation.help().body
            assert command.usage in conversation.start().body


def noted_first(conversation: Conversation, message: str) -> Turn:
    """The turn for a message that must get the safety note before anything else."""
    turn = conversation.ask(message)
    assert turn.intent is Intent.DANGER
    assert turn.reply.body.startswith(wording.DANGER)
    return turn


def test_a_danger_message_that_also_asks_gets_the_note_then_the_answer(
    conversation: Conversation,
) -> None:
    turn = noted_first(conversation, "I want to report a trafficker, and who funded the report?")
    assert turn.reply.kind is ReplyKind.ANSWER
    assert turn.reply.entry_id == "report-funding"
    noted_first(
        conversation, "my employer keeps my passport and I cannot leave, is that trafficking?"
    )


def test_a_danger_message_that_asks_about_the_bot_gets_the_note_then_its_answer(
    conversation: Conversation,
) -> None:
    """ "help" may be a plea or a question about the bot: the note, then the help."""
    turn = noted_first(conversation, "help")
    assert turn.reply.body.endswith(conversation.help().body)
    private = noted_first(conversation, "do you keep my messages? my employer must not know")
    assert private.reply.body.endswith(conversation.privacy().body)


def test_ordinary_questions_that_share_the_words_are_answered(conversation: Conversation) -> None:
    for question in (
        "what does the report say about fraudulent travel documents?",
        "is debt bondage a form of exploitation?",
    ):
        turn = conversation.ask(question)
        assert turn.intent is not Intent.DANGER, question
        assert turn.reply.kind in (ReplyKind.ANSWER, ReplyKind.CLARIFY), question


def test_a_personal_legal_question_carries_the_note(conversation: Conversation) -> None:
    turn = conversation.ask("can I be prosecuted for paying a smuggler?")
    assert turn.legal_note
    assert turn.reply.body.endswith(wording.LEGAL_NOTE)
    general = conversation.ask("are smuggled migrants criminally liable under the protocol?")
    assert not general.legal_note
    assert wording.LEGAL_NOTE not in general.reply.body


@pytest.mark.parametrize(
    ("found", "intro"),
    [
        (
            Match("q", Decision.CLARIFY, 0.3, (Candidate("uncac", 0.3), Candidate("untoc", 0.2))),
            wording.DID_YOU_MEAN,
        ),
        (Match("q", Decision.NONE, 0.05, (), Reason.OUT_OF_SCOPE), wording.OUT_OF_SCOPE),
    ],
)
def test_the_legal_note_opens_choices_and_declines(found: Match, intro: str) -> None:
    """Their last line leads into the list that follows; found by trying the bot as a user,
    the terminal printed "Did you mean:", the note, then the choices."""
    reply = replies.compose(shipped_engine().knowledge, found, note=wording.LEGAL_NOTE)
    assert reply.body == f"{wording.LEGAL_NOTE}\n\n{intro}"
    assert reply.choices


def test_tell_me_more_offers_the_related_questions_and_sources(conversation: Conversation) -> None:
    more = conversation.ask("tell me more", follows="untoc")
    assert more.intent is Intent.FOLLOW_UP
    assert more.reply.kind is ReplyKind.MORE
    assert more.reply.entry_id == "untoc"
    related = shipped_engine().knowledge.entry("untoc").related
    assert [c.entry_id for c in more.reply.related] == related
    alone = conversation.ask("tell me more")
    assert alone.reply.kind is not ReplyKind.MORE, "without context it is not a follow-up"


def test_a_follow_up_is_read_with_the_previous_answer(conversation: Conversation) -> None:
    first = conversation.ask("who wrote the report?").reply.entry_id
    then = conversation.ask("and who paid for it?", follows=first)
    assert then.intent is Intent.FOLLOW_UP
    assert then.reply.entry_id == "report-funding"


def test_a_follow_up_in_the_previous_questions_words_asks_it_again(
    conversation: Conversation,
) -> None:
    """Every telling word of "and how is it reviewed?" is in the previous entry's question, so
    that entry stays a candidate at full strength (answered, or offered first); before, the
    desk review was answered."""
    previous = "uncac-southeast-asia"
    assert "reviewed" in shipped_engine().knowledge.entry(previous).question
    then = conversation.ask("and how is it reviewed?", follows=previous)
    offered = [then.reply.entry_id, *(c.entry_id for c in then.reply.choices)]
    assert [entry for entry in offered if entry][:1] == [previous]
    alone = conversation.ask("what is uncac?", follows=previous)
    assert alone.reply.entry_id == "uncac", "a question of its own still gets its own entry"


def test_a_follow_up_that_names_nothing_is_about_what_was_named_before(
    conversation: Conversation,
) -> None:
    """ "it" is UNCAC: the entry on who ratified ACTIP, which never mentions UNCAC, is no sure
    answer, though "cambodia ratified" is its phrasing's."""
    then = conversation.ask("and has cambodia ratified it?", follows="uncac")
    offered = [then.reply.entry_id, *(c.entry_id for c in then.reply.choices)]
    assert [entry for entry in offered if entry][:1] == ["uncac-southeast-asia"]


@pytest.mark.parametrize("then", ["when was that?", "where?", "why?"])
def test_a_question_word_alone_asks_the_previous_answer(
    conversation: Conversation, then: str
) -> None:
    """Found by trying the bot as a user: "when was that?" after the 2023 conference got the
    report's release, whose phrasings ask "when was..."."""
    turn = conversation.ask(then, follows="regional-conference-2023")
    assert turn.reply.entry_id == "regional-conference-2023"


# "examples?" has no word any phrasing uses (found in fresh development dialogues, 2026-12-02)
@pytest.mark.parametrize(
    "then", ["give me an example", "any examples?", "like what?", "examples?", "examples pls"]
)
def test_asking_for_an_example_asks_the_previous_answer(
    conversation: Conversation, then: str
) -> None:
    """The answer just given holds the examples; matched alone, "give me an example" was
    declined."""
    turn = conversation.ask(then, follows="corruption-victim-protection")
    assert turn.intent is Intent.FOLLOW_UP
    assert turn.reply.entry_id == "corruption-victim-protection"
    assert conversation.ask(then).reply.entry_id is None, "alone it asks nothing"


def test_when_asks_the_previous_answer_only_if_it_has_a_date(conversation: Conversation) -> None:
    """Found by trying the bot as a user: "when was that?" after the authors got the authors,
    whose answer gives no date."""
    knowledge = shipped_engine().knowledge
    assert not any(str(year) in knowledge.entry("report-authors").answer for year in (2020, 2021))
    turn = conversation.ask("when was that?", follows="report-authors")
    assert turn.reply.entry_id == "report-release"


@pytest.mark.parametrize(
    ("then", "previous", "expected"),
    [
        # found by trying the bot as a user (2026-12-01, second part): the RSO's answer names
        # Marika McAdam, its advisor, and "who heads it?" got her entry as the RSO's head
        ("who heads it?", "bali-process-rso", "bali-process-rso"),
        ("who leads it?", "bali-process", "bali-process"),
        # a comparison with what the previous question was about, not with its frame: the
        # definition of trafficking was answered for "is it the same as trafficking?"
        ("is it the same as trafficking?", "define-smuggling", "smuggling-vs-trafficking"),
        ("same for trafficking?", "define-smuggling", "define-trafficking"),
        # how the body just named stands to another: not the other's members
        ("is it a member of the Bali Process?", "unodc", "unodc-in-bali-process"),
        # the same question of what the previous one already asks about, unless a person
        ("and to the trafficking protocol?", "convention-parties", "convention-parties"),
        ("and Miller?", "three-pronged-approach", "rebecca-miller"),
        ("the second one?", "three-pronged-approach", "three-pronged-approach"),
        ("in simple words?", "finding-common-denominator", "finding-common-denominator"),
        # the previous question asked of another instrument: what UNCAC makes states
        # criminalise, not UNCAC itself (2026-12-02, fifth part)
        ("and under UNCAC?", "som-protocol-offences", "uncac-offences"),
        ("what about ACTIP?", "uncac-southeast-asia", "actip-ratification"),
        ("and UNTOC?", "uncac", "untoc"),
    ],
)
def test_follow_ups_found_with_fresh_dialogues(
    conversation: Conversation, then: str, previous: str, expected: str
) -> None:
    assert conversation.ask(then, follows=previous).reply.entry_id == expected


def test_asking_if_something_is_included_is_offered_the_previous_answer_rather_than_declined(
    conversation: Conversation,
) -> None:
    """ "is india one of them?" after the members: nothing scores clearly, and it was declined;
    the members' entry is offered first. A follow-up asking something else that nothing
    answers stays declined (a code review found "what time is it?" offered choices)."""
    turn = conversation.ask("is india one of them?", follows="bali-process-membership")
    assert turn.reply.kind is ReplyKind.CLARIFY
    assert turn.reply.choices[0].entry_id == "bali-process-membership"
    for then, previous in [
        ("what time is it?", "bali-process-membership"),
        ("is it raining there?", "bali-process-rso"),
    ]:
        assert conversation.ask(then, follows=previous).reply.kind is ReplyKind.NONE, then


@pytest.mark.parametrize(
    ("then", "previous", "not_expected"),
    [
        # found by a code review (2026-12-01): a comparison led back to the answer just given
        ("how does it compare to UNTOC?", "uncac", "uncac"),
        ("is it similar to the Bali Process?", "actip", "actip"),
        # "who's" asks who, and a body's head is not a person its answer names
        ("who's in charge of it?", "bali-process-rso", "marika-mcadam"),
        ("who's the head of it?", "bali-process-rso", "marika-mcadam"),
    ],
)
def test_follow_ups_that_must_not_get_an_entry(
    conversation: Conversation, then: str, previous: str, not_expected: str
) -> None:
    assert conversation.ask(then, follows=previous).reply.entry_id != not_expected


def test_in_short_gives_the_first_paragraph(conversation: Conversation) -> None:
    whole = shipped_engine().knowledge.entry("uncac").answer
    short = conversation.ask("in short?", follows="uncac").reply
    assert short.entry_id == "uncac"
    assert whole.split("\n\n")[0] in short.body
    assert len(short.body) < len(
        conversation.ask("can you repeat that?", follows="uncac").reply.body
    )


@pytest.mark.parametrize(
    ("then", "kind"),
    [
        ("source?", ReplyKind.SOURCES),
        ("so is that in the report itself?", ReplyKind.SOURCES),
        ("in short?", ReplyKind.ANSWER),
        ("could you repeat that?", ReplyKind.ANSWER),
        ("can u say that more simply", ReplyKind.ANSWER),
    ],
)
def test_requests_of_the_previous_answer_are_answered_from_it(
    conversation: Conversation, then: str, kind: ReplyKind
) -> None:
    turn = conversation.ask(then, follows="recommendations")
    assert (turn.intent, turn.reply.kind, turn.reply.entry_id) == (
        Intent.FOLLOW_UP,
        kind,
        "recommendations",
    )


@pytest.mark.parametrize(
    ("previous", "then"),
    [
        ("bali-process-meetings", "the last one?"),
        ("bali-process-meetings", "when was the most recent one?"),
        ("som-protocol", "is it binding?"),
        ("recommendations", "how many are there"),
    ],
)
def test_words_about_the_answer_ask_it_again(
    conversation: Conversation, previous: str, then: str
) -> None:
    """Found by trying the bot as a user: "when was the most recent one?" after the ministerial
    conferences got the report's release; "is it binding?" after the Smuggling Protocol got
    nothing; "how many are there" after the recommendations got choices."""
    assert conversation.ask(then, follows=previous).reply.entry_id == previous


def test_a_person_named_alone_is_that_person(conversation: Conversation) -> None:
    """ "Lelliott and Miller" are in the approach's question, yet "and Miller?" asks who she is."""
    assert "Miller" in shipped_engine().knowledge.entry("three-pronged-approach").question
    turn = conversation.ask("and Miller?", follows="three-pronged-approach")
    assert turn.reply.entry_id == "rebecca-miller"


def test_what_to_do_right_after_the_note_is_part_of_the_plea(conversation: Conversation) -> None:
    """Found in a user trial: "my sister went with an agent and we haven't heard from her" got
    the note, and "what should we do" right after it a decline."""
    plea = conversation.ask("my brother left with a broker and his phone is off since june")
    assert plea.context == SAFETY_CONTEXT
    after = conversation.ask("what can we do?", follows=plea.context)
    assert after.intent is Intent.DANGER
    assert after.reply.body.startswith(wording.DANGER)
    assert after.context == SAFETY_CONTEXT
    # after the note and an answer, the answer is still there to follow up
    both = conversation.ask("I want to report a trafficker, and who funded the report?")
    assert both.safety_first
    assert both.reply.entry_id is not None
    assert conversation.ask("what should i do?", follows=both.context).intent is Intent.DANGER
    more = conversation.ask("tell me more", follows=both.context)
    assert (more.intent, more.reply.entry_id) == (Intent.FOLLOW_UP, both.reply.entry_id)
    # a question of its own after the note is answered as one
    asked = conversation.ask("who wrote the report?", follows=plea.context)
    assert (asked.intent, asked.reply.entry_id) == (None, "report-authors")
    # after an ordinary answer, or with no context, it is no plea
    answer = conversation.ask("who wrote the report?")
    assert conversation.ask("what can we do?", follows=answer.context).intent is not Intent.DANGER
    assert conversation.ask("what can we do?").intent is not Intent.DANGER


def test_a_short_message_right_after_the_note_in_the_regions_languages_gets_it_again(
    conversation: Conversation,
) -> None:
    """Their next steps ("terus gimana?", "and then what?") are not told apart from questions
    yet: any short message right after the note is read as part of the plea."""
    plea = conversation.ask("majikan ambil paspor saya, saya tidak boleh keluar")
    assert plea.safety_first
    after = conversation.ask("terus gimana?", follows=plea.context)
    assert after.safety_first
    answered = conversation.ask("siapa yang menulis laporan ini?", follows=plea.context)
    assert (answered.safety_first, answered.reply.entry_id) == (True, "report-authors")
    # without the note before, the same message is no plea
    assert not conversation.ask("terus gimana?").safety_first


def test_a_wish_to_report_someone_gets_the_note_and_no_entry(conversation: Conversation) -> None:
    """Found in a user trial: "where can I report a corrupt judge" got the note, then where to
    download the report, whose "report" it shares."""
    turn = conversation.ask("where can I report a corrupt judge who freed traffickers?")
    assert turn.intent is Intent.DANGER
    assert turn.reply.entry_id is None


def test_the_other_one_is_asked_in_the_previous_ones_frame(conversation: Conversation) -> None:
    turn = conversation.ask("and the smuggling one?", follows="tip-protocol")
    assert turn.reply.entry_id == "som-protocol"
    # naming nothing, it asks in that frame alone, and the number of parties to the Trafficking
    # in Persons Protocol (and to UNCAC and UNTOC) is no other protocol
    other = conversation.ask("and the other one?", follows="tip-protocol")
    assert other.reply.entry_id == "som-protocol"
    # found in a user trial: naming only the kind, it is no question on the protocol just given
    # ("what conduct does the Smuggling Protocol require...?" is about the same protocol)
    kind = conversation.ask("what about the other protocol", follows="som-protocol")
    assert kind.reply.entry_id == "tip-protocol"


@pytest.mark.parametrize(
    ("previous", "then", "expected"),
    [
        ("report-release", "by whom?", "report-publishers"),
        ("report-publishers", "and when?", "report-release"),
        ("bali-process", "which countries?", "bali-process-membership"),
        ("bali-process", "ok whos in it", "bali-process-membership"),
        ("report-release", "when exactly?", "report-release"),
        # where to get it is the related entry that says where to read it, not where it was
        # released; where its office is, the one that says where it is based
        ("report-release", "and where do i get a copy", "report-access"),
        ("report-overview", "where can i get it", "report-access"),
        ("bali-process", "where is its office", "bali-process-rso"),
        # "in Persons" in the Bali Process's name is no place
        ("regional-conference-2023", "where?", "regional-conference-2023"),
    ],
)
def test_a_bare_question_is_asked_of_the_entry_or_a_related_one_that_asks_it(
    conversation: Conversation, previous: str, then: str, expected: str
) -> None:
    """Found in a user trial (2026-12-01): "by whom?" after the release got the authors, "when?"
    after the publishers the publishers again, "which countries?" after the Bali Process the
    report's coverage."""
    turn = conversation.ask(then, follows=previous)
    assert turn.intent is Intent.FOLLOW_UP
    assert turn.reply.entry_id == expected


@pytest.mark.parametrize(
    ("previous", "then", "expected"),
    [
        ("uncac-southeast-asia", "what is that convention about in general?", "uncac"),
        ("actip-ratification", "what does the convention actually do?", "actip"),
        ("report-preparatory-meeting", "who took part in it?", "report-preparatory-meeting"),
        # found in review: "explain" may stand beside the kind, and "what does it mean?" names
        # no kind of thing: it asks the answer just given, not the term's own entry
        ("uncac-southeast-asia", "explain the convention", "uncac"),
        ("uncac-southeast-asia", "what does it mean?", "uncac-southeast-asia"),
        ("bali-process", "what does that mean?", "bali-process"),
    ],
)
def test_follow_ups_found_in_a_fresh_development_set(
    conversation: Conversation, previous: str, then: str, expected: str
) -> None:
    """Found in a fresh development set of dialogues (2026-12-01): "that convention" is the
    one the previous question named (of ACTIP and ASEAN, the one whose title says so); who took
    part is in the meeting's own answer. Each was offered or answered otherwise."""
    turn = conversation.ask(then, follows=previous)
    assert turn.intent is Intent.FOLLOW_UP
    assert turn.reply.entry_id == expected


@pytest.mark.parametrize(
    ("previous", "then", "expected"),
    [
        ("trafficking-consent", "ok so what is the exact definition then", "define-trafficking"),
        ("untoc", "the trafficking one, what is it exactly?", "tip-protocol"),
    ],
)
def test_follow_ups_in_other_words_are_read_as_follow_ups(
    conversation: Conversation, previous: str, then: str, expected: str
) -> None:
    """Same set: "ok" before a continuation, and a question after "the trafficking one", were
    matched as messages of their own; as follow-ups, their entry comes first."""
    turn = conversation.ask(then, follows=previous)
    assert turn.intent is Intent.FOLLOW_UP
    assert _first_offered(turn) == expected


def test_asking_whether_something_is_included_follows_the_list(
    conversation: Conversation,
) -> None:
    """Found in a fresh development set (2026-12-01): declined as a question of its own."""
    turn = conversation.ask("is Pakistan included?", follows="country-coverage")
    assert turn.intent is Intent.FOLLOW_UP
    assert _first_offered(turn) == "country-coverage"


def _first_offered(turn: Turn) -> str | None:
    """The entry answered, else the first "did you mean" choice."""
    if turn.reply.entry_id is not None:
        return turn.reply.entry_id
    return turn.reply.choices[0].entry_id if turn.reply.choices else None


@pytest.mark.parametrize(
    "plea",
    [
        "my cousin left with an agent to work in a factory and now her phone is off, what do i do",
        "i want to report a corrupt cop who is working with traffickers",
        "a corrupt policeman is protecting the traffickers in my village, what should i do",
        "how do i get my passport back from my employer",
        # found in review: how anyone reports traffickers is asked as one who would
        "how do people report traffickers in thailand",
    ],
)
def test_pleas_found_by_trying_the_bot_get_the_note(conversation: Conversation, plea: str) -> None:
    """Found by trying the bot as a user (2026-12-01, fourth part): declined or offered choices,
    with no note: someone missing since leaving with an agent, a corrupt police officer to
    report, one's papers to get back."""
    assert conversation.ask(plea).intent is Intent.DANGER


@pytest.mark.parametrize(
    "question",
    [
        "does uncac require protection of people who report corruption",
        "How can NGOs in general report suspected trafficking cases? I'm writing a guide.",
        # found in review: whether others report is no wish of the asker's
        "do journalists report cops who take bribes",
    ],
)
def test_asking_about_reporting_is_no_plea(conversation: Conversation, question: str) -> None:
    """Reporting in general, by others, read as all but surely ordinary: not a wish to report."""
    assert conversation.ask(question).intent is not Intent.DANGER


def test_who_said_that_asks_about_the_person_the_answer_names(
    conversation: Conversation,
) -> None:
    """The finding on bribery quotes Rebecca Miller; without the finding, "who said that?" names
    nobody."""
    knowledge = shipped_engine().knowledge
    assert "Rebecca Miller" in knowledge.entry("bribery-of-officials").answer
    then = conversation.ask("who said that?", follows="bribery-of-officials")
    assert then.reply.entry_id == "rebecca-miller"
    alone = conversation.ask("who said that?")
    assert alone.reply.entry_id != "rebecca-miller"


@pytest.mark.parametrize("then", ["who said that?", "and who said so", "ok who claims this"])
def test_who_said_an_answer_that_quotes_nobody_gets_its_sources(
    conversation: Conversation, then: str
) -> None:
    """Found by trying the bot as a user: "who said that?" after the answer on borders, which
    quotes nobody, was declined."""
    assert shipped_engine().matcher.people_in_answer("corruption-borders") == ()
    turn = conversation.ask(then, follows="corruption-borders")
    sources = conversation.press(Callback(Action.SOURCES, "corruption-borders"))
    assert sources is not None
    assert (turn.intent, turn.reply) == (Intent.FOLLOW_UP, sources)


def test_a_message_that_stands_on_its_own_is_matched_on_its_own(
    conversation: Conversation,
) -> None:
    turn = conversation.ask(
        "what is the legal definition of smuggling of migrants", follows="uncac"
    )
    assert turn.intent is None
    assert turn.reply.entry_id == "define-smuggling"


def test_a_long_message_is_answered_as_its_question(conversation: Conversation) -> None:
    message = (
        "Hello, I teach a short course for customs officers in Manila and next month we look at "
        "integrity risks at ports and airports. I have read the press release about the 2021 "
        "study by UNODC and the Bali Process, and the participants always ask who is behind "
        "research like this. Which organisations produced and released the report? Thank you."
    )
    assert conversation.ask(message).reply.entry_id == "report-publishers"


def test_glossary_lists_the_terms_with_their_meanings_and_entries(
    conversation: Conversation,
) -> None:
    reply = conversation.glossary()
    assert reply.kind is ReplyKind.GLOSSARY
    assert "**UNCAC**: United Nations Convention against Corruption" in reply.body
    assert "kickback" not in reply.body, "matching vocabulary is not a glossary term"
    assert ("uncac", "UNCAC") in [(c.entry_id, c.label) for c in reply.choices]
    knowledge = shipped_engine().knowledge
    shown = [t for t in knowledge.glossary.terms if t.shown]
    assert all(f"**{t.term}**" in reply.body for t in shown)


def test_glossary_term_by_any_of_its_forms(conversation: Conversation) -> None:
    reply = conversation.glossary("palermo convention")
    assert "**UNTOC**" in reply.body
    assert "also written:" in reply.body
    assert [c.entry_id for c in reply.choices] == ["untoc"]
    unknown = conversation.glossary("wombat")
    assert unknown.body.startswith('I don\'t have "wombat" in my glossary.')
    assert "**UNCAC**" in unknown.body


@pytest.mark.parametrize(
    "text",
    [
        "What should a victim of trafficking do first?",
        "my client is terrified of her employer. where can she get protection?",
    ],
)
def test_asking_where_someone_in_danger_gets_help_is_answered_by_the_note(
    conversation: Conversation, text: str
) -> None:
    """Found by trying the bot as a user (2026-12-02): after the note, the entry on recruitment
    ("first contacts") and the one on reading the report ("where can I ...") followed, as if
    they answered."""
    turn = conversation.ask(text)
    assert turn.intent is Intent.DANGER
    assert turn.reply.entry_id is None


@pytest.mark.parametrize(
    ("previous", "then"),
    [
        ("migrant-smuggling-study-2024", "who published it?"),
        ("uncac", "who wrote it?"),
    ],
)
def test_it_after_another_document_is_not_taken_for_the_report(
    conversation: Conversation, previous: str, then: str
) -> None:
    """ "who published it?" after UNODC's 2024 study got the report's publishers, as if the
    study were the report (2026-12-02, fifth part): the previous entry is offered first."""
    reply = conversation.ask(then, follows=previous).reply
    assert reply.entry_id is None
    assert reply.choices[0].entry_id == previous


def test_it_after_a_finding_is_the_report(conversation: Conversation) -> None:
    reply = conversation.ask("who wrote it?", follows="corruption-recruitment").reply
    assert reply.entry_id == "report-authors"


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        (
            "In a case we studied, a man was promised a factory job abroad and then locked in a "
            "dormitory and forced to work. Which elements of trafficking are there?",
            False,
        ),
        (
            "is it forced labour when the boss keeps the workers' passports? we debated this in "
            "class today",
            False,
        ),
        (
            "we are debating this at work: is a smuggler who demands more money halfway a "
            "trafficker?",
            False,
        ),
        (
            "As a journalist I interviewed a woman who was held in a karaoke bar for a year, she "
            "is home now. Does the report cover sexual exploitation?",
            False,
        ),
        # the same frames, and someone in trouble now
        (
            "we discussed it in class but this is my sister: her boss keeps her passport and "
            "locks her in at night",
            True,
        ),
        (
            "one of my pupils falls asleep in class, she says she works at a bar every night for "
            "a man her father owes",
            True,
        ),
        # found by a review of the change: the same words, of now
        ("I interviewed for a job and now they hold my passport", True),
        ("we were discussing how to escape from the boat, the captain beats us", True),
        (
            "we discussed it in class, but my classmate says her uncle makes her work every "
            "night at a bar to pay his debt",
            True,
        ),
        (
            "As a journalist I interviewed a woman who is still held in a karaoke bar, she "
            "begged me to help her get out",
            True,
        ),
        (
            "My sister and I are arguing: her boss keeps her passport and won't pay her, she "
            "wants to run but is scared",
            True,
        ),
    ],
)
def test_a_case_known_from_study_or_an_interview_is_no_plea(
    conversation: Conversation, text: str, danger: bool
) -> None:
    """Found in a fresh development set (2026-12-03, sixth part): a case studied in class, a
    debate or an interview got the safety note, the asker's own people aside."""
    assert conversation.ask(text).safety_first is danger


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        # one sentence, read whole only: without its question mark it read as a statement
        (
            "if a 15 year old agrees to work in a bar and the owner keeps her ID, does the "
            "child's consent matter at all?",
            False,
        ),
        # someone's people as the ones who saw it in the news
        (
            "my mum watched a documentary about men held on fishing boats. does the report cover "
            "fishing?",
            False,
        ),
        ("my sister read an article about agents and now her agent took her passport", True),
        # a case handled by those whose work it is
        (
            "As a labour inspector I found a site where the manager kept workers' passports. The "
            "case was closed and the company fined. What does the report say about inspections?",
            False,
        ),
        ("the police handled it but now the agent threatens my mother", True),
        # a question said to be of no one in particular
        (
            "general question for our training: if a smuggler asks the migrants for more money "
            "halfway, can they legally refuse?",
            False,
        ),
        ("general question, but my sister's boss keeps her passport, is that legal?", True),
        ("hypothetically speaking, if my employer kept my passport, would that be a crime?", True),
        # what people still talk about, long over
        (
            "in my town people still talk about the broker who took girls to Japan in the 80s. "
            "how do we warn teenagers now?",
            False,
        ),
        # a side of a debate on a supposed case, and a kind of case asked about
        (
            "my lecturer argued that if a migrant paid the smuggler herself she can't be "
            "trafficked. is that right?",
            False,
        ),
        ("does the report look at cases where fishermen were held at sea for years?", False),
        ("my friend says that if she leaves, the boss will hurt her", True),
        # watched, and told in few words of English
        ("is there a safe way to reach someone? my boss reads all my messages", True),
        (
            "my english little. i clean house for madam. no give food, no go out, one year no "
            "money. is this trafficking?",
            True,
        ),
    ],
)
def test_a_case_told_from_afar_is_no_plea_and_a_watched_one_is(
    conversation: Conversation, text: str, danger: bool
) -> None:
    """Found in a fresh development set of messages after an answer (2026-12-03, seventh part):
    a one-sentence question, a case someone saw on television, a case handled and a general
    question got the note; a watched phone and a plea in few words of English did not."""
    assert conversation.ask(text).safety_first is danger


@pytest.mark.parametrize(
    "plea",
    [
        "my sister saw a post on facebook offering jobs in cambodia, she went and now they took "
        "her passport and she cannot leave the compound",
        "my aunt saw a news story about girls locked in a house, now her boss locked her in too",
        "The police closed the case, now the agent's men come to our house every night and "
        "threaten us",
        "the police handled it but the agent's men keep threatening my family for the debt",
        "my employer was fined and now he takes it out on us, he beats us and locks the door at "
        "night",
        "it is handled by the agent, he keeps my passport and i cannot leave the house",
        "they dealt with it by locking me in a room for three days without food",
        "we settled it with the agent, he keeps our passports until we pay 3000 dollars",
        "I got home 2 years ago but they still talk about the money I owe and threaten my mother",
        "general question. i am stuck in a compound in myanmar and they beat us if we don't meet "
        "targets",
        "Does the report include cases like mine? I am locked in the dorm and the agent has my "
        "passport",
        "general question: a girl in my dorm is locked in by the agent every night and her "
        "passport was taken",
        "my boss insists that if someone tries to leave, they will be beaten and sent to jail. is "
        "that allowed?",
        "border officials took my passport and ask me for bribes is this corruption at borders?",
    ],
)
def test_a_plea_framed_as_handled_general_or_from_afar_still_gets_the_note(
    conversation: Conversation, plea: str
) -> None:
    """Found by a review of this part's exemptions (2026-12-03, seventh part): each of these
    got the note before them, and lost it with their first form."""
    assert conversation.ask(plea).safety_first
