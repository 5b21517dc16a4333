from __future__ import annotations

import pytest

from bot.matching.matcher import Decision
from bot.matching.titles import (
    known_text,
    titles_in,
    unknown_names,
    unknown_subjects,
    unknown_titles,
)
from tests.support.shipped import shipped_engine

KNOWN = known_text(["What is the Smuggling of Migrants Protocol?", "the ASEAN Convention"])


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("How many pages does the World Drug Report have?", {"world drug report"}),
        (
            "is the Trafficking Victims Protection Act part of it",
            {"trafficking victims protection act"},
        ),
        # the small words inside a title, not the ones between two names
        ("what's the Smuggling of Migrants Protocol?", {"smuggling of migrants protocol"}),
        ("UNTOC and the Trafficking in Persons Protocol", {"trafficking in persons protocol"}),
        # capitalised only as a question's first word, or no name before the kind
        ("Which Convention applies?", set()),
        ("Explain ASEAN Convention against trafficking", {"asean convention"}),
        ("The Report says what?", set()),
        ("what does the report say", set()),
        # typed in capitals throughout: capitals tell nothing
        ("WHAT IS THE WORLD DRUG REPORT", set()),
    ],
)
def test_titles_are_capitalised_names_before_a_kind_of_document(
    text: str, titles: set[str]
) -> None:
    assert titles_in(text) == titles


def test_a_title_is_known_however_it_is_typed() -> None:
    assert unknown_titles("is the smuggling of migrants Protocol binding?", KNOWN) == set()
    assert unknown_titles("Is the ASEAN Convention binding?", KNOWN) == set()
    assert unknown_titles("Is the Global Compact binding?", KNOWN) == {"global compact"}


def test_a_title_the_knowledge_base_never_uses_is_not_answered() -> None:
    """Found in a fresh development set (2026-12-02): "pages" and "report" made the entry on
    this report's structure sure of a question about another report; "protection" and
    "victims" made the entry on protecting victims sure of a question about a US law."""
    matcher = shipped_engine().matcher
    assert matcher.match("How many pages does the World Drug Report have?").decision is not (
        Decision.ANSWER
    )
    other_law = matcher.match("is the Trafficking Victims Protection Act part of this?")
    assert other_law.decision is not Decision.ANSWER
    assert matcher.match("How many pages does the report have?").decision is Decision.ANSWER
    assert matcher.match("What is the Smuggling of Migrants Protocol?").decision is (
        Decision.ANSWER
    )


def test_a_document_on_a_subject_the_vocabulary_lacks_is_another_one() -> None:
    """Found in a fresh development set (2026-12-02, fourth part): "UNODC", "report" and
    "trafficking" made the entry on the common denominator sure of a question about a UNODC
    report on wildlife trafficking."""
    vocabulary = {"corruption", "smuggling", "trafficking"}
    assert unknown_subjects(
        "the UNODC report on wildlife trafficking", vocabulary.__contains__
    ) == {"wildlife"}
    assert unknown_subjects("a study about corruption at sea", vocabulary.__contains__) == set()
    assert (
        unknown_subjects("what does the report say on wildlife", vocabulary.__contains__) == set()
    )
    matcher = shipped_engine().matcher
    other = matcher.match("UNODC report on wildlife trafficking and corruption - main findings?")
    assert other.decision is not Decision.ANSWER
    # typos forgiven: a misspelt known word names this report's subject
    ours = matcher.match("who wrote the report on corupption and smuggling?")
    assert (ours.decision, ours.answer_id) == (Decision.ANSWER, "report-authors")


def test_a_body_the_knowledge_base_never_names() -> None:
    """ "how many member countries does interpol have" got the Bali Process's members
    (2026-12-02, fifth part)."""
    vocabulary = {"members", "bali", "process", "how", "many", "does", "have"}
    assert unknown_subjects(
        "how many member countries does interpol have", vocabulary.__contains__
    ) == {"interpol"}
    assert unknown_subjects("the members of the OSCE?", vocabulary.__contains__) == {"osce"}
    assert unknown_subjects("members of the bali process", vocabulary.__contains__) == set()
    matcher = shipped_engine().matcher
    assert matcher.match("how many member countries does interpol have").decision is not (
        Decision.ANSWER
    )
    ours = matcher.match("how many members does the bali process have")
    assert (ours.decision, ours.answer_id) == (Decision.ANSWER, "bali-process-membership")


def test_a_treaty_or_meeting_named_in_lower_case_by_an_unknown_word() -> None:
    """ "what is the rabat process and who are its members" got the Bali Process's members
    (fresh development questions, 2026-12-03): typed in lower case, no capital told a title."""
    vocabulary = {"bali", "smuggling", "protocol", "process", "trafficking"}
    assert unknown_names("what is the rabat process", vocabulary.__contains__) == {"rabat"}
    assert unknown_names("the bali process", vocabulary.__contains__) == set()
    assert unknown_names("every stage of the trafficking process", vocabulary.__contains__) == set()
    matcher = shipped_engine().matcher
    other = matcher.match("what is the rabat process and who are its members")
    assert other.decision is not Decision.ANSWER
    ours = matcher.match("who are the members of the bali process")
    assert (ours.decision, ours.answer_id) == (Decision.ANSWER, "bali-process-membership")
    # in another language the word before "Protocol" is a small word of its own
    tagalog = matcher.match("ano yung Protocol laban sa smuggling of migrants")
    assert tagalog.answer_id == "som-protocol"
