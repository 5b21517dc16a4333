"""Telegram's limits that the knowledge base and the replies must fit, in one place."""

TELEGRAM_TEXT_LIMIT = 4096  # characters of one message, after entities are parsed
CALLBACK_DATA_LIMIT = 64  # bytes of an inline button's callback data
BUTTON_TEXT_LIMIT = 56  # characters a question's button shows whole on a phone (after "➡️ ")
