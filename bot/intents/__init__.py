"""What a message is beside a question about the report: small talk, a question about the
bot, someone in danger, a personal legal question, a request for help with a crime, a question
about someone's private life, a request for the bot's own opinion.

Callers outside this package import from here.
"""

from bot.intents.opinion import asks_opinion
from bot.intents.private_details import asks_private_details
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
    "asks_opinion",
    "asks_private_details",
    "regional_small_talk",
    "without_greeting",
]
