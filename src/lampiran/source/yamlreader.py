"""Reading one YAML content file into plain values, keeping where each value was written.

Content files are data written by hand, so the reader is deliberately narrow:

* values become ``dict``/``list``/``str``/``None`` only: no YAML tag may construct
  anything, and anchors and aliases are refused (content never needs them, and nested
  aliases can make a small file explode in memory);
* plain (unquoted) scalars keep the text the author typed: ``83.50`` stays ``"83.50"``
  (as :class:`PlainNumber`, so targets can tell it was an unquoted number), ``yes``
  stays ``"yes"`` and ``2024-01-31`` stays a string for pydantic to parse;
* duplicate keys are errors, never "last one wins";
* every value's line and column is recorded for error messages;
* after a syntax error the values read so far are kept (``SourceFile.stopped_at``), so
  that one run also reports the other mistakes written before it.

Files are parsed with libyaml (PyYAML's C parser) when it is installed: it produces the
same events some thirty times faster. Its error messages are worded differently, and
are not the same on every machine, so a file that libyaml cannot read in full (a syntax
error, or anything the builder refuses) is read again with the pure-Python parser, whose
messages are translated here: a broken file gets exactly the messages it always got,
and a good one is never read twice. The two parsers differ in one detail the builder
must not depend on: a plain scalar's style is ``None`` in one and ``""`` in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from lampiran.errors import Problem, Severity, shorten
from lampiran.source import pasted
from lampiran.source.files import FileRefused, read_regular_file

Location = tuple[int, int]
"""A 1-based (line, column) pair."""

FieldPath = tuple[str | int, ...]
"""Where a value sits in a file, as keys and list indexes: ``("indikator", 0, "target")``."""

_BOM = "\ufeff"
_LONGEST_SHOWN_KEY = 40
"""Longer keys are cut in messages (a 1,100-character key once made a 1 MB message)."""
_LONGEST_KEY = 1024
"""PyYAML's limit: a key longer than this is not read as a key at all."""
_MAX_DEPTH = 8
"""Deepest nesting of mappings and lists accepted; content needs three levels."""

# Characters YAML itself treats as line breaks although editors do not: they would shift
# every line number reported after them and have no place in a printed document.
_HIDDEN_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
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
    text: str = ""
    """The decoded text (line endings normalised), for messages that quote a line."""
    stopped_at: Location | None = None
    """Where a syntax error stopped reading; ``None`` when the whole file was read.

    When set, ``data`` holds only what was written before that place: values there are
    complete, but keys after it are missing.
    """

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, or ``""`` outside the file."""
        lines = self.text.split("\n")
        return lines[line - 1] if 0 < line <= len(lines) else ""

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
            shown = part if len(part) <= _LONGEST_SHOWN_KEY else shorten(part)
            text += f".{shown}" if text else shown
    return text


class YamlReadError(Exception):
    """A file could not be read as YAML; carries the located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_yaml_file(
    path: Path, *, keep_partial: bool = False
) -> tuple[SourceFile | None, list[Problem]]:
    """Read ``path``; return the file (or ``None`` if unreadable) and the problems found.

    Problems that do not stop reading (duplicate keys) come back together with the data,
    so that one run reports them and every later problem as well. With ``keep_partial``,
    a file with a syntax error still comes back with what was read before the error
    (``stopped_at`` set), so that its other mistakes can be checked too.
    """
    try:
        raw = read_regular_file(path)
    except FileRefused as exc:
        return None, [exc.problem()]
    return read_yaml_bytes(path, raw, keep_partial=keep_partial)


def read_yaml_bytes(
    path: Path, raw: bytes, *, keep_partial: bool = False
) -> tuple[SourceFile | None, list[Problem]]:
    """Read ``raw`` as the content of a file shown as ``path``; see :func:`read_yaml_file`.

    For files that are not on the disk (a file at a git revision is read into memory):
    ``path`` only names the file in messages, such as ``main:content/2024/dokumen.yaml``.
    """
    text, problem = decode_utf8(path, raw)
    if problem is not None:
        return None, [problem]
    return parse_yaml_text(path, text, keep_partial=keep_partial)


