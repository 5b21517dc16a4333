"""Pydantic models of the knowledge-base files: the single edge where YAML becomes trusted data.

The JSON Schemas in `knowledge/schema/` are generated from these models (`python -m bot schema`),
so the field descriptions below are what editors show while maintainers type.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints, model_validator

from bot.knowledge.limits import (
    POLL_EXPLANATION_LIMIT,
    POLL_EXPLANATION_LINE_FEEDS,
    POLL_OPTION_LIMIT,
    POLL_OPTIONS_MAX,
    POLL_OPTIONS_MIN,
    POLL_QUESTION_LIMIT,
    QUIZ_NUMBER_ROOM,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 48  # so that an action and an id fit a button's callback data
Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH),
    Field(description="Lower-case letters, digits and single hyphens, e.g. `uncac-offences`."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
Domain = Annotated[
    str, StringConstraints(pattern=r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Link(_Strict):
    """A page users are offered to read more: https and on the allow-list of official domains."""

    title: Text = Field(description="Button text: what the page is, e.g. 'UNODC press release'.")
    url: HttpUrl = Field(description="https address on a domain listed in knowledge/links.yaml.")


class Entry(_Strict):
    """One question and its answer."""

    id: Slug = Field(description="Unique, stable id; evaluation sets and deep links use it.")
    topic: Slug = Field(description="A topic id from knowledge/topics.yaml.")
    question: Text = Field(description="The canonical question, a full sentence.")
    label: Text | None = Field(
        default=None,
        description="A short form of the question for buttons, when the question is too long "
        "to show whole (validate says when); it must keep the telling words.",
    )
    alternates: list[Text] = Field(
        min_length=1,
        description="Other ways people ask it (at least 5): keywords, long sentences, other verbs.",
    )
    answer: Text = Field(
        description="Markup: blank line between paragraphs, '- ' bullets, **bold**, _italic_, "
        "[text](https://...). Everything else is plain text."
    )
    links: list[Link] = Field(default=[], description="Where users read more (buttons).")
    sources: list[Text] = Field(
        min_length=1,
        description="Provenance of the answer's facts, shown to users behind a 'Sources' "
        "button: an official or scholarly address (links.yaml), or a citation by title and "
        "section or page with no address. Third-party copies go in `consulted`.",
    )
    consulted: list[Text] = Field(
        default=[],
        description="For maintainers, never shown: the copies actually read (third-party "
        "mirrors, news pages) behind the sources cited above.",
    )
    related: list[Slug] = Field(default=[], description="Entry ids offered as follow-ups.")
    as_of: datetime.date | None = Field(
        default=None,
        description="Date the facts were true (YYYY-MM-DD); required for counts that change.",
    )
    distinct_from: list[Slug] = Field(
        default=[],
        description="Entries lint found alike that a maintainer reviewed as distinct.",
    )
    notes: str | None = Field(default=None, description="For maintainers; never shown to users.")

    @property
    def button_text(self) -> str:
        return self.label or self.question

    @property
    def variants(self) -> tuple[str, ...]:
        """Every phrasing of the question: the canonical one first."""
        return (self.question, *self.alternates)


class Topic(_Strict):
    id: Slug
    title: Text = Field(description="Shown on the topic button.")
    description: Text | None = Field(default=None, description="One line shown when browsing.")
    answer_note: Text | None = Field(
        default=None,
        description="One short line (markup) ending every answer of the topic, e.g. that the "
        "law topic explains the treaties, not national law.",
    )


class GlossaryTerm(_Strict):
    """Phrasings that mean the same thing; the matcher reads each of its `forms` as the term."""

    term: Text = Field(description="The canonical form, e.g. 'trafficking in persons'.")
    meaning: Text | None = Field(
        default=None,
        description="Expansion of an abbreviation; when it is a name, it is matched as the term.",
    )
    variants: list[Text] = Field(min_length=1, description="Other forms and abbreviations.")
    entry: Slug | None = Field(
        default=None, description="The entry that explains the term, linked from /glossary."
    )

    @property
    def shown(self) -> bool:
        """Whether /glossary lists it: a term with a meaning or an entry, not matching words."""
        return self.meaning is not None or self.entry is not None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every phrasing the matcher reads as the term: the term, its variants, and its meaning
        when that is a name. A full title is one term, so its words do not count one by one
        ("Especially Women and Children" in the title of a convention is not an answer to a
        question about women and children)."""
        named = (self.meaning,) if self.meaning and self.is_name else ()
        return (self.term, *self.variants, *named)

    @property
    def is_name(self) -> bool:
        """Whether the term names one thing, an organisation or an instrument (its meaning is a
        title: "United Nations Convention against Corruption"), not a concept."""
        return self.meaning is not None and _is_name(self.meaning)


