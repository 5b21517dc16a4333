"""Normalisation: the analysis every question and every phrasing goes through."""

from __future__ import annotations

import pytest

from bot.knowledge.models import Glossary, GlossaryTerm, Spelling
from bot.matching.analyzer import TERM_PREFIX, Analyzer
from tests.support.shipped import shipped_engine

GLOSSARY = Glossary(
    terms=[
        GlossaryTerm(
            term="smuggling of migrants", variants=["SOM", "people smuggling", "smuggling"]
        ),
        GlossaryTerm(term="SOM Protocol", variants=["smuggling protocol"]),
        GlossaryTerm(term="findings", variants=["finding", "results"]),
    ],
    spellings=[Spelling(british="labour", american="labor")],
)
VOCABULARY = ["corruption in recruitment", "who wrote the report", "where can I find the report"]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(GLOSSARY, VOCABULARY)


def term(name: str) -> str:
    return TERM_PREFIX + name.replace(" ", "_").lower()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Corruption in RECRUITMENT?!", "corruption   in recruitment"),
        (
            "".join(chr(ord(c) + 0xFEE0) for c in "corruption"),
            "corruption",
        ),  # NFKC folds full-width
        ("recruited", "recruitment"),  # Snowball stems both to "recruit"
        ("organized labor", "organised labour"),  # American and British spellings
        ("people smuggling", "SOM"),  # glossary phrasings are one term
        ("corupption", "corruption"),  # one typo
        ("recrutment", "recruitment"),
    ],
)
def test_same_meaning_same_tokens(analyzer: Analyzer, first: str, second: str) -> None:
    assert analyzer.tokens(first) == analyzer.tokens(second)


def test_longest_glossary_phrase_wins_and_nests(analyzer: Analyzer) -> None:
    assert analyzer.tokens("people smuggling protocol") == [term("SOM Protocol")]
    assert analyzer.tokens("smuggling protocol") == [term("SOM Protocol")]
    assert analyzer.tokens("smuggling") == [term("smuggling of migrants")]


def test_a_one_word_term_does_not_swallow_its_stem(analyzer: Analyzer) -> None:
    assert analyzer.tokens("findings") == [term("findings")]
    assert analyzer.tokens("find") == ["find"]


def test_organised_is_not_organisations(analyzer: Analyzer) -> None:
    """ "how is the report organised?" asks how it is laid out: Snowball stems "organised" and
    "organisations" alike, and the publishers were answered at 0.97."""
    assert analyzer.tokens("organised") == analyzer.tokens("organized")
    assert analyzer.tokens("organised") != analyzer.tokens("organisations")


@pytest.mark.parametrize("text", ["", "   ", "?!...", "🙂🎉", "—"])
def test_nothing_to_analyse(analyzer: Analyzer, text: str) -> None:
    assert analyzer.tokens(text) == []


def test_short_and_unknown_words_are_not_corrected(analyzer: Analyzer) -> None:
    assert analyzer.correct("cor") == "cor"
    assert analyzer.correct("weather") == "weather"
    assert analyzer.correct("2021") == "2021"


def test_other_scripts_pass_through_without_error(analyzer: Analyzer) -> None:
    assert analyzer.tokens("腐败 коррупция") == ["腐败", "коррупция"]


def test_very_long_text(analyzer: Analyzer) -> None:
    assert len(analyzer.tokens("corruption " * 10_000)) == 10_000


def test_a_title_given_as_meaning_is_one_term() -> None:
    """The words of a full title do not count one by one: "especially women and children" in a
    convention's name is no answer to a question about women and children."""
    title = "ASEAN Convention Against Trafficking in Persons, Especially Women and Children"
    glossary = Glossary(
        terms=[
            GlossaryTerm(term="ACTIP", meaning=title, variants=["ASEAN trafficking convention"]),
            GlossaryTerm(
                term="facilitator",
                meaning="in the report's title, what corruption is to smuggling: it enables them",
                variants=["facilitators"],
            ),
        ]
    )
    analyzer = Analyzer(glossary, VOCABULARY)
    assert analyzer.tokens(f"what is the {title}") == ["what", "is", "the", term("ACTIP")]
    assert term("ACTIP") not in analyzer.tokens("are women and children especially affected")
    # a meaning written as a definition is not a phrasing of the term
    assert term("facilitator") not in analyzer.tokens("what corruption is to smuggling")
    assert glossary.terms[1].forms == ("facilitator", "facilitators")


def test_a_word_typed_in_two_parts_is_one_word() -> None:
    """ "Marika Mc Adam": neither part is a word of the vocabulary, their join is (2026-12-02,
    fifth part: a fresh development question got no answer). Two words of their own stay."""
    analyzer = Analyzer(GLOSSARY, ["Who is Marika McAdam?", "the data base", "a database"])
    assert analyzer.words("Marika Mc Adam background") == ["marika", "mcadam", "background"]
    assert analyzer.words("data base") == ["data", "base"]


def test_the_index_reads_a_word_typed_in_two_parts_as_one() -> None:
    index = shipped_engine().matcher.index
    assert "mcadam" in index.analyse("who is marika mc adam").tokens
