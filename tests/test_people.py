"""Which people each answer names: what "who said that?" is asked about."""

from __future__ import annotations

from bot.knowledge.loader import load_knowledge
from bot.matching import Decision
from bot.matching.people import people_named
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine


def test_people_are_the_entries_asking_who_someone_is(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge(
        [
            entry("ana-cruz", question="Who is Ana Cruz and what did she say?"),
            entry("ben-ito", question="Who is Ben Ito?", answer="Ben Ito worked with Ana Cruz."),
            entry("a-finding", answer="As ANA CRUZ put it, corruption is everywhere."),
            entry("no-one", answer="Nobody is named here, not even Ben."),
        ]
    )
    named = people_named(load_knowledge(root))
    assert named == {"ben-ito": ("ana-cruz",), "a-finding": ("ana-cruz",)}


def test_one_of_several_people_named_is_no_sure_answer() -> None:
    """Found in a fresh development set (2026-12-02, fourth part): "was it McAdam and
    Schloenhardt?" asks who did the research, and was answered with her entry alone."""
    matcher = shipped_engine().matcher
    both = matcher.match("Who did the research for the report? Was it McAdam and Schloenhardt?")
    assert both.decision is Decision.CLARIFY
    assert "report-authors" in both.choices
    one = matcher.match("who is marika mcadam?")
    assert (one.decision, one.answer_id) == (Decision.ANSWER, "marika-mcadam")


def test_a_person_the_best_entry_does_not_name_is_no_sure_answer() -> None:
    """Found in a fresh development set (2026-12-03, third part): "what did Miller say when
    the report came out?" was answered with the launch, whose answer names nobody."""
    matcher = shipped_engine().matcher
    asked = matcher.match("What did Miller say when the report came out?")
    assert asked.decision is Decision.CLARIFY
    assert "rebecca-miller" in asked.choices
    # an entry that names the person by surname alone still answers: "Lelliott and Miller"
    approach = matcher.match("what three-pronged approach did lelliott and miller propose?")
    assert (approach.decision, approach.answer_id) == (Decision.ANSWER, "three-pronged-approach")