def _is_name(text: str) -> bool:
    """Capitalised apart from short linking words: "Protocol against the Smuggling of Migrants by
    Land, Sea and Air", not a definition in words."""
    words = [w.strip(",.;:()'\"") for w in text.split()]
    return len(words) > 1 and all(w[:1].isupper() or w in _LINKING_WORDS for w in words if w)


_LINKING_WORDS = frozenset("a an and against by for in of on the to with".split())


class Spelling(_Strict):
    british: Text
    american: Text


class Glossary(_Strict):
    terms: list[GlossaryTerm] = Field(default=[])
    spellings: list[Spelling] = Field(
        default=[], description="British and American spellings of one word, unified in matching."
    )

    @property
    def acronyms(self) -> frozenset[str]:
        """The forms written in capitals ("UNCAC", "UNODC"): names that are typed the same in
        every language, so a question in any of them that names one is about that one."""
        return frozenset(
            form
            for term in self.terms
            for form in (term.term, *term.variants)
            if _ACRONYM.fullmatch(form)
        )


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,9}")


class LinkPolicy(_Strict):
    """Which addresses users are shown: links on official domains only; in the Sources view,
    those and the scholarly or other official publishers' domains. A third-party copy of a
    document is never shown: cite the document by title and keep the copy in `consulted`."""

    allowed_domains: list[Domain] = Field(
        min_length=1, description="Official domains that links may point to (subdomains too)."
    )
    source_domains: list[Domain] = Field(
        default=[],
        description="Further domains a source may show: scholarly publishers, other official "
        "bodies (subdomains too).",
    )

    def allows(self, host: str) -> bool:
        return _on(host, self.allowed_domains)

    def shows_source(self, host: str) -> bool:
        return _on(host, [*self.allowed_domains, *self.source_domains])


def _on(host: str, domains: list[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


class OutOfScope(_Strict):
    """Questions the bot must decline (`knowledge/out_of_scope.yaml`): neighbours of the domain
    that no entry answers. The matcher learns them as one more class, so a question like them
    loses confidence in every entry instead of landing on the one sharing a word."""

    questions: list[Text] = Field(
        min_length=1,
        description="Questions people ask that no entry answers, e.g. 'how do I become a border "
        "guard'. Never a question an entry answers: that would teach the bot to refuse it.",
    )


class SafetyPhrasings(_Strict):
    """Examples the bot's detectors learn from (`knowledge/safety.yaml`): messages from or about
    someone in danger, and personal legal questions, each with look-alikes that are not.
    Every entry's phrasing counts as an ordinary question too."""

    danger: list[Text] = Field(
        min_length=1,
        description="Messages from or about someone in danger, e.g. 'they took my passport and "
        "I cannot leave'.",
    )
    not_danger: list[Text] = Field(
        min_length=1,
        description="Ordinary messages that share their words, e.g. 'what does the report say "
        "about passport confiscation?'.",
    )
    personal_legal: list[Text] = Field(
        min_length=1,
        description="Questions about the asker's own or a real case, e.g. 'can I be prosecuted "
        "for paying a smuggler?'.",
    )
    general_legal: list[Text] = Field(
        min_length=1,
        description="Legal questions in general, e.g. 'are smuggled migrants liable under the "
        "Protocol?'.",
    )

    @property
    def texts(self) -> list[str]:
        """Every example, of every kind."""
        return [*self.danger, *self.not_danger, *self.personal_legal, *self.general_legal]


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


PollOption = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=POLL_OPTION_LIMIT)
]


