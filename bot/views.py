"""Rendering a `Reply` for a front end: Telegram (HTML and inline buttons) or a terminal.

Both views are plain data, so handlers only copy them into python-telegram-bot objects and the
terminal chat only prints them; the layout lives here, in one place, and is tested without
Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import wording
from bot.callbacks import Action, Callback
from bot.knowledge import TELEGRAM_TEXT_LIMIT, answer_markup
from bot.language_choice import FOLLOW_MESSAGES
from bot.replies import Choice, Delivery, Reply, ReplyKind
from bot.words import ENGLISH_VOICE, Voice

LABEL_LIMIT = 60  # longer button labels are cut on a word and end with an ellipsis


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    callback: Callback | None = None
    url: str | None = None


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True, slots=True)
class TelegramView:
    chunks: tuple[str, ...]  # HTML messages, each within Telegram's limit; buttons go on the last
    keyboard: Keyboard = ()
    delivery: Delivery = Delivery.SEND
    notice: str | None = None


def short(label: str, limit: int = LABEL_LIMIT) -> str:
    if len(label) <= limit:
        return label
    cut = label[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def _choice_rows(
    choices: tuple[Choice, ...], language: str, prefix: str = ""
) -> list[tuple[Button, ...]]:
    return [
        (
            Button(
                f"{prefix}{short(c.label, LABEL_LIMIT - len(prefix))}",
                Callback(Action.OPEN, c.entry_id, language),
            ),
        )
        for c in choices
    ]


def keyboard(reply: Reply) -> Keyboard:
    """The buttons under a reply, by what the user can do next; in the reply's language, which
    each button keeps for what its press brings."""
    words = reply.voice.words
    language = "" if reply.voice.english else reply.voice.code
    rows: list[tuple[Button, ...]] = [
        (Button(short(link.title), url=link.url),) for link in reply.links
    ]
    if reply.kind in (ReplyKind.ANSWER, ReplyKind.MORE) and reply.entry_id:
        sources = Callback(Action.SOURCES, reply.entry_id, language)
        rows.append((Button(words.sources_button, sources),))
    rows += _choice_rows(reply.choices, language)
    rows += _choice_rows(reply.related, language, wording.RELATED_PREFIX)
    if reply.kind is ReplyKind.CLARIFY:
        none_of_these = Callback(Action.NONE_OF_THESE, language=language)
        rows.append((Button(words.none_of_these_button, none_of_these),))
    topic_buttons = [
        Button(short(t.title, 40), Callback(Action.TOPIC, t.id, language)) for t in reply.topics
    ]
    columns = 1 if reply.kind is ReplyKind.TOPICS else 2
    rows += [tuple(topic_buttons[i : i + columns]) for i in range(0, len(topic_buttons), columns)]
    if reply.back_to_topics:
        rows.append((Button(words.back_to_topics_button, Callback(Action.TOPICS, "", language)),))
    if reply.kind is ReplyKind.ANSWER and reply.entry_id:
        rows.append(feedback_row(reply.entry_id, reply.rated, reply.voice))
    rows += [
        (Button(voice.name, Callback(Action.LANGUAGE, voice.code, language)),)
        for voice in reply.languages
    ]
    if reply.languages:
        follow = Callback(Action.LANGUAGE, FOLLOW_MESSAGES, language)
        rows.append((Button(words.language_follow_button, follow),))
    return tuple(rows)


def feedback_row(entry_id: str, rated: bool, voice: Voice = ENGLISH_VOICE) -> tuple[Button, ...]:
    if rated:
        return (Button(f"{wording.RATED_MARK} {voice.words.rated}", Callback(Action.RATED)),)
    language = "" if voice.english else voice.code
    return (
        Button(wording.HELPFUL_BUTTON, Callback(Action.HELPFUL, entry_id, language)),
        Button(wording.UNHELPFUL_BUTTON, Callback(Action.UNHELPFUL, entry_id, language)),
    )


def url_buttons(keyboard: Keyboard) -> Keyboard:
    """Only the link buttons: a message posted through inline mode cannot take callbacks
    (its buttons would come back without the message)."""
    rows = (tuple(b for b in row if b.url) for row in keyboard)
    return tuple(row for row in rows if row)


def telegram_view(reply: Reply) -> TelegramView:
    chunks = split_html(answer_markup.to_html(reply.body))
    # a message can only be replaced by one message: a longer reply is sent anew
    delivery = (
        Delivery.SEND
        if reply.delivery is Delivery.EDIT_TEXT and len(chunks) > 1
        else reply.delivery
    )
    return TelegramView(chunks, keyboard(reply), delivery, reply.notice)


def split_html(html: str, limit: int = TELEGRAM_TEXT_LIMIT) -> tuple[str, ...]:
    """Messages within the limit, split between paragraphs, then lines, never inside a tag
    (rendered markup keeps every tag within one line)."""
    chunks: list[str] = []
    current = ""
    for piece in _pieces(html, limit):
        joined = f"{current}\n\n{piece}" if current else piece
        if len(joined) <= limit:
            current = joined
        else:
            chunks.append(current)
            current = piece
    if current or not chunks:
        chunks.append(current)
    return tuple(chunks)


def _pieces(html: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for paragraph in html.split("\n\n"):
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        for line in paragraph.split("\n"):
            pieces.extend(line[i : i + limit] for i in range(0, max(len(line), 1), limit))
    return pieces


@dataclass(frozen=True, slots=True)
class TerminalView:
    text: str
    options: tuple[Callback, ...]  # what typing 1, 2, ... chooses


def terminal_view(reply: Reply) -> TerminalView:
    """Plain text; numbered lines stand in for the buttons."""
    parts = [answer_markup.to_plain(reply.body)]
    if reply.links:
        parts.append(
            f"{wording.LINKS}\n" + "\n".join(f"  {link.title}: {link.url}" for link in reply.links)
        )
    numbered: list[tuple[str, Callback]] = []
    for row in keyboard(reply):
        for button in row:
            if button.callback is not None:
                numbered.append((button.label, button.callback))
    if numbered:
        parts.append("\n".join(f"  {n}. {label}" for n, (label, _) in enumerate(numbered, 1)))
    return TerminalView("\n\n".join(parts), tuple(callback for _, callback in numbered))
