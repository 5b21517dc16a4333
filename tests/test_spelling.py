"""The "did you mean" of error messages about ids: a slip gets its id, a stranger nothing."""

import pytest

from bot.knowledge.spelling import did_you_mean, likely_meant, spelling_hint

TOPICS = ["report", "findings", "recommendations", "law", "concepts", "organisations"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("lwa", "law"),  # two letters swapped
        ("findngs", "findings"),  # one left out
        ("organizations", "organisations"),  # the other spelling
        ("Concept", "concepts"),  # any case
    ],
)
def test_a_slip_gets_the_id_it_is_a_slip_of(typed: str, meant: str) -> None:
    assert likely_meant(typed, TOPICS) == meant


@pytest.mark.parametrize("typed", ["football", "xyz", "recs", ""])
def test_a_name_like_none_gets_no_guess(typed: str) -> None:
    assert likely_meant(typed, TOPICS) is None


def test_the_closest_of_two_candidates_wins() -> None:
    assert likely_meant("uncac-offence", ["uncac", "uncac-offences", "uncac-parties"]) == (
        "uncac-offences"
    )


def test_the_messages_say_it_or_fall_back() -> None:
    assert did_you_mean("lwa", TOPICS) == " (did you mean 'law'?)"
    assert did_you_mean("football", TOPICS) == ""
    assert spelling_hint("lwa", TOPICS, "use a topic id") == "did you mean 'law'?"
    assert spelling_hint("football", TOPICS, "use a topic id") == "use a topic id"
    assert likely_meant("law", []) is None
