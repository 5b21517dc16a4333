"""What a message is, before and beside matching: small talk, a question about the bot, a
message from someone in danger, a question about the asker's own legal case.

The two detectors learn from `knowledge/safety.yaml` and, as ordinary questions, the entries'
own phrasings and how people ask about the bot; their thresholds were read off the tuning parts
of the evaluation sets in `knowledge/eval/danger/` and `knowledge/eval/legal/`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.intents.about_the_bot import QuestionsAboutTheBot
from bot.intents.cues import (
    about_the_law,
    asks_for_help,
    asks_in_general,
    from_the_media,
    happening_to_them,
    long_over,
    of_their_own,
    relays_a_question,
    reported_by_others,
    situations,
    studies_a_case,
    tells,
    without_the_frame,
    would_report_oneself,
)
from bot.intents.detector import Detector, shared_features
from bot.intents.private_details import asks_private_details
from bot.intents.regional import RegionalDanger
from bot.intents.small_talk import SmallTalk, danger_by_pattern, small_talk
from bot.knowledge import KnowledgeBase, normalize
from bot.matching import looks_english, people

# A message the danger detector is sure of gets the safety note whatever else it asks...
DANGER_SURE = 0.5
# ...and one it only suspects gets it when the knowledge base has no answer to it either: an
# ordinary question that shares the vocabulary ("what does the report say about passport
# confiscation?") is answered, a plea ("agent took passports") is not.
DANGER_UNLESS_ANSWERED = 0.05
# ...and one that would report someone, unless it is answered and read as ordinary below this
REPORT_UNLESS_ANSWERED = 0.01
# ...or, unanswered, unless read as ordinary all but surely and not asked for oneself: "how can
# NGOs in general report trafficking cases?" and "does UNCAC protect people who report
# corruption?" ask about reporting, "i want to report a corrupt cop" would report
REPORT_FLOOR = 0.001
# ...or, when it tells (not asks) of something being done to someone, from this probability
# even when answered: "passport taken" gets the note, then the answer on documents
TOLD_DANGER = 0.2
# ...or, whatever the probability, when it tells of the asker's own people or employer and no
# entry answers it: "is it normal that my uncle's employer keeps his passport?" asks of a case,
# and the detector, taught that questions are ordinary, reads little danger in it
# ...or when one sentence of a longer message that names something done to someone, read
# alone, is from this probability: in "someone I know is being held, what should I do?" the
# question dilutes the plea
SENTENCE_DANGER = 0.5
# ...unless the whole message reads as ordinary all but surely and the case is nobody's own: a
# moot-court hypothetical or a law lecturer's question tells a case in one sentence and says
# what it is in another; "my employer took my passport ..." before a question about the report
# is a plea whatever the question
SENTENCE_UNLESS_ORDINARY = 0.02
# where a message's sentences end, and the clauses that ask what to do after a comma
_SENTENCE_END = re.compile(
    r"[.!?;\n]+|,\s*(?=(?:what|how|who|where|can|could|should|please|pls)\b)", re.IGNORECASE
)
# where a message's clauses end: a plea beside an English question may be a clause of it
# ("where to get help, passport kena tahan")
_CLAUSE_END = re.compile(r"[.!?;,\n]+")
PERSONAL_LEGAL = 0.2
# a question after a term's meaning, whatever the term names: "what is forced labour?" (on
# normalised text: "what's" is "what s")
_DEFINES = re.compile(
    r"^(?:what (?:is|are|s|does \S+(?: \S+)? mean)|whats|define|definition of|meaning of)\b"
)


class Intent(StrEnum):
    """What the conversation recognised in a message, the most pressing first."""

    DANGER = "danger"
    # in one of the region's languages, where danger cannot be told yet: the safety note first
    REGIONAL_LANGUAGE = "regional_language"
    GREETING = SmallTalk.GREETING.value
    THANKS = SmallTalk.THANKS.value
    CAPABILITIES = SmallTalk.CAPABILITIES.value
    ABOUT_BOT = SmallTalk.ABOUT_BOT.value
    PRIVACY = SmallTalk.PRIVACY.value
    LANGUAGES = SmallTalk.LANGUAGES.value
    HUMAN = SmallTalk.HUMAN.value
    PERSONAL_LEGAL = "personal_legal"
    FOLLOW_UP = "follow_up"
    # names a language the bot speaks and asks nothing it can answer: "bahasa Indonesia?"
    LANGUAGE_NAMED = "language_named"


@dataclass(frozen=True, slots=True)
class Suspicion:
    """How strongly a message reads as a plea for help, before the matcher is asked."""

    probability: float
    situation: bool  # it names something being done to someone: held, forced, owing, ...
    wants_to_report: bool = False  # a person, an official or a crime: this is no channel for it
    told: bool = False  # a statement, not a question
    sentence: float = 0.0  # the highest of its sentences that name a situation, read alone
    # it tells of the asker's own people or employer ("my sister", "our agent"), or of their
    # papers held by an employer or agent
    own: bool = False
    reports_oneself: bool = False  # the asker would do the reporting: "how can i report him"
    # the asker says it is happening to them, whatever the probability: "where can i get help if
    # i'm being trafficked?", "how to escape from a boat"
    to_them: bool = False
    # it asks where or how someone in danger gets help: "where can victims of trafficking go?"
    for_help: bool = False
    # it tells of what happened long ago as over: "my father came in the 90s, he is a citizen
    # now"; a story, not a plea, unless the asker would report someone or asks for help
    long_over: bool = False
    # it tells of a case known from the news, a film or a book, not of one's own people
    from_the_media: bool = False
    # it tells of a case known from study, a debate or an interview: "in a case we studied, a
    # girl was recruited ...", "we debated this in class today"
    studied: bool = False
    # it says its case is of no one in particular: "general question for a FAQ we are writing"
    in_general: bool = False
    # it passes on someone else's question about people in general: "my colleague was asking
    # whether smuggled migrants can be punished"
    relayed: bool = False

    @property
    def plainly_pleads(self) -> bool:
        """Tells, not asks, and reads as a plea surely: "i was sold"."""
        return self.told and self.probability >= DANGER_SURE

    def is_danger(self, answered: bool) -> bool:
        """A wish to report someone gets the note unless an entry answers the message and the
        detector reads it as all but surely ordinary: "what does the report recommend for
        reporting corruption by officials" asks about the report."""
        # a question said to be general that reads as a plea surely is one ("general question:
        # a girl in my dorm is locked in by the agent every night")
        in_general = self.in_general and self.probability < DANGER_SURE
        known_from_afar = (self.from_the_media or self.studied or in_general) and not self.own
        if (self.long_over or self.relayed or known_from_afar) and not (
            self.wants_to_report or self.to_them or self.for_help
        ):
            return False
        if self.probability >= DANGER_SURE:
            return True
        if self.sentence >= SENTENCE_DANGER and (
            self.probability >= SENTENCE_UNLESS_ORDINARY or self.own
        ):
            return True
        if self.wants_to_report and (
            self.probability >= REPORT_UNLESS_ANSWERED
            or (not answered and (self.probability >= REPORT_FLOOR or self.reports_oneself))
        ):
            return True
        if self.situation and self.told and self.probability >= TOLD_DANGER:
            return True
        if self.to_them or self.for_help:
            return True
        if answered or not self.situation:
            return False
        return self.own or self.probability >= DANGER_UNLESS_ANSWERED


