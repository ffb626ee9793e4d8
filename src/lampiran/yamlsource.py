"""Reading one YAML content file into plain values, keeping where each value was written.

Content files are data written by hand, so the reader is deliberately narrow:

* values become ``dict``/``list``/``str``/``None`` only: no YAML tag may construct
  anything, and anchors and aliases are refused (content never needs them, and nested
  aliases can make a small file explode in memory);
* plain (unquoted) scalars keep the text the author typed: ``83.50`` stays ``"83.50"``
  (as :class:`PlainNumber`, so targets can tell it was an unquoted number), ``yes``
  stays ``"yes"`` and ``2024-01-31`` stays a string for pydantic to parse;
* duplicate keys are errors, never "last one wins";
* every value's line and column is recorded for error messages.

The pure-Python PyYAML parser is used on purpose: its messages (which are translated
here) are the same on every machine, whereas libyaml words them differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from lampiran.errors import Problem

Location = tuple[int, int]
"""A 1-based (line, column) pair."""

FieldPath = tuple[str | int, ...]
"""Where a value sits in a file, as keys and list indexes: ``("indikator", 0, "target")``."""

_BOM = "\ufeff"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_NULL_TAG = "tag:yaml.org,2002:null"


class PlainNumber(str):
    """The text of an unquoted YAML scalar that YAML itself would read as a number.

    It is still the author's text (``"83.50"``), so no decimal is lost; the type only
    records that the author did not quote it.
    """

    __slots__ = ()


@dataclass
class SourceFile:
    """A content file read into plain values, with the position of every value and key."""

    path: Path
    data: Any
    values: dict[FieldPath, Location] = field(default_factory=dict)
    keys: dict[FieldPath, Location] = field(default_factory=dict)

    def locate(self, where: FieldPath) -> Location:
        """The position of the value at ``where``, or of its nearest written ancestor.

        A missing key has no position of its own: the mapping that should hold it is
        the most useful place to send the author.
        """
        probe = where
        while probe:
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def locate_key(self, where: FieldPath) -> Location:
        """The position of the key itself (for unknown keys), else of its value."""
        return self.keys.get(where) or self.locate(where)


def format_field(where: FieldPath) -> str:
    """Write a field path the way authors think of it: ``indikator[0].target``."""
    text = ""
    for part in where:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class YamlReadError(Exception):
    """A file could not be read as YAML; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_yaml_file(path: Path) -> tuple[SourceFile | None, list[Problem]]:
    """Read ``path``; return the file (or ``None`` if unreadable) and the problems found.

    Problems that do not stop reading (duplicate keys) come back together with the data,
    so that one run reports them and every later problem as well.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(path, 1, 1, "", f"berkas tidak dapat dibaca: {exc.strerror}")]
    text, problem = decode_utf8(path, raw)
    if problem is not None:
        return None, [problem]
    return parse_yaml_text(path, text)


def decode_utf8(path: Path, raw: bytes) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a byte-order mark tolerated) and normalise Windows line endings."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return "", Problem(
            path,
            line,
            column,
            "",
            "berkas ini bukan teks UTF-8 (ada byte yang tidak dikenal); "
            "buka di editor lalu simpan ulang dengan encoding UTF-8",
        )
    if text.startswith(_BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def parse_yaml_text(path: Path, text: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse YAML text into a :class:`SourceFile`; see the module docstring for the rules."""
    builder = _Builder(path)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        return None, [*builder.problems, _translate_yaml_error(path, text, exc)]
    except yaml.reader.ReaderError as exc:
        line, column = _offset_to_location(text, exc.position)
        message = (
            f"karakter kendali tak terlihat (kode {exc.character:#06x}) tidak boleh ada "
            "di berkas isi; hapus karakter itu (biasanya terbawa saat menyalin dari dokumen lain)"
        )
        return None, [*builder.problems, Problem(path, line, column, "", message)]
    except YamlReadError as exc:
        return None, [*builder.problems, exc.problem]
    source = SourceFile(path, builder.result, builder.values, builder.keys)
    if builder.documents == 0 or builder.result is None:
        return None, [Problem(path, 1, 1, "", "berkas ini kosong; isi sesuai contoh di README")]
    return source, builder.problems


def _offset_to_location(text: str, offset: int) -> Location:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@dataclass
class _Frame:
    """A mapping or sequence being built, with where it sits in the file."""

    container: dict[str, Any] | list[Any]
    where: FieldPath
    pending_key: str | None = None


