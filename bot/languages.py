"""Messages in the region's languages, as far as the rest of the bot needs to know: which
language (`bot.matching.probable_languages`), and whether the safety of the writer can be judged.
"""

from __future__ import annotations

from bot.matching import Match, Reason, looks_english, probable_languages

__all__ = ["looks_english", "probable_languages", "unread"]


def unread(match: Match) -> bool:
    """A message in a language where the bot cannot tell whether its writer is in danger: one
    it cannot read yet (the reply says so), or one matched on a language's phrasings. Either
    gets the safety note, and its text is not kept."""
    if match.language is not None:
        return True
    if match.reason in (Reason.OTHER_SCRIPT, Reason.OTHER_LANGUAGE):
        return True
    return match.reason is Reason.NO_KNOWN_WORDS and bool(probable_languages(match.question))
