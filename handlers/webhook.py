"""The webhook server (tornado, as python-telegram-bot's own), built to refuse cheaply: the
secret header and the declared length are checked before any of the body is read, bodies over
1 MB get 413, a body that is not an update gets 400, and an update already received is answered
once. At most `MOST_REQUESTS` requests are handled at once; Telegram retries a 503."""

from __future__ import annotations

import asyncio
import functools
import hmac
import json
import logging
from typing import Any
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import Bot, Update

from bot.settings import Settings
from handlers.delivery import PulseKeeper
from handlers.intake import Intake
from handlers.running import AnyApplication, patiently, pause

logger = logging.getLogger(__name__)

MOST_BODY_BYTES = 1_000_000  # an update is a few kilobytes; Telegram's own limit is far below
MOST_REQUESTS = 200
LISTEN_BACKLOG = 1024  # connections waiting to be accepted in a burst (tornado's default: 128)
TICK_SECONDS = 10.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@tornado.web.stream_request_body
class UpdateHandler(tornado.web.RequestHandler):
    SUPPORTED_METHODS = ("POST",)

    def initialize(
        self, bot: Bot, intake: Intake, pulse: PulseKeeper, secret: str, busy: list[int]
    ) -> None:
        self.bot, self.intake, self.pulse, self.secret, self.busy = bot, intake, pulse, secret, busy
        self.body = bytearray()
        self.counted = False

    def prepare(self) -> None:
        """Before the body: who is asking, and how much they would send."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            raise tornado.web.HTTPError(403)
        length = self.request.headers.get("Content-Length")
        if length is None or not length.isdigit():
            raise tornado.web.HTTPError(411)
        if int(length) > MOST_BODY_BYTES:
            raise tornado.web.HTTPError(413)
        if self.busy[0] >= MOST_REQUESTS:
            raise tornado.web.HTTPError(503)
        self.busy[0] += 1
        self.counted = True

    def data_received(self, chunk: bytes) -> None:
        self.body.extend(chunk)
        if len(self.body) > MOST_BODY_BYTES:
            raise tornado.web.HTTPError(413)

    def post(self) -> None:
        try:
            data = json.loads(self.body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
            update = Update.de_json(data, self.bot)
        except Exception:  # whatever does not make an update is the sender's mistake
            raise tornado.web.HTTPError(400) from None
        self.pulse.received()
        self.intake.take([update])
        self.set_status(200)

    def on_finish(self) -> None:
        if self.counted:
            self.busy[0] -= 1

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if not isinstance(value, tornado.web.HTTPError):  # refusals are not errors
            super().log_exception(typ, value, tb)


async def receive(
    application: AnyApplication,
    intake: Intake,
    pulse: PulseKeeper,
    stop: asyncio.Event,
    *,
    settings: Settings,
    allowed_updates: list[str],
) -> None:
    """Serve the webhook until told to stop, ticking the pulse while idle."""
    if settings.webhook_url is None or settings.webhook_secret is None:
        raise ValueError("webhook mode needs WEBHOOK_URL and WEBHOOK_SECRET")
    secret = settings.webhook_secret.get_secret_value()
    path = urlsplit(settings.webhook_url).path or "/"
    handler_args = {
        "bot": application.bot,
        "intake": intake,
        "pulse": pulse,
        "secret": secret,
        "busy": [0],
    }
    app = tornado.web.Application([(path, UpdateHandler, handler_args)])
    server = tornado.httpserver.HTTPServer(
        app, max_body_size=MOST_BODY_BYTES, idle_connection_timeout=60
    )
    server.listen(settings.webhook_port, settings.webhook_listen, backlog=LISTEN_BACKLOG)
    # every refused request would be a WARNING line: anyone could fill the log
    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    register = functools.partial(
        application.bot.set_webhook,
        settings.webhook_url,
        secret_token=secret,
        allowed_updates=allowed_updates,
        max_connections=settings.webhook_max_connections,
    )
    try:
        if not await patiently(register, stop, "setWebhook"):
            return
        while True:
            pulse.ticked()
            if not await pause(stop, TICK_SECONDS):
                break
    finally:
        server.stop()
        await server.close_all_connections()
