"""What the bot says, independent of where it is said.

A `Reply` is text in the knowledge base's markup plus what the user can do next (choices,
links, topics, sources, feedback). Front ends only render it: `bot.views` for Telegram and the
terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from bot import wording
from bot.knowledge import Entry, GlossaryTerm, KnowledgeBase, Link, Topic, answer_markup, normalize
from bot.languages import probable_languages, unread
from bot.matching import Decision, Match, Reason
from bot.words import ENGLISH_VOICE, Voice, voice_in, voices

EXAMPLE_COUNT = 2


class Delivery(StrEnum):
    """How a front end shows a reply to a button press (a typed message always gets SEND)."""

    SEND = "send"  # a new message
    EDIT_TEXT = "edit_text"  # replace the pressed message: browsing does not flood the chat
    EDIT_BUTTONS = "edit_buttons"  # keep the text, replace its buttons: feedback given


class ReplyKind(StrEnum):
    ANSWER = "answer"
    GLOSSARY = "glossary"
    MORE = "more"  # "tell me more": an answered entry's related questions and sources
    CLARIFY = "clarify"
    NONE = "none"
    SOURCES = "sources"
    TOPICS = "topics"
    TOPIC = "topic"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Choice:
    """A question the user can pick: an entry's id and its canonical question."""

    entry_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Reply:
    kind: ReplyKind
    body: str  # in the knowledge base's markup
    entry_id: str | None = None
    links: tuple[Link, ...] = ()
    choices: tuple[Choice, ...] = ()  # did you mean, examples, a topic's questions
    related: tuple[Choice, ...] = ()
    topics: tuple[Topic, ...] = ()
    back_to_topics: bool = False
    rated: bool = False  # feedback given: thanks instead of 👍 / 👎
    delivery: Delivery = Delivery.SEND
    notice: str | None = None  # a short acknowledgement of a button press (Telegram: a toast)
    voice: Voice = ENGLISH_VOICE  # the language of the bot's own words and buttons in it
    languages: tuple[Voice, ...] = ()  # /language: the languages to choose from

    def but(self, **changes: Any) -> Reply:
        """This reply with some fields changed."""
        return replace(self, **changes)


def _choice(entry: Entry) -> Choice:
    return Choice(entry.id, entry.button_text)


def answer(
    knowledge: KnowledgeBase,
    entry_id: str,
    *,
    rated: bool = False,
    note: str | None = None,
    voice: Voice = ENGLISH_VOICE,
    short: bool = False,
) -> Reply:
    """One entry's answer, ending with `note` or else its topic's note: for a match, a deep
    link, or a tapped choice; `short`: its first paragraph ("in short?"), sources and links
    on the buttons as ever. Its buttons speak `voice`; the answer is the English one."""
    entry = knowledge.entry(entry_id)
    related = tuple(_choice(e) for i in entry.related if (e := knowledge.get(i)))
    note = note or knowledge.topic(entry.topic).answer_note
    text = answer_markup.short_form(entry.answer) if short else entry.answer
    body = f"{text}\n\n{note}" if note else text
    return Reply(
        ReplyKind.ANSWER,
        body,
        entry.id,
        tuple(entry.links),
        related=related,
        rated=rated,
        voice=voice,
    )


def more(knowledge: KnowledgeBase, entry_id: str, voice: Voice = ENGLISH_VOICE) -> Reply:
    """After "tell me more": where to go from an entry already answered."""
    entry = knowledge.entry(entry_id)
    related = tuple(_choice(e) for i in entry.related if (e := knowledge.get(i)))
    body = voice.words.more_about.format(question=entry.question)
    return Reply(ReplyKind.MORE, body, entry.id, tuple(entry.links), related=related, voice=voice)


def with_note(note: str, reply: Reply, *, first: bool = False) -> Reply:
    """The reply with a note before or after its text; buttons unchanged."""
    body = f"{note}\n\n{reply.body}" if first else f"{reply.body}\n\n{note}"
    return reply.but(body=body)