def decode_utf8(path: Path, raw: bytes) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a byte-order mark tolerated) and normalise Windows line endings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(
            path,
            1,
            1,
            "",
            "berkas ini tersimpan sebagai UTF-16 (di Notepad disebut 'Unicode'), bukan UTF-8; "
            "buka di editor lalu simpan ulang dengan encoding UTF-8",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        guess = raw[exc.start : exc.start + 1].decode("cp1252", errors="replace")
        shown = f" (mungkin '{guess}')" if guess.isprintable() and guess != "\ufffd" else ""
        return "", Problem(
            path,
            line,
            column,
            "",
            f"berkas ini bukan teks UTF-8: karakter di sini{shown} tersimpan dengan encoding "
            "lain, misalnya Windows-1252; buka di editor lalu simpan ulang dengan encoding UTF-8",
        )
    if text.startswith(_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    hidden = _HIDDEN_LINE_BREAK.search(text)
    if hidden is not None:
        line, column = _offset_to_location(text, hidden.start())
        return "", Problem(
            path,
            line,
            column,
            "",
            f"ada karakter pemisah baris tak terlihat (kode {ord(hidden.group()):#06x}); "
            "hapus karakter itu atau ganti dengan baris baru biasa "
            "(biasanya terbawa saat menyalin dari dokumen lain)",
        )
    return text, None


def parse_yaml_text(
    path: Path, text: str, *, keep_partial: bool = False, fast: bool = True
) -> tuple[SourceFile | None, list[Problem]]:
    """Parse YAML text into a :class:`SourceFile`; see the module docstring for the rules.

    ``keep_partial`` is explained in :func:`read_yaml_file`. ``fast`` (the default) tries
    libyaml first when it is installed; ``fast=False`` uses only the pure-Python parser
    (the tests compare the two).
    """
    if fast and _FAST_LOADER is not None and "\t" not in text:
        # libyaml accepts a tab where PyYAML (and this module's messages) refuse one,
        # after a colon for instance: a file with a tab is left to the pure parser.
        read = _parse_fast(path, text)
        if read is not None:
            return read
    builder = _Builder(path, text)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        stop = _translate_yaml_error(path, text, exc)
        opened = builder.first_open_flow()
        if stop.message == _UNCLOSED_BRACKET and opened is not None:
            stop = Problem(path, *opened, "", stop.message)
    except yaml.reader.ReaderError as exc:
        line, column = _offset_to_location(text, exc.position)
        message = (
            f"karakter kendali tak terlihat (kode {exc.character:#06x}) tidak boleh ada "
            "di berkas isi; hapus karakter itu (biasanya terbawa saat menyalin dari dokumen lain)"
        )
        stop = Problem(path, line, column, "", message)
    except YamlReadError as exc:
        stop = exc.problem
    else:
        if builder.documents == 0 or builder.result is None:
            empty = Problem(path, 1, 1, "", "berkas ini kosong; isi sesuai contoh di README")
            return None, [empty]
        source = SourceFile(path, builder.result, builder.values, builder.keys, text)
        return source, builder.problems
    problems = [*builder.problems, stop]
    partial = builder.partial_result()
    if not keep_partial or partial is None:
        return None, problems
    # A file whose only document was complete before the error (a second '---' and
    # what follows it) is validated as a whole: nothing in it is missing.
    stopped_at = None if builder.finished_document else (stop.line, stop.column)
    return SourceFile(path, partial, builder.values, builder.keys, text, stopped_at), problems


_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
"""libyaml's loader, or ``None`` where PyYAML was installed without it."""


def _parse_fast(path: Path, text: str) -> tuple[SourceFile, list[Problem]] | None:
    """The file read with libyaml, or ``None`` when it needs the pure-Python parser.

    Anything but a whole, readable document (a syntax error, a refused alias or tag, an
    empty file) is left to the pure-Python parser, which explains it.
    """
    builder = _Builder(path, text)
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            builder.feed(event)
    except Exception:
        return None
    if builder.documents != 1 or builder.result is None:
        return None
    return SourceFile(path, builder.result, builder.values, builder.keys, text), builder.problems


def _offset_to_location(text: str, offset: int) -> Location:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@dataclass
class _Frame:
    """A mapping or sequence being built, with where it sits in the file."""

    container: dict[str, Any] | list[Any]
    where: FieldPath
    pending_key: str | None = None
    flow_at: Location | None = None
    """Where its '[' or '{' is, for a collection written in brackets."""
    lost_dash: bool = False
    """A list item whose first key came again: the next item, written without its '-'."""


class _Builder:
    """Builds plain values from parser events, recording positions as it goes."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.stack: list[_Frame] = []
        self.result: Any = None
        self.values: dict[FieldPath, Location] = {}
        self.keys: dict[FieldPath, Location] = {}
        self.problems: list[Problem] = []
        self.documents = 0
        self.finished_document = False

    def first_open_flow(self) -> Location | None:
        """Where the outermost '[' or '{' that is still open was written."""
        for frame in self.stack:
            if frame.flow_at is not None:
                return frame.flow_at
        return None

    def partial_result(self) -> Any:
        """What was read before reading stopped: open mappings and lists closed as they are.

        A key whose value never came is left out, so validation reports it as missing.
        """
        while self.stack:
            frame = self.stack.pop()
            self._attach(frame.container, frame.where, None)
        return self.result

    def fail(self, event: events.Event, message: str) -> YamlReadError:
        return YamlReadError(Problem(self.path, *_event_location(event), "", message))

    def feed(self, event: events.Event) -> None:
        if type(event) is events.ScalarEvent and event.anchor is None:
            self._scalar(event)  # most events: the quick way to the same place
            return
        if isinstance(event, events.DocumentEndEvent):
            self.finished_document = self.result is not None
            return
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
            alias = shorten(event.anchor or "")
            raise self.fail(
                event,
                f"nilai yang diawali '*' dibaca YAML sebagai alias ('*{alias}'), "
                "dan alias tidak diizinkan di berkas isi; bila '*' memang bagian dari teks "
                "(misalnya *miring*), apit seluruh nilai dengan tanda kutip",
            )
        if isinstance(event, events.NodeEvent) and event.anchor is not None:
            raise self.fail(
                event,
                f"nilai yang diawali '&' dibaca YAML sebagai anchor ('&{shorten(event.anchor)}'), "
                "dan anchor tidak diizinkan di berkas isi; bila '&' memang bagian dari teks, "
                "apit seluruh nilai dengan tanda kutip",
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
            shown = shorten(tag.replace("tag:yaml.org,2002:", "!!"))
            raise self.fail(
                event,
                f"nilai yang diawali '!' dibaca YAML sebagai tag ('{shown}'), dan tag tidak "
                "diizinkan di berkas isi; hapus tag itu, atau bila '!' memang bagian dari "
                "teks, apit seluruh nilai dengan tanda kutip",
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

    def _open(
        self, event: events.CollectionStartEvent, container: dict[str, Any] | list[Any]
    ) -> None:
        where = self._child_path(event)
        if where is None:
            raise self.fail(
                event,
                "kunci harus berupa teks biasa (misalnya 'nama:'), bukan daftar atau pemetaan",
            )
        if len(self.stack) >= _MAX_DEPTH:
            raise self.fail(
                event,
                f"susunan di sini lebih dari {_MAX_DEPTH} tingkat, padahal isi lampiran "
                "paling banyak tiga tingkat; periksa indentasi dan tanda kurung '[' '{'",
            )
        location = _event_location(event)
        self.values[where] = location
        self.stack.append(_Frame(container, where, flow_at=location if event.flow_style else None))

    def _scalar(self, event: events.ScalarEvent) -> None:
        self._refuse_tag(event)
        where = self._child_path(event)
        location = _event_location(event)
        if not event.style:
            self._refuse_pasted_structure(event, key=where is None)
        if where is None:
            self._key(self._clean_key(event, location), location)
            return
        self._warn_pasted_text(event, where)
        self.values[where] = location
        self._attach(_scalar_value(event), where, location)

    def _refuse_pasted_structure(self, event: events.ScalarEvent, *, key: bool) -> None:
        """Stop at a plain scalar that starts a line with a pasted space or a Word bullet.

        Such a line was meant as indentation or a list item, but YAML reads the look-alike
        character as text: the key is hidden inside a longer one and what follows fails
        with a message that points elsewhere.
        """
        value = event.value
        if not value or (value[0].isascii() and not (key and value[0] == "-")):
            return  # pasted characters and Word bullets are outside ASCII
        if not self._starts_its_line(event):
            return
        if pasted.is_odd(value[0]):
            raise self.fail(
                event,
                f"indentasi baris ini memuat {pasted.describe(value[0])}, biasanya terbawa "
                "saat menyalin dari Word; hapus indentasinya lalu ketik ulang dengan spasi biasa",
            )
        if key and value[0] == "-" and value[1:2] not in {"", " ", "\t"}:
            after = value[1]
            raise self.fail(
                event,
                f"setelah tanda butir '-' ada {pasted.describe(after)}, padahal YAML "
                "memerlukan spasi biasa; hapus lalu ketik ulang spasinya"
                if pasted.is_odd(after)
                else "tanda butir '-' harus diikuti spasi; tulis "
                f"'- {shorten(value[1:].split(':')[0])}: ...'",
            )
        if key and value[0] in pasted.WORD_BULLETS and value[1:2].isspace():
            raise self.fail(
                event,
                f"butir daftar ditulis dengan '{value[0]}' (tanda butir dari Word), padahal "
                f"YAML hanya mengenal '-'; ganti '{value[0]}' dengan '-'",
            )

    def _starts_its_line(self, event: events.ScalarEvent) -> bool:
        """Whether only spaces (and list dashes) stand before the scalar on its line."""
        mark = event.start_mark
        if mark is None:
            return False
        before = self.text[mark.index - mark.column : mark.index]
        return not before.replace("-", " ").strip()

    def _clean_key(self, event: events.ScalarEvent, location: Location) -> str:
        """The key without invisible characters, each of them reported as an error."""
        key = event.value
        if key.isascii():
            return key  # no invisible character is ASCII
        cleaned = pasted.without_invisible(key).rstrip()
        if cleaned == key or not cleaned.isidentifier():
            return key
        index = next(i for i, char in enumerate(key) if pasted.is_odd(char) or i >= len(cleaned))
        self.problems.append(
            Problem(
                self.path,
                location[0],
                location[1] + index,
                format_field((*self.stack[-1].where, cleaned)),
                f"kunci '{shorten(cleaned)}' memuat {pasted.describe(key[index])}, biasanya "
                "terbawa saat menyalin; hapus karakter itu (ketik ulang kuncinya)",
            )
        )
        return cleaned

    def _warn_pasted_text(self, event: events.ScalarEvent, where: FieldPath) -> None:
        """Warn about invisible characters and Word bullets inside a value's text."""
        if event.start_mark is None or event.end_mark is None:
            return
        start, end = event.start_mark.index, event.end_mark.index
        raw = self.text[start:end]
        if raw.isascii() and event.value.isascii():
            return  # every pasted character is outside ASCII: the usual case, made quick
        field = format_field(where)
        for offset, char in pasted.invisible_characters(raw):
            message = pasted.INVISIBLE_WARNING.format(what=pasted.describe(char))
            self._warn(start + offset, field, message)
        if event.style == '"':
            # An escape such as "\u202e" puts the character in the value, not in the file.
            written = {char for _, char in pasted.invisible_characters(raw)}
            for _, char in pasted.invisible_characters(event.value):
                if char not in written:
                    written.add(char)
                    message = pasted.ESCAPED_INVISIBLE_WARNING.format(what=pasted.describe(char))
                    self._warn(start, field, message)
        for offset, bullet in pasted.bullet_lines(raw):
            line_start = self.text.rfind("\n", 0, start + offset) + 1
            if not self.text[line_start : start + offset].strip(" \t"):
                self._warn(start + offset, field, pasted.BULLET_WARNING.format(bullet=bullet))

    def _warn(self, offset: int, field: str, message: str) -> None:
        line, column = _offset_to_location(self.text, offset)
        self.problems.append(Problem(self.path, line, column, field, message, Severity.WARNING))

    def _key(self, key: str, location: Location) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        key_path = (*frame.where, key)
        if key in frame.container or key_path in self.keys:
            first_line = self.keys[key_path][0]
            shown = shorten(key)
            message = (
                f"kunci '{shown}' ditulis dua kali (pertama di baris {first_line}); "
                "hapus salah satunya"
            )
            if frame.lost_dash:
                # Only the first line of that next item is reported; the rest follow from it.
                frame.pending_key = f"\x00duplicate:{key}:{location[0]}"
                return
            if (
                frame.where
                and isinstance(frame.where[-1], int)
                and key == next(iter(frame.container), None)
            ):
                # The first key of a list item again: most likely the next item without '-'.
                frame.lost_dash = True
                message = (
                    f"kunci '{shown}' ditulis dua kali di butir yang sama (pertama di baris "
                    f"{first_line}); bila baris ini memulai butir baru, awali dengan '- ' "
                    f"('- {shown}: ...') seperti butir sebelumnya, bila tidak, hapus salah satunya"
                )
            self.problems.append(Problem(self.path, *location, format_field(key_path), message))
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


def _event_location(event: events.Event) -> Location:
    """The 1-based place where an event starts (PyYAML counts from 0)."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_RESOLVER = yaml.resolver.Resolver()


def _scalar_value(event: events.ScalarEvent) -> str | None:
    """The author's text of a scalar; ``None`` for an unquoted empty/null value."""
    if event.style is not None and event.style != "":
        return event.value
    tag = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
        yaml.ScalarNode, event.value, (True, False)
    )
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
    lines = text.split("\n")
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    at_context = (
        (exc.context_mark.line + 1, exc.context_mark.column + 1)
        if exc.context_mark is not None
        else (line, column)
    )
    if context.startswith("while scanning a simple key") and exc.context_mark is not None:
        line, column = at_context
        return Problem(path, line, column, "", _line_without_colon(lines, line))
    if context.startswith("while parsing a flow") and problem.endswith("but got ':'"):
        too_long = _too_long_key(line_text, column - 1)
        if too_long is not None:
            return Problem(path, line, column, "", too_long)
    if _MAPPING_VALUES.search(problem):
        glued = _glued_key_above(lines, line)
        if glued is not None:
            return Problem(path, *glued)
    message = _syntax_message(problem, context, line_text, column)
    if message in _SHOWN_WHERE_STARTED:
        line, column = at_context
    return Problem(path, line, column, "", message)


_KEY_LIKE = re.compile(r"\s*(?:-\s+)?([a-z_][a-z0-9_]*)")
_BLOCK_HEADER = re.compile(r"(\s*(?:-\s+)?)([^\s#:][^:#]*):\s*[|>][-+0-9]*\s*(?:#.*)?")


_GLUED_KEY = re.compile(r"(\s*(?:-\s+)?)([a-z_][a-z0-9_]*):(\S.*)")


def _glued_key_above(lines: list[str], line: int) -> tuple[int, int, str, str] | None:
    """``sasaran:Judul`` on the line above: YAML read it as text running into this line."""
    for index in range(line - 2, -1, -1):
        if lines[index].strip():
            glued = _GLUED_KEY.fullmatch(lines[index])
            if glued is None or glued.group(3).startswith((":", "/")):
                return None
            key, rest = shorten(glued.group(2)), shorten(glued.group(3))
            message = f"setelah titik dua harus ada spasi; tulis '{key}: {rest}'"
            return index + 1, len(glued.group(1)) + 1, "", message
    return None


_KEY_START = re.compile(r"\s*(?:-\s+)?")
_KEY_END = re.compile(r":(?:\s|$)")


def _too_long_key(text: str, colon: int | None = None) -> str | None:
    """The message for a key of more than 1024 characters before the colon at ``colon``.

    PyYAML stops looking for the colon of a key after 1024 characters, so the colon is
    there but the key is not read: "add a space after the colon" (or "close the
    bracket", inside ``{...}``) would be wrong. Without ``colon``, the first ': ' of the
    line is taken.
    """
    if colon is None:
        end = _KEY_END.search(text)
        if end is None:
            return None
        colon = end.start()
    opened = max(text.rfind(mark, 0, colon) for mark in "{[,")
    key = text[opened + 1 : colon] if opened >= 0 else _KEY_START.sub("", text[:colon], count=1)
    length = len(key.strip())
    if length <= _LONGEST_KEY:
        return None
    return (
        f"teks sebelum ':' di baris ini panjangnya {length} karakter, "
        f"padahal YAML hanya membaca kunci sampai {_LONGEST_KEY} karakter; bila ini kunci, "
        "pendekkan kuncinya; bila ini teks, tulis sebagai nilai sebuah kunci, "
        "misalnya di bawah 'uraian: |' dan menjorok ke dalam"
    )


def _line_without_colon(lines: list[str], line: int) -> str:
    """Explain a line that YAML took for a key but that has no ': ' after its first word.

    The usual causes: a forgotten colon, a colon without the space after it, and text
    meant to continue the value above (or to sit under a ``|``) that is not indented.
    """
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    first = text.lstrip(" ")[:1]
    if first and pasted.is_odd(first):
        return (
            f"baris ini diawali {pasted.describe(first)}, biasanya terbawa saat menyalin dari "
            "Word; hapus karakter itu, lalu ketik ulang indentasinya dengan spasi biasa"
        )
    previous = next((lines[i] for i in range(line - 2, -1, -1) if lines[i].strip()), "")
    header = _BLOCK_HEADER.fullmatch(previous)
    indent = len(text) - len(text.lstrip(" "))
    if header is not None and indent <= len(header.group(1)):
        key = shorten(header.group(2))
        return (
            f"teks di bawah '{key}: |' harus menjorok lebih dalam daripada kunci '{key}'; "
            "tambahkan spasi di awal setiap baris teksnya"
        )
    too_long = _too_long_key(text)
    if too_long is not None:
        return too_long
    key_like = _KEY_LIKE.match(text)
    if key_like is not None and text[key_like.end() : key_like.end() + 1] == ":":
        after = text[key_like.end() + 1 : key_like.end() + 2]
        key, rest = shorten(key_like.group(1)), shorten(text[key_like.end() + 1 :])
        if after and pasted.is_odd(after):
            return (
                f"setelah '{key}:' ada {pasted.describe(after)}, padahal YAML memerlukan "
                "spasi biasa setelah titik dua; hapus lalu ketik ulang spasinya"
            )
        return f"setelah titik dua harus ada spasi; tulis '{key}: {rest}'"
    example = ""
    if key_like is not None and text[key_like.end() : key_like.end() + 1] == " ":
        example = f", misalnya '{shorten(key_like.group(1))}: {shorten(text[key_like.end() :])}'"
    return (
        "baris ini tidak berisi titik dua (:) sesudah kuncinya. Bila ini kunci, tambahkan "
        f"titik dua dan spasi sesudah kuncinya{example}; bila ini lanjutan teks baris "
        "sebelumnya, tulis teksnya di bawah 'kunci: |' dan menjorok lebih dalam daripada kuncinya"
    )


_UNCLOSED_QUOTE = "tanda kutip dibuka tetapi tidak ditutup; tambahkan tanda kutip penutup"
_UNCLOSED_BRACKET = "kurung '[' atau '{' dibuka tetapi tidak ditutup; tutup kurungnya"
_SPECIAL_START = (
    "nilai yang diawali '{char}' dibaca YAML sebagai kode khusus; bila '{char}' "
    "memang bagian dari teks (misalnya **tebal** atau *miring*), "
    "apit seluruh nilai dengan tanda kutip"
)
_SHOWN_WHERE_STARTED = {
    _UNCLOSED_QUOTE,
    _UNCLOSED_BRACKET,
    _SPECIAL_START.format(char="*"),
    _SPECIAL_START.format(char="&"),
}
"""Messages shown where the construct started rather than where PyYAML gave up."""


def _syntax_message(problem: str, context: str, line_text: str, column: int) -> str:
    """The Indonesian message for one PyYAML problem (see :func:`_translate_yaml_error`)."""
    before = line_text[: column - 1].rstrip()
    if "'\\t'" in problem:
        if before.endswith(":"):
            return (
                "ada karakter tab setelah titik dua; YAML hanya menerima spasi di sini, "
                "ganti tab dengan spasi"
            )
        return (
            "ada karakter tab di indentasi; YAML hanya menerima spasi untuk indentasi, "
            "ganti tab dengan spasi"
        )
    if problem.startswith("sequence entries are not allowed"):
        key = shorten(line_text.split(":", 1)[0])
        if re.search(r":\s*-\s*$", line_text):
            return (
                f"nilai '-' pada '{key}' dibaca YAML sebagai awal daftar; "
                f"tulis '-' dalam tanda kutip: {key}: \"-\""
            )
        return (
            "tanda '-' (butir daftar) tidak boleh ada di sini; periksa indentasinya "
            "atau apit teksnya dengan tanda kutip"
        )
    if _MAPPING_VALUES.search(problem):
        return _unexpected_colon(line_text, column)
    if "cannot start any token" in problem and "'%'" in problem:
        number = re.match(r"%\s*(\d[\d.,]*)", line_text[column - 1 :])
        if number is not None:
            written = shorten(number.group(1))
            return f"tanda '%' ditulis di belakang angka, tidak di depannya; tulis {written}%"
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        return f"nilai tidak boleh diawali karakter '{char}'; apit seluruh nilai dengan tanda kutip"
    return _syntax_message_rest(problem, context, line_text, before)


def _unexpected_colon(line_text: str, column: int) -> str:
    """A ': ' where YAML expected none: an over-indented key, or a colon inside a value."""
    key_like = _KEY_LIKE.match(line_text)
    if key_like is not None and key_like.end() == column - 1:
        key = shorten(key_like.group(1))
        return (
            f"kunci '{key}' menjorok lebih dalam daripada kunci di atasnya, sehingga dibaca "
            "sebagai lanjutan teks baris sebelumnya; samakan indentasinya dengan kunci lain "
            "di tingkat yang sama"
        )
    value = line_text.split(": ", 1)[1].lstrip() if ": " in line_text else ""
    if value[:1] in pasted.SMART_QUOTES:
        return (
            f"nilai diawali tanda kutip miring ({value[0]}) dari Word, yang tidak dikenali YAML "
            "sebagai tanda kutip; ganti tanda kutip di awal dan akhir nilai dengan tanda "
            'kutip lurus ("...")'
        )
    return (
        "ada tanda titik dua (:) yang tidak diharapkan; jika nilai memuat ': ', "
        "apit seluruh nilai dengan tanda kutip, atau periksa indentasi baris ini"
    )


def _syntax_message_rest(problem: str, context: str, line_text: str, before: str) -> str:
    """The messages of :func:`_syntax_message` for the rarer PyYAML problems."""
    if context.startswith(("while scanning an alias", "while scanning an anchor")):
        return _SPECIAL_START.format(char="*" if "alias" in context else "&")
    if context.startswith("while scanning a block scalar"):
        return (
            "teks tidak boleh ditulis di baris yang sama setelah '|' atau '>'; "
            "pindahkan teksnya ke baris berikutnya, menjorok ke dalam"
        )
    if "quoted scalar" in context and (
        "end of stream" in problem or "document separator" in problem
    ):
        return _UNCLOSED_QUOTE
    if "unknown escape character" in problem or "expected escape sequence" in problem:
        return (
            "garis miring terbalik (\\) di dalam tanda kutip ganda dibaca sebagai kode "
            "khusus; pakai tanda kutip tunggal ('...') atau tulis \\\\"
        )
    if "undefined tag handle" in problem:
        return (
            "nilai yang diawali '!' dibaca YAML sebagai tag; bila '!' memang bagian dari "
            "teks, apit seluruh nilai dengan tanda kutip"
        )
    if context.startswith("while scanning a directive"):
        return (
            "baris yang diawali '%' dibaca YAML sebagai perintah khusus; "
            "apit teksnya dengan tanda kutip"
        )
    if context.startswith("while parsing a flow"):
        return _UNCLOSED_BRACKET
    if "found '<scalar>'" in problem and before.endswith(("'", '"')):
        return (
            "ada teks setelah tanda kutip penutup; bila teksnya memuat tanda kutip, apit "
            "seluruh nilai dengan jenis tanda kutip yang lain (\"...\" atau '...'), "
            "atau tulis tanda kutip tunggal dua kali ('')"
        )
    if "expected the node content" in problem:
        return "nilai di sini tidak dapat dibaca; apit seluruh nilai dengan tanda kutip"
    if "expected '<document start>'" in problem:
        return (
            "ada isi setelah tanda akhir dokumen ('...'); hapus baris '...' "
            "atau pindahkan isinya ke atas"
        )
    if "block" in context or "block end" in problem or "could not find expected ':'" in problem:
        return (
            "indentasi atau susunan baris ini tidak sesuai dengan baris di atasnya; "
            "pastikan setiap 'kunci: nilai' sejajar dengan kunci lain di tingkat yang sama"
        )
    return (
        "susunan YAML tidak benar di baris ini; periksa tanda kutip, titik dua dan "
        f"indentasinya (keterangan teknis: {problem or context})"
    )