class QuizItem(_Strict):
    """One quiz question (`knowledge/quiz.yaml`), sent as a Telegram quiz poll. It tests a fact
    its entry states and sources, and its explanation says what the entry says."""

    id: Slug = Field(description="Unique, stable id of the quiz question.")
    entry: Slug = Field(description="The entry whose answer states the fact tested.")
    topic: Slug = Field(description="A topic id from knowledge/topics.yaml.")
    difficulty: Difficulty = Field(description="easy, medium or hard.")
    question: str = Field(
        min_length=1,
        max_length=POLL_QUESTION_LIMIT - QUIZ_NUMBER_ROOM,
        description=f"The poll question (at most {POLL_QUESTION_LIMIT - QUIZ_NUMBER_ROOM} "
        "characters: a round puts its number in front).",
    )
    options: list[PollOption] = Field(
        min_length=POLL_OPTIONS_MIN,
        max_length=POLL_OPTIONS_MAX,
        description=f"{POLL_OPTIONS_MIN} to {POLL_OPTIONS_MAX} choices, each at most "
        f"{POLL_OPTION_LIMIT} characters, in the order shown.",
    )
    answer: str = Field(min_length=1, description="The correct option, exactly as in `options`.")
    explanation: str = Field(
        min_length=1,
        max_length=POLL_EXPLANATION_LIMIT,
        description=f"Shown after answering: what the entry says (at most "
        f"{POLL_EXPLANATION_LIMIT} characters, {POLL_EXPLANATION_LINE_FEEDS} line breaks).",
    )

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> QuizItem:
        if self.answer not in self.options:
            raise ValueError(f"answer {self.answer!r} is not one of the options")
        if len(set(self.options)) != len(self.options):
            raise ValueError("two options are the same")
        if self.explanation.count("\n") > POLL_EXPLANATION_LINE_FEEDS:
            raise ValueError(
                f"the explanation has more than {POLL_EXPLANATION_LINE_FEEDS} line breaks"
            )
        return self

    @property
    def correct(self) -> int:
        """The answer's position among the options, as Telegram counts them (from 0)."""
        return self.options.index(self.answer)


class Quiz(RootModel[list[QuizItem]]):
    """`knowledge/quiz.yaml`: the questions quiz rounds are drawn from."""


