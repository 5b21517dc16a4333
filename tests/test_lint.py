from __future__ import annotations

from bot.knowledge import lint, load_knowledge
from bot.knowledge.lint import template_pairs
from bot.matching import ambiguity_warnings, similar_pairs, unidentified_warnings
from tests.support.kb import WriteKnowledge, entry
from tests.support.shipped import shipped_engine
from tests.support.words import words_file


def test_entries_the_matcher_cannot_tell_apart_are_named(
    write_knowledge: WriteKnowledge,
) -> None:
    first = entry("who-wrote", question="Who wrote the report?", alternates=["report writers"])
    second = entry("who-wrote-it", question="Who wrote the reports?", alternates=["writers"])
    knowledge = load_knowledge(write_knowledge([first, second]))
    [pair] = similar_pairs(knowledge, 0.9)
    assert {pair.phrased, pair.rival} == {"who-wrote", "who-wrote-it"}
    assert 0.9 <= pair.ratio <= 1.0
    [warning] = ambiguity_warnings(knowledge, 0.9)
    assert f"the matcher scores '{pair.rival}' at" in warning.message
    assert warning.entry_id == pair.phrased


def test_distinct_entries_are_not_reported(write_knowledge: WriteKnowledge) -> None:
    first = entry("report-funding", question="Who paid for the research?")
    second = entry("uncac", question="What is the convention against corruption?")
    assert similar_pairs(load_knowledge(write_knowledge([first, second])), 0.9) == []


def test_reviewed_pair_is_not_reported(write_knowledge: WriteKnowledge) -> None:
    first = entry("who-wrote", question="Who wrote the report?")
    second = entry("who-wrote-it", question="Who wrote the reports?", distinct_from=["who-wrote"])
    assert similar_pairs(load_knowledge(write_knowledge([first, second])), 0.9) == []


def test_template_alternates() -> None:
    alternates = ["uncac offences", "what are the uncac offences", "crimes under uncac"]
    assert template_pairs(alternates) == [("uncac offences", "what are the uncac offences")]
    assert template_pairs(["tell me about uncac", "uncac history"]) == []


def test_entry_warnings(write_knowledge: WriteKnowledge) -> None:
    item = entry(
        "thin-entry",
        alternates=["one phrasing", "tell me about one phrasing"],
        links=[],
        answer="Long. " * 300,
    )
    messages = [w.message for w in lint(load_knowledge(write_knowledge([item])))]
    assert "only 2 alternates" in messages
    assert (
        "alternates 'one phrasing' and 'tell me about one phrasing' differ only by filler words"
        in messages
    )
    assert "no related entries" in messages
    assert "no links" in messages
    assert any(m.startswith("answer is 1799 characters long") for m in messages)


def test_entry_in_another_topics_file(write_knowledge: WriteKnowledge) -> None:
    root = write_knowledge(
        [entry("a-b", related=["c-d"]), entry("c-d", related=["a-b"], distinct_from=["a-b"])],
        topics=("basics", "other"),
    )
    text = (root / "entries" / "basics.yaml").read_text()
    (root / "entries" / "basics.yaml").write_text(text.replace("topic: basics", "topic: other", 1))
    messages = [w.message for w in lint(load_knowledge(root))]
    assert messages == ["topic 'other' is kept in basics.yaml"]


def test_an_entry_without_phrasings_in_a_language_is_named(write_knowledge: WriteKnowledge) -> None:
    words = words_file()
    phrasings = "language: th\nphrasings:\n  alpha: [หนึ่ง, สอง, สาม]\n"
    root = write_knowledge(
        [entry("alpha"), entry("beta")], **{"i18n/th.yaml": words, "phrasings/th.yaml": phrasings}
    )
    messages = {(p.entry_id, p.message) for p in lint(load_knowledge(root))}
    missing = "no phrasings in th: questions in those languages cannot find it"
    assert ("beta", missing) in messages
    assert ("alpha", missing) not in messages


def test_phrasings_in_a_language_no_message_is_identified_in_are_named(
    write_knowledge: WriteKnowledge,
) -> None:
    """Added as the docs say (words, then phrasings), Lao passed validate and lint, and no
    question in it ever reached its phrasings: identification knows seven languages."""
    phrasings = {
        code: f"language: {code}\nphrasings:\n  alpha: [{texts}]\n"
        for code, texts in (("th", "หนึ่ง, สอง, สาม"), ("lo", "ໜຶ່ງ, ສອງ, ສາມ"))
    }
    root = write_knowledge(
        [entry("alpha"), entry("beta")],
        **{f"i18n/{code}.yaml": words_file() for code in phrasings},
        **{f"phrasings/{code}.yaml": text for code, text in phrasings.items()},
    )
    [warning] = unidentified_warnings(load_knowledge(root))
    assert warning.location.file == root / "phrasings" / "lo.yaml"
    assert (
        warning.message == "no message is identified as 'lo' yet: these phrasings are never matched"
    )
    assert unidentified_warnings(shipped_engine().knowledge) == []
