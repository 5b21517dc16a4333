"""Small knowledge bases written into a temporary folder, for tests of loading and rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).parent.parent / "fixtures"

WriteKnowledge = Callable[..., Path]


def entry(entry_id: str, **fields: Any) -> dict[str, Any]:
    """A valid entry; keyword arguments replace or add fields."""
    base: dict[str, Any] = {
        "id": entry_id,
        "topic": "basics",
        "question": f"What about {entry_id.replace('-', ' ')}?",
        "alternates": [f"{entry_id} variant {n}" for n in ("one", "two", "three", "four", "five")],
        "answer": "An answer.\n\nRead more: the press release.",
        "links": [{"title": "Press release", "url": "https://www.unodc.org/page"}],
        "sources": ["https://www.unodc.org/page"],
        "related": [],
    }
    base.update(fields)
    return base


def write_knowledge(
    folder: Path,
    entries: list[dict[str, Any]],
    topics: tuple[str, ...] = ("basics",),
    **files: str,
) -> Path:
    """Write a small knowledge base into `folder`/knowledge and return that folder."""
    root = folder / "knowledge"
    (root / "entries").mkdir(parents=True)
    (root / "links.yaml").write_text("allowed_domains: [unodc.org, baliprocess.net]\n")
    (root / "topics.yaml").write_text(
        yaml.safe_dump([{"id": t, "title": t.title()} for t in topics])
    )
    (root / "glossary.yaml").write_text("terms: []\n")
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for item in entries:
        by_topic.setdefault(item["topic"], []).append(item)
    for topic, items in by_topic.items():
        (root / "entries" / f"{topic}.yaml").write_text(yaml.safe_dump(items, sort_keys=False))
    for name, text in files.items():
        (root / name).write_text(text)
    return root