class BotWords(_Strict):
    """Everything the bot says to a person in a chat, in one language: the English is
    `bot.words.ENGLISH`, and `knowledge/i18n/<code>.yaml` has the same keys in one more.

    A text keeps the English one's `{placeholders}`, numbers, /commands and **bold** markers;
    dates in placeholders may take another format, e.g. `{loaded:%Y-%m-%d %H:%M}`."""

    welcome: Text = Field(
        description="/start: what the bot is, the unofficial note, {commands}, examples."
    )
    help: Text = Field(description="/help: how to ask, then {commands}.")
    help_telegram: Text = Field(
        description="/help in Telegram: groups (mention or reply) and inline mode."
    )
    help_terminal: Text = Field(
        description="/help in the terminal chat: numbers press buttons, /quit."
    )
    commands: dict[str, Text] = Field(
        description="Each command's line in /help and the welcome, by command name "
        "('/topics: browse the questions'); the same commands as English."
    )
    about: Text = Field(
        description="/about: sources, unofficial note, {version}, {entries}, {dated}, {loaded}."
    )
    about_dated: Text = Field(description="Part of /about: the date of the newest fact, {as_of}.")
    privacy: Text = Field(description="/privacy: what is kept and for how long ({retention} days).")
    out_of_scope: Text = Field(
        description="No answer: what the bot covers; examples and topics follow."
    )
    unknown_words: Text = Field(
        description="Words the bot does not know: what it covers; examples follow."
    )
    no_help_with_crime: Text = Field(
        description="A request for help with a crime ('how do I bribe an officer?'): refused, "
        "and what the bot covers."
    )
    empty: Text = Field(description="An empty message: 'Please type a question, for example:'.")
    not_english: Text = Field(description="A language the bot cannot read: which ones it reads.")
    did_you_mean: Text = Field(description="Above the choices (English questions) when unsure.")
    none_of_these: Text = Field(
        description="After 'None of these': thanks, the question is noted; /topics."
    )
    none_of_these_button: Text = Field(
        description="The button under 'did you mean' when no choice fits."
    )
    sources_button: Text = Field(description="The button that opens an answer's sources.")
    sources: Text = Field(description="The heading of an answer's sources, in **bold**.")
    sources_dated: Text = Field(description="Under the sources: 'Facts as of {as_of}.'")
    rated: Text = Field(description="Thanks for a 👍 or 👎.")
    legal_note: Text = Field(
        description="Under an answer to a personal legal question: not legal advice."
    )
    danger: Text = Field(
        description="The safety note: not a reporting channel; contact local emergency "
        "services or the authorities. Never a number, service or organisation."
    )
    danger_title: Text = Field(description="The title of the safety note offered in inline mode.")
    greeting: Text = Field(
        description="The reply to a greeting: 'Hello! Ask me anything...', /topics."
    )
    thanks: Text = Field(description="The reply to thanks: 'You're welcome! Ask another...'.")
    languages: Text = Field(
        description="Which languages the bot reads, and that it answers in English."
    )
    human: Text = Field(
        description="'Am I talking to a person?': an automated bot; nobody reads the chat."
    )
    more_about: Text = Field(
        description="'Tell me more' about {question}: related questions and sources."
    )
    topics: Text = Field(description="The heading of the topic list, in **bold**.")
    back_to_topics_button: Text = Field(
        description="The button back from a topic to the topic list."
    )
    expired: Text = Field(description="A button too old to work: please ask again.")
    unknown_entry: Text = Field(
        description="A deep link to an answer that does not exist (any more)."
    )
    unknown_command: Text = Field(description="A command the bot does not have; see /help.")
    non_text: Text = Field(
        description="A sticker, photo or voice message: please type the question."
    )
    ask_usage: Text = Field(description="/ask without a question: an example follows it.")
    sorry: Text = Field(description="An error on the bot's side: please try again.")
    slow_down: Text = Field(description="Too many messages too fast: wait, one question at a time.")
    group_busy: Text = Field(
        description="A busy group: the answer is in a private chat, [here]({link})."
    )
    in_english: Text = Field(
        description="Before an English answer to a question in this language: the report "
        "and the answers are in English."
    )
    translated: Text | None = Field(
        default=None,
        description="The line that labels an answer a maintainer translated "
        "(knowledge/answers/<code>.yaml): needed once the language has one.",
    )
    language_menu: Text = Field(
        description="/language: choose the language of the bot's own words."
    )
    language_chosen: Text = Field(
        description="After choosing this language: the bot's words in the chat are in it now."
    )
    language_follow_button: Text = Field(
        description="The /language button to follow each message's language."
    )
    language_follows: Text = Field(description="After that button: the words follow each message.")
    disclaimer: Text = Field(
        description="In italics: unofficial, not a UNODC or Bali Process service, not legal advice."
    )
    handout_title: Text = Field(description="The printed handout's title.")
    handout_scan: Text = Field(
        description="Under the handout's title: scan a QR code or open a link, @{username}."
    )
    handout_links: Text = Field(
        description="Under the Markdown handout's title: ask @{username} in Telegram."
    )
    handout_no_qr: Text = Field(description="The Markdown handout: why it has no QR codes.")
    handout_full_answer: Text = Field(description="Before each entry's link: 'Full answer:'.")
    handout_in_english: Text = Field(
        description="A handout in this language: its questions and answers are in English."
    )


