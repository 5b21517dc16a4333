"""The Telegram front end, put together in one place: where updates come in.

`build_application` makes python-telegram-bot's `Application` and registers every handler in
one commented block (the shape of rules-bot's `main()`); `run` starts it by long polling, or
as a webhook server when `WEBHOOK_URL` is set. Everything a handler decides is asked of
`bot.conversation.Conversation`; handlers only copy its replies into Telegram messages.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
from typing import Any

from telegram import BotCommand, BotCommandScope, BotCommandScopeChat, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot import logs, wording
from bot.conversation import Conversation
from bot.health import PULSE_FILE
from bot.pacing import chat_book, group_book
from bot.quiz import QuizMaster
from bot.reloading import Reloader
from bot.settings import Settings
from bot.startup import StartError, conversation_for, recording
from bot.store import Recorder, Store
from bot.store.inbox import Inbox
from bot.store.pseudonyms import Pseudonyms
from bot.store.sqlite import SqliteStore
from bot.store.sqlite_languages import SqliteLanguages
from bot.store.sqlite_workshops import SqliteWorkshops
from bot.wording import FrontEnd
from bot.words import command_menus
from bot.workshops import WorkshopStore
from handlers import (
    admin,
    buttons,
    commands,
    errors,
    inline,
    live_reload,
    messages,
    quiz,
    running,
    webhook,
    workshop,
)
from handlers.context import CONTEXT_TYPES, BotData
from handlers.delivery import DeliveringRequest, InFlight, PulseKeeper
from handlers.intake import Intake
from handlers.pacing import Pace

logger = logging.getLogger(__name__)

POLL_TIMEOUT_SECONDS = running.POLL_TIMEOUT_SECONDS
CONCURRENT_UPDATES = 64  # updates handled at once; the rest wait, recorded, in the inbox
ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
    Update.CHOSEN_INLINE_RESULT,
    Update.POLL_ANSWER,
]

# bot_data is what handlers share; the other parameters vary with the builder's options
TelegramApplication = Application[Any, Any, Any, Any, BotData, Any]

# Messages that carry no text: answered with "please type your question".
_NOT_TEXT = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.Document.ALL
    | filters.LOCATION
    | filters.CONTACT
    | filters.ANIMATION
    | filters.POLL
)


def build_application(
    settings: Settings,
    conversation: Conversation,
    *,
    store: Store | None = None,
    workshops: WorkshopStore | None = None,
    rate_limiter: bool = True,
) -> TelegramApplication:
    """`store`: what the admins' reports read, `workshops`: where sessions and quiz rounds are
    kept (None: usage is not recorded, and rounds live in memory)."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    in_flight = InFlight()
    pulse = PulseKeeper(
        settings.data_dir / PULSE_FILE, "webhook" if settings.webhook_url else "polling"
    )
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .context_types(CONTEXT_TYPES)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                # do_quote stays python-telegram-bot's default: replies quote the question in
                # groups (so the thread is kept) and not in private chats
                allow_sending_without_reply=True,  # a question deleted meanwhile: still answered
            )
        )
        # replies are retried while that is safe (handlers.delivery); updates are fetched by
        # handlers.running, which retries on its own and confirms only what was recorded
        .request(
            DeliveringRequest(
                pulse,
                patience=settings.delivery_patience_seconds,
                in_flight=in_flight,
                connection_pool_size=64,
            )
        )
        .get_updates_request(
            DeliveringRequest(
                pulse,
                patience=0,
                connection_pool_size=2,
                read_timeout=POLL_TIMEOUT_SECONDS + 5,
            )
        )
        .updater(None)
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(_post_init)
        .post_stop(live_reload.stop)
    )
    # Telegram's limits: about 30 messages a second overall, 20 a minute in a group, one a
    # second in a private chat (handlers.pacing)
    groups = group_book()
    pace = Pace(groups, chat_book(), patience=settings.delivery_patience_seconds)
    limited = builder.rate_limiter(pace) if rate_limiter else builder
    application: TelegramApplication = limited.build()
    data = application.bot_data
    data.pulse = pulse
    data.in_flight = in_flight
    data.pace = groups
    data.group_wait_seconds = settings.group_wait_seconds
    data.conversation = conversation
    data.reloader = Reloader(conversation, settings.knowledge_path, settings.thresholds)
    data.store = store
    data.admins = settings.admin_ids
    data.pseudonyms = Pseudonyms.in_folder(settings.data_dir)
    data.workshops = workshops
    if workshops is not None:
        data.quiz = QuizMaster(workshops, lambda: data.conversation.engine.knowledge)
    data.quiz_seconds = settings.quiz_seconds
    admins_in_private = filters.ChatType.PRIVATE & filters.User(user_id=settings.admin_ids)

    # --- every handler, in one place; within a group the first handler that matches wins ---
    # Commands (the same table feeds the commands menu and /help: bot.wording.COMMANDS).
    application.add_handler(CommandHandler("start", commands.start))
    application.add_handler(CommandHandler("topics", commands.topics))
    application.add_handler(CommandHandler("ask", commands.ask))
    application.add_handler(CommandHandler("glossary", commands.glossary))
    application.add_handler(CommandHandler("help", commands.help_command))
    application.add_handler(CommandHandler("about", commands.about))
    application.add_handler(CommandHandler("privacy", commands.privacy))
    application.add_handler(CommandHandler("language", commands.language))
    # Quiz rounds and workshop sessions (bot.quiz, bot.workshops).
    application.add_handler(CommandHandler("quiz", quiz.quiz))
    application.add_handler(CommandHandler("next", quiz.next_question))
    application.add_handler(CommandHandler("scores", quiz.scores))
    application.add_handler(CommandHandler("workshop", workshop.workshop))
    application.add_handler(PollAnswerHandler(quiz.poll_answer))
    # The maintainers' commands (bot.wording.ADMIN_COMMANDS), for ADMIN_IDS in private only.
    application.add_handler(CommandHandler("reload", admin.reload, admins_in_private))
    application.add_handler(CommandHandler("stats", admin.stats, admins_in_private))
    application.add_handler(CommandHandler("unanswered", admin.unanswered, admins_in_private))
    # Any other command in a private chat (and an admin's command from anyone else).
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, admin.unknown_command)
    )
    # Questions: every text in a private chat; in groups only what is addressed to the bot.
    private_text = filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND
    group_text = filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND & messages.ADDRESSED
    application.add_handler(MessageHandler(private_text | group_text, messages.question))
    # Stickers, photos, voice and the like: ask for text instead.
    private_other = filters.ChatType.PRIVATE & _NOT_TEXT
    group_other = filters.ChatType.GROUPS & _NOT_TEXT & messages.ADDRESSED
    application.add_handler(MessageHandler(private_other | group_other, messages.not_text))
    # Buttons under the bot's messages, and inline mode (@bot question, in any chat).
    application.add_handler(CallbackQueryHandler(buttons.press))
    application.add_handler(InlineQueryHandler(inline.inline_query))
    application.add_handler(ChosenInlineResultHandler(inline.chosen))
    # Whatever a handler raises: logged with its update, and the user gets an apology.
    application.add_error_handler(errors.on_error)
    return application


