"""The conversation in a terminal: the same replies as on Telegram, numbers instead of buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TextIO

from bot import texts
from bot.callbacks import Action, Callback
from bot.conversation import Conversation
from bot.replies import Reply
from bot.views import terminal_view

QUIT = {"/quit", "/exit", "quit", "exit"}
PROMPT = "> "
HINT = "(Type a question, a number to choose, /topics, /help or /quit.)"


class TerminalChat:
    def __init__(self, conversation: Conversation, output: TextIO, *, prompt: bool) -> None:
        self.conversation = conversation
        self.output = output
        self.prompt = prompt
        self.options: tuple[Callback, ...] = ()
        self.last_question: str | None = None
        self._commands: dict[str, Callable[[str], Reply | None]] = {
            "/start": lambda arg: conversation.start(arg or None)[-1],
            "/help": lambda _: conversation.help(),
            "/about": lambda _: conversation.about(),
            "/privacy": lambda _: conversation.privacy(),
            "/topics": lambda _: conversation.topics(),
            "/ask": self._question,
        }

    def run(self, lines: TextIO) -> int:
        self.show(self.conversation.welcome())
        self._write(HINT)
        for line in self._read(lines):
            text = line.strip()
            if text.lower() in QUIT:
                break
            if text:
                self.show(self.respond(text))
        return 0

    def respond(self, text: str) -> Reply | None:
        if text.isdigit() and 1 <= int(text) <= len(self.options):
            callback = self.options[int(text) - 1]
            reply = self.conversation.press(callback, self.last_question)
            if callback.action in (Action.HELPFUL, Action.UNHELPFUL, Action.RATED):
                self._write(texts.RATED)
                self.options = tuple(o for o in self.options if o.action not in _FEEDBACK)
                return None
            return reply
        command, _, argument = text.partition(" ")
        if command.lower() in self._commands:
            return self._commands[command.lower()](argument.strip())
        return self._question(text)

    def _question(self, text: str) -> Reply:
        self.last_question = text
        return self.conversation.ask(text)

    def show(self, reply: Reply | None) -> None:
        if reply is None:
            return
        view = terminal_view(reply)
        self.options = view.options
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


_FEEDBACK = {Action.HELPFUL, Action.UNHELPFUL, Action.RATED}
