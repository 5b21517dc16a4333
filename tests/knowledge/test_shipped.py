"""The shipped knowledge base: complete, valid, on the allow-list, and its tools work on it."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot import readiness
from bot.knowledge import TELEGRAM_TEXT_LIMIT, KnowledgeBase, answer_markup, load_knowledge
from bot.knowledge.export import ENTRY_LIST, to_csv, to_json
from tests.support.contract import CONTRACT_IDS, CONTRACT_TOPICS


@pytest.fixture(scope="module")
def knowledge(shipped: Path) -> KnowledgeBase:
    return load_knowledge(shipped)


def test_every_contract_id_is_present_in_its_topic(knowledge: KnowledgeBase) -> None:
    for entry_id, topic in CONTRACT_IDS.items():
        assert knowledge.entry(entry_id).topic == topic


def test_contract_topics_exist(knowledge: KnowledgeBase) -> None:
    assert {t.id for t in knowledge.topics} >= set(CONTRACT_TOPICS)


def test_at_least_sixty_entries(knowledge: KnowledgeBase) -> None:
    assert len(knowledge.entries) >= 60


def test_validate_finds_nothing(knowledge: KnowledgeBase) -> None:
    """What `python -m bot validate` checks beyond loading: required data rules, entries the
    matcher cannot tell apart, schema headers and freshness, the calibration."""
    assert readiness.problems(knowledge) == []


def test_every_address_shown_to_users_is_official_or_scholarly(knowledge: KnowledgeBase) -> None:
    """Links (buttons and in the text) on the official domains; sources on those or the
    scholarly and other official publishers' domains. Checked here without the loader's rule."""
    policy = knowledge.link_policy
    for entry in knowledge.entries:
        for url in [link.url for link in entry.links] + answer_markup.links(entry.answer):
            parts = urlsplit(url)
            assert parts.scheme == "https", (entry.id, url)
            assert policy.allows(parts.hostname or ""), (entry.id, url)
            assert "//" not in parts.path, (entry.id, url)
        for source in entry.sources:
            for url in re.findall(r"https?://[^\s)]+", source):
                assert policy.shows_source(urlsplit(url).hostname or ""), (entry.id, url)
                assert "//" not in urlsplit(url).path, (entry.id, url)


THIRD_PARTY = ("docslib", "scribd", "powershow", "slideplayer", "vdocuments", "experts123")


def test_no_third_party_copy_is_on_the_allow_lists(knowledge: KnowledgeBase) -> None:
    policy = knowledge.link_policy
    for name in THIRD_PARTY:
        assert not policy.shows_source(f"{name}.com"), name


def test_json_export_loads_back_into_the_same_entries(knowledge: KnowledgeBase) -> None:
    assert ENTRY_LIST.validate_json(to_json(knowledge)) == list(knowledge.entries)


def test_csv_export_has_one_row_per_question_variant(knowledge: KnowledgeBase) -> None:
    assert to_csv(knowledge).startswith("id,topic,kind,question,canonical_question,answer\n")
    parsed = list(csv.DictReader(io.StringIO(to_csv(knowledge))))
    assert len(parsed) == knowledge.question_count
    assert {row["id"] for row in parsed} == {e.id for e in knowledge.entries}


def test_answers_fit_a_telegram_message(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        html = answer_markup.to_html(entry.answer)
        assert len(html) <= TELEGRAM_TEXT_LIMIT, entry.id
