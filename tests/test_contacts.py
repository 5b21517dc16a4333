"""Contact details, which the knowledge base never holds."""

from __future__ import annotations

import pytest

from bot.matching import Decision
from bot.matching.contacts import asks_for_contact_details
from tests.support.shipped import shipped_engine


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("What is the phone number of the UNODC Bangkok office?", True),
        ("email address for the bali process rso", True),
        ("contact details of the authors?", True),
        ("how can I call the RSO", True),
        # whom to contact, which an entry answers
        ("I want to contact the part of UNODC that covers our region, which office is it?", False),
        ("first contact with victims", False),
    ],
)
def test_asking_for_contact_details(text: str, asks: bool) -> None:
    assert asks_for_contact_details(text) is asks


def test_contact_details_are_not_answered_with_the_entry_on_the_office() -> None:
    """Found in a fresh development set (2026-12-02, fourth part): "UNODC", "Bangkok" and
    "office" made the entry on the regional office sure of a question about its phone number."""
    matcher = shipped_engine().matcher
    number = matcher.match("What is the phone number of the UNODC Bangkok office?")
    assert number.decision is not Decision.ANSWER
    office = matcher.match("which UNODC office covers Southeast Asia?")
    assert (office.decision, office.answer_id) == (Decision.ANSWER, "unodc-roseap")
