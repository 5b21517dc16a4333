"""Test dependency: a fake Telegram Bot API server on 127.0.0.1 for offline end-to-end tests.

It serves only what this bot uses (getMe, getUpdates, sendMessage, editMessageText,
editMessageReplyMarkup, answerCallbackQuery, answerInlineQuery, setMyCommands, setWebhook,
deleteWebhook, sendPoll, getChatMember); any other method answers 404 "Not Found",
as Telegram does for a method it does not know. Where it models something it behaves like real
Telegram only: HTML parse errors, text and ``callback_data`` limits, "message is not modified",
stale query ids, getUpdates conflicts, and injected errors such as 429 with ``retry_after``
(:meth:`FakeTelegram.fail_next`). Not modelled: uploads and file downloads, Markdown (the text
comes back unchanged), stopPoll. Point ``ApplicationBuilder().base_url(...)`` at
:attr:`FakeTelegram.base_url`; push updates with :meth:`FakeTelegram.push_update` and assert on
the recorded calls.

Flood limits are opt-in (``FakeTelegram(limits=TelegramLimits())`` or
:meth:`FakeTelegram.enforce_limits`) and model Telegram's bot FAQ: about 30 messages a second
overall, about 1 a second in one private chat (a burst of 2 tolerated), at most 20 a minute in
one group (chat id < 0). A send over a limit is answered 429 ``Too Many Requests: retry after
N`` with ``parameters.retry_after`` N, like Telegram, and is not delivered; see
:class:`TelegramLimits` for what counts. :meth:`FakeTelegram.delivered` and
:meth:`FakeTelegram.refused` tell delivered sends from refused ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import html
import itertools
import json
import math
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl

JSONDict = dict[str, Any]

DEFAULT_BOT_ID = 7000001
DEFAULT_USER_ID = 100001
DEFAULT_GROUP_ID = -200001

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50

# Updates Telegram withholds unless allowed_updates asks for them explicitly.
_OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

# Free-text parameters are never JSON-decoded, so an answer like "[1] see ..." stays a string.
_TEXT_FIELDS = frozenset({"text", "question", "explanation", "url", "secret_token"})

_API_PATH = re.compile(r"^/bot([^/]+)/([A-Za-z0-9_]+)/?$")
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])")
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{3,32}(?![\w@])")
_BOT_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_BUTTON_ACTIONS = frozenset(
    "url callback_data web_app login_url switch_inline_query "
    "switch_inline_query_current_chat switch_inline_query_chosen_chat copy_text "
    "callback_game pay".split()
)
# Methods that post a message to a chat, the only ones the flood limits count. Edits count
# lightly in real Telegram and answerCallbackQuery/answerInlineQuery post nothing: left out.
_MESSAGE_SENDERS = frozenset({"sendmessage", "sendpoll"})
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)


@dataclass(frozen=True)
class Call:
    """One Bot API request as the bot sent it; ``params`` holds strings unless JSON-shaped."""

    method: str
    params: dict[str, Any]
    token: str


@dataclass(frozen=True)
class TelegramLimits:
    """The flood limits Telegram enforces on a bot's sends (its FAQ's numbers by default).

    Only sendMessage and sendPoll count (every send* the fake serves); edits,
    answerCallbackQuery and answerInlineQuery are left out (Telegram counts edits only lightly).
    A message counts when it is delivered; refused or invalid (400) sends do not count.

    - ``overall_per_second``: messages in any ``1`` s sliding window, across all chats.
    - ``per_chat_per_second`` and ``per_chat_burst``: a private chat (id > 0) takes one message
      per ``1 / per_chat_per_second`` s on average, and up to ``per_chat_burst`` back to back
      (a token bucket of ``per_chat_burst`` refilled at ``per_chat_per_second``): with the
      defaults two quick messages pass and a third waits 1 s. Telegram tolerates "short bursts".
    - ``per_group_per_minute``: messages in any 60 s sliding window in one group (id < 0).
      Groups are held to this limit only, not to the per-second one, so a burst of up to 20
      passes and the 21st waits until the first leaves the minute.

    ``None`` switches one limit off. ``clock`` gives seconds (``time.monotonic`` by default; a
    :class:`ManualClock` keeps tests fast). A refused send is answered
    ``retry_after`` = whole seconds until every limit would let that message through, at least 1.
    """

    overall_per_second: int | None = 30
    per_chat_per_second: float | None = 1.0
    per_chat_burst: int = 2
    per_group_per_minute: int | None = 20
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        for name in ("overall_per_second", "per_chat_per_second", "per_group_per_minute"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be positive or None, not {value!r}")
        if self.per_chat_burst < 1:
            raise ValueError(f"per_chat_burst must be at least 1, not {self.per_chat_burst!r}")


class ManualClock:
    """A clock for :class:`TelegramLimits` that moves only when a test advances it."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock does not go back")
        with self._lock:
            self._now += seconds


