"""Showing a :class:`~lampiran.history.diffing.YearDiff` as text, Markdown or JSON.

* text: for a terminal or a log. Word changes are marked ``[-lama-]{+baru+}`` as in
  ``git diff --word-diff``, so they read without colour; the colour (red removed, green
  added) is added with ``click.style`` and stripped by ``click.echo`` when the output is
  not a terminal.
* markdown: for pasting into a merge request; removed words ``~~struck~~``, added words
  **bold**, content text escaped so that it cannot turn into Markdown or HTML.
* json: for other tools; the same structure, with English structural keys and the
  content's own Indonesian field names. A diff that fails is JSON too (an ``error``
  object, see :func:`error_json`), so that a tool can always parse what it gets.

Nothing here prints: the functions return strings for ``cli.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import click

from lampiran.content.models import Indikator
from lampiran.errors import Problem, Severity, visible
from lampiran.history.diffing import (
    PROSE_FIELDS,
    IndikatorDiff,
    ProseChange,
    SasaranDiff,
    SentenceChange,
    TargetChange,
    ValueChange,
    WordOp,
    YearDiff,
)
from lampiran.history.programdiff import AmountChange, ProgramDiff, ProgramsDiff
from lampiran.source import pasted
from lampiran.text.formatting import rupiah
from lampiran.text.sentences import split_sentences

FORMATS = ("text", "markdown", "json")
JSON_FORMAT_VERSION = 1

_ARROW = "->"
_MD_ARROW = "→"


def format_diff(diff: YearDiff, kind: str) -> str:
    """The diff in one of :data:`FORMATS`."""
    if kind == "json":
        return to_json(diff)
    if kind == "markdown":
        return "\n".join(_MarkdownWriter().document(diff))
    return "\n".join(_TextWriter().document(diff))


def unchanged_line(diff: YearDiff) -> str:
    """The closing count of what stayed the same."""
    u = diff.unchanged
    return f"Tidak berubah: {u.sasaran} sasaran, {u.indikator} indikator, {u.target} target."


def _target_text(change: TargetChange, arrow: str = _ARROW) -> str:
    direction = f" ({change.direction})" if change.direction else ""
    return f"{change.old} {arrow} {change.new}{direction}"


def _indikator_heading(item: IndikatorDiff, arrow: str = _ARROW) -> str:
    if item.status == "added":
        return f'Indikator {item.new_position} ditambah: "{item.nama}"'
    if item.status == "removed":
        assert item.old is not None
        return f'Indikator {item.old_position} dihapus: "{item.nama}" (target {item.old.target})'
    if item.rename is not None:
        assert item.old is not None
        return (
            f'Indikator {item.new_position} diganti nama: "{item.old.nama}" {arrow} "{item.nama}"'
        )
    return f'Indikator {item.new_position}: "{item.nama}"'


def _sasaran_heading(item: SasaranDiff) -> str:
    side = item.new if item.new is not None else item.old
    assert side is not None
    prefix = {"added": "Sasaran ditambah", "removed": "Sasaran dihapus"}.get(item.status)
    if prefix is not None:
        return f"{prefix} ({side.position}): {side.title} ({side.file})"
    return f"Sasaran {side.position}: {side.title} ({side.file})"


def _moved_text(item: SasaranDiff, arrow: str = _ARROW) -> str | None:
    notes = []
    if item.moved and item.old is not None and item.new is not None:
        notes.append(f"urutan dipindah: {item.old.position} {arrow} {item.new.position}")
    if item.old is not None and item.new is not None and item.old.file != item.new.file:
        notes.append(f"berkas: {item.old.file} {arrow} {item.new.file}")
    return "; ".join(notes) or None


def _amount_text(change: AmountChange, arrow: str = _ARROW) -> str:
    """``Rp4.100.832.755 -> Rp3.900.000.000 (turun Rp200.832.755)``."""
    moved = f" ({change.direction} {rupiah(change.difference)})" if change.direction else ""
    return f"{rupiah(change.old)} {arrow} {rupiah(change.new)}{moved}"


def _program_heading(item: ProgramDiff) -> str:
    if item.status == "added":
        assert item.new is not None
        return (
            f'Program {item.new_position} ditambah: "{item.nama}" '
            f"(anggaran {rupiah(item.new.anggaran)})"
        )
    if item.status == "removed":
        assert item.old is not None
        return (
            f'Program {item.old_position} dihapus: "{item.nama}" '
            f"(anggaran {rupiah(item.old.anggaran)})"
        )
    return f'Program {item.new_position}: "{item.nama}"'


def _new_fields(indikator: Indikator) -> list[tuple[str, list[str]]]:
    """The prose fields of an added indicator, as sentences, in table order."""
    fields = []
    for name in PROSE_FIELDS:
        if name == "penjelasan_target" or getattr(indikator, name):
            fields.append((name, split_sentences(getattr(indikator, name))))
    return fields


class _Writer:
    """The walk through a diff shared by both readable formats.

    Subclasses decide how a line at a nesting level looks, how words and sentences are
    marked, and how content text is protected.
    """

    arrow = _ARROW

    def item(self, level: int, text: str) -> str:
        raise NotImplementedError

    def label(self, name: str) -> str:
        return name

    def literal(self, text: str) -> str:
        return text

    def words(self, ops: Iterable[WordOp]) -> str:
        raise NotImplementedError

    def sentence(self, change: SentenceChange) -> str:
        raise NotImplementedError

    def added(self, text: str) -> str:
        raise NotImplementedError

    def heading(self, text: str, status: str, level: int) -> list[str]:
        raise NotImplementedError

    def title(self, diff: YearDiff) -> str:
        raise NotImplementedError

    def closing(self, text: str) -> str:
        return text

    def spelled(self, text: str) -> str:
        """Text of our own (not content) as this format writes it."""
        return text

    def spelled_line(self, line: str) -> str:
        """A line with the invisible characters of the content spelled out (``<U+202E>``).

        A reviewer reads the diff to see what will be printed. A direction override or a
        zero-width space in a colleague's branch (which ``check`` only warns about)
        would otherwise reorder or hide what they see: ``\u202e%05`` reads ``50%``.
        """
        return _INVISIBLE.sub(lambda found: self.spelled(f"<U+{ord(found.group()):04X}>"), line)

    def document(self, diff: YearDiff) -> list[str]:
        return [self.spelled_line(line) for line in self._lines(diff)]

    def _lines(self, diff: YearDiff) -> list[str]:
        lines = [self.title(diff)]
        if not diff.has_changes:
            lines += ["", "Tidak ada perubahan isi."]
        if diff.dokumen:
            lines += ["", *self.heading("dokumen.yaml", "changed", 1)]
            lines += [self.item(1, self.value(change)) for change in diff.dokumen]
        for item in diff.sasaran:
            if item.status != "same":
                lines += ["", *self.sasaran(item)]
        if diff.programs is not None and diff.programs.has_changes:
            lines += ["", *self.programs(diff.programs)]
        lines += ["", self.closing(unchanged_line(diff))]
        return lines

    def programs(self, programs: ProgramsDiff) -> list[str]:
        lines = self.heading("program.yaml", "changed", 1)
        for item in programs.program:
            if item.status != "same":
                lines += self.program(item)
        if programs.jumlah is not None:
            total = self.literal(_amount_text(programs.jumlah, self.arrow))
            lines.append(self.item(1, f"{self.label('jumlah anggaran')}: {total}"))
        return lines

    def program(self, item: ProgramDiff) -> list[str]:
        lines = [self.item(1, self.heading(_program_heading(item), item.status, 2)[0])]
        if item.rename is not None:
            lines.append(self.item(2, f"{self.label('nama')}: {self.words(item.rename.words)}"))
        if item.anggaran is not None:
            amount = self.literal(_amount_text(item.anggaran, self.arrow))
            lines.append(self.item(2, f"{self.label('anggaran')}: {amount}"))
        if item.keterangan is not None:
            lines.append(self.item(2, self.value(item.keterangan)))
        return lines

    def value(self, change: ValueChange) -> str:
        if change.words:
            return f"{self.label(change.field)}: {self.words(change.words)}"
        old = "(kosong)" if change.old is None else self.literal(change.old)
        new = "(kosong)" if change.new is None else self.literal(change.new)
        return f"{self.label(change.field)}: {old} {self.arrow} {new}"

    def prose(self, change: ProseChange, level: int) -> list[str]:
        lines = [self.item(level, f"{self.label(change.field)}:")]
        lines += [self.item(level + 1, self.sentence(s)) for s in change.sentences]
        return lines

    def sasaran(self, item: SasaranDiff) -> list[str]:
        lines = self.heading(_sasaran_heading(item), item.status, 1)
        moved = _moved_text(item, self.arrow)
        if moved:
            lines.append(self.item(1, self.literal(moved)))
        if item.title is not None:
            lines.append(self.item(1, f"{self.label('judul')}: {self.words(item.title.words)}"))
        if item.uraian is not None:
            lines += self.prose(item.uraian, 1)
        for indikator in item.indikator:
            if indikator.status != "same":
                lines += self.indikator(indikator)
        return lines

    def indikator(self, item: IndikatorDiff) -> list[str]:
        heading = self.heading(_indikator_heading(item, self.arrow), item.status, 2)
        lines = [self.item(1, heading[0])]
        if item.status == "removed":
            return lines
        if item.status == "added":
            assert item.new is not None
            lines.append(self.item(2, f"{self.label('target')}: {self.literal(item.new.target)}"))
            for name, sentences in _new_fields(item.new):
                lines.append(self.item(2, f"{self.label(name)}:"))
                lines += [self.item(3, self.added(s)) for s in sentences]
            return lines
        if item.moved:
            moved = f"urutan dipindah: {item.old_position} {self.arrow} {item.new_position}"
            lines.append(self.item(2, moved))
        if item.rename is not None:
            lines.append(self.item(2, f"{self.label('nama')}: {self.words(item.rename.words)}"))
        if item.target is not None:
            target = self.literal(_target_text(item.target, self.arrow))
            lines.append(self.item(2, f"{self.label('target')}: {target}"))
        for change in item.prose:
            lines += self.prose(change, 2)
        return lines


_INVISIBLE = re.compile(f"[{pasted.INVISIBLE}]")


def shown(text: str) -> str:
    """Content text as the diff shows it: invisible characters spelled ``<U+202E>``.

    Direction overrides and zero-width characters are spelled out first (a reviewer
    must see that ``\u202e%05`` is not ``50%``); any other control character is then
    made visible as everywhere else (:func:`lampiran.errors.visible`).
    """
    return visible(_INVISIBLE.sub(lambda found: f"<U+{ord(found.group()):04X}>", text))


_COLOURS = {"added": "green", "removed": "red"}
_MARKS = {"added": "+ ", "removed": "- "}


class _TextWriter(_Writer):
    """Plain text with ``[-…-]{+…+}`` markers, coloured for a terminal.

    Content text is made :func:`visible` before it is coloured: a control character
    written in the content must never act on the terminal, and the colours must.
    """

    def item(self, level: int, text: str) -> str:
        return "  " * level + text

    def literal(self, text: str) -> str:
        return shown(text)

    def words(self, ops: Iterable[WordOp]) -> str:
        parts = []
        for op in ops:
            text = shown(op.text)
            if op.kind == "removed":
                parts.append(click.style(f"[-{text}-]", fg="red"))
            elif op.kind == "added":
                parts.append(click.style(f"{{+{text}+}}", fg="green"))
            else:
                parts.append(text)
        return "".join(parts)

    def sentence(self, change: SentenceChange) -> str:
        if change.kind == "changed":
            return f"~ {self.words(change.words)}"
        text = shown((change.new if change.kind == "added" else change.old) or "")
        return click.style(f"{_MARKS[change.kind]}{text}", fg=_COLOURS[change.kind])

    def added(self, text: str) -> str:
        return click.style(f"+ {shown(text)}", fg="green")

    def title(self, diff: YearDiff) -> str:
        labels = f"{shown(diff.old_label)} {self.arrow} {shown(diff.new_label)}"
        return click.style(f"Perubahan isi: {labels}", bold=True)

    def heading(self, text: str, status: str, level: int) -> list[str]:
        text = shown(text)
        if level == 2:
            return [click.style(_MARKS.get(status, "") + text, fg=_COLOURS.get(status))]
        return [click.style(text, bold=True, fg=_COLOURS.get(status))]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")


def _md(text: str) -> str:
    """Content text that Markdown shows literally (no emphasis, links, HTML or controls)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", shown(text).replace("&", "&amp;"))