async def _post_init(application: TelegramApplication) -> None:
    """Start watching the knowledge folder and set the commands menus once the bot is known
    (run by run_polling / run_webhook). The menus are best effort: Telegram keeps the last ones
    set, and the bot answers without them."""
    live_reload.start(application)
    everyone = [BotCommand(command.name, command.menu) for command in wording.COMMANDS]
    await _set_menu(application, everyone, "everyone")
    knowledge = application.bot_data.conversation.engine.knowledge
    for tag, menu in command_menus(knowledge).items():  # for people whose Telegram is in it
        translated = [BotCommand(name, description) for name, description in menu]
        await _set_menu(application, translated, f"language {tag}", language_code=tag)
    maintainers = everyone + [BotCommand(c.name, c.menu) for c in wording.ADMIN_COMMANDS]
    for admin_id in sorted(application.bot_data.admins):  # only they see the maintainers' own
        # an admin who has not started the bot yet has no chat to scope a menu to
        await _set_menu(application, maintainers, "an admin", scope=BotCommandScopeChat(admin_id))
    logger.info("started as @%s", application.bot.username)


async def _set_menu(
    application: TelegramApplication,
    commands: list[BotCommand],
    whose: str,
    *,
    scope: BotCommandScope | None = None,
    language_code: str | None = None,
) -> None:
    try:
        await application.bot.set_my_commands(commands, scope=scope, language_code=language_code)
    except TelegramError as error:  # the English menu, or the last one set, stands in
        logger.warning("no commands menu for %s: %s", whose, error)


def run(settings: Settings) -> int:
    """Serve Telegram until stopped (SIGINT or SIGTERM); the exit code for the process."""
    if settings.telegram_bot_token is None:
        raise StartError("TELEGRAM_BOT_TOKEN is not set (without it, use: python -m bot chat)")
    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret is not None:
        secrets.append(settings.webhook_secret.get_secret_value())
    logs.configure(settings.log_level, *secrets, brief=(InvalidToken,))
    # python-telegram-bot's coming behaviour, opted into: durations (retry_after) as timedelta
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    with recording(settings) as journal:
        store = journal.store if isinstance(journal, Recorder) else None
        sqlite = store if isinstance(store, SqliteStore) else None
        languages = SqliteLanguages(sqlite) if sqlite else None
        conversation = conversation_for(settings, FrontEnd.TELEGRAM, journal, languages)
        kept = SqliteWorkshops(sqlite) if sqlite else None
        application = build_application(settings, conversation, store=store, workshops=kept)
        inbox = Inbox(sqlite) if sqlite else None
        intake = Intake(application, inbox, application.bot_data.in_flight)
        if settings.webhook_url:
            logger.info("webhook mode on %s:%s", settings.webhook_listen, settings.webhook_port)
            receive = functools.partial(
                webhook.receive, settings=settings, allowed_updates=ALLOWED_UPDATES
            )
        else:
            logger.info("long polling mode")
            receive = functools.partial(running.poll, allowed_updates=ALLOWED_UPDATES)
        try:
            pulse = application.bot_data.pulse
            grace = settings.stop_grace_seconds
            asyncio.run(running.serve(application, intake, pulse, receive, grace=grace))
        except InvalidToken:
            raise StartError(
                "Telegram rejected TELEGRAM_BOT_TOKEN: check it with BotFather"
            ) from None
    logger.info("stopped")
    return 0