class _Flood:
    """The sliding windows and per-chat buckets of one :class:`TelegramLimits`."""

    def __init__(self, limits: TelegramLimits) -> None:
        self.limits = limits
        self.overall: deque[float] = deque()
        self.groups: dict[int, deque[float]] = {}
        self.chat_ready: dict[int, float] = {}  # per private chat: GCRA theoretical arrival

    def wait(self, chat_id: int, now: float) -> float:
        """Seconds until a message to ``chat_id`` at ``now`` is within every limit (0: now)."""
        limits, waits = self.limits, [0.0]
        if limits.overall_per_second is not None:
            waits.append(_window_wait(self.overall, limits.overall_per_second, 1.0, now))
        if chat_id < 0 and limits.per_group_per_minute is not None:
            window = self.groups.setdefault(chat_id, deque())
            waits.append(_window_wait(window, limits.per_group_per_minute, 60.0, now))
        if chat_id > 0 and limits.per_chat_per_second is not None:
            interval = 1.0 / limits.per_chat_per_second
            ready = self.chat_ready.get(chat_id, now)
            waits.append(ready - (limits.per_chat_burst - 1) * interval - now)
        return max(waits)

    def count(self, chat_id: int, now: float) -> None:
        """Record a delivered message (after :meth:`wait` said 0 at the same ``now``)."""
        limits = self.limits
        if limits.overall_per_second is not None:
            self.overall.append(now)
        if chat_id < 0 and limits.per_group_per_minute is not None:
            self.groups.setdefault(chat_id, deque()).append(now)
        if chat_id > 0 and limits.per_chat_per_second is not None:
            interval = 1.0 / limits.per_chat_per_second
            self.chat_ready[chat_id] = max(self.chat_ready.get(chat_id, now), now) + interval


def _window_wait(window: deque[float], limit: int, seconds: float, now: float) -> float:
    """Drop what left the sliding window; seconds until it has room for one more (0: now)."""
    while window and now - window[0] >= seconds:
        window.popleft()
    if len(window) < limit:
        return 0.0
    return window[len(window) - limit] + seconds - now


@dataclass
class _Fault:
    status: int
    description: str
    parameters: JSONDict = field(default_factory=dict)


class ApiError(Exception):
    """A Bot API error response; raised inside method handlers, answered as ok: false."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters or {}

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _not_found() -> ApiError:
    """What Telegram answers for a path or method it does not know."""
    return ApiError(404, "Not Found")


# --- request bodies ---------------------------------------------------------------------------


def decode_value(name: str, value: Any) -> Any:
    """Decode JSON-shaped values (PTB sends objects and lists as JSON inside form fields)."""
    if isinstance(value, str) and name not in _TEXT_FIELDS and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def parse_params(content_type: str, body: bytes) -> dict[str, Any]:
    """Parse the form-encoded body PTB sends for every method this bot calls (no uploads)."""
    if not body:
        return {}
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type != "application/x-www-form-urlencoded":
        raise _bad(f"the fake reads form-encoded bodies only, not {media_type or 'untyped'}")
    pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
    return {key: decode_value(key, value) for key, value in pairs}


# --- text and entities ------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Entity offsets and lengths count UTF-16 code units, not code points."""
    return len(text.encode("utf-16-le")) // 2


def detect_entities(text: str) -> list[JSONDict]:
    """The bot_command and mention entities a Telegram client attaches to typed text."""
    found = [(m, "bot_command") for m in _COMMAND.finditer(text)]
    found += [(m, "mention") for m in _MENTION.finditer(text)]
    entities = [
        {"type": kind, "offset": utf16_len(text[: m.start()]), "length": utf16_len(m.group())}
        for m, kind in found
    ]
    return sorted(entities, key=lambda e: e["offset"])


_HTML_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)"
    r"((?:\s+[A-Za-z][A-Za-z0-9_-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)\s*>"
)
_HTML_ATTR = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_HTML_REF = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|lt|gt|amp|quot);")
_HTML_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}


def _html_entity(tag: str, attrs: dict[str, str], parent: JSONDict | None) -> JSONDict | None:
    """The entity a start tag opens; None for tags that add nothing (a code inside a pre)."""
    if tag in _HTML_SIMPLE:
        language = attrs.get("class", "")
        if tag == "code" and parent and parent["type"] == "pre":
            if language.startswith("language-"):
                parent["language"] = language.removeprefix("language-")
            return None
        return {"type": _HTML_SIMPLE[tag]}
    if tag == "span" and attrs.get("class") == "tg-spoiler":
        return {"type": "spoiler"}
    if tag == "blockquote":
        return {"type": "expandable_blockquote" if "expandable" in attrs else "blockquote"}
    if tag == "a":
        href = attrs.get("href", "")
        if match := re.fullmatch(r"tg://user\?id=(\d+)", href):
            user = {"id": int(match.group(1)), "is_bot": False, "first_name": ""}
            return {"type": "text_mention", "user": user}
        return {"type": "text_link", "url": href} if href else None
    if tag == "tg-emoji" and "emoji-id" in attrs:
        return {"type": "custom_emoji", "custom_emoji_id": attrs["emoji-id"]}
    raise ValueError(tag)