class Reader:
    """Built once per knowledge base, like the matcher; read-only afterwards."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        # the entries' phrasings, and how people ask about the bot ("do you keep what I write?")
        ordinary: Sequence[str] = [
            *(v for entry in knowledge.entries for v in entry.variants),
            *knowledge.asked.texts,
        ]
        safety = knowledge.safety
        featurize = shared_features()  # both learn from the phrasings: featurised once
        self._danger = (
            Detector(
                safety.danger,
                [*safety.not_danger, *safety.general_legal, *ordinary, *knowledge.out_of_scope],
                featurize,
            )
            if safety
            else None
        )
        # not `safety.not_danger`, the danger detector's ordinary look-alikes: they are personal
        # in tone on purpose ("my thesis is on that, which article is it?") and would teach this
        # detector that a personal question about the law is none
        self._legal = (
            Detector(
                safety.personal_legal,
                [*safety.general_legal, *ordinary, *knowledge.out_of_scope],
                featurize,
            )
            if safety
            else None
        )
        del featurize  # what the two remembered goes before the next detectors learn
        self._regional = RegionalDanger(knowledge)
        self._asked = QuestionsAboutTheBot(
            [knowledge.asked, *(t.asked for t in knowledge.translations.values())]
        )
        self._people = tuple(people(knowledge).values())

    def regional_danger(
        self, language: str, text: str, as_likely: Sequence[str] = (), *, answered: bool = False
    ) -> bool | None:
        """Whether a message in one of the region's languages is from or about someone in
        danger; None when that language has no detector yet. A message as likely to be in
        another language (`as_likely`: Malay, told from Indonesian by none of its words) is in
        danger when either language's detector reads it so: which of the two was named first
        is a default, and a plea must not lose its note by it. `answered`: whether the knowledge
        base answers it (a short call for help is no plea when it asks for an answer)."""
        readings = [
            self._regional.is_danger(code, text, answered=answered)
            for code in (language, *as_likely)
        ]
        if any(readings):
            return True
        return None if readings[0] is None else False

    def regional_would_report(self, language: str, text: str) -> bool:
        """Whether the asker says, in one of the region's languages, that they would report
        someone ("saya mahu lapor pegawai itu")."""
        return self._regional.would_report(language, text)

    def unplaced_danger(self, text: str) -> str | None:
        """The language a message the bot could place in none reads as danger in, if any: "bos
        pukul aku" (my boss hits me) has too few words to tell its language by, and none of
        English."""
        return self._regional.reads_danger(text)

    def danger_beside_english(self, text: str) -> str | None:
        """The language of a sentence or clause in one of the region's languages, among English
        ones, that reads as danger: "kami dikunci di mess, passport ditahan agency. where can we
        report?" is English by most of its words, and its plea is not."""
        return next(
            (
                code
                for part in _CLAUSE_END.split(text)
                if part.strip()
                and not looks_english(part)
                and (code := self._regional.reads_danger(part))
            ),
            None,
        )

    def about_the_bot(
        self, text: str, entry_score: float = 0.0, *, scored_alike: bool = False
    ) -> Intent | None:
        """A question about the bot ("siapa yang bikin bot ini?", "where do your answers come
        from?"), when it is closer to one of those than to the questions about the report in
        their frames and to the best entry (`entry_score`): "siapa yang membuat laporan ini?"
        asks who made the report. `scored_alike`: the entry was matched as these are, by
        character n-grams (a message in one of the region's languages; an English message,
        whose entries are scored otherwise, is asked only when the matcher declines it or
        offers choices)."""
        kind = self._asked.ask(text, entry_score, scored_alike=scored_alike)
        return None if kind is None else Intent(kind.value)

    def small_talk(self, text: str) -> Intent | None:
        kind = small_talk(text)
        return Intent(kind.value) if kind else None

    def suspicion(self, text: str) -> Suspicion:
        if self._danger is None:  # no examples to learn from: the first-person rule alone
            return Suspicion(1.0 if danger_by_pattern(text) else 0.0, situation=False)
        found = situations(text)
        parts = _sentences(text)
        return Suspicion(
            self._danger.probability(text),
            bool(found),
            wants_to_report="report_someone" in found and not reported_by_others(text),
            told=tells(text),
            own=of_their_own(without_the_frame(text)),
            reports_oneself=would_report_oneself(text),
            to_them=happening_to_them(text),
            for_help=asks_for_help(text),
            long_over=long_over(text),
            from_the_media=from_the_media(text),
            studied=studies_a_case(text),
            in_general=asks_in_general(text),
            relayed=relays_a_question(text),
            sentence=max(
                (self._danger.probability(part) for part in parts if situations(part)),
                default=0.0,
            ),
        )

    def plainly_ordinary(self, text: str) -> bool:
        """Reads as ordinary and names nothing done to anyone, unless as a term it asks the
        meaning of: a question beside a plea ("is this trafficking?", "what is forced
        labour?"), not a plea itself ("where can I go?", "where can she get protection?")."""
        if self._danger is None or (situations(text) and not _DEFINES.match(normalize(text))):
            return False
        if asks_for_help(text):
            return False
        return self._danger.probability(text) < DANGER_UNLESS_ANSWERED

    def private_details(self, text: str) -> bool:
        """A question about the private life of someone, the people the knowledge base is
        about by name ("where does Joseph Lelliott live?") or anyone as "he" or "she"."""
        return asks_private_details(text, self._people)

    def personal_legal(self, text: str) -> bool:
        """A question about the asker's own case that names the law or a legal consequence:
        "can I be prosecuted for paying a smuggler?", not "they took my passport"."""
        if self._legal is None or not about_the_law(text):
            return False
        return self._legal.probability(text) >= PERSONAL_LEGAL


# the asker in a message: a one-sentence question about their own case is read as told too
# ("border officials took my passport and ask me for bribes is this corruption at borders?")
_ASKER = re.compile(r"\b(?:i|me|my|we|us|our)\b")


def _sentences(text: str) -> set[str]:
    """The sentences of a message, each to be read alone. A one-sentence question that does not
    name the asker is read whole only: without its question mark it would read as a statement,
    and a question about someone in general as a plea ("if a 15 year old agrees to work in a
    bar and the owner keeps her ID, does the child's consent matter at all?")."""
    found = {s.strip() for s in _SENTENCE_END.split(text) if s.strip()}
    if len(found) > 1 or _ASKER.search(normalize(text)):
        return found - {text.strip()}
    return set()
