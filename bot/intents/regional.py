"""Danger in the region's languages: one detector per language, learnt from its examples
(`knowledge/safety/<code>.yaml`) with the language's phrasings and questions about the bot as
ordinary messages.

No cue pattern or stemmer of English applies there, so a message is read as its words and its
character n-grams, which need no word boundaries (Thai, Khmer and Burmese write none) and
relate the forms of a word. A language without examples has no detector: every message in it
gets the safety note, since nobody can tell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.heap import give_back_freed_memory
from bot.intents.detector import Detector
from bot.knowledge import KnowledgeBase, fold
from bot.matching import SCRIPT_LANGUAGES, UNTOLD, no_longer_than

GRAM_SIZES = (3, 4)
# From this probability a message in one of the region's languages gets the safety note first;
# read off the tuning parts of knowledge/eval/danger/<code>.yaml (docs/languages.md).
DANGER_FROM = 0.2
# and from this probability for one sentence of a longer message (same tuning parts)
SENTENCE_DANGER_FROM = 0.25
# and from this probability for one clause between commas, which has fewer words still:
# "majikan simpan pasport saya, adakah itu pemerdagangan orang?" asks of the plea before it
# (read off the tuning parts and fresh development messages in Malay, Burmese, Thai and
# Filipino: no message more or less given the note there)
CLAUSE_DANGER_FROM = 0.6
# a sentence of no more words than this is read against the clauses' bar (fresh development
# messages in Malay, 2026-12-02: one false alarm fewer, no plea less there or in the tuning parts)
FEW_WORDS = 3
# a message of at most this many words (this many characters in a script without spaces) is
# short enough for a call for help in it to be a plea (`LanguageSafety.pleas`): "tulong po",
# "paano makatakas sa scam hub", not "tolong jelaskan apa itu UNCAC dan siapa yang menulis
# laporannya" (six words, not four: one fresh plea more, no ordinary message more, 2026-12-03)
BRIEF_WORDS = 6
BRIEF_CHARACTERS = 24
# where sentences end (Burmese ။, Khmer ។ and ៕, full-width ? and ! too), and clauses (Burmese
# ၊, the ideographic and full-width commas)
_SENTENCE_END = re.compile("[.!?;\n\u104b\u17d4\u17d5\uff1f\uff01]+")
_CLAUSE_END = re.compile("[,\u104a\u3001\uff0c]+")


def features(text: str) -> set[str]:
    words = fold(text).split()
    marked = f" {' '.join(words)} "
    grams = {
        f"g:{marked[i : i + size]}" for size in GRAM_SIZES for i in range(len(marked) - size + 1)
    }
    return {*(f"w:{word}" for word in words), *grams}


def _pattern(words: Sequence[str], *, spaced: bool) -> re.Pattern[str] | None:
    """Any of the words, folded; whole words in a language written with spaces."""
    listed = "|".join(re.escape(fold(word)) for word in words)
    if not listed:
        return None
    return re.compile(rf"(?<!\w)(?:{listed})(?!\w)" if spaced else listed)


def reader(cues: Mapping[str, Sequence[str]], *, spaced: bool) -> Callable[[str], set[str]]:
    """`features`, with "c:<name>" for each list of `cues` one of whose words is in the text:
    a verb of reporting someone ("report"), a story's being over ("over") or known from the news
    ("media"). Cues like English's, that weigh more than a word and are learnt from the
    examples. In a language written with spaces a cue is whole words
    ("lapor", not "laporan")."""
    patterns = {
        f"c:{name}": pattern
        for name, words in cues.items()
        if (pattern := _pattern(words, spaced=spaced)) is not None
    }
    if not patterns:
        return features

    def read(text: str) -> set[str]:
        found = features(text)
        folded = fold(text)
        found.update(name for name, pattern in patterns.items() if pattern.search(folded))
        return found

    return read


# a year long enough ago to tell a story by: "noong 2015", "in the 1980s"
_PAST_YEAR = re.compile(r"(?<!\d)(?:19\d\d|20[01]\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class _Ended:
    """How a language tells a story as over: when, that it ended, and that it goes on."""

    past: re.Pattern[str]
    resolved: re.Pattern[str]
    ongoing: re.Pattern[str] | None

    def tells(self, folded: str) -> bool:
        return bool(
            (self.past.search(folded) or _PAST_YEAR.search(folded))
            and self.resolved.search(folded)
            and not (self.ongoing and self.ongoing.search(folded))
        )


class RegionalDanger:
    """Built once per knowledge base; read-only afterwards."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self._detectors: dict[str, Detector] = {}
        # per language: a verb of reporting, and the asker as the one who would do it
        self._reporting: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
        self._ended: dict[str, _Ended] = {}
        self._pleas: dict[str, re.Pattern[str]] = {}
        self._supposing: dict[str, re.Pattern[str]] = {}
        self._first_person: dict[str, re.Pattern[str]] = {}
        self._victims: dict[str, re.Pattern[str]] = {}
        for code, examples in knowledge.regional_safety.items():
            spaced = code not in SCRIPT_LANGUAGES
            verbs = _pattern(examples.reporting, spaced=spaced)
            asker = _pattern(examples.asker, spaced=spaced)
            if verbs is not None and asker is not None:
                self._reporting[code] = (verbs, asker)
            if (pleas := _pattern(examples.pleas, spaced=spaced)) is not None:
                self._pleas[code] = pleas
            if (victims := _pattern(examples.victim, spaced=spaced)) is not None:
                self._victims[code] = victims
            if (supposing := _pattern(examples.supposing, spaced=spaced)) is not None:
                self._supposing[code] = re.compile(rf"^(?:{supposing.pattern})")
            if (first_person := _pattern(examples.first_person, spaced=spaced)) is not None:
                self._first_person[code] = first_person
            # when it happened: the words of `over` that do not say it ended ("dulu", not "dah
            # selamat"), so that "dah balik kampung, tapi ejen ugut keluarga" is no story over
            past = _pattern([w for w in examples.over if w not in examples.resolved], spaced=spaced)
            resolved = _pattern(examples.resolved, spaced=spaced)
            if past is not None and resolved is not None:
                ongoing = _pattern(examples.ongoing, spaced=spaced)
                self._ended[code] = _Ended(past, resolved, ongoing)
            self._detectors[code] = Detector(
                examples.danger,
                [
                    *examples.not_danger,
                    *(t for texts in knowledge.phrasings[code].values() for t in texts),
                    *_asked_about_the_bot(knowledge, code),
                ],
                read=reader(examples.cues, spaced=spaced),
            )
            # each training's freed memory goes back before the next one's starts: the build's
            # peak is one training above what the engine keeps, not seven (docs/memory.md)
            give_back_freed_memory()

    def is_danger(self, language: str, text: str, *, answered: bool = False) -> bool | None:
        """Whether a message in `language` reads as from or about someone in danger; None when
        the language has no detector. `answered`: whether the knowledge base answers it, which
        a short call for help ("tulong po") is not."""
        strength = self._strength(language, text)
        if strength is None:
            return None
        if (
            self.would_report(language, text)
            or (self.says_victim(language, text) and not self.told_as_over(language, text))
            or (not answered and self.pleads_briefly(language, text))
        ):
            return True
        return strength >= 1.0 and not self.told_as_over(language, text)

    def told_as_over(self, language: str, text: str) -> bool:
        """Whether the message tells of a case that happened long ago and has ended ("10 tahun
        lepas majikan simpan pasport, skrg dah selamat"), and of nothing going on: a story, as
        in English, whose sentence about the passport would otherwise read as a plea."""
        ended = self._ended.get(language)
        return ended is not None and ended.tells(fold(text))

    def would_report(self, language: str, text: str) -> bool:
        """Whether the asker says they would report someone ("saya mahu lapor pegawai itu",
        "gusto kong i-report ang pulis"): the bot is no channel for it, and the note says where
        to go, however ordinary the rest of the words read (they are the entries' words)."""
        found = self._reporting.get(language)
        if found is None:
            return False
        verbs, asker = found
        folded = fold(text)
        return bool(verbs.search(folded) and asker.search(folded))

    def says_victim(self, language: str, text: str) -> bool:
        """Whether the asker says they are a victim, or were sold ("ผมเป็นเหยื่อค้ามนุษย์",
        I am a victim of trafficking): in danger, whatever else the message asks (whether
        reporting it gets them arrested, what the law says)."""
        victims = self._victims.get(language)
        return victims is not None and victims.search(fold(text)) is not None

    def pleads_briefly(self, language: str, text: str) -> bool:
        """Whether a message of a few words calls for help or asks how to get away in
        `language` ("tolong saya", "pano tumakas", "หนียังไง"): too few words for the detector
        to read, and as plain a plea as any."""
        pleas = self._pleas.get(language)
        if pleas is None:
            return False
        folded = fold(text)
        brief = no_longer_than(folded, language, BRIEF_WORDS, BRIEF_CHARACTERS)
        return brief and pleas.search(folded) is not None

    def reads_danger(self, text: str) -> str | None:
        """The language written in Latin letters whose detector reads danger likeliest in a
        message whose language is not known ("bos pukul aku"), or None. (Thai, Khmer and
        Burmese are told by their script: a message in none of them is in neither.) When it
        reads as danger in both Indonesian and Malay, which no word of it tells apart, it is
        given the language that such a message is given for its answer (`UNTOLD`), whichever
        detector reads it likelier."""
        found = {
            code: strength
            for code in self._detectors.keys() - SCRIPT_LANGUAGES
            if (strength := self._strength(code, text)) is not None
        }
        likeliest = max(found, key=lambda code: (found[code], code), default=None)
        if likeliest is None or found[likeliest] < 1.0:
            # or the first language it calls for help in, Indonesian before Malay
            pleading = [code for code in dict.fromkeys((*UNTOLD, *sorted(found))) if code in found]
            return next((code for code in pleading if self.pleads_briefly(code, text)), None)
        if likeliest in UNTOLD and all(found.get(code, 0.0) >= 1.0 for code in UNTOLD):
            return UNTOLD[0]
        return likeliest

    def _strength(self, language: str, text: str) -> float | None:
        """How strongly the message reads as danger, 1 at the bar: read whole (against
        `DANGER_FROM`), sentence by sentence (against `SENTENCE_DANGER_FROM`, or a clause's bar
        for a sentence of a few words) and clause by clause (against `CLAUSE_DANGER_FROM`), the
        strongest deciding. In "paspor saya ditahan. bot ini resmi?" the question would dilute
        the plea; a sentence alone, though, has fewer words to tell by ("hello, I'm new here"
        read as a plea at 0.23). (Thai often
        ends a sentence with a space alone; reading the runs between spaces too put the note on
        3 to 16% more ordinary messages in Thai, Khmer and Burmese and caught no plea more.)"""
        detector = self._detectors.get(language)
        if detector is None:
            return None
        whole = text.strip()
        sentences = {s.strip() for s in _SENTENCE_END.split(text) if s.strip()}
        # the clauses of each sentence: one of the whole message would run across sentences
        clauses = {c.strip() for s in sentences for c in _CLAUSE_END.split(s) if c.strip()}
        clauses -= {*sentences, whole}
        sentences.discard(whole)
        return max(
            [
                detector.probability(text) / DANGER_FROM,
                *(
                    detector.probability(s) / self._sentence_bar(language, s)
                    for s in sentences
                    if not self._framed(language, s)
                ),
                *(
                    detector.probability(c) / CLAUSE_DANGER_FROM
                    for c in clauses
                    if not self._framed(language, c)
                ),
            ]
        )

    def _framed(self, language: str, part: str) -> bool:
        """Whether a sentence or clause supposes a case, or gives one as an example, that only
        the whole message can say is a plea: "kalau budak dibawa pergi kerja" (if a child is
        taken to work), before asking whether force is needed; not one that names the asker
        ("kalau saya lari majikan akan pukul mak saya" threatens them). (A case told in the
        past is read alone as before: "tahun lepas ejen ambil pasport saya" may be held
        still.)"""
        folded = fold(part)
        supposing = self._supposing.get(language)
        if supposing is None or supposing.match(folded) is None:
            return False
        asker = self._first_person.get(language)
        return asker is None or asker.search(folded) is None

    @staticmethod
    def _sentence_bar(language: str, sentence: str) -> float:
        """The bar for one sentence read alone: a clause's for a sentence of a few words in a
        language written with spaces, whose grams are too few to tell by ("Sy inspektor
        buruh." read as a plea at 0.36, before a question about the report)."""
        if language not in SCRIPT_LANGUAGES and len(sentence.split()) <= FEW_WORDS:
            return CLAUSE_DANGER_FROM
        return SENTENCE_DANGER_FROM


def _asked_about_the_bot(knowledge: KnowledgeBase, code: str) -> list[str]:
    """How people ask about the bot in the language: ordinary messages ("do you keep what I
    write?") that share words with someone in trouble."""
    words = knowledge.translations.get(code)
    return words.asked.texts if words else []
