"""End to end: the real python-telegram-bot Application against the fake Bot API server.

Each test sends updates the way Telegram would and asserts the exact Bot API calls the bot
makes in return: method, chat, text, parse mode and keyboard.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.ext import CommandHandler

from bot import replies, wording
from bot.conversation import Conversation
from bot.followups import CONTEXT_SECONDS, ChatMemory
from bot.intents import Intent
from bot.knowledge import answer_markup
from bot.replies import ReplyKind
from bot.wording import FrontEnd
from tests.support.fake_telegram import DEFAULT_GROUP_ID, DEFAULT_USER_ID, Call
from tests.support.journal import RecordingJournal
from tests.support.running import Bot
from tests.support.shipped import shipped_engine

USER = DEFAULT_USER_ID
GROUP = DEFAULT_GROUP_ID


def keyboard(call: Call) -> list[list[dict[str, Any]]]:
    markup_: dict[str, Any] = call.params.get("reply_markup") or {}
    rows: list[list[dict[str, Any]]] = markup_.get("inline_keyboard", [])
    return rows


def callbacks(call: Call) -> list[str]:
    return [b["callback_data"] for row in keyboard(call) for b in row if "callback_data" in b]


def answer_html(entry_id: str) -> str:
    """An entry's answer as sent, its topic's note included."""
    return answer_markup.to_html(replies.answer(shipped_engine().knowledge, entry_id).body)


# --- private chat ---------------------------------------------------------------------------


async def test_start_welcomes_with_examples_and_commands(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("/start"))
    assert reply.params["chat_id"] == str(USER)
    assert reply.params["parse_mode"] == "HTML"
    assert reply.params["text"].startswith("Hello! I answer questions")
    assert "/topics" in reply.params["text"]
    assert "unofficial companion" in reply.params["text"]
    assert len(callbacks(reply)) == 3
    assert all(data.startswith("o:") for data in callbacks(reply))


async def test_language_is_chosen_per_chat_and_changes_the_bots_words(bot: Bot) -> None:
    """/start follows the person's Telegram language; /language and a press change every word
    of that chat (not the others'); "follow each message" goes back."""
    knowledge = shipped_engine().knowledge
    thai, khmer = (knowledge.translations[code].words for code in ("th", "km"))
    other = USER + 1
    bot.fake.user(other, language_code="th")
    [welcome] = await bot.send(bot.fake.message("/start", user_id=other))
    assert welcome.params["text"].startswith(answer_markup.to_html(thai.welcome.split("\n")[0]))

    [menu] = await bot.send(bot.fake.message("/language"))
    assert menu.params["text"] == answer_markup.to_html(wording.LANGUAGE_MENU)
    assert "l:km" in callbacks(menu)
    [chosen] = await bot.send(bot.fake.callback_query("l:km"))
    assert chosen.params["text"] == answer_markup.to_html(khmer.language_chosen)
    [helped] = await bot.send(bot.fake.message("/help"))
    assert helped.params["text"].endswith(answer_markup.to_html(khmer.help_telegram))
    [answer] = await bot.send(bot.fake.message("who funded the report"))
    assert khmer.sources_button in [b["text"] for row in keyboard(answer) for b in row]
    assert callbacks(answer)[0] == "s:report-funding:km"
    [other_help] = await bot.send(bot.fake.message("/help", user_id=other))
    assert other_help.params["text"].endswith(answer_markup.to_html(thai.help_telegram))

    [again] = await bot.send(bot.fake.message("/language"))
    assert callbacks(again)[-1] == "l:auto:km"
    [follows] = await bot.send(bot.fake.callback_query("l:auto:km"))
    assert follows.params["text"] == answer_markup.to_html(khmer.language_follows)
    [english] = await bot.send(bot.fake.message("/help"))
    assert english.params["text"].startswith("<b>How to ask</b>")


async def test_deep_link_opens_the_answer(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("/start uncac"))
    assert reply.params["text"] == answer_html("uncac")
    data = callbacks(reply)
    assert data[0] == "s:uncac"
    assert data[-2:] == ["y:uncac", "n:uncac"]
    urls = [b["url"] for row in keyboard(reply) for b in row if "url" in b]
    assert urls == [link.url for link in shipped_engine().knowledge.entry("uncac").links]


async def test_unknown_deep_link_explains_and_welcomes(bot: Bot) -> None:
    [welcome] = await bot.send(bot.fake.message("/start no-such-entry"))
    assert welcome.params["text"].startswith("Sorry, I don't know that link")
    assert "Hello!" in welcome.params["text"]
    assert len(callbacks(welcome)) == 3


async def test_question_is_answered_without_link_previews(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("who funded the research?"))
    assert reply.params["text"] == answer_html("report-funding")
    assert reply.params["parse_mode"] == "HTML"
    assert reply.params["link_preview_options"] == {"is_disabled": True}


async def test_clarify_then_tap_a_choice(bot: Bot, journal: RecordingJournal) -> None:
    question = _clarified_question()
    [reply] = await bot.send(bot.fake.message(question))
    assert reply.params["text"] == wording.DID_YOU_MEAN
    choices = callbacks(reply)
    assert choices[-1] == "x:"
    assert 1 <= len(choices) - 1 <= 3
    message_id = bot.fake.bot_messages(USER)[-1]["message_id"]
    [opened] = await bot.send(bot.fake.callback_query(choices[0], message_id=message_id))
    assert opened.params["text"] == answer_html(choices[0].removeprefix("o:"))
    [none] = await bot.send(bot.fake.callback_query("x:", message_id=message_id))
    assert none.params["text"] == answer_markup.to_html(wording.NONE_OF_THESE)
    assert journal.unanswered == [question]


def _clarified_question() -> str:
    conversation = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    candidates = [
        "corruption and smuggling",
        "the 2021 report",
        "corruption report",
        "protocol",
        "bali process members and objectives",
    ]
    clarified = [q for q in candidates if conversation.ask(q).reply.kind is ReplyKind.CLARIFY]
    assert clarified, "no vague question left that the matcher clarifies: add one"
    return clarified[0]


async def test_out_of_scope_is_declined_with_topics(bot: Bot, journal: RecordingJournal) -> None:
    [reply] = await bot.send(bot.fake.message("who won the football world cup"))
    assert reply.params["text"] == answer_markup.to_html(wording.OUT_OF_SCOPE)
    data = callbacks(reply)
    assert sum(d.startswith("o:") for d in data) == 2
    assert {d for d in data if d.startswith("p:")} == {
        f"p:{t.id}" for t in shipped_engine().knowledge.topics
    }
    assert journal.unanswered == ["who won the football world cup"]


async def test_the_regions_languages_are_answered_and_others_told_english_only(
    bot: Bot,
) -> None:
    [reply] = await bot.send(bot.fake.message("ai tài trợ cho báo cáo này?"))
    words = shipped_engine().knowledge.translations["vi"].words
    assert reply.params["text"].startswith(answer_markup.to_html(words.in_english))
    assert callbacks(reply)[0] == "s:report-funding:vi", "its buttons keep the language"
    assert "Department of Home Affairs" in reply.params["text"]
    [reply] = await bot.send(bot.fake.message("什么是腐败"))
    english = f"{wording.NOT_ENGLISH}\n\n{wording.DANGER}"
    assert reply.params["text"] == answer_markup.to_html(english)


async def test_small_talk_and_danger(bot: Bot) -> None:
    [hello] = await bot.send(bot.fake.message("hi"))
    assert hello.params["text"] == answer_markup.to_html(wording.GREETING)
    [danger] = await bot.send(bot.fake.message("my boss took my passport and I can't leave"))
    assert danger.params["text"] == answer_markup.to_html(wording.DANGER)
    assert keyboard(danger) == []


async def test_topic_browsing_edits_one_message_there_and_back(bot: Bot) -> None:
    [menu] = await bot.send(bot.fake.message("/topics"))
    assert callbacks(menu) == [f"p:{t.id}" for t in shipped_engine().knowledge.topics]
    [law] = await bot.send(bot.fake.callback_query("p:law"), method="editMessageText")
    assert law.params["text"].startswith("<b>International law</b>")
    assert "o:uncac" in callbacks(law)
    assert callbacks(law)[-1] == "t:"
    [back] = await bot.send(bot.fake.callback_query("t:"), method="editMessageText")
    assert callbacks(back) == callbacks(menu)
    assert len(bot.fake.calls("sendMessage")) == 1, "browsing does not flood the chat"
    assert len(bot.fake.calls("answerCallbackQuery")) == 2


TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


async def test_a_press_too_old_for_its_toast_still_gets_what_it_asked_for(bot: Bot) -> None:
    """Telegram takes a press's toast only for a few seconds: a press from a backlog, or
    answered again after a restart, still opens its answer or turns its page."""
    [welcome] = await bot.send(bot.fake.message("/start"))
    opening = callbacks(welcome)[0]
    bot.fake.fail_next("answerCallbackQuery", status=400, description=TOO_OLD)
    [opened] = await bot.send(bot.fake.callback_query(opening))
    assert opened.params["text"] == answer_html(opening.removeprefix("o:"))
    await bot.send(bot.fake.message("/topics"))
    bot.fake.fail_next("answerCallbackQuery", status=400, description=TOO_OLD)
    [law] = await bot.send(bot.fake.callback_query("p:law"), method="editMessageText")
    assert law.params["text"].startswith("<b>International law</b>")
    assert len(bot.fake.calls("answerCallbackQuery")) == 2, "each toast tried once"


async def test_sources_and_feedback(bot: Bot, journal: RecordingJournal) -> None:
    await bot.send(bot.fake.message("/start untoc"))
    [sources] = await bot.send(bot.fake.callback_query("s:untoc"))
    assert sources.params["text"].startswith("<b>Sources</b>")
    for source in shipped_engine().knowledge.entry("untoc").sources:
        assert answer_markup.to_html(source) in sources.params["text"]
    first_id = bot.fake.bot_messages(USER)[0]["message_id"]  # the answer, with 👍 / 👎
    [edited] = await bot.send(
        bot.fake.callback_query("y:untoc", message_id=first_id), method="editMessageReplyMarkup"
    )
    assert "y:untoc" not in callbacks(edited)
    assert "k:" in callbacks(edited)
    assert "s:untoc" in callbacks(edited), "the other buttons stay"
    ack = bot.fake.calls("answerCallbackQuery")[-1]
    assert ack.params["text"] == wording.RATED
    assert journal.ratings == [("untoc", True)]


async def test_non_text_messages_get_a_polite_note(bot: Bot) -> None:
    for update in (bot.fake.sticker(), bot.fake.photo(), bot.fake.voice(), bot.fake.document()):
        [reply] = await bot.send(update)
        assert reply.params["text"] == wording.NON_TEXT


# --- inline mode ----------------------------------------------------------------------------


async def test_inline_query_lists_answers(bot: Bot) -> None:
    [answered] = await bot.send(
        bot.fake.inline_query("who funded the research"), "answerInlineQuery"
    )
    results = answered.params["results"]
    assert results[0]["id"] == "report-funding"
    assert results[0]["title"] == shipped_engine().knowledge.entry("report-funding").question
    assert results[0]["description"]
    assert results[0]["input_message_content"]["message_text"] == answer_html("report-funding")
    assert results[0]["input_message_content"]["parse_mode"] == "HTML"
    for result in results:
        buttons = [
            b for row in result.get("reply_markup", {}).get("inline_keyboard", []) for b in row
        ]
        assert all("url" in b for b in buttons)
    [empty] = await bot.send(bot.fake.inline_query(""), "answerInlineQuery")
    assert len(empty.params["results"]) >= 6


# --- groups ---------------------------------------------------------------------------------


async def test_group_ignores_plain_messages_and_answers_when_addressed(bot: Bot) -> None:
    username = bot.fake.bot_user["username"]
    await bot.ignored(bot.fake.group_message("who funded the research?"))
    [mention] = await bot.send(bot.fake.group_message(f"@{username} who funded the research?"))
    assert mention.params["chat_id"] == str(GROUP)
    assert mention.params["text"] == answer_html("report-funding")
    bots_message = bot.fake.bot_messages(GROUP)[-1]["message_id"]
    [reply] = await bot.send(bot.fake.group_message("who wrote the report?", reply_to=bots_message))
    assert reply.params["text"] == answer_html("report-authors")
    [asked] = await bot.send(bot.fake.group_message(f"/ask@{username} what is UNCAC"))
    assert asked.params["text"] == answer_html("uncac")
    await bot.ignored(bot.fake.group_message("/ask@another_bot what is UNCAC"))
    await bot.ignored(bot.fake.sticker(chat_id=GROUP, chat_type="group"))
    [usage] = await bot.send(bot.fake.group_message("/ask"))
    assert usage.params["text"].startswith("Type your question after /ask")
    assert "reply_parameters" in mention.params, "in groups the answer quotes the question"


async def test_a_group_question_deleted_before_the_answer_is_still_answered(bot: Bot) -> None:
    """The asker (or an admin, or an anti-spam bot) deleted the question while its answer
    waited: the answer is sent, without the quote."""
    question = bot.fake.group_message(f"@{bot.fake.bot_user['username']} who funded the research?")
    bot.fake.delete_message(GROUP, question["message"]["message_id"])
    [answer] = await bot.send(question)
    assert answer.params["reply_parameters"]["allow_sending_without_reply"] is True
    assert bot.fake.delivered(GROUP) == [answer.params["text"]]


async def test_private_answers_do_not_quote(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("who funded the research?"))
    assert "reply_parameters" not in reply.params


# --- the application -----------------------------------------------------------------------


async def test_commands_menu_and_handlers_come_from_one_table(bot: Bot) -> None:
    registered = {
        command
        for handlers in bot.application.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }
    tables = (*wording.COMMANDS, *wording.ADMIN_COMMANDS)
    assert registered == {command.name for command in tables}
    post_init = bot.application.post_init
    assert post_init is not None
    await post_init(bot.application)  # what run_polling does on start
    menu, *translated = bot.fake.calls("setMyCommands")  # no ADMIN_IDS: no admin menus
    assert [(c["command"], c["description"]) for c in menu.params["commands"]] == [
        (command.name, command.menu) for command in wording.COMMANDS
    ]
    assert "language_code" not in menu.params
    thai = shipped_engine().knowledge.translations["th"].words.commands["topics"]
    by_language = {call.params["language_code"]: call.params["commands"] for call in translated}
    assert set(by_language) == {"id", "ms", "th", "vi", "tl", "km", "my"}
    assert {"command": "topics", "description": thai.partition(": ")[2]} in by_language["th"]
    assert all(len(commands) == len(wording.COMMANDS) for commands in by_language.values())


# --- errors ---------------------------------------------------------------------------------


async def test_a_handler_that_raises_gets_the_apology_sent_and_the_error_logged(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(question: str, follows: str | None = None, **_: object) -> None:
        raise RuntimeError("the matcher broke")

    monkeypatch.setattr(bot.application.bot_data.conversation, "ask", broken)
    [apology] = await bot.send(bot.fake.message("who funded the research?"))
    assert apology.params["text"] == wording.SORRY
    for _ in range(100):  # the error handlers run one after the other: wait for ours
        if bot.errors:
            break
        await asyncio.sleep(0.01)
    assert [str(error) for error in bot.errors] == ["the matcher broke"]
    assert any(
        record.levelname == "ERROR" and "handler failed on update" in record.getMessage()
        for record in caplog.records
    )
    bot.errors.clear()  # seen and checked: the fixture's "no handler raised" is for other tests


# --- safety, follow-ups, long messages, did you mean, legal questions ----------------------

HELD = "they locked my sister in the factory dormitory and took her passport, she cannot leave"
PROTOCOL_QUESTION = "what is the trafficking in persons protocol?"


def _answered_id(question: str) -> str:
    """The entry the matcher answers `question` with (it must answer, not clarify)."""
    found = shipped_engine().matcher.match(question)
    assert found.answer_id is not None, f"{question!r} is no longer answered"
    return found.answer_id


async def settled(bot: Bot) -> None:
    """Wait until every update the bot received is fully handled: `send` returns on the
    sendMessage call, and the handler remembers the answer only after it."""
    processor = bot.application.update_processor
    for _ in range(200):
        if bot.application.update_queue.empty() and processor.current_concurrent_updates == 0:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the bot is still handling updates")


def more_html(entry_id: str) -> str:
    question = shipped_engine().knowledge.entry(entry_id).question
    return answer_markup.to_html(wording.MORE_ABOUT.format(question=question))


def more_callbacks(entry_id: str) -> list[str]:
    """A "tell me more" reply's buttons: Sources, then the entry's related questions."""
    knowledge = shipped_engine().knowledge
    related = [i for i in knowledge.entry(entry_id).related if knowledge.get(i)]
    return [f"s:{entry_id}", *(f"o:{i}" for i in related)]


async def test_danger_in_a_group_is_answered_only_when_addressed(
    bot: Bot, journal: RecordingJournal
) -> None:
    username = bot.fake.bot_user["username"]
    await bot.ignored(bot.fake.group_message(HELD))  # privacy: never read along
    [danger] = await bot.send(bot.fake.group_message(f"@{username} {HELD}"))
    assert danger.params["chat_id"] == str(GROUP)
    assert danger.params["parse_mode"] == "HTML"
    assert danger.params["text"].startswith(answer_markup.to_html(wording.DANGER))
    assert "reply_parameters" in danger.params
    assert len(bot.fake.calls("sendMessage")) == 1
    assert journal.unanswered == [], "a plea is not logged as an unanswered question"


async def test_what_to_do_after_the_note_in_a_group_thread_gets_it_again(
    bot: Bot, journal: RecordingJournal
) -> None:
    """The thread of replies to the safety note keeps that it was one, never the plea's text."""
    username = bot.fake.bot_user["username"]
    [danger] = await bot.send(bot.fake.group_message(f"@{username} {HELD}"))
    assert danger.params["text"].startswith(answer_markup.to_html(wording.DANGER))
    notes_message = bot.fake.bot_messages(GROUP)[-1]["message_id"]
    await settled(bot)
    [again] = await bot.send(bot.fake.group_message("what should we do?", reply_to=notes_message))
    assert again.params["text"].startswith(answer_markup.to_html(wording.DANGER))
    assert [q.text for q in journal.questions] == [None, None]


async def test_the_regions_languages_in_a_group_and_inline(
    bot: Bot, journal: RecordingJournal
) -> None:
    """A Thai plea addressed to the bot in a group gets the Thai safety note first; a
    Vietnamese question typed inline is offered its entry; neither text is kept."""
    knowledge = shipped_engine().knowledge
    username = bot.fake.bot_user["username"]
    plea = "นายจ้างยึดพาสปอร์ตของฉัน ไม่ให้ออกจากบ้าน ช่วยด้วย"
    await bot.ignored(bot.fake.group_message(plea))
    [danger] = await bot.send(bot.fake.group_message(f"@{username} {plea}"))
    assert danger.params["text"].startswith(
        answer_markup.to_html(knowledge.translations["th"].words.danger)
    )
    [inline] = await bot.send(
        bot.fake.inline_query("ai tài trợ cho báo cáo này"), "answerInlineQuery"
    )
    assert "report-funding" in [result["id"] for result in inline.params["results"]]
    assert [q.text for q in journal.questions] == [None]


async def test_tell_me_more_in_a_private_chat_continues_the_last_answer(bot: Bot) -> None:
    entry_id = _answered_id(PROTOCOL_QUESTION)
    [answer] = await bot.send(bot.fake.message(PROTOCOL_QUESTION))
    assert answer.params["text"] == answer_html(entry_id)
    assert callbacks(answer)[0] == f"s:{entry_id}"
    await settled(bot)
    [more] = await bot.send(bot.fake.message("tell me more"))
    assert more.params["chat_id"] == str(USER)
    assert more.params["text"] == more_html(entry_id)
    assert callbacks(more) == more_callbacks(entry_id)
    urls = [b["url"] for row in keyboard(more) for b in row if "url" in b]
    assert urls == [link.url for link in shipped_engine().knowledge.entry(entry_id).links]


async def test_tell_me_more_after_the_memory_expired_is_not_a_follow_up(
    bot: Bot, journal: RecordingJournal
) -> None:
    now = [1_000.0]
    bot.application.bot_data.chat_memory = ChatMemory(clock=lambda: now[0])
    entry_id = _answered_id(PROTOCOL_QUESTION)
    await bot.send(bot.fake.message(PROTOCOL_QUESTION))
    await settled(bot)
    now[0] += CONTEXT_SECONDS - 60
    [more] = await bot.send(bot.fake.message("tell me more"))
    assert more.params["text"] == more_html(entry_id)
    await settled(bot)
    now[0] += CONTEXT_SECONDS + 1  # the "more" reply was about the entry, and remembered it
    [forgotten] = await bot.send(bot.fake.message("tell me more"))
    assert forgotten.params["text"] == answer_markup.to_html(wording.OUT_OF_SCOPE)
    assert f"s:{entry_id}" not in callbacks(forgotten)
    assert journal.unanswered == ["tell me more"]


def test_chat_memory_forgets_after_fifteen_minutes_and_keeps_keys_apart() -> None:
    now = [0.0]
    memory = ChatMemory(clock=lambda: now[0])
    memory.remember((USER,), "tip-protocol")
    memory.remember((GROUP, 7), "untoc")
    memory.remember((GROUP, 8), None)  # a reply without an entry leaves nothing
    assert CONTEXT_SECONDS == 15 * 60
    now[0] = CONTEXT_SECONDS
    assert memory.recall((USER,)) == "tip-protocol"
    assert memory.recall((GROUP, 7)) == "untoc"
    assert memory.recall((GROUP, 8)) is None
    assert memory.recall((GROUP,)) is None
    now[0] = CONTEXT_SECONDS + 1
    assert memory.recall((USER,)) is None
    assert memory.recall((GROUP, 7)) is None
    memory.remember((USER,), "untoc")
    assert memory.recall((USER,)) == "untoc"


async def test_tell_me_more_in_a_group_follows_the_reply_thread(bot: Bot) -> None:
    username = bot.fake.bot_user["username"]
    other_user = USER + 1
    entry_id = _answered_id(PROTOCOL_QUESTION)
    [answer] = await bot.send(bot.fake.group_message(f"@{username} {PROTOCOL_QUESTION}"))
    assert answer.params["chat_id"] == str(GROUP)
    assert answer.params["text"] == answer_html(entry_id)
    bots_message = bot.fake.bot_messages(GROUP)[-1]["message_id"]
    await settled(bot)
    [more] = await bot.send(bot.fake.group_message("tell me more", reply_to=bots_message))
    assert more.params["chat_id"] == str(GROUP)
    assert more.params["text"] == more_html(entry_id)
    assert callbacks(more) == more_callbacks(entry_id)
    assert "reply_parameters" in more.params
    # neither a reply to the bot nor a mention: not read at all
    await bot.ignored(bot.fake.group_message("tell me more", user_id=other_user))
    # a mention outside the thread starts afresh: the group as a whole has no context
    [fresh] = await bot.send(bot.fake.group_message(f"@{username} tell me more"))
    assert fresh.params["text"] != more_html(entry_id)
    assert f"s:{entry_id}" not in callbacks(fresh)


LONG_QUESTION = (
    "Hi, I am a master's student writing my thesis on migrant smuggling in Southeast Asia, and "
    "last week I presented at a workshop in Bangkok where several people cited the 2021 UNODC "
    "report on corruption as a facilitator of smuggling and trafficking in the Bali Process "
    "region. One of the participants asked me something I could not answer, so I am hoping "
    "you can help me: who actually funded the research behind that report?"
)


async def test_a_long_message_with_one_question_gets_that_answer(bot: Bot) -> None:
    assert 60 <= len(LONG_QUESTION.split()) <= 100
    [reply] = await bot.send(bot.fake.message(LONG_QUESTION))
    assert reply.params["chat_id"] == str(USER)
    assert reply.params["text"] == answer_html("report-funding")
    assert callbacks(reply)[0] == "s:report-funding"
    assert callbacks(reply)[-2:] == ["y:report-funding", "n:report-funding"]


async def test_did_you_mean_then_none_of_these_records_the_question(
    bot: Bot, journal: RecordingJournal
) -> None:
    question = _clarified_question()
    offered = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM).ask(question)
    [reply] = await bot.send(bot.fake.message(question))
    assert reply.params["text"] == answer_markup.to_html(wording.DID_YOU_MEAN)
    choices = callbacks(reply)
    assert 1 <= len(choices) - 1 <= 3
    assert choices == [*(f"o:{c.entry_id}" for c in offered.reply.choices), "x:"]
    assert journal.unanswered == [], "a did-you-mean is not an unanswered question"
    message_id = bot.fake.bot_messages(USER)[-1]["message_id"]
    [none] = await bot.send(bot.fake.callback_query("x:", message_id=message_id))
    assert none.params["chat_id"] == str(USER)
    assert none.params["text"] == answer_markup.to_html(wording.NONE_OF_THESE)
    assert journal.unanswered == [question]
    assert len(bot.fake.calls("answerCallbackQuery")) == 1


PERSONAL_LEGAL_QUESTION = "will I go to jail if I paid a smuggler to bring me here?"


async def test_a_personal_legal_question_ends_with_the_legal_note(bot: Bot) -> None:
    conversation = Conversation(shipped_engine(), RecordingJournal(), FrontEnd.TELEGRAM)
    assert conversation.ask(PERSONAL_LEGAL_QUESTION).intent is Intent.PERSONAL_LEGAL
    note = answer_markup.to_html(wording.LEGAL_NOTE)
    [reply] = await bot.send(bot.fake.message(PERSONAL_LEGAL_QUESTION))
    entry_id = "smuggled-migrants-not-criminalised"
    noted = replies.answer(shipped_engine().knowledge, entry_id, note=wording.LEGAL_NOTE)
    assert reply.params["text"] == answer_markup.to_html(noted.body)
    assert reply.params["text"].endswith(note), "in place of the law topic's own line"
    assert callbacks(reply)[0] == f"s:{entry_id}"
    assert callbacks(reply)[-2:] == [f"y:{entry_id}", f"n:{entry_id}"]
    about_someone = "can I be prosecuted for paying a smuggler to bring my brother?"
    [other] = await bot.send(bot.fake.message(about_someone))
    assert other.params["text"].endswith(note)


async def test_glossary_lists_terms_with_buttons_to_their_answers(bot: Bot) -> None:
    [reply] = await bot.send(bot.fake.message("/glossary"))
    assert "<b>UNCAC</b>: United Nations Convention against Corruption" in reply.params["text"]
    assert "o:uncac" in callbacks(reply)
    [one] = await bot.send(bot.fake.message("/glossary palermo convention"))
    assert "<b>UNTOC</b>" in one.params["text"]
    assert callbacks(one) == ["o:untoc"]


async def test_a_thai_follow_up_is_offered_the_previous_answers_neighbours(bot: Bot) -> None:
    """ "ประชุมกันที่ไหน" (where do they meet?) names no subject: after the Bali Process, in
    the same chat, its meetings are offered, in Thai."""
    [first] = await bot.send(bot.fake.message("Bali Process คืออะไร"))
    assert first.params["text"].endswith(answer_html("bali-process"))
    await settled(bot)
    [offered] = await bot.send(bot.fake.message("ประชุมกันที่ไหน"))
    thai = shipped_engine().knowledge.translations["th"].words
    assert offered.params["text"] == answer_markup.to_html(thai.did_you_mean)
    choices = callbacks(offered)
    assert choices[0] == "o:bali-process-meetings:th"
    assert choices[-1] == "x::th"
