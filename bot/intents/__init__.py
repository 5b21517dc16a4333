"""What a message is beside a question about the report: small talk, a question about the
bot, someone in danger, a personal legal question.

Callers outside this package import from here.
"""

from bot.intents.reading import Intent, Reader, Suspicion
from bot.intents.small_talk import without_greeting

__all__ = ["Intent", "Reader", "Suspicion", "without_greeting"]
