"""The conversation in a terminal: the same replies as on Telegram, numbers instead of buttons."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TextIO

from bot import wording
from bot.callbacks import Callback
from bot.conversation import Conversation
from bot.followups import ChatMemory
from bot.numbers import whole_number
from bot.quiz.rehearsal import Rehearsal
from bot.replies import Delivery, Reply, ReplyKind, fixed
from bot.views import terminal_view
from bot.wording import COMMANDS, FrontEnd, commands_for

QUIT = {"/quit", "/exit", "quit", "exit"}
PROMPT = "> "
_ON_SCREEN = "this terminal"  # one conversation on one screen: one key for what it remembers
_COMMAND = re.compile(r"^/[a-z_]+$")


class TerminalChat:
    def __init__(self, conversation: Conversation, output: TextIO, *, prompt: bool) -> None:
        self.conversation = conversation
        self.output = output
        self.prompt = prompt
        self.options: tuple[Callback, ...] = ()
        self.rehearsal = Rehearsal(lambda: conversation.engine.knowledge)
        self.clarified: str | None = None  # the question the choices on screen were offered for
        self.memory = ChatMemory(capacity=1)
        actions: dict[str, Callable[[str], Reply]] = {
            "start": lambda payload: conversation.start(payload or None, self.language),
            "topics": lambda _: conversation.topics(self.language),
            "glossary": conversation.glossary,
            "help": lambda _: conversation.help(self.language),
            "about": lambda _: conversation.about(self.language),
            "privacy": lambda _: conversation.privacy(self.language),
            "language": self._language,
            "quiz": lambda words: fixed(self.rehearsal.start(words.split())),
        }
        self._commands = {f"/{c.name}": actions[c.name] for c in commands_for(FrontEnd.TERMINAL)}
        self._telegram_only = {f"/{c.name}" for c in COMMANDS} - self._commands.keys()

    @property
    def language(self) -> str | None:
        """The language chosen for the bot's words with /language, if any."""
        return self.conversation.chosen_language(_ON_SCREEN)

    def _language(self, code: str) -> Reply:
        if code:
            return self.conversation.choose_language(_ON_SCREEN, code.lower(), self.language)
        return self.conversation.language_menu(self.language)

    def run(self, lines: TextIO) -> int:
        self.show(self.conversation.start())
        self._write(wording.TERMINAL_HINT)
        for line in self._read(lines):
            text = line.strip()
            if text.lower() in QUIT:
                break
            if text:
                self.show(self.respond(text))
        return 0

    def respond(self, text: str) -> Reply | None:
        if self.rehearsal.running and not text.startswith("/"):
            return fixed(self.rehearsal.answer(text))
        number = whole_number(text)
        if number is not None and 1 <= number <= len(self.options):
            callback = self.options[number - 1]
            pressed = self.conversation.press(
                callback, self.clarified, language=self.language, chat_key=_ON_SCREEN
            )
            self.clarified = None
            if pressed is not None and pressed.kind is ReplyKind.ANSWER:
                self.memory.remember(_ON_SCREEN, pressed.entry_id)
            return pressed
        command, _, argument = text.partition(" ")
        name = command.lower()
        if name in self._commands:
            self.clarified = None
            return self._commands[name](argument.strip())
        # "/scores" in a rehearsal: a command, never a question to decline with the topics
        if name in self._telegram_only:
            return fixed(wording.TELEGRAM_ONLY.format(command=name))
        if _COMMAND.match(name):
            return fixed(self.conversation.words(self.language).words.unknown_command)
        turn = self.conversation.ask(text, self.memory.recall(_ON_SCREEN), language=self.language)
        self.memory.remember(_ON_SCREEN, turn.context)
        self.clarified = turn.text_kept if turn.reply.kind is ReplyKind.CLARIFY else None
        return turn.reply

    def show(self, reply: Reply | None) -> None:
        if reply is None:
            return
        if reply.notice:
            self._write(reply.notice)
        view = terminal_view(reply)
        self.options = view.options
        if reply.delivery is not Delivery.EDIT_BUTTONS:  # the text is on screen already
            self._write(view.text)

    def _read(self, source: TextIO) -> Iterator[str]:
        while True:
            if self.prompt:
                self.output.write(PROMPT)
                self.output.flush()
            line = source.readline()
            if not line:
                return
            yield line

    def _write(self, text: str) -> None:
        self.output.write(f"{text}\n\n")
        self.output.flush()
