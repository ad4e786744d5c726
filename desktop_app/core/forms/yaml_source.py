"""YAML that remembers where each mapping and list item came from, so a refused form
definition can name the line to fix rather than just the key path.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import yaml


class LocatedDict(dict):
    line: int = 0
    key_lines: dict[str, int]


class LocatedList(list):
    line: int = 0
    item_lines: list[int]


# libyaml's parser is ~10x faster than PyYAML's pure-Python one (forms load at every start
# on old PCs); both give nodes with line marks, and the constructor below is the same.
try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader


class _LineLoader(_BaseLoader):
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, IndexError, TypeError, OverflowError) as exc:
            # PyYAML's own constructors fail this way on a tag that does not fit its
            # value (`!!int id`, `!!float ""`): a YAML error at that node like any other.
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {node.tag} here: {exc}", node.start_mark
            ) from exc

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):  # `{[a]: 1}`: refused as PyYAML itself does
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found unhashable key",
                    key_node.start_mark,
                )
            if key in seen:
                # PyYAML silently keeps the last duplicate; a form author deserves to know.
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = LocatedDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(k): line for k, line in seen.items()}
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:
        items = LocatedList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)
_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence
)


# A form nests a few levels (sections → fields → choices → label); libyaml's composer
# recurses in C and crashes the process on some tens of thousands of levels, and the
# constructor above hits Python's recursion limit at about a thousand.
MAX_DEPTH = 64


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH from the event stream (flat, not recursive),
    before anything recursive sees the document."""
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.parser.ParserError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def load_located(text: str) -> Any:
    _check_depth(text)
    return yaml.load(text, Loader=_LineLoader)


def line_of(document: Any, path: Iterable[Any]) -> int:
    """The line of the deepest node on ``path`` that we know the position of."""
    line = getattr(document, "line", 1)
    node = document
    for step in path:
        if isinstance(node, LocatedDict) and step in node:
            line = node.key_lines.get(str(step), line)
            node = node[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
        line = getattr(node, "line", line) if isinstance(node, (LocatedDict,)) else line
    return line
