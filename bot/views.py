"""Rendering a `Reply` for a front end: Telegram (HTML and inline buttons) or a terminal.

Both views are plain data, so handlers only copy them into python-telegram-bot objects and the
terminal chat only prints them; the layout lives here, in one place, and is tested without
Telegram.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import wording
from bot.callbacks import Action, Callback
from bot.knowledge import TELEGRAM_TEXT_LIMIT, answer_markup
from bot.language_choice import FOLLOW_MESSAGES
from bot.replies import Choice, Delivery, Reply, ReplyKind
from bot.words import ENGLISH_VOICE, Voice

LABEL_LIMIT = 60  # longer button labels are cut on a word and end with an ellipsis
# rendered HTML, read as tags, entities and characters: a message is cut between two of them
_ATOM = re.compile(r"<[^>]*>|&#?\w+;|.", re.DOTALL)
_PARAGRAPH, _LINE, _WORD, _CHARACTER = 3, 2, 1, 0  # where a long message is cut, the best first


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
    return answer_markup.shortened(label, limit)


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
    """Messages within the limit, each valid HTML on its own: cut between paragraphs where one
    fits, else between lines, else between words, else between characters; never inside a tag
    or an entity (`&amp;`). A tag open at a cut is closed before it and opened again after it,
    and the white space at a cut is dropped."""
    if len(html) <= limit:
        return (html,)
    atoms = _ATOM.findall(html)
    opened = _open_tags(atoms)
    chunks: list[str] = []
    start = _resume(atoms, 0)
    while start < len(atoms):
        end = _cut(atoms, opened, start, limit)
        if any(_visible(atom) for atom in atoms[start:end]):  # Telegram refuses a blank message
            chunks.append("".join([*opened[start], *atoms[start:end], _closing(opened[end])]))
        start = _resume(atoms, end)
    return tuple(chunks) or (html,)


def _open_tags(atoms: list[str]) -> list[tuple[str, ...]]:
    """For each position, the start tags open before the atom there (and at the end)."""
    stack: tuple[str, ...] = ()
    opened = [stack]
    for atom in atoms:
        if atom.startswith("</"):
            stack = stack[:-1]
        elif atom.startswith("<"):
            stack = (*stack, atom)
        opened.append(stack)
    return opened


def _cut(atoms: list[str], opened: list[tuple[str, ...]], start: int, limit: int) -> int:
    """Where the message beginning at `start` ends: the best cut that keeps it within the
    limit with its tags reopened and closed (at least one atom, so that it moves on)."""
    size = sum(map(len, opened[start]))
    best, best_rank = start + 1, _CHARACTER
    for end in range(start + 1, len(atoms) + 1):
        size += len(atoms[end - 1])
        if size > limit:
            break
        fits = size + len(_closing(opened[end])) <= limit
        if end == len(atoms):
            return end if fits else best
        rank = _rank(atoms, end)
        if fits and rank is not None and rank >= best_rank:
            best, best_rank = end, rank
    return best


def _rank(atoms: list[str], end: int) -> int | None:
    """How good a cut before atoms[end] is; None where it would leave a tag empty."""
    if _is_start_tag(atoms[end - 1]) or atoms[end].startswith("</"):
        return None
    if atoms[end] == "\n":
        return _PARAGRAPH if atoms[end + 1 : end + 2] == ["\n"] else _LINE
    return _WORD if atoms[end] == " " else _CHARACTER


def _resume(atoms: list[str], end: int) -> int:
    """Where the next message begins: past the white space at a cut and the end tags after
    it (the message before closed those)."""
    while end < len(atoms) and (atoms[end].isspace() or atoms[end].startswith("</")):
        end += 1
    return end


def _closing(opened: tuple[str, ...]) -> str:
    """The end tags of `opened`, innermost first ('<a href="…">' is ended by '</a>')."""
    return "".join(f"</{tag[1:-1].split()[0]}>" for tag in reversed(opened))


def _is_start_tag(atom: str) -> bool:
    return atom.startswith("<") and not atom.startswith("</")


def _visible(atom: str) -> bool:
    return not atom.startswith("<") and not atom.isspace()


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
