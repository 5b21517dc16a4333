"""Which people each answer names: what "who said that?" is asked about."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        # fresh development sets: "was it McAdam and Schloenhardt?" asks who did the research,
        # and was answered with her entry alone (2026-12-02, fourth part); Miller's words were
        # answered with the launch, whose answer names nobody (2026-12-03, third part)
        ("Who did the research for the report? Was it McAdam and Schloenhardt?", "report-authors"),
        ("What did Miller say when the report came out?", "rebecca-miller"),
    ],
)
def test_people_the_best_entry_is_not_about_make_no_sure_answer(
    question: str, offered: str
) -> None:
    found = shipped_engine().matcher.match(question)
    assert found.decision is Decision.CLARIFY
    assert offered in found.choices


@pytest.mark.parametrize(
    ("question", "answer_id"),
    [
        ("who is marika mcadam?", "marika-mcadam"),
        # an entry that names the person by surname alone: "Lelliott and Miller"
        ("what three-pronged approach did lelliott and miller propose?", "three-pronged-approach"),
    ],
)
def test_a_person_the_best_entry_is_about_or_names_is_answered(
    question: str, answer_id: str
) -> None:
    found = shipped_engine().matcher.match(question)
    assert (found.decision, found.answer_id) == (Decision.ANSWER, answer_id)
