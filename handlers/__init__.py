"""The Telegram front end: python-telegram-bot handlers, thin, around `bot.conversation`.

Start reading at `handlers.app`: it builds the application and registers every handler.
"""
