from __future__ import annotations

import pytest

from bot.matching.acronyms import acronyms_in, known_acronyms, unknown_acronyms
from bot.matching.matcher import Decision
from tests.support.shipped import shipped_engine

KNOWN = known_acronyms(["UNODC and the RSO of the Bali Process", "UNCAC, Chapter III"])
VOCABULARY = frozenset({"what", "is", "the", "who", "systemic", "corruption"})


def test_acronyms_are_capitals_standing_alone() -> None:
    assert acronyms_in("what is UNCAC? and U4, ROSEAP-led") == {"UNCAC", "U4", "ROSEAP"}
    assert acronyms_in("McAdam, Uncac, a UNCACs, I") == set()
    assert acronyms_in("WHO คืออะไร") == {"WHO"}


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("what agency is WHO?", {"WHO"}),
        ("does the FBI work with UNODC", {"FBI"}),
        ("what is UNCAC", set()),
        ("OK so what does chapter IV of UNCAC say, ASAP pls", set()),
        # typed in capitals throughout: the vocabulary's words are words
        ("SYSTEMIC CORRUPTION", set()),
        ("WHAT IS THE FBI", {"FBI"}),
        ("WHO คืออะไร", set()),
    ],
)
def test_unknown_acronyms(text: str, unknown: set[str]) -> None:
    assert unknown_acronyms(text, KNOWN, VOCABULARY.__contains__) == unknown


def test_a_name_the_knowledge_base_never_uses_is_offered_not_answered() -> None:
    """The word "agency" alone makes UNODC a sure match for a question about another one."""
    matcher = shipped_engine().matcher
    found = matcher.match("what agency is WHO?")
    assert found.decision is Decision.CLARIFY
    assert matcher.match("what agency is UNODC?").decision is Decision.ANSWER


def test_a_name_only_an_answer_uses_is_no_entrys_subject() -> None:
    """Found in a fresh development set (2026-12-01): IOM is one of the Bali Process's member
    organisations in the answer on its members, which was sure of a question about IOM's."""
    matcher = shipped_engine().matcher
    assert "IOM" in shipped_engine().knowledge.entry("bali-process-membership").answer
    found = matcher.match("how many member states does IOM have")
    assert found.decision is not Decision.ANSWER
    assert matcher.match("how many members does the Bali Process have").decision is Decision.ANSWER