class AskedAboutTheBot(_Strict):
    """How people ask about the bot itself in one language, by kind: a message close to one of
    these gets the bot's own answer in the language (its /help, /about, /privacy, the languages
    it reads, that no person reads the chat) rather than a guess among the report's entries.
    Written as people type them; all but `about_the_report` clearly about the bot."""

    capabilities: list[Text] = Field(
        default_factory=list, description="What can you do? What can I ask? Who are you?"
    )
    about_bot: list[Text] = Field(
        default_factory=list,
        description="Is this bot official? Who made or runs it? Is it up to date? Where do its "
        "answers come from?",
    )
    privacy: list[Text] = Field(
        default_factory=list, description="Do you keep my messages? Is this chat private?"
    )
    languages: list[Text] = Field(
        default_factory=list, description="Which languages do you read? Can I write in Thai?"
    )
    human: list[Text] = Field(
        default_factory=list, description="Is a person reading this? Am I talking to a bot?"
    )
    about_the_report: list[Text] = Field(
        default_factory=list,
        description="Questions about the report or its subjects in the same frames ('who made "
        "the report?', 'is the report's data up to date?'): a message closest to one of these "
        "is a question about the report.",
    )

    @property
    def texts(self) -> list[str]:
        """Every phrasing, of every kind: all of them ordinary messages to a danger detector."""
        return [text for texts in self.model_dump().values() for text in texts]


class Translation(_Strict):
    """The bot's words in one more language (`knowledge/i18n/<code>.yaml`). Machine
    translations until a native speaker reviews them (the file's header says which)."""

    language: Text = Field(description="The language's own name, e.g. 'Bahasa Indonesia'.")
    names: list[Text] = Field(
        default_factory=list,
        description="How people ask for the language ('ภาษาไทย', 'in Thai', 'Thai please'): "
        "a message with one of these that gets no answer gets the /language menu in it. "
        "Phrases, not bare names: 'Thai' alone is in many questions about Thailand.",
    )
    asked: AskedAboutTheBot = Field(
        default_factory=AskedAboutTheBot,
        description="How people ask about the bot itself in this language, by kind.",
    )
    words: BotWords
    back_translation: BotWords = Field(
        description="The words put back into English by a second translator who did not see "
        "the English, so that a reviewer without the language can check the meaning."
    )


