"""Writing content files as YAML a person reads comfortably, and proving they read back.

``lampiran import`` and ``lampiran init`` write the files planning staff will edit, so
they are written the way staff are taught to write them (README): keys in the order of
the content format, prose in ``|`` block scalars with one sentence per line, one-line
values unquoted wherever YAML reads them as the same text, and quoted exactly where it
would not: ``83.50`` (a number), ``-`` (a list), ``yes`` (a boolean), ``2024-01-31`` (a
date), a ``: `` or `` #`` inside, a leading ``*``, ``&``, ``!``, ``[`` ... (YAML syntax).

Nothing is trusted to these rules alone: :func:`verify` reads the text back with the
content reader (:mod:`lampiran.source.yamlreader`) and compares every value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lampiran.errors import visible
from lampiran.source.yamlreader import parse_yaml_text

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
"""Characters that mean YAML syntax at the start of a plain scalar."""
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]')


def is_plain_safe(text: str) -> bool:
    """Whether ``text`` written unquoted is read back by YAML as exactly this string."""
    if not text or text != text.strip() or any(c in text for c in "\n\r\t"):
        return False
    if text[0] in _INDICATORS or not (text[0].isalnum() or text[0] in "(.+/<=~$^"):
        return False
    if ": " in text or " #" in text or text.endswith(":") or _CONTROL.search(text):
        return False
    resolved = _RESOLVER.resolve(yaml.nodes.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(resolved == _STR_TAG)


def quoted(text: str) -> str:
    """``text`` as a double-quoted scalar: ``"``, ``\\`` and control characters escaped."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in '"\\':
            return "\\" + char
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return '"' + _NEEDS_ESCAPE.sub(escape, text) + '"'


def scalar(text: str) -> str:
    """A one-line value: plain where safe, else double-quoted."""
    return text if is_plain_safe(text) else quoted(text)


def comment_lines(text: str, indent: int = 0) -> list[str]:
    """``text`` as YAML comment lines; control characters shown as escapes, never raw."""
    prefix = " " * indent + "#"
    lines = []
    for line in text.split("\n"):
        shown = visible(line.replace("\r", "").replace("\t", " "), keep_newlines=False)
        lines.append(f"{prefix} {shown}".rstrip() if shown.strip() else prefix)
    return lines


@dataclass
class YamlText:
    """A content file being written line by line, with the values it must read back as."""

    lines: list[str] = field(default_factory=list)

    def comment(self, text: str, indent: int = 0) -> None:
        self.lines.extend(comment_lines(text, indent))

    def blank(self) -> None:
        self.lines.append("")

    def value(self, key: str, text: str, indent: int = 0, *, note: str = "") -> None:
        """``key: value`` on one line, with an optional trailing comment."""
        line = f"{' ' * indent}{key}: {scalar(text)}"
        if note:
            line += "  " + comment_lines(note)[0]
        self.lines.append(line)

    def raw(self, key: str, written: str, indent: int = 0, *, note: str = "") -> None:
        """``key: written`` where ``written`` is already YAML (a year, a date)."""
        line = f"{' ' * indent}{key}: {written}"
        if note:
            line += "  " + comment_lines(note)[0]
        self.lines.append(line)

    def mapping(self, key: str, indent: int = 0, *, item: bool = False) -> None:
        """``key:`` opening a nested mapping (``- key:`` for a list item's first key)."""
        self.lines.append(f"{' ' * indent}{'- ' if item else ''}{key}:")

    def prose(self, key: str, text: str, indent: int = 0, *, item: bool = False) -> None:
        """A prose value: a ``|`` block, or one plain line when that reads the same."""
        lead = f"{' ' * indent}{'- ' if item else ''}{key}:"
        inner = indent + (2 if item else 0) + 2
        if "\n" not in text and is_plain_safe(text) and not text.endswith("  "):
            self.lines.append(f"{lead} {text}")
            return
        lines = text.split("\n")
        indicator = "|2" if lines[0].startswith(" ") else "|"
        self.lines.append(f"{lead} {indicator}")
        for line in lines:
            self.lines.append(" " * inner + line if line.strip() else "")

    def one_line(self, key: str, text: str, indent: int = 0, *, item: bool = False) -> None:
        lead = f"{' ' * indent}{'- ' if item else ''}{key}:"
        self.lines.append(f"{lead} {scalar(text)}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    @property
    def line_count(self) -> int:
        return len(self.lines)


class YamlWriteError(AssertionError):
    """The written text does not read back as the values meant: a bug of lampiran."""


def verify(name: str, text: str, expected: Mapping[str, Any]) -> None:
    """Read ``text`` back with the content reader; raise unless every value is ``expected``.

    Strings are compared as the content model sees them (surrounding white space
    stripped, which also drops the final newline of a ``|`` block).
    """
    source, problems = parse_yaml_text(Path(name), text)
    errors = [p for p in problems if p.severity.name == "ERROR"]
    if source is None or errors:
        raise YamlWriteError(f"{name} does not read back: {[p.format() for p in problems]}")
    if not _same(source.data, expected):
        raise YamlWriteError(f"{name} reads back as {source.data!r}, not {expected!r}")


def _same(read: Any, meant: Any) -> bool:
    if isinstance(meant, Mapping):
        return (
            isinstance(read, dict)
            and list(read) == list(meant)
            and all(_same(read[k], meant[k]) for k in meant)
        )
    if isinstance(meant, Sequence) and not isinstance(meant, str):
        return (
            isinstance(read, list)
            and len(read) == len(meant)
            and all(_same(a, b) for a, b in zip(read, meant, strict=True))
        )
    if meant is None:
        return read is None
    return isinstance(read, str) and read.strip() == str(meant).strip()