def parse_html(text: str) -> tuple[str, list[JSONDict]]:
    """Telegram's HTML subset to (plain text, entities); ApiError 400 where Telegram refuses."""

    def error(message: str) -> ApiError:
        return _bad(f"can't parse entities: {message}")

    out: list[str] = []
    position = 0  # UTF-16 units emitted so far
    stack: list[tuple[str, JSONDict | None, int]] = []
    entities: list[JSONDict] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            byte_offset = len(text[:i].encode())
            match = _HTML_TAG.match(text, i)
            if match is None:
                raise error(f"Can't find end of the tag at byte offset {byte_offset}")
            closing, tag = match.group(1) == "/", match.group(2).lower()
            if closing:
                if not stack or stack[-1][0] != tag:
                    raise error(f'Unexpected end tag "{tag}" at byte offset {byte_offset}')
                _, entity, start = stack.pop()
                if entity is not None and position > start:
                    entities.append({**entity, "offset": start, "length": position - start})
            else:
                attrs = {
                    name.lower(): html.unescape(value.strip("\"'")) if value else ""
                    for name, value in _HTML_ATTR.findall(match.group(3))
                }
                parent = next((e for _, e, _ in reversed(stack) if e is not None), None)
                try:
                    entity = _html_entity(tag, attrs, parent)
                except ValueError:
                    raise error(
                        f'Unsupported start tag "{tag}" at byte offset {byte_offset}'
                    ) from None
                stack.append((tag, entity, position))
            i = match.end()
            continue
        if char == "&" and (ref := _HTML_REF.match(text, i)):
            char = html.unescape(ref.group())
            i = ref.end()
        else:
            i += 1
        out.append(char)
        position += utf16_len(char)
    if stack:
        raise error(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def _flag(value: Any, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("true", "1")


def _int(params: dict[str, Any], key: str) -> int:
    try:
        return int(params[key])
    except KeyError:
        raise _bad(f"{key} is empty") from None
    except (TypeError, ValueError):
        raise _bad(f"invalid {key}") from None


# --- HTTP plumbing ----------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # a burst of concurrent sends must not be reset at connect

    def __init__(self, fake: FakeTelegram) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects
    disable_nagle_algorithm = True  # else each reply waits ~40 ms for a delayed ACK

    def setup(self) -> None:
        super().setup()
        self.server.fake._track(self.connection, add=True)

    def finish(self) -> None:
        self.server.fake._track(self.connection, add=False)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Silence per-request logging; the recorded calls are the log."""

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        with self.server.fake._in_flight():  # stop() waits for replies to be written
            self._respond()

    def _respond(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        match = _API_PATH.match(self.path.partition("?")[0])
        if match is None:
            self._send(404, json.dumps(_not_found().body()).encode())
            return
        token, method = match.groups()
        try:
            params = parse_params(self.headers.get("Content-Type", ""), body)
        except (ApiError, ValueError) as err:
            error = err if isinstance(err, ApiError) else _bad(f"can't parse request: {err}")
            self._send(error.status, json.dumps(error.body()).encode())
            return
        status, payload = self.server.fake._dispatch(method, token, params)
        self._send(status, json.dumps(payload, ensure_ascii=False).encode())

    def _send(self, status: int, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (e.g. PTB cancelled a long poll on shutdown)
            self.close_connection = True


# --- the fake ---------------------------------------------------------------------------------


class FakeTelegram:
    """A Bot API server in a background thread, with update injection and call recording."""

    def __init__(
        self,
        *,
        bot_id: int = DEFAULT_BOT_ID,
        bot_username: str = "fake_qa_bot",
        bot_first_name: str = "Fake QA Bot",
        can_join_groups: bool = True,
        can_read_all_group_messages: bool = False,
        supports_inline_queries: bool = True,
        limits: TelegramLimits | None = None,
    ) -> None:
        self.bot_user: JSONDict = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": can_join_groups,
            "can_read_all_group_messages": can_read_all_group_messages,
            "supports_inline_queries": supports_inline_queries,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._cond = threading.Condition(threading.RLock())
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._inflight = 0
        self._connections: set[socket.socket] = set()
        self._calls: list[Call] = []
        self._flood = _Flood(limits) if limits is not None else None
        self._refused: list[Call] = []
        self._refused_ids: set[int] = set()
        self._delivered: list[tuple[int, str]] = []
        self._faults: dict[str, deque[_Fault]] = {}
        self._updates: list[JSONDict] = []
        self._next_update_id = 1
        self._allowed_updates: list[str] = []
        self._poll_generation = 0
        self._webhook_url = ""
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._users: dict[int, JSONDict] = {}
        self._chats: dict[int, JSONDict] = {}
        self._callback_ids: set[str] = set()
        self._inline_ids: set[str] = set()
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": lambda _: dict(self.bot_user),
            "getupdates": self._get_updates,
            "sendmessage": self._send_message,
            "editmessagetext": lambda p: self._edit(p, text=True),
            "editmessagereplymarkup": lambda p: self._edit(p, text=False),
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
            "setmycommands": self._set_my_commands,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "sendpoll": self._send_poll,
            "getchatmember": self._get_chat_member,
        }
        self._polls: dict[str, JSONDict] = {}
        # who runs each group: tests say (real Telegram knows)
        self.chat_admins: dict[int, set[int]] = {}
        self.chat_owners: dict[int, set[int]] = {}

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind an ephemeral port on 127.0.0.1 and serve from a daemon thread."""
        if self._server is not None:
            return self
        self._stopping = False
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-telegram",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self, grace: float = 2.0) -> None:
        """Release pending long polls at once, let in-flight replies finish, then close."""
        server, self._server = self._server, None
        if server is None:
            return
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._inflight == 0, timeout=grace)
            connections = list(self._connections)
        server.shutdown()
        server.server_close()
        for connection in connections:  # idle keep-alive connections block their threads
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        if self._thread is not None:
            self._thread.join(timeout=grace)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeTelegram is not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)``; PTB appends the token."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def bot_sender(self) -> JSONDict:
        """The bot as it appears in ``from`` of its messages (no getMe-only fields)."""
        keys = ("id", "is_bot", "first_name", "username")
        return {key: self.bot_user[key] for key in keys}

    @property
    def token(self) -> str:
        """A well-formed token for the configured bot id (any token is accepted)."""
        return f"{self.bot_user['id']}:FAKE-offline-test-token"

    # --- recorded calls -----------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        """Recorded calls in arrival order, optionally of one method (case-insensitive)."""
        with self._cond:
            return [c for c in self._calls if method is None or _same(c.method, method)]

    def last(self, method: str | None = None) -> Call:
        """The latest call of ``method``; AssertionError when there is none."""
        matching = self.calls(method)
        if not matching:
            raise AssertionError(f"no {method or 'API'} call recorded; {self._summary()}")
        return matching[-1]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until ``count`` matching calls arrived; return the first ``count`` of them.

        Not from the event loop that runs the bot: blocking it would starve the bot, so that
        raises RuntimeError; use :meth:`wait_for_async` there.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            raise RuntimeError("wait_for() would block the event loop; use await wait_for_async()")
        deadline = time.monotonic() + timeout
        with self._cond:
            while (found := self._matching(method, count, predicate)) is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._timeout_error(method, count, timeout)
                self._cond.wait(remaining)
            return found

    async def wait_for_async(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """:meth:`wait_for` for async tests: yields to the loop while the bot works."""
        deadline = time.monotonic() + timeout
        while (found := self._matching(method, count, predicate)) is None:
            if time.monotonic() >= deadline:
                raise self._timeout_error(method, count, timeout)
            await asyncio.sleep(0.01)
        return found

    def _matching(
        self, method: str, count: int, predicate: Callable[[Call], bool] | None
    ) -> list[Call] | None:
        found = [c for c in self.calls(method) if predicate is None or predicate(c)]
        return found[:count] if len(found) >= count else None

    def _timeout_error(self, method: str, count: int, timeout: float) -> AssertionError:
        return AssertionError(
            f"expected {count} matching {method} call(s) within {timeout}s; {self._summary()}"
        )

    def _summary(self) -> str:
        with self._cond:
            lines = [
                f"  {c.method} {c.params!r}"
                + (" [refused: 429]" if id(c) in self._refused_ids else "")
                for c in self._calls
            ]
        return "calls seen:\n" + "\n".join(lines) if lines else "no calls seen"

    # --- flood limits -------------------------------------------------------------------------

    @property
    def limits(self) -> TelegramLimits | None:
        """The flood limits enforced, or None (the default: nothing is refused)."""
        with self._cond:
            return self._flood.limits if self._flood is not None else None

    @limits.setter
    def limits(self, limits: TelegramLimits | None) -> None:
        """Enforce ``limits`` from now on (None: switch off); earlier sends are forgotten."""
        with self._cond:
            self._flood = _Flood(limits) if limits is not None else None

    def enforce_limits(
        self,
        *,
        overall_per_second: int | None = 30,
        per_chat_per_second: float | None = 1.0,
        per_chat_burst: int = 2,
        per_group_per_minute: int | None = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> TelegramLimits:
        """Enforce Telegram's flood limits (see :class:`TelegramLimits`) from now on."""
        limits = TelegramLimits(
            overall_per_second=overall_per_second,
            per_chat_per_second=per_chat_per_second,
            per_chat_burst=per_chat_burst,
            per_group_per_minute=per_group_per_minute,
            clock=clock,
        )
        self.limits = limits
        return limits

    def delivered(self, chat_id: int) -> list[str]:
        """What the bot delivered to a chat, oldest first: each sendMessage's ``text`` as sent
        (HTML unparsed) and each sendPoll's ``question``; refused and failed sends are left out.
        """
        with self._cond:
            return [text for chat, text in self._delivered if chat == chat_id]

    def refused(self, method: str | None = None) -> list[Call]:
        """The recorded calls the flood limits refused (answered 429), optionally of one method."""
        with self._cond:
            return [c for c in self._refused if method is None or _same(c.method, method)]

    @property
    def refused_count(self) -> int:
        """How many sends the flood limits refused."""
        with self._cond:
            return len(self._refused)

    # --- fault injection ----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = None,
        description: str | None = None,
        *,
        times: int = 1,
        parameters: JSONDict | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with a Bot API error.

        ``retry_after`` defaults to 1 for status 429 and is left out otherwise (PTB raises
        RetryAfter whenever it is present, whatever the status).
        """
        extra = dict(parameters or {})
        if retry_after is None and status == 429:
            retry_after = 1
        if retry_after is not None:
            extra["retry_after"] = retry_after
        if description is None:
            description = _default_description(status, retry_after)
        with self._cond:
            queue = self._faults.setdefault(method.lower(), deque())
            queue.extend(_Fault(status, description, extra) for _ in range(times))

    # --- updates ------------------------------------------------------------------------------

    def push_update(self, update: JSONDict) -> int:
        """Queue an update for getUpdates; assigns ``update_id`` when missing and returns it."""
        if not any(key != "update_id" for key in update):
            raise ValueError("an update needs a payload such as 'message'")
        pushed = copy.deepcopy(update)
        with self._cond:
            if "update_id" in pushed:
                update_id = int(pushed["update_id"])
                if update_id < self._next_update_id:
                    raise ValueError(f"update_id {update_id} is not above earlier updates")
            else:
                update_id = self._next_update_id
                pushed["update_id"] = update_id
            self._next_update_id = update_id + 1
            self._updates.append(pushed)
            self._cond.notify_all()
        return update_id

    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet acknowledged through getUpdates' offset."""
        with self._cond:
            return copy.deepcopy(self._updates)

    def bot_messages(self, chat_id: int) -> list[JSONDict]:
        """The messages the bot sent to a chat, oldest first, as they are now (after edits)."""
        with self._cond:
            return [
                copy.deepcopy(message)
                for (chat, _), message in sorted(self._messages.items())
                if chat == chat_id and message.get("from", {}).get("id") == self.bot_user["id"]
            ]

    def delete_message(self, chat_id: int, message_id: int) -> None:
        """A message deleted in the chat (by its sender, an admin or an anti-spam bot): a reply
        to it is refused unless it allows sending without the reply."""
        with self._cond:
            self._messages.pop((chat_id, message_id), None)

    # --- users, chats and update builders -----------------------------------------------------

    def user(
        self,
        user_id: int = DEFAULT_USER_ID,
        *,
        first_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> JSONDict:
        """The user with this id (created on first use; given details are remembered)."""
        if user_id <= 0:
            raise ValueError("user ids are positive")
        with self._cond:
            user = self._users.setdefault(
                user_id,
                {
                    "id": user_id,
                    "is_bot": False,
                    "first_name": f"User{user_id}",
                    "username": f"user{user_id}",
                    "language_code": "en",
                },
            )
            details = {
                "first_name": first_name,
                "username": username,
                "language_code": language_code,
            }
            user.update({key: value for key, value in details.items() if value is not None})
            return dict(user)

    def message(
        self,
        text: str,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
        username: str | None = None,
        entities: list[JSONDict] | None = None,
        reply_to: int | JSONDict | None = None,
        *,
        first_name: str | None = None,
        title: str | None = None,
    ) -> JSONDict:
        """A text message update; bot_command and @mention entities are added like clients do.

        ``entities=None`` detects them; pass a list (maybe empty) to set them yourself. In a
        private chat the chat id is the user id; group chat ids are negative.
        """
        content: JSONDict = {"text": text}
        found = detect_entities(text) if entities is None else entities
        if found:
            content["entities"] = found
        return self._incoming(
            content, chat_id, user_id, chat_type, username, first_name, title, reply_to
        )

    def group_message(
        self,
        text: str,
        chat_id: int = DEFAULT_GROUP_ID,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "group",
        username: str | None = None,
        entities: list[JSONDict] | None = None,
        reply_to: int | JSONDict | None = None,
        *,
        first_name: str | None = None,
        title: str | None = None,
    ) -> JSONDict:
        """A text message update in a group (``chat_type="supergroup"`` for supergroups)."""
        if chat_type not in ("group", "supergroup"):
            raise ValueError("group_message needs chat_type 'group' or 'supergroup'")
        return self.message(
            text,
            chat_id,
            user_id,
            chat_type,
            username,
            entities,
            reply_to,
            first_name=first_name,
            title=title,
        )

    def sticker(
        self,
        emoji: str = "👍",
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
    ) -> JSONDict:
        """A sticker message update (no text: exercises the bot's non-text path)."""
        file_id, unique_id = self._file_ids()
        sticker = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": 12,
        }
        return self._incoming({"sticker": sticker}, chat_id, user_id, chat_type)

    def photo(
        self,
        caption: str | None = None,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
    ) -> JSONDict:
        """A photo message update, optionally captioned."""
        file_id, unique_id = self._file_ids()
        size = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "width": 800,
            "height": 600,
            "file_size": 48000,
        }
        payload: JSONDict = {"photo": [size]}
        if caption is not None:
            payload["caption"] = caption
        return self._incoming(payload, chat_id, user_id, chat_type)

    def voice(
        self,
        duration: int = 3,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
    ) -> JSONDict:
        """A voice message update."""
        file_id, unique_id = self._file_ids()
        voice = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": 6000 * duration,
        }
        return self._incoming({"voice": voice}, chat_id, user_id, chat_type)

    def document(
        self,
        file_name: str = "report.pdf",
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
        caption: str | None = None,
        mime_type: str = "application/pdf",
    ) -> JSONDict:
        """A document message update."""
        file_id, unique_id = self._file_ids()
        document = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": 20000,
        }
        payload: JSONDict = {"document": document}
        if caption is not None:
            payload["caption"] = caption
        return self._incoming(payload, chat_id, user_id, chat_type)

    def callback_query(
        self,
        data: str,
        message_id: int | None = None,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        *,
        check_button: bool = True,
    ) -> JSONDict:
        """A button press on a message the bot sent (by default its latest one in the chat).

        An unknown ``message_id`` gets a minimal bot message, stored so it can be edited. With
        ``check_button`` the data must belong to a button of that message's inline keyboard,
        since users cannot press buttons that are not there.
        """
        sender = self.user(user_id)
        chat_id = user_id if chat_id is None else chat_id
        with self._cond:
            chat = self._chat_for(chat_id)
            if message_id is None:
                sent = [
                    m
                    for (cid, _), m in self._messages.items()
                    if cid == chat_id and m.get("from", {}).get("id") == self.bot_user["id"]
                ]
                if not sent:
                    raise ValueError(f"the bot sent nothing to chat {chat_id}; pass message_id")
                message = sent[-1]
            else:
                message = self._messages.get((chat_id, message_id)) or self._store(
                    {
                        "message_id": message_id,
                        "from": self.bot_sender,
                        "chat": chat,
                        "date": int(time.time()),
                    }
                )
            buttons = [
                button.get("callback_data")
                for row in message.get("reply_markup", {}).get("inline_keyboard", [])
                for button in row
            ]
            if check_button and "reply_markup" in message and data not in buttons:
                raise ValueError(f"message {message['message_id']} has no button {data!r}")
            query_id = str(next(self._ids))
            self._callback_ids.add(query_id)
            query = {
                "id": query_id,
                "from": sender,
                "message": copy.deepcopy(message),
                "chat_instance": str(chat_id),
                "data": data,
            }
        return {"callback_query": query}

    def sent_polls(self) -> list[JSONDict]:
        """The polls the bot sent, oldest first (ids and all, as Telegram returned them)."""
        with self._cond:
            return [copy.deepcopy(poll) for poll in self._polls.values()]

    def poll_answer(
        self, poll_id: str, option_ids: list[int], user_id: int = DEFAULT_USER_ID
    ) -> JSONDict:
        """A vote in a poll the bot sent; Telegram sends these for non-anonymous polls only."""
        with self._cond:
            poll = self._polls.get(poll_id)
        if poll is None:
            raise ValueError(f"the bot sent no poll {poll_id}")
        if poll["is_anonymous"]:
            raise ValueError("an anonymous poll sends no poll_answer updates")
        persistent = [poll["options"][i]["persistent_id"] for i in option_ids]
        answer = {
            "poll_id": poll_id,
            "user": self.user(user_id),
            "option_ids": option_ids,
            "option_persistent_ids": persistent,  # required since Bot API 9.6
        }
        return {"poll_answer": answer}

    def inline_query(
        self,
        query: str,
        user_id: int = DEFAULT_USER_ID,
        *,
        offset: str = "",
        chat_type: str | None = "sender",
    ) -> JSONDict:
        """An inline query update (``@bot query`` typed in any chat)."""
        sender = self.user(user_id)
        with self._cond:
            query_id = str(next(self._ids))
            self._inline_ids.add(query_id)
        inline: JSONDict = {"id": query_id, "from": sender, "query": query, "offset": offset}
        if chat_type is not None:
            inline["chat_type"] = chat_type
        return {"inline_query": inline}

    def _incoming(
        self,
        content: JSONDict,
        chat_id: int | None,
        user_id: int,
        chat_type: str,
        username: str | None = None,
        first_name: str | None = None,
        title: str | None = None,
        reply_to: int | JSONDict | None = None,
    ) -> JSONDict:
        sender = self.user(user_id, username=username, first_name=first_name)
        with self._cond:
            if chat_type == "private":
                if chat_id not in (None, user_id):
                    raise ValueError("a private chat's id is the user's id")
                chat = self._private_chat(sender)
            elif chat_type in ("group", "supergroup"):
                chat_id = DEFAULT_GROUP_ID if chat_id is None else chat_id
                if chat_id >= 0:
                    raise ValueError("group chat ids are negative")
                known = self._chats.get(chat_id, {})
                chat = {
                    "id": chat_id,
                    "type": chat_type,
                    "title": title or known.get("title") or f"Group {-chat_id}",
                }
                self._chats[chat_id] = chat
            else:
                raise ValueError(f"unsupported chat_type {chat_type!r}")
            message: JSONDict = {
                "message_id": next(self._message_ids),
                "from": sender,
                "chat": dict(chat),
                "date": int(time.time()),
                **content,
            }
            if reply_to is not None:
                message["reply_to_message"] = self._reply_target(chat, reply_to)
            return {"message": copy.deepcopy(self._store(message))}

    def _private_chat(self, user: JSONDict) -> JSONDict:
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if user.get("username"):
            chat["username"] = user["username"]
        self._chats[user["id"]] = chat
        return chat

    def _chat_for(self, value: Any) -> JSONDict:
        """The chat a bot call addresses; unknown ids are accepted (chats are not modelled)."""
        with self._cond:
            try:
                chat_id = int(value)
            except (TypeError, ValueError):
                raise _bad("chat not found") from None
            if chat_id in self._chats:
                return dict(self._chats[chat_id])
            if chat_id > 0:
                return dict(self._private_chat(self.user(chat_id)))
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            self._chats[chat_id] = {"id": chat_id, "type": kind, "title": f"Group {-chat_id}"}
            return dict(self._chats[chat_id])

    def _reply_target(self, chat: JSONDict, reply_to: int | JSONDict) -> JSONDict:
        if isinstance(reply_to, dict):
            target = copy.deepcopy(reply_to)
        else:
            minimal = {"message_id": reply_to, "chat": dict(chat), "date": int(time.time())}
            target = copy.deepcopy(self._messages.get((chat["id"], reply_to), minimal))
        target.pop("reply_to_message", None)  # Telegram nests replies one level only
        return target

    def _store(self, message: JSONDict) -> JSONDict:
        with self._cond:
            self._messages[(message["chat"]["id"], message["message_id"])] = message
        return message

    def _file_ids(self) -> tuple[str, str]:
        """A fresh ``file_id`` and ``file_unique_id`` for an incoming media message."""
        with self._cond:
            number = next(self._ids)
        return f"FAKEFILE{number}", f"FAKEUNIQUE{number}"

    def _track(self, connection: socket.socket, *, add: bool) -> None:
        with self._cond:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    # --- dispatch -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _in_flight(self) -> Iterator[None]:
        with self._cond:
            self._inflight += 1
        try:
            yield
        finally:
            with self._cond:
                self._inflight -= 1
                self._cond.notify_all()

    def _dispatch(self, method: str, token: str, params: dict[str, Any]) -> tuple[int, JSONDict]:
        call = Call(method, params, token)
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()
            faults = self._faults.get(method.lower())
            fault = faults.popleft() if faults else None
        try:
            if fault is not None:
                raise ApiError(fault.status, fault.description, fault.parameters)
            handler = self._handlers.get(method.lower())
            if handler is None:
                raise _not_found()
            if method.lower() in _MESSAGE_SENDERS:
                return 200, {"ok": True, "result": self._deliver(call, handler)}
            return 200, {"ok": True, "result": handler(params)}
        except ApiError as err:
            return err.status, err.body()
        except KeyError as err:
            return 400, _bad(f"parameter {err.args[0]} is required").body()
        except Exception as err:  # a bug in the fake must not hang the bot's request
            error = ApiError(500, f"Internal Server Error: fake {method} failed: {err!r}")
            return 500, error.body()

    def _deliver(self, call: Call, handler: Callable[[dict[str, Any]], Any]) -> Any:
        """Send a message unless a flood limit refuses it (429, not delivered); record which."""
        try:
            chat_id = int(call.params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return handler(call.params)  # no chat this fake knows: the handler answers 400
        # Check, deliver and count under one lock so concurrent sends cannot overshoot a limit.
        with self._cond:
            flood = self._flood
            now = flood.limits.clock() if flood is not None else 0.0
            if flood is not None and (wait := flood.wait(chat_id, now)) > 0:
                self._refused.append(call)
                self._refused_ids.add(id(call))
                retry_after = max(1, math.ceil(wait))
                description = _default_description(429, retry_after)
                raise ApiError(429, description, {"retry_after": retry_after})
            result = handler(call.params)
            if flood is not None:
                flood.count(chat_id, now)
            text = call.params.get("text", call.params.get("question", ""))
            self._delivered.append((chat_id, str(text)))
            return result

    # --- methods ------------------------------------------------------------------------------

    def _get_updates(self, params: dict[str, Any]) -> list[JSONDict]:
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._webhook_url:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if isinstance(params.get("allowed_updates"), list):
                self._allowed_updates = list(params["allowed_updates"])
            self._poll_generation += 1
            generation = self._poll_generation
            while True:
                if generation != self._poll_generation:
                    raise ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                self._acknowledge(offset)
                ready = [u for u in self._updates if self._allowed(u)][:limit]
                remaining = deadline - time.monotonic()
                if ready or self._stopping or remaining <= 0:
                    return copy.deepcopy(ready)
                self._cond.wait(remaining)

    def _acknowledge(self, offset: int) -> None:
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]

    def _allowed(self, update: JSONDict) -> bool:
        kinds = set(update) - {"update_id"}
        if self._allowed_updates:
            return bool(kinds & set(self._allowed_updates))
        return not kinds <= _OPT_IN_UPDATES

    def _send_message(self, params: dict[str, Any]) -> JSONDict:
        text, entities = self._formatted(params)
        if not text.strip():
            raise _bad("message text is empty")
        if len(text) > MAX_TEXT_LENGTH:
            raise _bad("message is too long")
        return self._bot_message(params, {"text": text, "entities": entities})

    def _send_poll(self, params: dict[str, Any]) -> JSONDict:
        """A poll as Telegram checks and returns it, the quiz rules included."""
        question = str(params.get("question", ""))
        if not 1 <= len(question) <= 300:
            raise _bad("POLL_QUESTION_INVALID")
        options = [o.get("text") if isinstance(o, dict) else str(o) for o in params["options"]]
        if not 2 <= len(options) <= 12:
            raise _bad("poll must have 2-12 options")
        if any(not 1 <= len(str(option)) <= 100 for option in options):
            raise _bad("POLL_OPTION_INVALID")
        correct = params.get("correct_option_ids")
        if params.get("type") == "quiz" and not (
            isinstance(correct, list)
            and correct
            and all(0 <= int(i) < len(options) for i in correct)
        ):
            raise _bad("POLL_CORRECT_OPTION_INVALID")  # a quiz must say which option is right
        explanation = str(params.get("explanation", ""))
        if len(explanation) > 200 or explanation.count("\n") > 2:
            raise _bad("POLL_EXPLANATION_INVALID")
        open_period = params.get("open_period")
        if open_period is not None and not 5 <= int(open_period) <= 600:
            raise _bad("POLL_OPEN_PERIOD_INVALID")
        poll: JSONDict = {
            "id": str(next(self._ids)),
            "question": question,
            "options": [
                {"text": text, "voter_count": 0, "persistent_id": str(index)}
                for index, text in enumerate(options)
            ],
            "total_voter_count": 0,
            "is_closed": _flag(params.get("is_closed")),
            "is_anonymous": _flag(params.get("is_anonymous"), default=True),
            "type": str(params.get("type") or "regular"),
            "allows_multiple_answers": _flag(params.get("allows_multiple_answers")),
            "allows_revoting": _flag(params.get("allows_revoting")),
            "members_only": _flag(params.get("members_only")),
        }
        for key in ("correct_option_ids", "explanation", "open_period"):
            if key in params:
                poll[key] = params[key]
        with self._cond:
            self._polls[poll["id"]] = poll
        return self._bot_message(params, {"poll": poll})

    def _get_chat_member(self, params: dict[str, Any]) -> JSONDict:
        """Members are members unless a test made them a group's admin or owner."""
        chat = self._chat_for(params.get("chat_id"))
        user_id = _int(params, "user_id")
        with self._cond:
            if user_id in self.chat_owners.get(chat["id"], set()):
                status = "creator"
            elif user_id in self.chat_admins.get(chat["id"], set()):
                status = "administrator"
            else:
                status = "member"
            member: JSONDict = {"status": status, "user": self.user(user_id)}
        if status == "creator":
            member["is_anonymous"] = False
        if status == "administrator":
            rights = (
                "can_manage_chat",
                "can_delete_messages",
                "can_manage_video_chats",
                "can_restrict_members",
                "can_promote_members",
                "can_change_info",
                "can_invite_users",
                "can_post_stories",
                "can_edit_stories",
                "can_delete_stories",
            )
            member.update(dict.fromkeys(rights, True))
            member.update({"can_be_edited": False, "is_anonymous": False})
        return member

    def _edit(self, params: dict[str, Any], *, text: bool) -> JSONDict:
        """editMessageText (``text``) or editMessageReplyMarkup of a message in a chat."""
        chat_id, message_id = _int(params, "chat_id"), _int(params, "message_id")
        with self._cond:
            current = self._messages.get((chat_id, message_id))
            if current is None:
                raise _bad("message to edit not found")
            if current.get("from", {}).get("id") != self.bot_user["id"]:
                raise _bad("message can't be edited")
            edited = copy.deepcopy(current)
            if text:
                new_text, entities = self._formatted(params)
                if not new_text.strip():
                    raise _bad("message text is empty")
                _set_or_drop(edited, {"text": new_text, "entities": entities})
            markup = params.get("reply_markup")
            self._check_markup(markup)
            # Telegram drops the inline keyboard when an edit does not repeat it.
            inline = markup if isinstance(markup, dict) and "inline_keyboard" in markup else None
            _set_or_drop(edited, {"reply_markup": inline})
            if _content(edited) == _content(current):
                raise _bad(_NOT_MODIFIED)
            edited["edit_date"] = int(time.time())
            self._store(edited)
            return copy.deepcopy(edited)

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        self._check_query_id(str(params.get("callback_query_id", "")), self._callback_ids)
        return True

    def _answer_inline_query(self, params: dict[str, Any]) -> bool:
        self._check_query_id(str(params.get("inline_query_id", "")), self._inline_ids)
        results = params.get("results")
        if not isinstance(results, list):
            raise _bad("results must be a JSON array")
        ids = [str(result.get("id", "")) for result in results]
        if len(results) > MAX_INLINE_RESULTS:
            raise _bad("RESULTS_TOO_MUCH")
        if len(set(ids)) != len(ids):
            raise _bad("RESULT_ID_DUPLICATE")
        if any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise _bad("RESULT_ID_INVALID")
        return True

    def _check_query_id(self, query_id: str, issued: set[str]) -> None:
        if query_id not in issued:
            raise _bad("query is too old and response timeout expired or query ID is invalid")

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("commands must be a JSON array")
        if len(commands) > 100:
            raise _bad("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not _BOT_COMMAND_NAME.match(str(command.get("command", ""))):
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        return True

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        with self._cond:
            if _flag(params.get("drop_pending_updates")):
                self._updates.clear()
            self._webhook_url = str(params.get("url") or "")
            if isinstance(params.get("allowed_updates"), list):
                self._allowed_updates = list(params["allowed_updates"])
            self._cond.notify_all()
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        with self._cond:
            if _flag(params.get("drop_pending_updates")):
                self._updates.clear()
            self._webhook_url = ""
        return True

    # --- helpers for sent messages ------------------------------------------------------------

    def _formatted(self, params: dict[str, Any]) -> tuple[str, list[JSONDict]]:
        """Text and entities as Telegram stores them: HTML parsed, Markdown left as is."""
        raw = params.get("text")
        if raw is None:
            return "", []
        text = str(raw)
        if str(params.get("parse_mode") or "").lower() == "html":
            return parse_html(text)
        return text, []

    def _check_markup(self, markup: Any) -> None:
        if not isinstance(markup, dict):
            return
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not _BUTTON_ACTIONS & set(button):
                    raise _bad("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                limit = MAX_CALLBACK_DATA_BYTES
                if data is not None and not 1 <= len(str(data).encode()) <= limit:
                    raise _bad("BUTTON_DATA_INVALID")

    def _bot_message(self, params: dict[str, Any], content: JSONDict) -> JSONDict:
        markup = params.get("reply_markup")
        self._check_markup(markup)
        with self._cond:
            chat = self._chat_for(params.get("chat_id"))
            message: JSONDict = {
                "message_id": next(self._message_ids),
                "from": self.bot_sender,
                "chat": chat,
                "date": int(time.time()),
            }
            _set_or_drop(message, content)
            # Only inline keyboards belong to the message; reply keyboards live in the client.
            if isinstance(markup, dict) and "inline_keyboard" in markup:
                message["reply_markup"] = markup
            reply = params.get("reply_parameters")
            reply_to = reply.get("message_id") if isinstance(reply, dict) else None
            reply_to = reply_to or params.get("reply_to_message_id")
            if reply_to is not None:
                target = self._messages.get((chat["id"], int(reply_to)))
                if target is not None:
                    message["reply_to_message"] = self._reply_target(chat, target)
                elif not _flag(
                    (reply or {}).get("allow_sending_without_reply")
                    or params.get("allow_sending_without_reply")
                ):
                    raise _bad("message to be replied not found")
            return copy.deepcopy(self._store(message))


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def _set_or_drop(message: JSONDict, values: JSONDict) -> None:
    for key, value in values.items():
        if value in (None, "", []):
            message.pop(key, None)
        else:
            message[key] = value


def _content(message: JSONDict) -> tuple[Any, ...]:
    keys = ("text", "entities", "reply_markup")
    return tuple(message.get(key) for key in keys)


def _default_description(status: int, retry_after: int | None) -> str:
    if status == 429:
        return f"Too Many Requests: retry after {retry_after}"
    known = {
        400: "Bad Request",
        401: "Unauthorized",
        403: "Forbidden: bot was blocked by the user",
        404: "Not Found",
        409: "Conflict: terminated by other getUpdates request",
    }
    try:
        return known.get(status) or HTTPStatus(status).phrase
    except ValueError:
        return "Error"


__all__ = [
    "DEFAULT_BOT_ID",
    "DEFAULT_GROUP_ID",
    "DEFAULT_USER_ID",
    "ApiError",
    "Call",
    "FakeTelegram",
    "ManualClock",
    "TelegramLimits",
    "detect_entities",
    "parse_html",
    "parse_params",
    "utf16_len",
]
