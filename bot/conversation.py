"""The reply pipeline: every message, command and button press of any front end comes here.

Telegram handlers and the terminal chat call these methods and render what they return, so
both behave the same and all the deciding is tested without Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import __version__, markup, replies, texts
from bot.callbacks import Action, Callback
from bot.feedback import FeedbackSink
from bot.intents import Intent, classify, without_greeting
from bot.library import LibraryHolder
from bot.matching.matcher import Decision, Reason
from bot.replies import Reply, ReplyKind

WELCOME_EXAMPLES = 3
INLINE_RESULTS = 10


@dataclass(frozen=True, slots=True)
class InlineAnswer:
    """One inline-mode result: an entry offered for posting into any chat."""

    entry_id: str
    title: str
    description: str
    reply: Reply


class Conversation:
    def __init__(self, library: LibraryHolder, feedback: FeedbackSink) -> None:
        self.library = library
        self.feedback = feedback

    # --- free text -----------------------------------------------------------------------

    def ask(self, question: str) -> Reply:
        """The reply to a message: small talk, a safety note, or the matcher's decision."""
        library = self.library.current  # one snapshot for the whole reply
        match classify(question):
            case Intent.DANGER:
                return replies.text(texts.DANGER)
            case Intent.GREETING:
                return replies.text(texts.GREETING, library.knowledge, show_examples=True)
            case Intent.THANKS:
                return replies.text(texts.THANKS)
            case Intent.CAPABILITIES:
                return self.help()
        found = library.matcher.match(without_greeting(question))
        if found.decision is Decision.NONE and found.reason not in (None, Reason.EMPTY):
            self.feedback.unanswered(question, found.reason.value)
        return replies.compose(library.knowledge, found)

    # --- commands ------------------------------------------------------------------------

    def welcome(self) -> Reply:
        knowledge = self.library.current.knowledge
        return Reply(
            ReplyKind.TEXT,
            f"{texts.WELCOME}\n\n{texts.COMMANDS}",
            choices=replies.examples(knowledge, WELCOME_EXAMPLES),
        )

    def start(self, payload: str | None) -> list[Reply]:
        """`/start`, or a deep link `/start <entry-id>` straight to an answer."""
        if not payload:
            return [self.welcome()]
        entry = self.library.current.knowledge.get(payload)
        if entry is None:
            return [replies.text(texts.UNKNOWN_ENTRY), self.welcome()]
        return [replies.answer(self.library.current.knowledge, entry.id)]

    def help(self) -> Reply:
        return replies.text(texts.HELP)

    def about(self) -> Reply:
        knowledge = self.library.current.knowledge
        dated = f", facts dated up to {knowledge.as_of:%d %B %Y}" if knowledge.as_of else ""
        body = (
            "**About this bot**\n\n"
            "It answers from a curated knowledge base built from the UNODC press release of "
            "29 March 2021 and public research notes about the report and its legal background; "
            "every answer lists its sources.\n\n"
            f"{texts.DISCLAIMER}\n\n"
            f"Version {__version__}; knowledge base of {len(knowledge.entries)} answers"
            f"{dated}."
        )
        return replies.text(body)

    def privacy(self) -> Reply:
        return replies.text(texts.PRIVACY)

    def topics(self) -> Reply:
        return replies.topics(self.library.current.knowledge)

    # --- buttons -------------------------------------------------------------------------

    def press(self, callback: Callback, question: str | None = None) -> Reply | None:
        """The reply to a button; None when there is nothing more to show.

        After 👍 / 👎 the reply is the same answer with a thanks in place of the two buttons:
        front ends update the buttons of the message rather than send it again."""
        knowledge = self.library.current.knowledge
        argument = callback.argument
        match callback.action:
            case Action.OPEN if knowledge.get(argument):
                return replies.answer(knowledge, argument)
            case Action.SOURCES if knowledge.get(argument):
                return replies.sources(knowledge, argument)
            case Action.TOPICS:
                return replies.topics(knowledge)
            case Action.TOPIC:
                return replies.topic(knowledge, argument) or replies.text(texts.EXPIRED)
            case Action.HELPFUL | Action.UNHELPFUL if knowledge.get(argument):
                self.feedback.rate(argument, callback.action is Action.HELPFUL)
                return replies.answer(knowledge, argument, rated=True)
            case Action.RATED:
                return None
            case Action.NONE_OF_THESE:
                if question:
                    self.feedback.unanswered(question, "none_of_these")
                return replies.text(texts.NONE_OF_THESE)
        return replies.text(texts.EXPIRED)

    # --- inline mode ---------------------------------------------------------------------

    def inline(self, query: str) -> list[InlineAnswer]:
        """Entries to offer for a query typed after the bot's username; the most useful ones
        when the query is empty, nothing when the question is out of scope."""
        library = self.library.current
        knowledge = library.knowledge
        if query.strip():
            found = library.matcher.match(query)
            offered = found.decision is not Decision.NONE
            ids = [c.entry_id for c in found.candidates] if offered else []
        else:
            ids = [e.id for t in knowledge.topics for e in knowledge.in_topic(t.id)[:2]]
        answers = []
        for entry_id in ids[:INLINE_RESULTS]:
            entry = knowledge.entry(entry_id)
            reply = replies.answer(knowledge, entry_id)
            first_line = markup.to_plain(entry.answer).split("\n", 1)[0]
            answers.append(InlineAnswer(entry_id, entry.question, first_line, reply))
        return answers