class LanguageSafety(_Strict):
    """Examples the danger detector of one of the region's languages learns from
    (`knowledge/safety/<code>.yaml`); the language's phrasings, and how people ask about the bot
    in it, count as ordinary messages too."""

    language: Slug = Field(description="The language code, as its `knowledge/i18n/` file is named.")
    danger: list[Text] = Field(
        min_length=1, description="Messages from or about someone in danger, in the language."
    )
    not_danger: list[Text] = Field(
        min_length=1, description="Ordinary messages in the language that share their words."
    )
    reporting: list[Text] = Field(
        default=[],
        description="Verbs of reporting someone to the authorities ('melaporkan', 'isumbong'): "
        "a message with one has a feature of its own that the detector learns, since wanting to "
        "report a person, an official or a crime calls for the safety note. Not the noun for a "
        "document ('laporan').",
    )
    over: list[Text] = Field(
        default=[],
        description="Words telling that a story is past and over ('dulu', 'nakauwi na'): a "
        "feature of their own, learnt from the examples, since a case long over is told, not "
        "pleaded.",
    )
    media: list[Text] = Field(
        default=[],
        description="Words telling that a case is known from the news, a film or a book "
        "('berita', 'napanood'): a feature of their own, learnt from the examples.",
    )
    resolved: list[Text] = Field(
        default=[],
        description="Words telling that a story has ended for the people in it: safe, home, "
        "paid off, the case won ('dah selamat', 'nakauwi na'). A message with one of these and "
        "a word of `over` (or a year before 2020), none of `ongoing`, that would report nobody, "
        "gets no safety note: a case long over is told, not pleaded, as in English.",
    )
    ongoing: list[Text] = Field(
        default=[],
        description="Words telling that it goes on or has come back: still, again, since, "
        "until now, today ('masih', 'pa rin', 'อีกแล้ว'). One of these keeps a story that "
        "`resolved` ends a plea.",
    )

    victim: list[Text] = Field(
        default=[],
        description="Words by which the asker says they are a victim of trafficking, or were "
        "sold, naming both ('saya mangsa pemerdagangan', 'na-traffic ako', 'em là nạn nhân mua "
        "bán người'; not 'saya korban', which is also 'laid off'): a message with one gets the "
        "safety note whatever the detector reads, unless told as long over, as 'I'm being "
        "trafficked' does in English.",
    )
    supposing: list[Text] = Field(
        default=[],
        description="Words that open a case supposed or given as an example ('kalau', "
        "'seandainya', 'giả sử', 'ví dụ', 'ถ้า'): a sentence or clause that opens with one is "
        "not read alone for danger, only as part of the whole message, whose question says "
        "what the case is asked for ('kalau budak dibawa pergi kerja, perlu ke ada paksaan?'), "
        "unless it names the asker (`first_person`): 'kalau saya lari, majikan pukul mak saya' is "
        "a plea.",
    )
    first_person: list[Text] = Field(
        default=[],
        description="The asker's own words for I, me and we ('saya', 'aku', 'tôi', 'ako', "
        "'ผม'): a supposed case that names one is the asker's own, read alone like any other.",
    )
    asker: list[Text] = Field(
        default=[],
        description="Words by which the asker speaks of doing something themselves ('saya mahu', "
        "'gusto kong', 'tôi muốn'): with a verb of `reporting`, a wish to report someone, which "
        "gets the safety note whatever the detector reads, as in English.",
    )
    pleas: list[Text] = Field(
        default=[],
        description="Calls for help and words of getting away ('tolong saya', 'tumakas', "
        "'cứu em'): a message of a few words with one, that asks nothing the knowledge base "
        "answers, gets the safety note whatever the detector reads, since so few words are too "
        "few for it to read. Not a word that also means 'please' in a request ('tolong "
        "jelaskan').",
    )

    @property
    def cues(self) -> dict[str, list[str]]:
        """The word lists that make features of their own, by the feature's name."""
        return {
            "report": self.reporting,
            "over": self.over,
            "media": self.media,
        }

    @property
    def texts(self) -> list[str]:
        """Every example, danger or not."""
        return [*self.danger, *self.not_danger]


class TranslatedAnswers(_Strict):
    """Answers a maintainer translated into one of the region's languages
    (`knowledge/answers/<code>.yaml`): shown, labelled as translations, instead of the English
    answer to a question in that language. Every number and link stays the English one's."""

    language: Slug = Field(description="The language code, as its `knowledge/i18n/` file is named.")
    answers: dict[Slug, Text] = Field(
        description="Per entry id, its answer in the language, in the answers' markup."
    )


class LanguagePhrasings(_Strict):
    """How people ask each entry's question in one of the region's languages
    (`knowledge/phrasings/<code>.yaml`): the matcher reads them with character n-grams, so a
    question in that language finds the English entry."""

    language: Slug = Field(description="The language code, as its `knowledge/i18n/` file is named.")
    phrasings: dict[Slug, list[Text]] = Field(
        description="Per entry id, at least 3 phrasings written as people type them in the "
        "language, not word-for-word translations of the English question."
    )
    declined: list[Text] = Field(
        default_factory=list,
        description="Questions in the language that no entry answers but that share the "
        "entries' words (a visa, the best recruitment agency, another report): a question "
        "nearer to them than to any entry's phrasings is declined, like those of "
        "out_of_scope.yaml in English.",
    )