def _wrap(text: str, marker: str) -> str:
    """``~~x~~`` or ``**x**`` with spaces kept outside the markers (or it would not render)."""
    stripped = text.strip()
    if not stripped:
        return text
    start = text[: len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()) :]
    return f"{start}{marker}{_md(stripped)}{marker}{end}"


class _MarkdownWriter(_Writer):
    """Markdown for a merge request: a heading per sasaran, nested lists per change."""

    arrow = _MD_ARROW

    def item(self, level: int, text: str) -> str:
        return "  " * (level - 1) + "- " + text

    def label(self, name: str) -> str:
        return f"**{name}**"

    def literal(self, text: str) -> str:
        return _md(text)

    def spelled(self, text: str) -> str:
        return _md(text)

    def words(self, ops: Iterable[WordOp]) -> str:
        parts = []
        previous = "same"
        for op in ops:
            if op.kind == "removed":
                parts.append(_wrap(op.text, "~~"))
            elif op.kind == "added":
                # A space keeps "~~lama~~ **baru**" readable where one replaces the other.
                parts.append((" " if previous == "removed" else "") + _wrap(op.text, "**"))
            else:
                parts.append(_md(op.text))
            previous = op.kind
        return "".join(parts)

    def sentence(self, change: SentenceChange) -> str:
        if change.kind == "changed":
            return f"diubah: {self.words(change.words)}"
        if change.kind == "added":
            return f"ditambah: {_wrap(change.new or '', '**')}"
        return f"dihapus: {_wrap(change.old or '', '~~')}"

    def added(self, text: str) -> str:
        return _md(text)

    def title(self, diff: YearDiff) -> str:
        old, new = shown(diff.old_label), shown(diff.new_label)
        return f"### Perubahan isi: `{old}` {self.arrow} `{new}`"

    def heading(self, text: str, status: str, level: int) -> list[str]:
        if level == 1:
            return [f"#### {_md(text)}", ""]
        return [f"**{_md(text)}**"]

    def closing(self, text: str) -> str:
        return f"_{text}_"


