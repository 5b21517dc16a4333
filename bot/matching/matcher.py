"""The decision for a question: answer, ask "did you mean", or say honestly it is out of scope."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
from rapidfuzz import fuzz, process

from bot.knowledge import Entry, normalize
from bot.matching.acronyms import unknown_acronyms
from bot.matching.analyzer import TERM_PREFIX
from bot.matching.beyond import asks_beyond_the_knowledge
from bot.matching.contacts import asks_for_contact_details
from bot.matching.focus import (
    after_preamble,
    questions_in,
    without_the_manner,
    without_the_report,
    without_the_request,
)
from bot.matching.future import asks_about_future
from bot.matching.index import MatchIndex
from bot.matching.language_id import as_likely, no_longer_than, probable_languages
from bot.matching.people import people, people_in, people_named
from bot.matching.shorthand import in_plain_words
from bot.matching.thresholds import Thresholds
from bot.matching.titles import unknown_names, unknown_subjects, unknown_titles
from bot.matching.vectors import FloatArray

MAX_QUESTION_CHARS = 500  # longer text is cut: nobody's question is longer, and it bounds work
CANDIDATES = 5
CLARIFY_CHOICES = 3
# Follow-ups, read off the tuning part of knowledge/eval/followups: how much closeness to the
# previous question multiplies a candidate's own score and adds to it, how close the previous
# entry counts as to itself, the bonus of the entries it names as related, and the lead an
# answer needs.
CONTEXT_BOOST = 3.0
CONTEXT_WEIGHT = 0.1
PREVIOUS_CLOSENESS = 0.5
RELATED_BONUS = 0.05
FOLLOW_UP_LEAD = 0.1
NEAR_FOLLOW_UP_LEAD = 0.08  # when the first candidate is the previous entry or one it names
# Below the confidence of "did you mean", the classifier's reading of the scope decides between
# two plausible outcomes, read off the tuning parts: a question it reads as one to decline is
# not offered choices, and one it reads as about an entry is offered them from `OFFER_FROM`.
DECLINED_FROM = 0.3
IN_SCOPE_FROM = 0.85
OFFER_FROM = 0.1
# An answer below this confidence, for a question the classifier reads as one to decline from
# `DOUBTED_FROM`, is offered instead (fresh English questions, 2026-12-03: two of three
# out-of-scope questions answered were offered instead, one answer of 548 on the tuning parts
# and fresh questions became an offer with the right entry first)
DOUBTED_BELOW = 0.8
DOUBTED_FROM = 0.25
SIBLING_WEIGHT = 1.0  # "and the other protocol?": for entries asked in the previous one's frame
SAME_SUBJECT = 0.5  # "the other one?": for entries naming what the previous question named
ALONE_IN_FRAME = 2.0  # the sibling weight's multiple for "the other one?", naming nothing
PERSON_BONUS = 0.2  # "who said that?": for the people the previous answer names
# A short message in one of the region's languages that nothing answers alone, after an answer
# ("สมาชิกมีใครบ้าง", who are the members?, after the Bali Process): the previous entry and
# those it names as related are offered when one of them scores this on the message's own
# words. On 150 fresh dialogues in five languages (2026-12-03): 12 more second turns with the
# right entry among the choices, one out-of-scope follow-up offered choices (an office's phone
# number: its entry), no answer changed; from 0.15, 4 more out-of-scope ones offered them.
REGIONAL_FOLLOW_UP_FROM = 0.2
REGIONAL_FOLLOW_UP_WORDS = 8  # longer messages say what they are about
REGIONAL_FOLLOW_UP_CHARACTERS = 32  # the same in scripts written without spaces between words
_ASKING_WHO = frozenset({"who", "whom", "whose"})
# on normalised text: "who's in charge?" is "who s in charge"
_LEADS = re.compile(
    r"\bwho(?: is| s)? (?:heads|leads|runs|chairs|co chairs|manages|directs|heading|leading|"
    r"running|in charge|(?:the )?head)\b"
)
# the same question of something else: "and to the trafficking protocol?", "what about UNCAC?"
_CONTINUES = re.compile(
    r"^(?:and|what about|how about|and what about|same for|and for|and to|and in)\b"
)
# the same question of another organisation or instrument, named and nothing more: "and under
# UNCAC?" after what the smuggling protocol makes states criminalise
_OF_ANOTHER = re.compile(
    r"^(?:and|what about|how about|and what about|what of|same for|same with|and for|and to|"
    r"and in)(?: (?:under|in|for|with|about|on|of|to|by))?(?: the)? (?P<named>.+)$"
)
SWAPPED_WORDS = 6  # "and what about the trafficking protocol?": longer ones ask more
# what a follow-up may point back at, and the main questions about the report itself
_REFERS_TO_IT = frozenset("it its that this they them those".split())
_THE_REPORT = re.compile(r"\bthe report\b", re.IGNORECASE)
# terms that say how a question asks, not what about
_FRAMES = frozenset({f"{TERM_PREFIX}define"})
_COMPARES = re.compile(
    # "same for trafficking?" asks the same question of trafficking, not how the two compare
    r"\b(?:same(?! (?:for|with|in|on|about|goes)\b)|differ\w*|difference|compared?|versus|vs|"
    r"unlike|similar)\b"
    # or how it stands to another: "is it a member of the Bali Process?" after UNODC
    r"|\b(?:it|they|its|their) (?:\w+ )?(?:an? )?(?:member|members|part|participant|party|"
    r"parties)\b",
    re.IGNORECASE,
)
# the words of `_COMPARES` as tokens: a comparison's own subject is what else it names
_RELATIONS = frozenset(
    "same differ compar versus vs unlik similar member part particip parti".split()
)
_DATED = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)
# Words that name no subject of their own, only something about the answer just given: "the
# last one?", "is that the full list?", "when was the most recent one?", "is it binding?",
# "give me an example", "what does that mean?", "examples please"
_ABOUT_THE_ANSWER = frozenset(
    "one ones last latest recent first second third fourth fifth full list exactly again "
    "detail details binding legally example examples instance give any many much mean do does "
    "did please".split()
)
# a bare question word, or "which <things>?", asked after an answer: "when?", "by whom?",
# "and which countries?", "where can i get it?"
_BARE_ASK = re.compile(
    r"^(?:(?:and|so|ok|okay|k|cool|but) )*(?:by |since )?(?P<ask>when|where|who|whom|whos|"
    r"(?:which|what) \w+)(?: (?:by|then|exactly|though))?"
    # or where to find it, or where it sits: "where can i get it?", "where is its office?"
    r"(?P<obtain> (?:can|do|could|should|may) (?:i|we|you|one) (?:get|read|find|download|see|"
    r"access)(?: it| that| this| them| a copy)?)?(?: is (?:its|the|their) (?:office|headquarters|"
    r"hq|secretariat|base))?"
    # or who belongs to what the answer was about: "which countries are in it?", "whos in it"
    r"(?P<in_it> (?:are |is |s )?(?:in|part of|members? of|belong to) (?:it|that|this|them))?$"
)
# a main question that says when or where itself: "the November 2023 conference in Bangkok"
_SAYS = {
    "when": _DATED,
    # a place named alone ("in Bangkok on ...", "in Bandung, Indonesia?"), not a title's words
    # ("Trafficking in Persons and Related ...")
    "where": re.compile(r"\b(?:in|at) [A-Z][a-z]+(?=\s+(?:on|in|at|for)\b|[,?.]|$)"),
}
_NOTHING = re.compile(r"(?!)")
# how a main question asks where to get something: "where can I read or download ...?"
_ASKED_WHERE_TO_GET = re.compile(r"\bwhere\b.*\b(?:read|download|get|find|access)\b")
# how a main question asks who belongs: "which countries belong to it?", "how many members"
_ASKED_WHO_BELONGS = re.compile(r"\bmembers?\b|\bbelong\w*\b|\bparties\b")
# how a main question asks what a bare question word asks: "by whom?" is "which organisations"
_ASKED_WHO = re.compile(r"\bwho\b|\bwhom\b|\bwhich (?:organi[sz]ations|people|offices)\b")
_ASKED_AS = {
    "when": re.compile(r"\bwhen\b|\bwhat (?:date|year|day)\b"),
    "where": re.compile(r"\bwhere\b"),
    "who": _ASKED_WHO,
    "whom": _ASKED_WHO,
    "whos": _ASKED_WHO,
}
QUESTION_WORDS = frozenset("who whom whose what when where which why how since".split())
# what a thing named before may be called again: "what is that convention about?"
KINDS_OF_THING = frozenset(
    "convention protocol treaty instrument organisation organization office agency body forum "
    "process".split()
)
# the words that may stand beside the kind in such a question: "what does the convention
# actually do?", "explain that protocol"
_BESIDE_THE_KIND = "general actually really about do does explain"
# asking who took part in what the previous answer tells of: "who took part in it?", "who held
# it?"
_WHO_WAS_THERE = re.compile(
    r"^(?:(?:and|so|ok|okay) )*who (?:else )?(?:took part|participated|attended|was there|were "
    r"there|held|hosted|organi[sz]ed|convened|chaired|spoke|joined)(?: in)?(?: it| that| this| "
    r"them| there)?$"
)
# asking what a thing is or does: "what is that convention about in general?"
_WHAT_IT_IS = re.compile(
    r"^(?:(?:and|so|ok|okay) )*(?:what (?:is|s|does|do)|what s|tell me about|explain)\b"
    r".*\b(?:that|this|the|it|its)\b"
)


class Decision(StrEnum):
    ANSWER = "answer"
    CLARIFY = "clarify"
    NONE = "none"


class Reason(StrEnum):
    """Why a question got `none`, so the reply can say the right thing."""

    EMPTY = "empty"
    OTHER_SCRIPT = "other_script"
    OTHER_LANGUAGE = "other_language"
    NO_KNOWN_WORDS = "no_known_words"
    OUT_OF_SCOPE = "out_of_scope"
    CRIME = "crime"  # a request for help with a crime, told by the conversation


@dataclass(frozen=True, slots=True)
class Calibration:
    """Platt scaling of the top score and its lead over the runner-up into a probability."""

    bias: float = -6.0
    score: float = 10.0
    lead: float = 4.0

    def confidence(self, top: float, lead: float) -> float:
        z = self.bias + self.score * top + self.lead * lead
        # the logistic function written so that exp never overflows, whatever the sign of z
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        small = math.exp(z)
        return small / (1.0 + small)


# The confidence of matches in the region's languages until `calibrate` fits one on the tuning
# parts of knowledge/eval/languages/ (`regional` in knowledge/calibration.yaml).
REGIONAL_CALIBRATION = Calibration(bias=-6.0, score=13.0, lead=18.0)


@dataclass(frozen=True, slots=True)
class Candidate:
    entry_id: str
    score: float


@dataclass(frozen=True, slots=True)
class Match:
    question: str
    decision: Decision
    confidence: float
    candidates: tuple[Candidate, ...]
    reason: Reason | None = None
    language: str | None = None  # a code of knowledge/phrasings/ when matched on its phrasings
    # the other languages with phrasings the message is as likely to be in (`as_likely`)
    as_likely: tuple[str, ...] = ()

    @property
    def top_score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    @property
    def lead(self) -> float:
        """How far the top candidate's score is ahead of the runner-up's."""
        runner_up = self.candidates[1].score if len(self.candidates) > 1 else 0.0
        return self.top_score - runner_up

    @property
    def answer_id(self) -> str | None:
        return self.candidates[0].entry_id if self.decision is Decision.ANSWER else None

    @property
    def choices(self) -> tuple[str, ...]:
        """The entries offered as "did you mean" when the decision is `clarify`."""
        if self.decision is not Decision.CLARIFY:
            return ()
        return tuple(c.entry_id for c in self.candidates[:CLARIFY_CHOICES])


class Matcher:
    def __init__(
        self,
        index: MatchIndex,
        thresholds: Thresholds | None = None,
        calibration: Calibration | None = None,
        regional_calibration: Calibration | None = None,
    ) -> None:
        """`regional_calibration`: the confidence of matches on the phrasings of the region's
        languages, whose scores mean something else than the English ones."""
        self.index = index
        self.thresholds = thresholds or Thresholds()
        self.calibration = calibration or Calibration()
        self.regional_calibration = regional_calibration or REGIONAL_CALIBRATION
        self._people = people_named(index.knowledge)
        self._names = people(index.knowledge)
        # the people each entry is about or names, by full name or surname ("Lelliott and Miller")
        self._mentioned = {
            entry.id: {*people_in(entry.answer, self._names), entry.id}
            for entry in index.knowledge.entries
        }
        self._questions = [index.knowledge.entry(i).question for i in index.entry_ids]
        # the organisations and instruments each entry's main question names
        self._named = [index.names_in(index.analyse(question)) for question in self._questions]
        self._question_tokens = frozenset(
            index.informative(" ".join((*QUESTION_WORDS, *_ABOUT_THE_ANSWER)))
        )
        self._kind_tokens = frozenset(index.informative(" ".join(KINDS_OF_THING)))
        self._beside_kind_tokens = frozenset(index.informative(_BESIDE_THE_KIND))
        # the entry that explains each organisation or instrument by its term's token
        self._explains = {
            index.analyzer.term_token(term.term): term.entry
            for term in index.knowledge.glossary.terms
            if term.entry and term.is_name
        }
        self._meanings = {
            index.analyzer.term_token(term.term): frozenset(normalize(term.meaning or "").split())
            for term in index.knowledge.glossary.terms
        }
        # how each organisation or instrument may be written, the longest first
        self._forms = {
            index.analyzer.term_token(term.term): sorted(set(term.forms), key=len, reverse=True)
            for term in index.knowledge.glossary.terms
        }
        # the kinds a term's meaning says it is ("Convention against Corruption"): the ones a
        # question may be told apart by ("the convention" after ACTIP's ratification by ASEAN's
        # members); a kind no meaning says ("the treaty") fits them all
        self._kinds_named = KINDS_OF_THING & frozenset().union(*self._meanings.values())

    def match(self, question: str) -> Match:
        """The decision for a question. A message in one of the region's languages is matched
        on that language's phrasings; in English, chat shorthand and idioms are spelled out. A
        long message is matched whole and as each question in it, a question after a lead-in
        ("quick question: ..."), naming the report as its source ("... according to the
        report?") or saying after it how it is asked ("... in simple terms?") also without it,
        and the surest decides."""
        text = _folded(question)
        if (regional := self._regional(text)) is not None:
            return regional
        text = in_plain_words(text)
        whole = self._match(text)
        # a question of a long message is not offered choices from below "did you mean": the
        # long out-of-scope messages of the development set got them that way
        asked = [
            *questions_in(question),
            *filter(
                None,
                [
                    after_preamble(question),
                    without_the_report(question),
                    without_the_manner(question),
                    without_the_request(question),
                ],
            ),
        ]
        parts = [self._match(_folded(in_plain_words(part)), offer=False) for part in asked]
        best = max([whole, *parts], key=_sureness)
        return best if best is whole else replace(best, question=text)

    def follow_up(
        self, question: str, previous: str, *, another: bool = False, included: bool = False
    ) -> Match:
        """The decision for a message that follows the answer `previous` ("and at sea?"). Its
        own words choose the candidates, and closeness to the previous question multiplies
        them (and adds a little): "is UNODC part of it?" after the Bali Process is UNODC's
        place in it, not UNODC. The previous entry counts as only half close to itself, or its
        own phrasing would drown the message's words, unless every telling word of the message
        is in its question: "and to the trafficking protocol?" after the number of parties to
        UNCAC, UNTOC and the Trafficking in Persons Protocol asks the same entry again. The
        entries the previous one names as related get a bonus, and, for a question asking who,
        the people its answer names; with `another` ("and the other protocol?") the previous
        entry is no candidate; `included` ("is india one of them?", asking whether something
        is in what the previous answer lists) offers the previous entry rather than decline. A
        question with no telling word of its own ("when was that?", "why?") is answered with
        the previous entry. A follow-up is answered only with a clear lead, a little less clear
        when the context itself points at the first candidate. Its scores are on a scale of
        their own (closeness multiplies them up to four times): the confidence the standalone
        calibration gives them is near 1 for most, not a probability, and the lead decides."""
        text = _folded(in_plain_words(question))
        entry = self.index.knowledge.get(previous)
        if entry is None:
            return self.match(question)
        # a message that names nothing is about what the previous question named
        asked_before = self.index.analyse(entry.question)
        named_before = self.index.names_in(asked_before)
        scores = self._scores(text, named_before)
        if isinstance(scores, Match):
            if scores.reason is Reason.NO_KNOWN_WORDS and self._asks_again(text, entry, another):
                # "examples?": words about the answer that no phrasing happens to use
                return Match(text, Decision.ANSWER, 1.0, (Candidate(previous, 1.0),))
            return self.match(question)
        if (
            self.index.position(previous) is not None
            and not another
            and _WHO_WAS_THERE.match(normalize(text))
        ):
            # "who took part in it?" after a meeting: the people its answer names, in it
            return Match(text, Decision.ANSWER, 1.0, (Candidate(previous, 1.0),))
        if not another and (asked := self._asked_as(text, entry)) is not None:
            # "by whom?" after the report's release: the related entry that asks who
            return Match(text, Decision.ANSWER, 1.0, (Candidate(asked, 1.0),))
        if (explains := self._explaining(text, named_before, previous)) is not None:
            # "what is that convention about?" after who in the region ratified UNCAC: UNCAC
            return Match(text, Decision.ANSWER, 1.0, (Candidate(explains, 1.0),))
        if self._asks_again(text, entry, another):
            return Match(text, Decision.ANSWER, 1.0, (Candidate(previous, 1.0),))
        if (
            not another
            and _CONTINUES.match(normalize(text))
            and self._within(text, entry.question)
            and not people_in(text, self._names)
        ):
            # "and to the trafficking protocol?" after the parties to UNCAC, UNTOC and that
            # Protocol: the same question of something the previous one already asks about
            # ("and Miller?" after her approach asks about her)
            return Match(text, Decision.ANSWER, 1.0, (Candidate(previous, 1.0),))
        if not another and (swapped := self._swapped(text, entry, named_before)) is not None:
            return swapped
        found = self._in_context(text, entry, scores, another=another, included=included)
        if (compared := self._compared(text, asked_before.tokens)) is not None:
            # read with what it is compared with, unless that only leads back to the answer
            # just given ("how does it compare to UNTOC?" after UNCAC is no question on UNCAC)
            expanded = self._scores(compared, named_before)
            if not isinstance(expanded, Match):
                other = self._in_context(text, entry, expanded, another=another, included=included)
                if other.candidates and other.candidates[0].entry_id != previous:
                    found = other
        return self._not_the_report(text, entry, named_before, found)

    def _not_the_report(
        self, text: str, entry: Entry, named_before: frozenset[str], found: Match
    ) -> Match:
        """ "who wrote it?" after UNCAC or UNODC's 2024 study asks about what the previous
        question named, not about the report, though the entries on the report ask it in those
        words: offered beside the previous entry rather than answered."""
        words = normalize(text).split()
        answered = found.answer_id
        if (
            answered is None
            or answered == entry.id
            or not named_before
            or not _REFERS_TO_IT.intersection(words)
            or "report" in words
            or _THE_REPORT.search(entry.question)
            or (position := self.index.position(answered)) is None
            or not _THE_REPORT.search(self._questions[position])
        ):
            return found
        others = [c for c in found.candidates if c.entry_id != entry.id]
        offered = (Candidate(entry.id, found.top_score), *others[: CLARIFY_CHOICES - 1])
        return Match(found.question, Decision.CLARIFY, found.confidence, offered)

    def _in_context(
        self, text: str, entry: Entry, scores: FloatArray, *, another: bool, included: bool
    ) -> Match:
        """The decision on a follow-up's own scores, with the previous entry's context."""
        previous = entry.id
        itself = self.index.position(previous)
        closeness = self._context_scores(entry.question)
        named = [person for person in people_in(text, self._names) if person != previous]
        if itself is not None and (
            named or not (self._within(text, entry.question) or _LEADS.search(normalize(text)))
        ):
            closeness[itself] = min(closeness[itself], PREVIOUS_CLOSENESS)
        scores = scores * (1.0 + CONTEXT_BOOST * closeness) + CONTEXT_WEIGHT * closeness
        for related in entry.related:
            if (position := self.index.position(related)) is not None:
                scores[position] += RELATED_BONUS
        in_answer = self._people.get(previous, ())
        # "who said that?" asks about a person its answer names; "who heads it?" about the body
        # itself, whoever else its answer names
        speakers = in_answer if _asks_who(text) and not _LEADS.search(normalize(text)) else ()
        for person in {*named, *speakers}:
            if (position := self.index.position(person)) is not None:
                scores[position] += PERSON_BONUS
        if another and itself is not None:
            # "and the other one?", with no word of its own but a kind of thing ("the other
            # protocol?"), asks in the previous frame alone
            alone = self._asks_only(text) or self._names_only_a_kind(text)
            frame = SIBLING_WEIGHT * (ALONE_IN_FRAME if alone else 1.0)
            scores = scores + frame * self._siblings(entry.question)
            # nor is it about what the previous question named: after the Trafficking in Persons
            # Protocol, the number of parties to it and to UNCAC is no other protocol
            before = self._named[itself] if alone else frozenset()
            for position, named_there in enumerate(self._named):
                if before & named_there:
                    scores[position] *= SAME_SUBJECT
            scores[itself] = 0.0
        top = self._top(scores)
        near = bool(top) and top[0].entry_id in {previous, *entry.related, *in_answer}
        lead = NEAR_FOLLOW_UP_LEAD if near else FOLLOW_UP_LEAD
        found = self._decide(text, scores, max(self.thresholds.lead, lead))
        if found.decision is Decision.NONE and included and itself is not None and not another:
            others = [c for c in found.candidates if c.entry_id != previous]
            offered = (Candidate(previous, float(scores[itself])), *others)[:CANDIDATES]
            return replace(found, decision=Decision.CLARIFY, candidates=offered, reason=None)
        return found

    def _swapped(self, text: str, entry: Entry, named_before: frozenset[str]) -> Match | None:
        """ "and under UNCAC?" after what the smuggling protocol makes states criminalise: the
        previous main question asked of what the message names instead of what it named, when
        that is answered with an entry other than the previous one (what UNCAC makes states
        criminalise, not UNCAC itself). None when the message names nothing else, asks more, or
        no other entry that names it answers that question."""
        found = _OF_ANOTHER.match(normalize(text))
        if found is None or len(normalize(text).split()) > SWAPPED_WORDS or not named_before:
            return None
        named = found["named"]
        own = self.index.names_in(self.index.analyse(named))
        if not own or own & named_before or set(self.index.informative(named)) - own:
            return None
        question = entry.question
        for term in named_before:
            for form in self._forms.get(term, ()):
                question, replaced = re.subn(
                    rf"\b{re.escape(form)}\b", named, question, count=1, flags=re.IGNORECASE
                )
                if replaced:
                    break
        if question == entry.question:
            return None
        # the previous entry shares the question's other words: the first other candidate, if
        # its own question names what the message does
        others = [c for c in self.match(question).candidates if c.entry_id != entry.id]
        if not others or (position := self.index.position(others[0].entry_id)) is None:
            return None
        if not self._named[position] & own:
            return None
        return Match(text, Decision.ANSWER, 1.0, (Candidate(others[0].entry_id, 1.0),))

    def _compared(self, text: str, before: Sequence[str]) -> str | None:
        """A comparison of something it names with what the previous question was about, or how
        the latter stands to it, with the latter's terms added: "is it the same as
        trafficking?" after the definition of smuggling compares smuggling with trafficking; "is
        it a member of the Bali Process?" after UNODC asks about UNODC. None for anything
        else."""
        if not _COMPARES.search(text):
            return None
        own = set(self.index.informative(text)) - self._question_tokens - _RELATIONS
        terms = [t for t in dict.fromkeys(before) if t.startswith(TERM_PREFIX)]
        terms = [t for t in terms if t not in own and t not in _FRAMES]
        if not own - _FRAMES or not terms:
            return None
        return " ".join([text, *(t.removeprefix(TERM_PREFIX).replace("_", " ") for t in terms)])

    def _asked_as(self, text: str, entry: Entry) -> str | None:
        """For a bare question ("when?", "by whom?", "which countries?"), the previous entry
        when its main question says it ("where?" after the conference in Bangkok), else the
        first of it and the ones it names as related whose main question asks it: "when?" after
        who released the report is when it was released. None for any other text, for a bare
        "who?" after an answer that names people (who said it: `_in_context`), or when none
        asks it."""
        bare = _BARE_ASK.match(normalize(text))
        if bare is None:
            return None
        ask = bare["ask"]
        if bare["obtain"]:
            asked = _ASKED_WHERE_TO_GET
        elif bare["in_it"]:
            asked = _ASKED_WHO_BELONGS
        elif ask in _ASKED_AS:
            if ask != "when" and ask != "where" and self._people.get(entry.id):
                return None
            asked = _ASKED_AS[ask]
        else:
            asked = re.compile(rf"\b(?:which|what) {re.escape(ask.split()[1])}\b")
        if not bare["obtain"] and _SAYS.get(ask, _NOTHING).search(entry.question):
            return entry.id  # "where?" after the conference "in Bangkok"
        for candidate in (entry.id, *entry.related):
            if self.index.position(candidate) is None:
                continue
            if asked.search(normalize(self.index.knowledge.entry(candidate).question)):
                return candidate
        return None

    def _explaining(self, text: str, named: frozenset[str], previous: str) -> str | None:
        """The entry explaining the one organisation or instrument the previous question named,
        when the text asks what "that convention" (or "it") is or does and names nothing else;
        None when that is the previous entry itself, or for anything else."""
        if not named or not _WHAT_IT_IS.match(normalize(text)):
            return None
        own = set(self.index.informative(text)) - self._question_tokens
        if not own & self._kind_tokens or own - self._kind_tokens - self._beside_kind_tokens:
            return None
        # "the convention" after ACTIP's ratification by ASEAN's members is ACTIP
        kinds = self._kinds_named.intersection(normalize(text).split())
        named = frozenset(name for name in named if not kinds or kinds & self._meanings[name])
        if len(named) != 1:
            return None
        explains = self._explains.get(next(iter(named)))
        if explains is None or explains == previous or self.index.position(explains) is None:
            return None
        return explains

    def people_in_answer(self, entry_id: str) -> tuple[str, ...]:
        """The entries on people whom the entry's answer names (a quote's speaker)."""
        return tuple(self._people.get(entry_id, ()))

    def _siblings(self, question: str) -> FloatArray:
        """How alike each entry's main question is to `question` in its frame: "the other
        protocol" after "What is the Trafficking in Persons Protocol?" is the entry asked as
        "What is the Smuggling of Migrants Protocol?". 0 up to half alike, 1 the same."""
        found = process.cdist([question], self._questions, scorer=fuzz.ratio)[0]
        alike: FloatArray = np.asarray(found)
        return np.clip((alike / 100.0 - 0.5) * 2.0, 0.0, 1.0)

    def _asks_again(self, text: str, entry: Entry, another: bool) -> bool:
        """ "when was that?", "where?", "why?", "the last one?", "examples?": if any answer
        says, the previous one does (for "when", one that has a date)."""
        return (
            self.index.position(entry.id) is not None
            and not another
            and self._asks_only(text)
            and (not _asks_when(text) or bool(_DATED.search(entry.answer)))
        )

    def _asks_only(self, text: str) -> bool:
        """A question with no telling word but its question words and words about the answer
        ("the last one?"), and not asking who: "who said that?" asks about the people the
        previous answer names."""
        own = set(self.index.informative(text))
        return own <= self._question_tokens and not _asks_who(text)

    def _names_only_a_kind(self, text: str) -> bool:
        """Its telling words are kinds of thing alone: "the other protocol?"."""
        own = set(self.index.informative(text)) - self._question_tokens
        return bool(own) and own <= self._kind_tokens

    def _within(self, text: str, question: str) -> bool:
        """Every telling word of the text is one of the question's."""
        own = set(self.index.informative(text))
        return bool(own) and own <= set(self.index.informative(question))

    def regional_follow_up(self, found: Match, previous: str) -> Match:
        """A message in one of the region's languages (`found`, as matched alone) after the
        answer `previous`: declined alone, and short, it is offered the entries follow-ups to
        that answer go to (it, and those it names as related), ranked by its own words, when one
        of them is close enough; otherwise as it was. Offered, never answered: the phrasings of
        one language are too few to tell a follow-up's subject surely."""
        language, entry = found.language, self.index.knowledge.get(previous)
        index = self.index.regional.get(language or "")
        if (
            found.decision is not Decision.NONE
            or entry is None
            or index is None
            or not no_longer_than(
                found.question, language, REGIONAL_FOLLOW_UP_WORDS, REGIONAL_FOLLOW_UP_CHARACTERS
            )
        ):
            return found
        scores = index.entry_scores(found.question)
        near = [
            Candidate(entry_id, float(scores[position]))
            for entry_id in dict.fromkeys((previous, *entry.related))
            if (position := self.index.position(entry_id)) is not None
        ]
        offered = sorted(near, key=lambda c: -c.score)[:CLARIFY_CHOICES]
        if not offered or offered[0].score < REGIONAL_FOLLOW_UP_FROM:
            return found
        return replace(found, decision=Decision.CLARIFY, candidates=tuple(offered), reason=None)

    def _regional(self, text: str) -> Match | None:
        """The match on the phrasings of the language the text is in, or None when it is in
        none that has phrasings. Indonesian and Malay are too close to tell apart in a short
        message: both are tried, the higher top score decides (not the confidence, which is
        fitted on these choices), and the likelier language speaks."""
        words = self.index.language_words
        languages = probable_languages(text, words)
        codes = [code for code in languages if code in self.index.regional]
        found = [self._regional_in(code, text) for code in codes]
        if not found:
            return None
        best = max(found, key=lambda m: (m.top_score, m.lead))
        also = tuple(code for code in as_likely(text, languages, words) if code in codes)
        return replace(best, language=codes[0], as_likely=also)

    def _regional_in(self, code: str, text: str) -> Match:
        """The match on one language's phrasings; declined when the questions it lists to
        decline score higher than every entry ("apa syarat nak jadi pegawai imigresen?" shares
        the words of the entry on corruption at borders)."""
        index = self.index.regional[code]
        found = self._decide(
            text, index.entry_scores(text), calibration=self.regional_calibration, english=False
        )
        if found.decision is Decision.NONE or index.declined_score(text) <= found.top_score:
            return found
        return replace(found, decision=Decision.NONE, reason=Reason.OUT_OF_SCOPE)

    def _context_scores(self, text: str) -> FloatArray:
        scores = self._scores(text)
        return np.zeros(len(self.index.entry_ids)) if isinstance(scores, Match) else scores

    def _match(self, text: str, *, offer: bool = True) -> Match:
        scores = self._scores(text)
        if isinstance(scores, Match):
            return scores
        return self._scoped(self._decide(text, scores), offer=offer)

    def _scoped(self, found: Match, *, offer: bool) -> Match:
        """A "did you mean" for a question the classifier reads as one to decline is declined
        ("what is the fine for hiring an undocumented worker?" shares the words of three
        entries); with `offer`, a decline of one it reads as about an entry, with a plausible
        first candidate, becomes a "did you mean" ("what makes this kind of graft so
        entrenched"). An answer below `DOUBTED_BELOW` that it reads as one to decline from
        `DOUBTED_FROM` is offered ("what was agreed at the ASEAN summit in 2023?"): its entry
        was sure enough to answer, so it stays one tap away, however surely the classifier would
        decline it."""
        offered = found.decision is Decision.CLARIFY
        declined = found.decision is Decision.NONE
        doubted = found.decision is Decision.ANSWER and found.confidence < DOUBTED_BELOW
        if not (offered or doubted) and not (declined and offer and found.confidence >= OFFER_FROM):
            return found  # a sure answer, or a decline too unsure to offer: nothing to read
        scope = self.index.scope(self.index.analyse(found.question))
        if scope is None:
            return found
        if doubted:
            # "how can I apply for a job at the Bali Process RSO?" names the office, and asks
            # what no entry answers: offered, not answered
            if scope.declined >= DOUBTED_FROM:
                return replace(found, decision=Decision.CLARIFY)
            return found
        if offered and scope.declined >= DECLINED_FROM:
            return replace(found, decision=Decision.NONE, reason=Reason.OUT_OF_SCOPE)
        if not offered and scope.entries >= IN_SCOPE_FROM:
            return replace(found, decision=Decision.CLARIFY, reason=None)
        return found

    def _scores(self, text: str, implied: frozenset[str] = frozenset()) -> FloatArray | Match:
        """Every entry's score for the text, or the decision when it cannot be scored;
        `implied` as for `MatchIndex.entry_scores`."""
        if not any(ch.isalpha() for ch in text):
            return Match(text, Decision.NONE, 0.0, (), Reason.EMPTY)
        if _mostly_other_script(text):
            return Match(text, Decision.NONE, 0.0, (), Reason.OTHER_SCRIPT)
        query = self.index.analyse(text)
        if query.other_language:
            return Match(text, Decision.NONE, 0.0, (), Reason.OTHER_LANGUAGE)
        if query.unrecognised:
            return Match(text, Decision.NONE, 0.0, (), Reason.NO_KNOWN_WORDS)
        scores = self.index.entry_scores(query, implied)
        owner = self.index.phrasing_owner(query)
        if owner is not None:
            # someone who types a phrasing the knowledge base has gets its entry, however close
            # a neighbour scores: 1 is the most any score can be
            scores[owner] = 1.0
        return scores

    def _decide(
        self,
        text: str,
        scores: FloatArray,
        lead: float | None = None,
        calibration: Calibration | None = None,
        *,
        english: bool = True,
    ) -> Match:
        ranked = Match(text, Decision.NONE, 0.0, self._top(scores))
        fitted = calibration or self.calibration
        confidence = fitted.confidence(ranked.top_score, ranked.lead)
        limits = self.thresholds
        sure = confidence >= limits.answer and ranked.lead >= (
            limits.lead if lead is None else lead
        )
        # "what agency is WHO?", "the World Drug Report": a name the knowledge base never uses
        # may be offered, not answered; so may what has not happened yet ("when is the next
        # conference?"), one of several people named, a phone number or an email address, a
        # job at an office and a ranking of countries
        if (
            sure
            and not unknown_acronyms(text, self.index.acronyms, self.index.analyzer.knows)
            and not unknown_titles(text, self.index.titles)
            and not unknown_subjects(text, self._knows)
            and not (english and unknown_names(text, self._knows))
            and not self._one_of_several_people(text, ranked)
            and not self._someone_else(text, ranked)
            and not asks_for_contact_details(text)
            and not asks_beyond_the_knowledge(text)
            and not asks_about_future(text)
        ):
            return replace(ranked, decision=Decision.ANSWER, confidence=confidence)
        if confidence >= limits.clarify:
            return replace(ranked, decision=Decision.CLARIFY, confidence=confidence)
        return replace(ranked, confidence=confidence, reason=Reason.OUT_OF_SCOPE)

    def _one_of_several_people(self, text: str, ranked: Match) -> bool:
        """Whether the best entry is about one person of several the message names: "was it
        McAdam and Schloenhardt?" asks about what they did together, not about her."""
        top = ranked.candidates[0].entry_id if ranked.candidates else None
        return top in self._names and len(people_in(text, self._names)) > 1

    def _someone_else(self, text: str, ranked: Match) -> bool:
        """Whether the message names a person whom the best entry neither is about nor names:
        "what did Miller say when the report came out?" asks about her, not the launch."""
        named = people_in(text, self._names)
        top = ranked.candidates[0].entry_id if ranked.candidates else ""
        return bool(named) and not self._mentioned.get(top, set()).intersection(named)

    def _knows(self, word: str) -> bool:
        """A word of the knowledge base's vocabulary, typos forgiven."""
        analyzer = self.index.analyzer
        return analyzer.knows(analyzer.correct(word))

    def _top(self, scores: FloatArray) -> tuple[Candidate, ...]:
        count = min(CANDIDATES, len(scores))
        if count == 0:
            return ()
        best = np.argpartition(-scores, count - 1)[:count]
        ranked = sorted(best.tolist(), key=lambda i: (-scores[i], i))
        ids = self.index.entry_ids
        return tuple(Candidate(ids[i], round(float(scores[i]), 4)) for i in ranked if scores[i] > 0)


def _folded(text: str) -> str:
    """Spacing folded before the cut, so padding cannot hide a question; the cut text is what
    is matched and echoed."""
    return " ".join(text.split())[:MAX_QUESTION_CHARS]


def _asks_when(text: str) -> bool:
    return "when" in text.casefold().replace("?", " ").split()


def _asks_who(text: str) -> bool:
    """ "who said that?", "by whom?", "and whose idea was it?", "who's in it?" """
    words = normalize(text).split()[:3]
    return bool(_ASKING_WHO.intersection(words)) or "whos" in words


def _sureness(match: Match) -> tuple[int, float]:
    rank = {Decision.ANSWER: 2, Decision.CLARIFY: 1, Decision.NONE: 0}[match.decision]
    return rank, match.confidence


def _mostly_other_script(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return bool(letters) and latin * 2 < len(letters)
