"""What a message is beside a question about the report: small talk, a question about the
bot, someone in danger, a personal legal question, a request for help with a crime.

Callers outside this package import from here.
"""

from bot.intents.reading import Intent, Reader, Suspicion
from bot.intents.regional_talk import regional_small_talk
from bot.intents.small_talk import SmallTalk, without_greeting
from bot.intents.wrongdoing import asks_for_wrongdoing

__all__ = [
    "Intent",
    "Reader",
    "SmallTalk",
    "Suspicion",
    "asks_for_wrongdoing",
    "regional_small_talk",
    "without_greeting",
]