def to_json(diff: YearDiff) -> str:
    """The diff as JSON (UTF-8 text, Indonesian content unescaped)."""
    programs = diff.programs if diff.programs is not None else ProgramsDiff()
    data = {
        "format": "lampiran-diff",
        "version": JSON_FORMAT_VERSION,
        "old": diff.old_label,
        "new": diff.new_label,
        "has_changes": diff.has_changes,
        "dokumen": [_value_json(change) for change in diff.dokumen],
        "sasaran": [_sasaran_json(item) for item in diff.sasaran],
        "program": [_program_json(item) for item in programs.program],
        "jumlah_anggaran": _amount_json(programs.jumlah),
        "unchanged": {
            "sasaran": diff.unchanged.sasaran,
            "indikator": diff.unchanged.indikator,
            "target": diff.unchanged.target,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def error_json(message: str, problems: Iterable[Problem]) -> str:
    """A failed diff as JSON, so that a tool asking for JSON can always parse the answer.

    ``message`` is what the command line says (``Galat: ...`` without the prefix, or
    the summary of a content check); ``problems`` are the located content problems.
    """
    data = {
        "format": "lampiran-diff",
        "version": JSON_FORMAT_VERSION,
        "error": {
            "message": message,
            "problems": [
                {
                    "path": problem.shown_path(),
                    "line": problem.line,
                    "column": problem.column,
                    "field": problem.field,
                    "message": problem.message,
                    "severity": "warning" if problem.severity is Severity.WARNING else "error",
                }
                for problem in problems
            ],
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _words_json(ops: Iterable[WordOp]) -> list[dict[str, str]]:
    return [{"kind": op.kind, "text": op.text} for op in ops]


def _value_json(change: ValueChange) -> dict[str, Any]:
    return {
        "field": change.field,
        "old": change.old,
        "new": change.new,
        "words": _words_json(change.words),
    }


def _prose_json(change: ProseChange) -> dict[str, Any]:
    return {
        "field": change.field,
        "sentences": [
            {"kind": s.kind, "old": s.old, "new": s.new, "words": _words_json(s.words)}
            for s in change.sentences
        ],
    }


def _sasaran_json(item: SasaranDiff) -> dict[str, Any]:
    def side(which: Any) -> dict[str, Any] | None:
        if which is None:
            return None
        return {"file": which.file, "position": which.position, "sasaran": which.title}

    return {
        "status": item.status,
        "old": side(item.old),
        "new": side(item.new),
        "moved": item.moved,
        "changes": [
            *([_value_json(item.title)] if item.title is not None else []),
            *([_prose_json(item.uraian)] if item.uraian is not None else []),
        ],
        "indikator": [_indikator_json(x) for x in item.indikator],
    }


def _indikator_json(item: IndikatorDiff) -> dict[str, Any]:
    target = item.target
    return {
        "status": item.status,
        "nama": item.nama,
        "old": item.old.model_dump() if item.old is not None else None,
        "new": item.new.model_dump() if item.new is not None else None,
        "old_position": item.old_position,
        "new_position": item.new_position,
        "moved": item.moved,
        "renamed": item.rename is not None,
        "changes": [
            *([_value_json(item.rename)] if item.rename is not None else []),
            *(
                [
                    {
                        "field": "target",
                        "old": target.old,
                        "new": target.new,
                        "direction": target.direction,
                    }
                ]
                if target is not None
                else []
            ),
            *(_prose_json(change) for change in item.prose),
        ],
    }


def _amount_json(change: AmountChange | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "old": change.old,
        "new": change.new,
        "direction": change.direction,
        "difference": change.difference,
    }


def _program_json(item: ProgramDiff) -> dict[str, Any]:
    changes: list[dict[str, Any]] = []
    if item.rename is not None:
        changes.append(_value_json(item.rename))
    if item.anggaran is not None:
        changes.append({"field": "anggaran", **(_amount_json(item.anggaran) or {})})
    if item.keterangan is not None:
        changes.append(_value_json(item.keterangan))
    return {
        "status": item.status,
        "nama": item.nama,
        "old": item.old.model_dump() if item.old is not None else None,
        "new": item.new.model_dump() if item.new is not None else None,
        "old_position": item.old_position,
        "new_position": item.new_position,
        "changes": changes,
    }
