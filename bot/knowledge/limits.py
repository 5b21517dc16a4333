"""Telegram's limits that the knowledge base and the replies must fit, in one place."""

TELEGRAM_TEXT_LIMIT = 4096  # characters of one message, after entities are parsed
CALLBACK_DATA_LIMIT = 64  # bytes of an inline button's callback data
BUTTON_TEXT_LIMIT = 56  # characters a question's button shows whole on a phone (after "➡️ ")

# Quiz polls (sendPoll with type quiz)
POLL_QUESTION_LIMIT = 300
QUIZ_NUMBER_ROOM = 8  # the "12/20. " a round puts before each question
POLL_OPTION_LIMIT = 100
POLL_OPTIONS_MIN, POLL_OPTIONS_MAX = 2, 10
POLL_EXPLANATION_LIMIT = 200
POLL_EXPLANATION_LINE_FEEDS = 2
