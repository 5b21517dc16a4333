"""The reply pipeline: every message, command and button press of any front end comes here.

The Telegram handlers, the terminal chat and `python -m bot ask` call these methods and only
render what they return, so all three give the same replies and all the deciding is tested
without Telegram.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from bot import __version__, replies
from bot.callbacks import Action, Callback
from bot.engine import AnswerEngine
from bot.followups import (
    Request,
    asks_if_included,
    asks_next_step,
    asks_who_said,
    context_of,
    depends_on_context,
    read_context,
    request_of,
    wants_another,
    without_new_subject,
)
from bot.intents import (
    Intent,
    Reader,
    SmallTalk,
    asks_for_wrongdoing,
    asks_opinion,
    regional_small_talk,
    without_greeting,
)
from bot.knowledge import KnowledgeBase, answer_markup
from bot.language_choice import FOLLOW_MESSAGES, LanguageChoices, RememberedLanguages
from bot.languages import looks_english, unread
from bot.matching import (
    SCRIPT_LANGUAGES,
    Decision,
    Match,
    Reason,
    asking_sentences,
    spelled_out,
)
from bot.replies import Delivery, Reply
from bot.store import (
    Asked,
    Candidate,
    ChatKind,
    Journal,
    Pressed,
    PressKind,
    StoreError,
    redacted,
)
from bot.wording import FrontEnd
from bot.words import Voice, command_list, named_language, served, voice_in

logger = logging.getLogger(__name__)

WELCOME_EXAMPLES = 3
INLINE_RESULTS = 10
KEPT_CANDIDATES = 3
RETENTION_DAYS = 90  # what /privacy says when the front end does not say otherwise
SAFETY_RESULT = "safety"  # the inline result that carries the safety note
# a message in the region's languages this short, right after the note, is read as part of the
# plea ("terus gimana?"): their next steps are not told apart from questions yet
NEXT_STEP_CHARACTERS = 40
# what the bot says of itself: after the safety note, it still answers "help" or "is this chat
# private?"
_ABOUT_ITSELF = frozenset(
    {Intent.CAPABILITIES, Intent.ABOUT_BOT, Intent.PRIVACY, Intent.LANGUAGES, Intent.HUMAN}
)


@dataclass(frozen=True, slots=True)
class Turn:
    """What a message got: the reply, and why (the intent recognised, the matcher's decision)."""

    reply: Reply
    intent: Intent | None
    match: Match
    legal_note: bool = False  # the reply says it explains the treaties, not the asker's law

    @property
    def safety_first(self) -> bool:
        """Whether the reply opens with the safety note."""
        return self.intent in (Intent.DANGER, Intent.REGIONAL_LANGUAGE)

    @property
    def context(self) -> str | None:
        """What the chat's next message may be read with: the entry answered, and whether the
        safety note came first ("what should we do?" right after it is part of the plea)."""
        return context_of(self.reply.entry_id, safety=self.safety_first)

    @property
    def text_kept(self) -> str | None:
        """The message as a later press of its "did you mean" buttons may be recorded with;
        None where its text is never kept (from someone in danger, or in another language)."""
        return None if _unkept(self.match, self.intent) else self.match.question


@dataclass(frozen=True, slots=True)
class InlineAnswer:
    """One inline-mode result: an entry offered for posting into any chat."""

    entry_id: str
    title: str
    description: str
    reply: Reply


class Conversation:
    def __init__(
        self,
        engine: AnswerEngine,
        journal: Journal,
        front_end: FrontEnd,
        *,
        retention_days: int = RETENTION_DAYS,
        languages: LanguageChoices | None = None,
        maintainer: str | None = None,
    ) -> None:
        """`maintainer`: who runs this bot and how to reach them, for /about (`MAINTAINER`)."""
        self.engine = engine  # replaced whole by a reload; each reply reads it once
        self.journal = journal
        self.front_end = front_end
        self.retention_days = retention_days
        self.languages = languages or RememberedLanguages()
        self.maintainer = maintainer
        self._chat = ChatKind.TERMINAL if front_end is FrontEnd.TERMINAL else ChatKind.PRIVATE

    # --- the language of the bot's words ---------------------------------------------------

    def chosen_language(self, chat: str) -> str | None:
        """The language a chat (by its pseudonym) chose for the bot's words; None: follow each
        message, also while the store cannot be read (the reply matters more)."""
        try:
            return self.languages.chosen(chat)
        except StoreError as error:
            logger.warning("cannot read the chat's language: %s", error)
            return None

    def command_language(self, chosen: str | None, hint: str | None) -> str | None:
        """The language of a command's reply, which has no text to tell it by: the chat's
        choice, else the language the person's Telegram is set to, when the bot speaks it."""
        return chosen or served(self.engine.knowledge, hint)

    def words(self, language: str | None) -> Voice:
        return voice_in(self.engine.knowledge, language)

    def language_menu(self, language: str | None = None) -> Reply:
        """/language: the languages to choose from, in the chat's current one."""
        return _language_menu(self.engine.knowledge, language)

    def choose_language(self, chat: str, code: str, current: str | None = None) -> Reply:
        """Keep a chat's choice and confirm it in the chosen language; `FOLLOW_MESSAGES`
        withdraws it, confirmed in the `current` one; an unknown code gets the menu again."""
        knowledge = self.engine.knowledge
        chosen = None if code == FOLLOW_MESSAGES else voice_in(knowledge, code)
        if chosen is not None and chosen.code != code:
            return _language_menu(knowledge, current)
        try:
            self.languages.choose(chat, None if chosen is None else code)
        except StoreError as error:  # not kept: saying it was would be untrue
            logger.warning("cannot keep the chat's language: %s", error)
            voice = voice_in(knowledge, current)
            return replies.fixed(voice.words.sorry, voice=voice)
        if chosen is None:
            voice = voice_in(knowledge, current)
            return replies.fixed(voice.words.language_follows, voice=voice)
        return replies.fixed(chosen.words.language_chosen, voice=chosen)

    # --- free text -----------------------------------------------------------------------

    def ask(
        self,
        question: str,
        follows: str | None = None,
        *,
        chat: ChatKind | None = None,
        workshop: str | None = None,
        language: str | None = None,
    ) -> Turn:
        """The reply to a message, recorded in the journal. `follows` is the context of the
        chat's last reply (`Turn.context`), if the front end remembers one: a message that only
        makes sense after it is read with it. `chat` is where it was asked (default: this front
        end's), `workshop` the session running there, if any, and `language` the one the chat
        chose for the bot's words (None: the message's own)."""
        turn = self._reply(question, follows, language)
        self.journal.record(
            _asked(turn.match, turn.intent, turn.reply.entry_id, chat or self._chat, workshop)
        )
        return turn

    def _reply(self, question: str, follows: str | None, language: str | None) -> Turn:
        engine = self.engine  # one engine for the whole reply: a reload may swap it meanwhile
        knowledge, reader = engine.knowledge, engine.reader
        text = without_new_subject(without_greeting(question))
        if (greeted := regional_small_talk(question)) is not None:
            return _small_talk_in(knowledge, question, *greeted, language)
        found = _match(engine, text)
        after_safety, follows = read_context(follows)
        if found.language is not None and follows is not None:
            # "สมาชิกมีใครบ้าง" (who are the members?) after the Bali Process
            found = engine.matcher.regional_follow_up(found, follows)
        if found.language is not None:
            danger = reader.regional_danger(
                found.language,
                question,
                found.as_likely,
                answered=found.decision is Decision.ANSWER,
            )
            if after_safety and danger is False and len(question.strip()) <= NEXT_STEP_CHARACTERS:
                # "terus gimana?" right after the note is part of the plea: the note again, then
                # any answer
                danger = True
            voice = voice_in(knowledge, language or found.language)
            if danger and (
                reader.regional_would_report(found.language, question)
                or _asks_nothing(found.language, question)
            ):
                # as in English: a wish to report someone gets the note alone, whose entries
                # share the words of what would be reported ("lapor pegawai imigresen"), and so
                # does a plea that asks nothing (an entry sharing its words, the fishing
                # industry's after "I'm held on a fishing boat", would read as unkind)
                safety = "\n\n".join(replies.safety_notes(knowledge, found.language, voice))
                return Turn(replies.fixed(safety, voice=voice), _regional_intent(danger), found)
            if danger is False:
                # asking for a language ("ขอเป็นภาษาไทยได้ไหม") is asking about the bot too: the
                # menu that switches to it answers best
                if (asked_for := _asked_for_language(knowledge, found)) is not None:
                    return asked_for
                talk = reader.about_the_bot(text, found.top_score, scored_alike=True)
                if talk is not None:
                    return Turn(self._small_talk(engine, talk, voice), talk, found)
            elif found.decision is not Decision.ANSWER and (
                talk := reader.about_the_bot(text, found.top_score, scored_alike=True)
            ):
                # as in English: the note, then what the bot says of itself
                safety = "\n\n".join(replies.safety_notes(knowledge, found.language, voice))
                reply = replies.with_note(safety, self._small_talk(engine, talk, voice), first=True)
                return Turn(reply, _regional_intent(danger), found)
            reply = replies.in_language(knowledge, found, voice, safety_first=danger is not False)
            return Turn(reply, _regional_intent(danger), found)
        voice = voice_in(knowledge, language)
        words = voice.words
        intent: Intent | None = None
        # in English, chat shorthand spelled out: "n who paid for it?" follows up with "and"
        if (english := without_new_subject(without_greeting(spelled_out(question)))) != text:
            text, found = english, _match(engine, english)
        previous = knowledge.get(follows) if follows else None
        if previous is not None and (request := request_of(text)) is not None:
            return Turn(
                _of_previous(knowledge, request, previous.id, voice), Intent.FOLLOW_UP, found
            )
        if (
            previous is not None
            and asks_who_said(text)
            and not engine.matcher.people_in_answer(previous.id)
        ):
            # an answer that quotes nobody was said by its sources
            sources = _of_previous(knowledge, Request.SOURCES, previous.id, voice)
            return Turn(sources, Intent.FOLLOW_UP, found)
        # "thanks, that's all" closes the conversation rather than asking about "that"
        closing = reader.small_talk(question) is not None
        if previous is not None and not closing and depends_on_context(text):
            followed = engine.matcher.follow_up(
                text, previous.id, another=wants_another(text), included=asks_if_included(text)
            )
            found = _declined(text, followed, reader)
            intent = Intent.FOLLOW_UP
        answered = found.decision is Decision.ANSWER
        legal = reader.personal_legal(text)
        note = words.legal_note if legal else None
        suspicion = reader.suspicion(spelled_out(question))
        suspected = suspicion.is_danger(answered) or (after_safety and asks_next_step(text))
        # a message read as nothing else may be in a language too briefly to tell which
        unplaced = None if suspected else _unplaced_danger(engine, question, found)
        if suspected or unplaced:
            # the safety note first (in English, the message's language, and in the chat's);
            # an answer after it only when there is a sure one, for the message or a question
            # of its own, or what the bot says of itself ("help", "do you keep my messages? my
            # boss must not know"); a plain plea ("i was sold") asks for none, and an entry that
            # shares its words would read as unkind
            notes = replies.safety_notes(knowledge, None, voice)
            if unplaced:  # the language only guessed at: after the chat's
                guessed = replies.safety_notes(knowledge, unplaced, voice)
                notes += [text for text in guessed if text not in notes]
            safety = "\n\n".join(notes)
            # nor does a wish to report someone, whose "report" the report's entries share, nor a
            # question where someone in danger gets help, which the note answers ("what should a
            # victim do first?" shares "first" with the entry on recruitment's first contacts)
            sure = answered and not (
                suspicion.plainly_pleads or suspicion.wants_to_report or suspicion.for_help
            )
            if (asked := found if sure else _asked_beside(engine, text)) is not None:
                answer = replies.compose(knowledge, asked, note=note, voice=voice)
                reply = replies.with_note(safety, answer, first=True)
                found = asked
            elif not note and (talk := _about_itself(engine, question)) is not None:
                reply = replies.with_note(safety, self._small_talk(engine, talk, voice), first=True)
            else:
                reply = replies.fixed(f"{safety}\n\n{note}" if note else safety, voice=voice)
            return Turn(reply, Intent.DANGER, found, legal)
        if (talk := reader.small_talk(question)) is not None:
            return Turn(self._small_talk(engine, talk, voice), talk, found)
        if legal:
            intent = intent or Intent.PERSONAL_LEGAL
        elif (asked_for := _asked_for_language(knowledge, found)) is not None:
            return asked_for
        elif (talk := _about_the_bot(engine, text, found, intent)) is not None:
            return Turn(self._small_talk(engine, talk, voice), talk, found)
        return Turn(replies.compose(knowledge, found, note=note, voice=voice), intent, found, legal)

    def _small_talk(self, engine: AnswerEngine, intent: Intent, voice: Voice) -> Reply:
        words = voice.words
        match intent:
            case Intent.GREETING:
                return replies.fixed(
                    words.greeting, engine.knowledge, show_examples=True, voice=voice
                )
            case Intent.THANKS:
                return replies.fixed(words.thanks, voice=voice)
            case Intent.ABOUT_BOT:
                return self._about(engine, voice)
            case Intent.PRIVACY:
                return self._privacy(voice)
            case Intent.LANGUAGES:
                return replies.fixed(words.languages, voice=voice)
            case Intent.HUMAN:
                return replies.fixed(words.human, voice=voice)
        return self._help(voice)

    # --- commands ------------------------------------------------------------------------

    def start(self, payload: str | None = None, language: str | None = None) -> Reply:
        """`/start`, or a deep link `/start <entry-id>` straight to an answer."""
        knowledge = self.engine.knowledge
        voice = voice_in(knowledge, language)
        words = voice.words
        if payload and knowledge.get(payload):
            return replies.answer(knowledge, payload, voice=voice)
        body = words.welcome.format(commands=command_list(words, self.front_end))
        if payload:
            body = f"{words.unknown_entry}\n\n{body}"
        return replies.fixed(
            body, knowledge, show_examples=True, examples=WELCOME_EXAMPLES, voice=voice
        )

    def help(self, language: str | None = None) -> Reply:
        return self._help(self.words(language))

    def _help(self, voice: Voice) -> Reply:
        words = voice.words
        body = words.help.format(commands=command_list(words, self.front_end))
        extra = {
            FrontEnd.TELEGRAM: words.help_telegram,
            FrontEnd.TERMINAL: words.help_terminal,
        }[self.front_end]
        return replies.fixed(f"{body}\n\n{extra}", voice=voice)

    def about(self, language: str | None = None) -> Reply:
        engine = self.engine
        return self._about(engine, voice_in(engine.knowledge, language))

    def _about(self, engine: AnswerEngine, voice: Voice) -> Reply:
        knowledge = engine.knowledge
        words = voice.words
        dated = words.about_dated.format(as_of=knowledge.as_of) if knowledge.as_of else ""
        about = words.about.format(
            version=__version__,
            entries=len(knowledge.entries),
            dated=dated,
            loaded=engine.loaded_at,
        )
        if self.maintainer:
            about = f"{about}\n\n{self.maintainer}"
        return replies.fixed(about, voice=voice)

    def privacy(self, language: str | None = None) -> Reply:
        return self._privacy(self.words(language))

    def _privacy(self, voice: Voice) -> Reply:
        text = voice.words.privacy.format(retention=self.retention_days)
        return replies.fixed(text, voice=voice)

    def topics(self, language: str | None = None) -> Reply:
        knowledge = self.engine.knowledge
        return replies.topics(knowledge, voice_in(knowledge, language))

    def glossary(self, term: str = "") -> Reply:
        return replies.glossary(self.engine.knowledge, term)

    # --- buttons -------------------------------------------------------------------------

    def press(
        self,
        callback: Callback,
        question: str | None = None,
        *,
        chat: ChatKind | None = None,
        workshop: str | None = None,
        language: str | None = None,
        chat_key: str = "",
    ) -> Reply | None:
        """The reply to a button, saying how to deliver it; None when there is nothing to do.

        `question` is the message the pressed "did you mean" offered choices for: a choice
        taken or "None of these" is recorded with it. The reply speaks `language`, the chat's
        choice, else the language of the message the button is under; `chat_key` is the
        chat's pseudonym, for the /language buttons."""
        knowledge = self.engine.knowledge
        argument = callback.argument
        where = _Where(chat or self._chat, workshop)
        voice = voice_in(knowledge, language or callback.language or None)
        words = voice.words
        match callback.action:
            case Action.OPEN if knowledge.get(argument):
                if question is not None:
                    self._pressed(where, PressKind.CHOICE, argument, question)
                return replies.answer(knowledge, argument, voice=voice)
            case Action.SOURCES if knowledge.get(argument):
                return replies.sources(knowledge, argument, voice)
            case Action.TOPICS:
                return _in_place(replies.topics(knowledge, voice))
            case Action.TOPIC if (topic := replies.topic(knowledge, argument, voice)) is not None:
                return _in_place(topic)
            case Action.HELPFUL | Action.UNHELPFUL if knowledge.get(argument):
                helpful = callback.action is Action.HELPFUL
                self._pressed(
                    where, PressKind.HELPFUL if helpful else PressKind.UNHELPFUL, argument
                )
                rated = replies.answer(knowledge, argument, rated=True, voice=voice)
                return rated.but(delivery=Delivery.EDIT_BUTTONS, notice=words.rated)
            case Action.RATED:
                return None
            case Action.NONE_OF_THESE:
                self._pressed(where, PressKind.NONE_OF_THESE, None, question)
                return replies.fixed(words.none_of_these, voice=voice)
            case Action.LANGUAGE:
                return self.choose_language(chat_key, argument, voice.code)
        return replies.fixed(words.expired, voice=voice)

    def _pressed(
        self, where: _Where, kind: PressKind, entry_id: str | None, question: str | None = None
    ) -> None:
        kept = redacted(question) if question is not None else None
        self.journal.record(Pressed(_now(), where.chat, kind, entry_id, kept, where.workshop))

    # --- inline mode ---------------------------------------------------------------------

    def inline(self, query: str) -> list[InlineAnswer]:
        """Entries to offer for a query typed after the bot's username; the most useful ones
        when the query is empty, nothing when the question is out of scope. A query from or
        about someone in danger gets the safety note first (then sure answers only).

        Queries are not recorded: Telegram sends one per pause in typing; what was posted is
        (`chosen_inline`)."""
        engine = self.engine
        knowledge = engine.knowledge
        answers = []
        if query.strip():
            found = _match(engine, query)
            answered = found.decision is Decision.ANSWER
            offered = found.decision is not Decision.NONE
            ids = [c.entry_id for c in found.candidates] if offered else []
            if _endangered(engine, query, found):
                words = voice_in(knowledge, found.language).words
                answers.append(_safety_result(words.danger, words.danger_title))
                ids = ids[:1] if answered else []
        else:
            ids = [e.id for t in knowledge.topics for e in knowledge.in_topic(t.id)[:2]]
        for entry_id in ids[: INLINE_RESULTS - len(answers)]:
            entry = knowledge.entry(entry_id)
            reply = replies.answer(knowledge, entry_id)
            first_line = answer_markup.to_plain(entry.answer).split("\n", 1)[0]
            answers.append(InlineAnswer(entry_id, entry.question, first_line, reply))
        return answers

    def chosen_inline(self, query: str, result_id: str) -> None:
        """Record an inline result someone posted, as the question it answered; without its
        text when the query was from or about someone in danger, whichever result was posted
        (the safety note or the sure answer offered after it)."""
        engine = self.engine
        safety = result_id == SAFETY_RESULT
        if not safety and engine.knowledge.get(result_id) is None:
            return
        found = _match(engine, query)
        endangered = safety or _endangered(engine, query, found)
        intent = Intent.DANGER if endangered else None
        entry_id = None if safety else result_id
        self.journal.record(_asked(found, intent, entry_id, ChatKind.INLINE))


_TRANSLATE = re.compile(r"\btranslat", re.IGNORECASE)


# --- reading a message: each with the one engine its reply uses ------------------------------


def _match(engine: AnswerEngine, text: str) -> Match:
    return _declined(text, engine.matcher.match(text), engine.reader)


def _asked_beside(engine: AnswerEngine, text: str) -> Match | None:
    """In a plea that no entry answers whole, a question of its own that one answers surely
    ("...i work 16 hours no salary. is this trafficking?"), unless it is a plea itself
    ("where can I go?" is not asking for the report)."""
    for sentence in asking_sentences(text):
        if engine.reader.plainly_ordinary(sentence):
            found = _match(engine, sentence)
            if found.decision is Decision.ANSWER:
                return found
    return None


def _unplaced_danger(engine: AnswerEngine, text: str, found: Match) -> str | None:
    """The language of a message that nothing answers surely and no language was recognised
    in, when that language's detector reads danger in it."""
    if found.decision is Decision.ANSWER or found.language is not None:
        return None
    if looks_english(text):  # "how to renew my passport online": English, and read as such,
        # but for a sentence in another language among its sentences
        return engine.reader.danger_beside_english(text)
    return engine.reader.unplaced_danger(text)


def _endangered(engine: AnswerEngine, text: str, found: Match) -> bool:
    """Whether the safety note goes first: for the region's languages, unless the language's
    detector reads no danger; otherwise as in a chat."""
    reader = engine.reader
    if found.language is not None:
        answered = found.decision is Decision.ANSWER
        return (
            reader.regional_danger(found.language, text, found.as_likely, answered=answered)
            is not False
        )
    if reader.suspicion(text).is_danger(found.decision is Decision.ANSWER):
        return True
    return _unplaced_danger(engine, text, found) is not None


def _about_itself(engine: AnswerEngine, question: str) -> Intent | None:
    """Small talk that asks what the bot is or does ("help", "is this chat private?")."""
    talk = engine.reader.small_talk(question)
    return talk if talk in _ABOUT_ITSELF else None


def _about_the_bot(
    engine: AnswerEngine, text: str, found: Match, intent: Intent | None
) -> Intent | None:
    """One of the many ways of asking about the bot that the patterns of small talk do not
    know, in a message the matcher declines, or offers choices for from words closer to the
    bot's than to any entry's ("where does your information come from?")."""
    if intent is not None or found.decision is Decision.ANSWER:
        return None
    offered = found.decision is Decision.CLARIFY
    if (talk := engine.reader.about_the_bot(text, found.top_score if offered else 0.0)) is not None:
        return talk
    if offered:
        return None
    # one sentence of a declined message may ask it: "Hi, what can I ask you about? I'm
    # researching trafficking for a uni class"
    return next(filter(None, map(engine.reader.about_the_bot, asking_sentences(text))), None)


def _asked_for_language(knowledge: KnowledgeBase, found: Match) -> Turn | None:
    """A message that asks for a language the bot speaks ("bahasa Indonesia?", "in Thai
    please"), and for nothing it can answer, gets the /language menu in that language."""
    if found.decision is not Decision.NONE:
        return None
    code = named_language(knowledge, found.question)
    if code is None:
        return None
    menu = _language_menu(knowledge, code)
    if _TRANSLATE.search(found.question):
        # "translate that into Thai": the menu changes the bot's own words, never an answer
        english = voice_in(knowledge, None).words
        menu = replies.with_note(english.languages, menu, first=True)
    return Turn(menu, Intent.LANGUAGE_NAMED, found)


def _language_menu(knowledge: KnowledgeBase, language: str | None) -> Reply:
    return replies.language_menu(knowledge, voice_in(knowledge, language))


def _small_talk_in(
    knowledge: KnowledgeBase,
    question: str,
    written_in: str,
    talk: SmallTalk,
    language: str | None,
) -> Turn:
    """A greeting or thanks in one of the region's languages, answered in it (or in the
    language the chat chose); counted, its text not kept, like every message in those
    languages."""
    voice = voice_in(knowledge, language or written_in)
    words = voice.words
    text = words.greeting if talk is SmallTalk.GREETING else words.thanks
    unmatched = Match(question, Decision.NONE, 0.0, (), language=written_in)
    return Turn(replies.fixed(text, voice=voice), Intent(talk.value), unmatched)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class _Where:
    chat: ChatKind
    workshop: str | None


def _asked(
    found: Match,
    intent: Intent | None,
    entry_id: str | None,
    chat: ChatKind,
    workshop: str | None = None,
) -> Asked:
    """What is kept of a question: its text (masked; none at all from someone in danger, or in
    a language the bot cannot read, where that cannot be told) and what it got."""
    kept = found.candidates[:KEPT_CANDIDATES]
    return Asked(
        at=_now(),
        chat=chat,
        text=None if _unkept(found, intent) else redacted(found.question),
        decision=found.decision.value,
        confidence=found.confidence,
        candidates=tuple(Candidate(c.entry_id, c.score) for c in kept),
        intent=intent.value if intent else None,
        entry_id=entry_id,
        reason=found.reason.value if found.reason else None,
        workshop=workshop,
        language=found.language,
    )


def _unkept(found: Match, intent: Intent | None) -> bool:
    """Whether a message's text is never kept: from someone in danger, or in a language where
    that cannot be told as surely."""
    return intent is Intent.DANGER or unread(found)


def _regional_intent(danger: bool | None) -> Intent | None:
    """What a message in one of the region's languages is: from or about someone in danger, as
    its language's detector reads it, or in a language without a detector (the safety note
    goes first all the same), or neither."""
    if danger is None:
        return Intent.REGIONAL_LANGUAGE
    return Intent.DANGER if danger else None


def _safety_result(note: str, title: str) -> InlineAnswer:
    first_line = answer_markup.to_plain(note).split("\n", 1)[0]
    return InlineAnswer(SAFETY_RESULT, title, first_line, replies.fixed(note))


def _asks_nothing(language: str, text: str) -> bool:
    """A message in a language written in Latin letters, where chat marks a question with "?",
    that has none. (Thai, Khmer and Burmese ask with particles, often without a mark.)"""
    return language not in SCRIPT_LANGUAGES and not re.search("[?\uff1f]", text)


def _of_previous(knowledge: KnowledgeBase, request: Request, entry_id: str, voice: Voice) -> Reply:
    """The reply to a request made of the answer just given."""
    match request:
        case Request.MORE:
            return replies.more(knowledge, entry_id, voice)
        case Request.SOURCES:
            return replies.sources(knowledge, entry_id, voice)
        case Request.SHORTER:
            return replies.answer(knowledge, entry_id, voice=voice, short=True)
        case Request.AGAIN:
            return replies.answer(knowledge, entry_id, voice=voice)


def _in_place(reply: Reply) -> Reply:
    """Browsing replaces the pressed message instead of flooding the chat."""
    return reply.but(delivery=Delivery.EDIT_TEXT)


def _declined(text: str, found: Match, reader: Reader) -> Match:
    """The matcher's decision, refused for a request for help with a crime ("how do I bribe a
    customs officer?": the entry on the same words would read as instructions, and "I don't
    have an answer" as if another bot might), declined for a question about someone's private
    life ("how old is he?": no entry says, one shares a word); choices too for a request for
    the bot's own opinion, which it has none of."""
    if asks_for_wrongdoing(text):
        return replace(found, decision=Decision.NONE, reason=Reason.CRIME)
    if found.decision is not Decision.NONE and (
        reader.private_details(text) or (found.decision is Decision.CLARIFY and asks_opinion(text))
    ):
        return replace(found, decision=Decision.NONE, reason=Reason.OUT_OF_SCOPE)
    return found