def sources(knowledge: KnowledgeBase, entry_id: str, voice: Voice = ENGLISH_VOICE) -> Reply:
    entry = knowledge.entry(entry_id)
    words = voice.words
    lines = "\n".join(f"- {source}" for source in entry.sources)
    dated = f"\n\n{words.sources_dated.format(as_of=entry.as_of)}" if entry.as_of else ""
    return Reply(ReplyKind.SOURCES, f"{words.sources}\n\n{lines}{dated}", entry.id, voice=voice)


def example_choices(knowledge: KnowledgeBase, count: int = EXAMPLE_COUNT) -> tuple[Choice, ...]:
    """One question from each of the first topics: a taste of what the bot can answer."""
    picked = [entries[0] for t in knowledge.topics if (entries := knowledge.in_topic(t.id))]
    return tuple(_choice(entry) for entry in picked[:count])


def glossary(knowledge: KnowledgeBase, asked: str = "") -> Reply:
    """The glossary's terms with their meanings and a button to the entry that explains each;
    one term when it is asked for by any of its forms."""
    shown = [term for term in knowledge.glossary.terms if term.shown]
    if asked.strip():
        wanted = normalize(asked)
        found = [t for t in shown if wanted in {normalize(f) for f in (t.term, *t.variants)}]
        if found:
            return _glossary_reply(knowledge, found, "", verbose=True)
        unknown = wording.GLOSSARY_UNKNOWN.format(term=answer_markup.literal(asked))
        return _glossary_reply(knowledge, shown, unknown)
    return _glossary_reply(knowledge, shown, "")


def _glossary_reply(
    knowledge: KnowledgeBase, terms: list[GlossaryTerm], lead: str, *, verbose: bool = False
) -> Reply:
    lines = []
    for term in terms:
        meaning = f": {term.meaning}" if term.meaning else ""
        variants = (
            f" ({wording.GLOSSARY_ALSO.format(variants=', '.join(term.variants))})"
            if verbose
            else ""
        )
        lines.append(
            "- " + wording.GLOSSARY_TERM.format(term=term.term, meaning=meaning, variants=variants)
        )
    listing = wording.GLOSSARY.format(terms="\n".join(lines))
    body = f"{lead}\n\n{listing}" if lead else listing
    choices = tuple(
        Choice(entry.id, term.term)
        for term in terms
        if term.entry and (entry := knowledge.get(term.entry))
    )
    return Reply(ReplyKind.GLOSSARY, body, choices=choices)


def topics(knowledge: KnowledgeBase, voice: Voice = ENGLISH_VOICE) -> Reply:
    return Reply(ReplyKind.TOPICS, voice.words.topics, topics=knowledge.topics, voice=voice)


def topic(knowledge: KnowledgeBase, topic_id: str, voice: Voice = ENGLISH_VOICE) -> Reply | None:
    found = next((t for t in knowledge.topics if t.id == topic_id), None)
    if found is None:
        return None
    body = f"**{found.title}**" + (f"\n\n{found.description}" if found.description else "")
    choices = tuple(_choice(e) for e in knowledge.in_topic(topic_id))
    return Reply(ReplyKind.TOPIC, body, choices=choices, back_to_topics=True, voice=voice)


def fixed(
    body: str,
    knowledge: KnowledgeBase | None = None,
    *,
    show_examples: bool = False,
    examples: int = EXAMPLE_COUNT,
    voice: Voice = ENGLISH_VOICE,
) -> Reply:
    """A fixed text in `voice`'s language, optionally with example questions to tap."""
    choices = (
        example_choices(knowledge, examples) if knowledge is not None and show_examples else ()
    )
    return Reply(ReplyKind.TEXT, body, choices=choices, voice=voice)


def language_menu(knowledge: KnowledgeBase, voice: Voice) -> Reply:
    """/language: the languages the bot's words can be chosen in, and following each message."""
    menu = voice.words.language_menu
    return Reply(ReplyKind.TEXT, menu, voice=voice, languages=voices(knowledge))


