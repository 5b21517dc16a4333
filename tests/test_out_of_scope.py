"""Questions to decline: checked against the entries and learnt by the matcher."""

from __future__ import annotations

import pytest

from bot.knowledge.loader import check_knowledge, load_knowledge
from bot.matching.index import MatchIndex
from tests.support.kb import BORDERS_AND_COURTS, WriteKnowledge, declined


def test_a_question_to_decline_that_an_entry_answers_is_located(
    write_knowledge: WriteKnowledge,
) -> None:
    questions = declined("how do I become a border guard", "Corrupt courts?", "x y", "X Y")
    root = write_knowledge(BORDERS_AND_COURTS, **questions)
    knowledge, problems = check_knowledge(root)
    assert knowledge is None
    file = root / "out_of_scope.yaml"
    assert [(p.location.file, p.location.line, p.location.column) for p in problems] == [
        (file, 4, 5),
        (file, 6, 5),
    ]
    assert "also a phrasing of entry 'court-cases'" in problems[0].message
    assert "listed twice" in problems[1].message


def test_the_file_is_optional_and_a_wrong_shape_is_reported(
    write_knowledge: WriteKnowledge,
) -> None:
    root = write_knowledge(BORDERS_AND_COURTS)
    assert load_knowledge(root).out_of_scope == ()
    (root / "out_of_scope.yaml").write_text("- a list instead\n")
    _, problems = check_knowledge(root)
    assert [p.location.line for p in problems] == [1]


@pytest.mark.parametrize("question", ["how do I become a border guard", "border guard jobs"])
def test_learnt_questions_to_decline_lower_every_entry_for_their_neighbours(
    write_knowledge: WriteKnowledge, question: str
) -> None:
    root = write_knowledge(BORDERS_AND_COURTS)
    plain = MatchIndex(load_knowledge(root))
    [(name, text)] = declined(
        "how to become a border guard",
        "border guard job vacancies",
        "salary of a border guard",
        "border guard training requirements",
    ).items()
    (root / name).write_text(text)
    taught = MatchIndex(load_knowledge(root))
    before = plain.entry_scores(plain.analyse(question))
    after = taught.entry_scores(taught.analyse(question))
    assert after.max() < before.max()
    # an in-scope question keeps its entry on top
    in_scope = taught.entry_scores(taught.analyse("do border guards take bribes"))
    assert taught.entry_ids[int(in_scope.argmax())] == "border-bribes"
