"""Which people each answer names: what "who said that?" is asked about."""

from __future__ import annotations

from bot.knowledge.loader import load_knowledge
from bot.matching.people import people_named
from tests.support.kb import WriteKnowledge, entry


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