def compose(
    knowledge: KnowledgeBase,
    match: Match,
    *,
    note: str | None = None,
    voice: Voice = ENGLISH_VOICE,
) -> Reply:
    """The reply to a matched question; `note` ends an answer (in place of its topic's) and
    opens choices or a decline, whose last line leads into their list."""
    words = voice.words
    if match.decision is Decision.ANSWER and match.answer_id is not None:
        return answer(knowledge, match.answer_id, note=note, voice=voice)
    if match.decision is Decision.CLARIFY:
        choices = tuple(_choice(knowledge.entry(i)) for i in match.choices)
        body = f"{note}\n\n{words.did_you_mean}" if note else words.did_you_mean
        return Reply(ReplyKind.CLARIFY, body, choices=choices, voice=voice)
    if match.reason is Reason.CRIME:  # refused: no examples to go on from
        return fixed(
            f"{note}\n\n{words.no_help_with_crime}" if note else words.no_help_with_crime,
            voice=voice,
        )
    if unread(match):
        body = not_english(knowledge, match.question, voice)
    else:
        body = {
            Reason.NO_KNOWN_WORDS: words.unknown_words,
            Reason.EMPTY: words.empty,
        }.get(match.reason or Reason.OUT_OF_SCOPE, words.out_of_scope)
    body = f"{note}\n\n{body}" if note else body
    return _declined(knowledge, body, voice)


def in_language(
    knowledge: KnowledgeBase, match: Match, voice: Voice, *, safety_first: bool
) -> Reply:
    """The reply to a message matched on the phrasings of one of the region's languages
    (`match.language`): the English answer after a line saying it is in English (or, labelled,
    the answer a maintainer translated), or English choices, or that nothing was found, all in
    `voice` (the message's language unless the chat chose another); with `safety_first`, the
    safety note before all, in the message's language and in `voice`'s, and alone when nothing
    was found."""
    language = match.language or ""
    words = voice.words
    safety = safety_notes(knowledge, language, voice) if safety_first else []
    if match.decision is Decision.ANSWER and match.answer_id is not None:
        answered = answer(knowledge, match.answer_id, voice=voice)
        translated = knowledge.translated_answers.get(language, {}).get(match.answer_id)
        label = voice_in(knowledge, language).words.translated
        if translated is not None and label is not None:
            # labelled, and without the English topic note: every word of it is translated
            answered = answered.but(body=f"{label}\n\n{translated}")
            return with_note("\n\n".join(safety), answered, first=True) if safety else answered
        in_english = [] if voice.english else [words.in_english]
        notes = [*safety, *in_english]
        return with_note("\n\n".join(notes), answered, first=True) if notes else answered
    if match.decision is Decision.CLARIFY:
        choices = tuple(_choice(knowledge.entry(i)) for i in match.choices)
        body = "\n\n".join([*safety, words.did_you_mean])
        return Reply(ReplyKind.CLARIFY, body, choices=choices, voice=voice)
    if safety:
        # as in English: after the note, nothing about what the bot could not find
        return fixed("\n\n".join(safety), voice=voice)
    return _declined(knowledge, words.out_of_scope, voice)


def _declined(knowledge: KnowledgeBase, body: str, voice: Voice) -> Reply:
    """No answer: what was said, with example questions and the topics to go on from."""
    topics = knowledge.topics
    return Reply(
        ReplyKind.NONE, body, choices=example_choices(knowledge), topics=topics, voice=voice
    )


def safety_notes(knowledge: KnowledgeBase, language: str | None, voice: Voice) -> list[str]:
    """The safety note in the message's language, then in the chat's if that is another: the
    writer reads the first, whoever chose the chat's language the second."""
    written = voice_in(knowledge, language).words.danger
    return [written] if written == voice.words.danger else [written, voice.words.danger]


def not_english(knowledge: KnowledgeBase, text: str, voice: Voice = ENGLISH_VOICE) -> str:
    """That the bot cannot read the message, and the safety note: in the message's language
    first when it is one the knowledge base has words for, then in the chat's (English unless
    it chose another). Until messages in other languages can be read, the safety note goes
    with every one of them."""
    words = voice.words
    translated = [
        f"{translation.words.not_english}\n\n{translation.words.danger}"
        for code in probable_languages(text)
        if code != voice.code and (translation := knowledge.translations.get(code)) is not None
    ]
    own = words.not_english if translated else f"{words.not_english}\n\n{words.danger}"
    return "\n\n".join([*translated, own])