# A fitted coefficient is a few units; the bound keeps a hand edit from making every
# confidence 0 or 1 (or NaN) while staying far above anything a fit produces.
Coefficient = Annotated[
    float,
    Field(ge=-1000, le=1000, allow_inf_nan=False, description="A fitted logistic coefficient."),
]


class PlattCoefficients(_Strict):
    """confidence = 1 / (1 + exp(-(bias + score * top_score + lead * lead_over_runner_up)))."""

    bias: Coefficient
    score: Coefficient
    lead: Coefficient


class CalibrationCoefficients(PlattCoefficients):
    """Platt scaling of match scores (`knowledge/calibration.yaml`, written by `calibrate`),
    of English questions and, under `regional`, of questions matched on the phrasings of the
    region's languages, whose scores are of another kind."""

    regional: PlattCoefficients | None = None


class EvalQuestion(_Strict):
    """One evaluation question (`knowledge/eval/*.yaml` is a list of these)."""

    q: Text = Field(description="The question as a person would type it.")
    expect: Slug | None = Field(description="The entry that answers it; null if none does.")


class EvalSet(RootModel[list[EvalQuestion]]):
    """An evaluation file: a list of questions."""


class DangerCase(_Strict):
    """One message of the safety evaluation (`knowledge/eval/danger/*.yaml`)."""

    q: Text = Field(description="The message as a person would type it.")
    danger: bool = Field(description="Whether it comes from or is about someone in danger.")
    expect: Slug | None = Field(
        default=None, description="For an ordinary question: the entry that answers it."
    )
    first: Text | None = Field(
        default=None,
        description="The question the bot answered just before, when the message follows it "
        "in the same chat (and may only make sense with it).",
    )


class LegalCase(_Strict):
    """One question of the personal-legal evaluation (`knowledge/eval/legal/*.yaml`)."""

    q: Text = Field(description="The question as a person would type it.")
    personal: bool = Field(description="Whether it asks about the asker's own or a real case.")
    expect: Slug | None = Field(default=None, description="The entry that answers it.")


class AboutTheBotKind(StrEnum):
    """The kinds of question about the bot itself: the fields of `AskedAboutTheBot` but
    `about_the_report`."""

    CAPABILITIES = "capabilities"
    ABOUT_BOT = "about_bot"
    PRIVACY = "privacy"
    LANGUAGES = "languages"
    HUMAN = "human"


class AboutTheBotCase(_Strict):
    """One message of the evaluation of questions about the bot (`knowledge/eval/about/`)."""

    q: Text = Field(description="The message as a person would type it.")
    kind: AboutTheBotKind | None = Field(
        description="The kind of question about the bot it is; null for a question about the "
        "report that shares their words ('who made the report?')."
    )


class FollowUpCase(_Strict):
    """A two-turn dialogue (`knowledge/eval/followups/*.yaml`)."""

    first: Text = Field(description="A question that stands on its own.")
    first_expect: Slug | None = Field(description="The entry that answers the first question.")
    then: Text = Field(description="The next message, which may only make sense after the first.")
    expect: Slug | None = Field(description="The entry that answers it in context; null if none.")

    @property
    def q(self) -> str:
        """The dialogue as one text: what the tuning/test split is decided on."""
        return f"{self.first}\n{self.then}"


class DangerSet(RootModel[list[DangerCase]]):
    """A safety evaluation file."""


class LegalSet(RootModel[list[LegalCase]]):
    """A personal-legal evaluation file."""


class AboutTheBotSet(RootModel[list[AboutTheBotCase]]):
    """An evaluation file of questions about the bot."""


class FollowUpSet(RootModel[list[FollowUpCase]]):
    """A follow-up evaluation file."""
