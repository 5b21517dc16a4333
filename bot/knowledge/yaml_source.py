"""Safe YAML parsing that remembers where each value stands, so errors can name file:line:column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.problems import Location, Problem

YamlPath = tuple[str | int, ...]
# libyaml's parser when PyYAML was built with it: same nodes and marks, several times faster
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BYTE_ORDER_MARK = "\ufeff"


# safe loading, with an impossible date (2024-13-01) raised as `_DateError` at its node
# instead of a bare ValueError from deep in PyYAML
_SafeLoader: type[yaml.SafeLoader] = type("_SafeLoader", (_FastLoader,), {})


def _construct_date(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _DateError(node) from None


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A parsed file: plain data as `yaml.safe_load` gives it, and the position of each value."""

    file: Path
    data: Any
    positions: dict[YamlPath, Location] = field(repr=False)
    key_positions: dict[YamlPath, Location] = field(repr=False)
    lines: tuple[str, ...] = field(default=(), repr=False)
    last_lines: dict[YamlPath, int] = field(default_factory=dict, repr=False)

    def locate(self, path: YamlPath, *, key: bool = False) -> Location:
        """The position of `path`, or of its nearest parent that has one."""
        table = self.key_positions if key else self.positions
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or self.positions.get(path[:cut])
            if found is not None:
                return found
        return Location(self.file)

    def locate_text(self, path: YamlPath, words: str) -> Location:
        """Where `words` stand in the value at `path`, which may span lines (a `|` block);
        the value's own position when they are not written out as they are."""
        start = self.locate(path)
        last = self.last_lines.get(path, start.line)
        for number in range(start.line, last + 1):
            line = self.lines[number - 1] if number <= len(self.lines) else ""
            skip = start.column - 1 if number == start.line else 0
            if (column := line.find(words, skip)) >= 0:
                return Location(self.file, number, column + 1)
        return start


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def parse_yaml(file: Path) -> tuple[YamlDocument, list[tuple[YamlPath, Problem]]]:
    """Parse one file with safe-load semantics; duplicate mapping keys are reported with their
    path (PyYAML would silently keep the last one)."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise YamlSyntaxError(
            Problem(Location(file), f"cannot read the file: {error}", "save it as UTF-8 text")
        ) from None
    if text.startswith(_BYTE_ORDER_MARK):
        raise YamlSyntaxError(
            Problem(
                Location(file),
                "the file starts with a byte-order mark (BOM)",
                "save it as UTF-8 without BOM (in the editor's encoding menu)",
            )
        )
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = Location(file, mark.line + 1, mark.column + 1) if mark else Location(file)
        message = f"YAML syntax error: {error.problem or error.context}"
        if error.context and error.context_mark and error.problem:
            message += f" ({error.context} started at line {error.context_mark.line + 1})"
        raise YamlSyntaxError(
            Problem(location, message, "check indentation, colons and quotes on this line")
        ) from None
    except _AliasError as found:
        raise YamlSyntaxError(
            Problem(
                Location(file, found.mark.line + 1, found.mark.column + 1),
                "anchors and aliases (&name, *name) are not supported",
                "write the value out in full wherever it is used",
            )
        ) from None
    except _DateError as found:
        raise YamlSyntaxError(
            Problem(
                _location(file, found.node),
                f"not a date: {found.node.value}",
                "YYYY-MM-DD; quote text that only looks like a date",
            )
        ) from None
    except yaml.reader.ReaderError as error:
        raise YamlSyntaxError(
            Problem(
                _location_of_offset(file, text, error.position),
                f"character U+{error.character:04X} is not allowed in YAML ({error.reason})",
                "delete it; it is often an invisible character pasted with the text",
            )
        ) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(
            Problem(Location(file), f"YAML error: {error}", "check the file's syntax")
        ) from None
    document = YamlDocument(file, data, {}, {}, tuple(text.splitlines()))
    duplicates: list[tuple[YamlPath, Problem]] = []
    if node is not None:
        _index(document, node, (), duplicates)
    return document, duplicates


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _reject_aliases(node)
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


class _DateError(Exception):
    def __init__(self, node: yaml.ScalarNode) -> None:
        self.node = node
        super().__init__(node.value)


class _AliasError(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark
        super().__init__(str(mark))


def _reject_aliases(root: yaml.Node) -> None:
    """An alias makes the tree a graph: one that points at itself never ends, and nested ones
    grow exponentially (the "billion laughs"). The knowledge base needs neither."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _AliasError(node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)


def _location_of_offset(file: Path, text: str, offset: int) -> Location:
    before = text[:offset]
    return Location(file, before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _index(
    document: YamlDocument,
    node: yaml.Node,
    path: YamlPath,
    duplicates: list[tuple[YamlPath, Problem]],
) -> None:
    file, key_positions = document.file, document.key_positions
    document.positions[path] = _location(file, node)
    end = node.end_mark  # a block ends at the start of the line after it
    document.last_lines[path] = end.line + 1 if end.column else end.line
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(document, item, (*path, index), duplicates)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key: str = str(key_node.value)
            child = (*path, key)
            if child in key_positions:
                problem = Problem(
                    _location(file, key_node),
                    f"duplicate key '{key}' (first at line {key_positions[child].line})",
                    "YAML keeps only the last one: remove or merge the duplicate",
                )
                duplicates.append((child, problem))
            key_positions[child] = _location(file, key_node)
            _index(document, value_node, child, duplicates)


def _location(file: Path, node: yaml.Node) -> Location:
    return Location(file, node.start_mark.line + 1, node.start_mark.column + 1)