class _Builder:
    """Builds plain values from parser events, recording positions as it goes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.values: dict[FieldPath, Location] = {}
        self.keys: dict[FieldPath, Location] = {}
        self.problems: list[Problem] = []
        self.documents = 0

    def fail(self, event: events.Event, message: str) -> YamlReadError:
        mark = event.start_mark
        return YamlReadError(Problem(self.path, mark.line + 1, mark.column + 1, "", message))

    def feed(self, event: events.Event) -> None:
        if isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event,
                    "satu berkas hanya boleh berisi satu dokumen YAML; "
                    "hapus baris '---' kedua atau pindahkan isinya ke berkas lain",
                )
            return
        if isinstance(event, events.AliasEvent):
            raise self.fail(
                event,
                f"alias YAML ('*{event.anchor}') tidak diizinkan di berkas isi; "
                "tulis nilainya secara lengkap",
            )
        if isinstance(event, events.NodeEvent) and event.anchor is not None:
            raise self.fail(
                event,
                f"anchor YAML ('&{event.anchor}') tidak diizinkan di berkas isi; "
                "hapus '&" + event.anchor + "' dan tulis nilainya secara lengkap",
            )
        if isinstance(event, events.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, events.MappingStartEvent):
            self._refuse_tag(event)
            self._open(event, {})
        elif isinstance(event, events.SequenceStartEvent):
            self._refuse_tag(event)
            self._open(event, [])
        elif isinstance(event, events.MappingEndEvent | events.SequenceEndEvent):
            frame = self.stack.pop()
            self._attach(frame.container, frame.where, None)

    def _refuse_tag(self, event: events.NodeEvent) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(
                event,
                f"tag YAML ('{shown}') tidak diizinkan di berkas isi; "
                "hapus tag itu dan tulis nilainya sebagai teks biasa",
            )

    def _child_path(self, event: events.Event) -> FieldPath | None:
        """The path of the value this event starts, or ``None`` when it is a mapping key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.where, len(frame.container))
        if frame.pending_key is None:
            return None
        return (*frame.where, frame.pending_key)

    def _open(self, event: events.CollectionStartEvent, container: dict[str, Any] | list[Any]) -> None:
        where = self._child_path(event)
        if where is None:
            raise self.fail(
                event,
                "kunci harus berupa teks biasa (misalnya 'nama:'), bukan daftar atau pemetaan",
            )
        mark = event.start_mark
        self.values[where] = (mark.line + 1, mark.column + 1)
        self.stack.append(_Frame(container, where))

    def _scalar(self, event: events.ScalarEvent) -> None:
        self._refuse_tag(event)
        where = self._child_path(event)
        mark = event.start_mark
        location = (mark.line + 1, mark.column + 1)
        if where is None:
            self._key(event.value, location)
            return
        self.values[where] = location
        self._attach(_scalar_value(event), where, location)

    def _key(self, key: str, location: Location) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        key_path = (*frame.where, key)
        if key in frame.container or key_path in self.keys:
            first_line = self.keys[key_path][0]
            self.problems.append(
                Problem(
                    self.path,
                    *location,
                    format_field(key_path),
                    f"kunci '{key}' ditulis dua kali (pertama di baris {first_line}); "
                    "hapus salah satunya",
                )
            )
            # Keep the first value: "last one wins" would silently change the meaning.
            frame.pending_key = f"\x00duplicate:{key}:{location[0]}"
            return
        self.keys[key_path] = location
        frame.pending_key = key

    def _attach(self, value: Any, where: FieldPath, location: Location | None) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
            return
        key = frame.pending_key
        assert key is not None
        frame.pending_key = None
        if key.startswith("\x00duplicate:"):
            return
        frame.container[key] = value


def _scalar_value(event: events.ScalarEvent) -> str | None:
    """The author's text of a scalar; ``None`` for an unquoted empty/null value."""
    if event.style is not None and event.style != "":
        return event.value
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, event.value, (True, False))
    if tag == _NULL_TAG:
        return None
    if tag in _NUMBER_TAGS:
        return PlainNumber(event.value)
    return event.value


_MAPPING_VALUES = re.compile(r"mapping values are not allowed")


def _translate_yaml_error(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """Turn a PyYAML syntax error into a located Indonesian message with a fix."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or ""
    context = exc.context or ""
    line_text = text.split("\n")[line - 1] if 0 < line <= text.count("\n") + 1 else ""
    if "'\\t'" in problem:
        message = (
            "ada karakter tab di indentasi; YAML hanya menerima spasi untuk indentasi, "
            "ganti tab dengan spasi"
        )
    elif problem.startswith("sequence entries are not allowed"):
        key = line_text.split(":", 1)[0].strip()
        if re.search(r":\s*-\s*$", line_text):
            message = (
                f"nilai '-' pada '{key}' dibaca YAML sebagai awal daftar; "
                f"tulis '-' dalam tanda kutip: {key}: \"-\""
            )
        else:
            message = (
                "tanda '-' (butir daftar) tidak boleh ada di sini; periksa indentasinya "
                "atau apit teksnya dengan tanda kutip"
            )
    elif _MAPPING_VALUES.search(problem):
        message = (
            "ada tanda titik dua (:) yang tidak diharapkan; jika nilai memuat ': ', "
            "apit seluruh nilai dengan tanda kutip, atau periksa indentasi baris ini"
        )
    elif "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        message = (
            f"nilai tidak boleh diawali karakter '{char}'; "
            "apit seluruh nilai dengan tanda kutip"
        )
    elif "quoted scalar" in context and "end of stream" in problem:
        message = "tanda kutip dibuka tetapi tidak ditutup; tambahkan tanda kutip penutup"
        if exc.context_mark is not None:
            line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
    elif "unknown escape character" in problem:
        message = (
            "garis miring terbalik (\\) di dalam tanda kutip ganda dibaca sebagai kode khusus; "
            "pakai tanda kutip tunggal ('...') atau tulis \\\\"
        )
    elif context.startswith("while parsing a flow"):
        message = "kurung '[' atau '{' dibuka tetapi tidak ditutup; tutup kurungnya"
        if exc.context_mark is not None:
            line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
    elif "block" in context or "block end" in problem or "could not find expected ':'" in problem:
        message = (
            "indentasi atau susunan baris ini tidak sesuai dengan baris di atasnya; "
            "pastikan setiap 'kunci: nilai' sejajar dengan kunci lain di tingkat yang sama"
        )
    else:
        message = f"susunan YAML tidak benar di sini ({problem or context}); periksa baris ini"
    return Problem(path, line, column, "", message)
