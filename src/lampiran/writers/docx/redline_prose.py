"""Two versions of a prose field as tracked-change Word paragraphs.

The comparison is made on the document model, as the text diff makes it: each paragraph
and each list item's paragraph is a unit (what :func:`lampiran.blocks.prose_blocks`
yields); units that stayed are kept, changed units are paired with the most similar unit
of the same shape (a plain paragraph with a plain paragraph, a bullet at one level with
a bullet at that level) and compared word by word with the project's
:func:`~lampiran.history.diffing.word_diff`; the rest are whole paragraphs inserted or
deleted. Words whose text stayed but whose bold or italic changed keep their text and
record the old formatting (``w:rPrChange``).

Both versions are written by the one :class:`~lampiran.writers.docx.prose.ProseWriter`
of the document, so the paragraphs look exactly as in a build of either year; a deleted
list item is numbered with the list it was merged into, so that rejecting every change
numbers the old list as it was.
"""

from __future__ import annotations

import copy
import difflib
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lampiran.blocks import LineBreak, Prose, Run, Runs, Text, runs_text
from lampiran.history.diffing import (
    PAIR_WINDOW,
    SENTENCE_SIMILARITY,
    WordOp,
    similarity,
    word_diff,
)
from lampiran.text.sentences import markdown_text
from lampiran.writers.docx.oxml import Element, child, qn, val
from lampiran.writers.docx.prose import ProseStyles, ProseWriter, add_runs
from lampiran.writers.docx.revisions import Kind, Revisions

PAIRING_SIMILARITY = SENTENCE_SIMILARITY
"""How alike (0-1, by words) a changed paragraph must be to its new version to be shown as
changed words rather than as one paragraph deleted and another inserted; the threshold
the text diff uses for sentences."""


@dataclass(frozen=True)
class _Unit:
    """One written paragraph of a prose field and the model paragraph it came from."""

    runs: Runs
    element: Element
    shape: tuple[str | None, ...]
    text: str
    """The text with bold and italic marked, so that a formatting change is a change."""
    num_id: str | None


@dataclass(frozen=True)
class _Piece:
    """A stretch of merged text: in both versions (``None``), inserted or deleted."""

    kind: Kind | None
    run: Run
    old_format: tuple[bool, bool] | None = None
    """For text in both versions whose bold/italic changed: the old (bold, italic)."""


def merge_prose(
    old: Prose,
    new: Prose,
    styles: ProseStyles,
    writer: ProseWriter,
    revisions: Revisions,
) -> list[Element]:
    """The paragraphs of ``new`` with every difference from ``old`` tracked."""
    old_units = _units(old, styles, writer)
    new_units = _units(new, styles, writer)
    out: list[tuple[Element, _Unit | None, _Unit | None]] = []
    matcher = difflib.SequenceMatcher(
        None,
        [(unit.shape, unit.text) for unit in old_units],
        [(unit.shape, unit.text) for unit in new_units],
        autojunk=False,
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                out.append((b.element, a, b))
            continue
        for before, after in _pair_similar(old_units[i1:i2], new_units[j1:j2]):
            if before is not None and after is not None:
                out.append((_merged_paragraph(before, after, revisions), before, after))
            elif before is not None:
                revisions.mark_paragraph(before.element, "del")
                out.append((before.element, before, None))
            elif after is not None:
                revisions.mark_paragraph(after.element, "ins")
                out.append((after.element, None, after))
    _number_lists(out, writer, revisions)
    return [element for element, _, _ in out]


def _number_lists(
    out: list[tuple[Element, _Unit | None, _Unit | None]],
    writer: ProseWriter,
    revisions: Revisions,
) -> None:
    """Number both readings of the merged lists as their own version numbers them.

    Each old list is numbered, when every change is rejected, by one numbering instance:
    the new list its items went to when that one numbers alike (same kind, level and
    start), or its own. A deleted item takes that instance; an item in both versions
    whose new list is another records the old one as a paragraph property change.
    """
    instances = {str(item.num_id): item for item in writer.lists}

    def alike(a: str, b: str) -> bool:
        x, y = instances.get(a), instances.get(b)
        return (
            x is not None
            and y is not None
            and (x.kind, x.level, x.start)
            == (
                y.kind,
                y.level,
                y.start,
            )
        )

    targets: dict[str, str] = {}
    taken: set[str] = set()
    for _, before, after in out:
        if before is None or after is None or not before.num_id or not after.num_id:
            continue
        if before.num_id in targets or after.num_id in taken:
            continue
        if alike(before.num_id, after.num_id):
            targets[before.num_id] = after.num_id
            taken.add(after.num_id)
    for element, before, after in out:
        if before is None or not before.num_id:
            continue
        rejected = targets.get(before.num_id, before.num_id)
        if after is None:
            numbering = child(child(element, "w:pPr"), "w:numPr")
            child(numbering, "w:numId", val=rejected)
        elif after.num_id != rejected:
            old = copy.deepcopy(before.element.find(qn("w:pPr")))
            child(child(old, "w:numPr"), "w:numId", val=rejected)
            revisions.paragraph_change(element, old)


def _units(prose: Prose, styles: ProseStyles, writer: ProseWriter) -> list[_Unit]:
    """Each paragraph the writer makes of ``prose`` (a list item's, a line of a broken
    paragraph), with the runs it holds."""
    first_list = len(writer.lists)
    elements = writer.paragraphs(prose, styles)
    kinds = {str(item.num_id): item.kind for item in writer.lists[first_list:]}
    units = []
    for element in elements:
        properties = element.find(qn("w:pPr"))
        num_id = val(properties.find(f"{qn('w:numPr')}/{qn('w:numId')}"))
        shape = (
            val(properties.find(qn("w:pStyle"))),
            val(properties.find(f"{qn('w:numPr')}/{qn('w:ilvl')}")),
            kinds.get(num_id or ""),
            _indent(properties),
        )
        runs = _runs_of(element)
        units.append(_Unit(runs, element, shape, markdown_text(runs), num_id))
    return units


def _runs_of(paragraph: Element) -> Runs:
    """The runs a written paragraph holds, as the model has them (text, bold, italic,
    line breaks): what :func:`~lampiran.writers.docx.prose.add_runs` wrote."""
    runs: list[Run] = []
    for run in paragraph.iter(qn("w:r")):
        properties = run.find(qn("w:rPr"))
        bold = properties is not None and properties.find(qn("w:b")) is not None
        italic = properties is not None and properties.find(qn("w:i")) is not None
        for item in run:
            if item.tag == qn("w:br"):
                runs.append(LineBreak())
            elif item.tag == qn("w:t") and item.text:
                runs.append(Text(item.text, bold, italic))
    return tuple(runs)


def _indent(properties: Element) -> str | None:
    indent = properties.find(qn("w:ind"))
    return None if indent is None else indent.get(qn("w:left"))


def _pair_similar(
    old: Sequence[_Unit], new: Sequence[_Unit]
) -> Iterator[tuple[_Unit | None, _Unit | None]]:
    """Within a replaced stretch, each old unit with its most similar new one, in order.

    As in the text diff, an old paragraph looks only :data:`PAIR_WINDOW` new ones ahead,
    so that a long rewritten field takes linear time.
    """
    j = 0
    for unit in old:
        best, best_ratio = None, 0.0
        words = unit.text.split()
        for k in range(j, min(len(new), j + PAIR_WINDOW)):
            if new[k].shape != unit.shape:
                continue
            at_least = max(best_ratio, PAIRING_SIMILARITY)
            ratio = similarity(words, new[k].text.split(), at_least=at_least)
            if ratio > best_ratio:
                best, best_ratio = k, ratio
        if best is None or best_ratio < PAIRING_SIMILARITY:
            yield unit, None
            continue
        for skipped in new[j:best]:
            yield None, skipped
        yield unit, new[best]
        j = best + 1
    for rest in new[j:]:
        yield None, rest


def _merged_paragraph(old: _Unit, new: _Unit, revisions: Revisions) -> Element:
    """The new paragraph's properties with the word-level merge of both versions' runs."""
    element = new.element
    for item in list(element):
        if item.tag != qn("w:pPr"):
            element.remove(item)
    emit_pieces(element, merge_runs(old.runs, new.runs), revisions)
    return element


def merge_runs(old: Runs, new: Runs) -> list[_Piece]:
    """The merged runs of two versions of a paragraph, word by word."""
    old_segments, new_segments = _segments(old), _segments(new)
    pieces: list[_Piece] = []
    old_at = new_at = 0
    for op in sentence_word_diff(runs_text(old), runs_text(new)):
        size = len(op.text)
        if op.kind == "removed":
            pieces.extend(_Piece("del", run) for run, _ in _slice(old_segments, old_at, size))
            old_at += size
        elif op.kind == "added":
            pieces.extend(_Piece("ins", run) for run, _ in _slice(new_segments, new_at, size))
            new_at += size
        else:
            pieces.extend(_same(old_segments, new_segments, old_at, new_at, size))
            old_at += size
            new_at += size
    return _coalesce(pieces)


_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def sentence_word_diff(old: str, new: str) -> list[WordOp]:
    """:func:`word_diff` of a paragraph, sentence by sentence.

    Sentences that stayed are matched first and only the changed ones are compared word
    by word, as the text diff does; comparing a long paragraph word by word at once
    would take seconds (every word is compared with every other).
    """
    a, b = _sentences(old), _sentences(new)
    ops: list[WordOp] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            ops.append(WordOp("same", before))
        elif before and after:
            ops.extend(word_diff(before, after))
        elif before:
            ops.append(WordOp("removed", before))
        else:
            ops.append(WordOp("added", after))
    return ops


def _sentences(text: str) -> list[str]:
    """The text cut after each sentence's end and the spaces that follow it."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


_Segment = tuple[int, int, Run]


def _segments(runs: Runs) -> list[_Segment]:
    """Each run with the stretch of characters it covers (a line break is one)."""
    segments = []
    at = 0
    for run in runs:
        size = len(run.text) if isinstance(run, Text) else 1
        if size:
            segments.append((at, at + size, run))
        at += size
    return segments


def _slice(segments: list[_Segment], start: int, size: int) -> Iterator[tuple[Run, int]]:
    """The runs covering ``start .. start + size``, cut to it, with where each ends."""
    end = start + size
    for first, last, run in segments:
        if last <= start or first >= end:
            continue
        a, b = max(first, start), min(last, end)
        if isinstance(run, Text):
            yield Text(run.text[a - first : b - first], run.bold, run.italic), b
        else:
            yield run, b


def _same(
    old_segments: list[_Segment], new_segments: list[_Segment], old_at: int, new_at: int, size: int
) -> Iterator[_Piece]:
    """Text in both versions, cut wherever either version's formatting changes."""
    cuts = {0, size}
    cuts.update(end - old_at for _, end in _slice(old_segments, old_at, size))
    cuts.update(end - new_at for _, end in _slice(new_segments, new_at, size))
    ordered = sorted(cut for cut in cuts if 0 <= cut <= size)
    for a, b in itertools.pairwise(ordered):
        new_run = next(run for run, _ in _slice(new_segments, new_at + a, b - a))
        old_run = next(run for run, _ in _slice(old_segments, old_at + a, b - a))
        if isinstance(new_run, Text) and isinstance(old_run, Text):
            before = (old_run.bold, old_run.italic)
            changed = before != (new_run.bold, new_run.italic)
            yield _Piece(None, new_run, before if changed else None)
        else:
            yield _Piece(None, new_run)


def _coalesce(pieces: list[_Piece]) -> list[_Piece]:
    """Join neighbouring text pieces that look alike and changed alike."""
    joined: list[_Piece] = []
    for piece in pieces:
        last = joined[-1] if joined else None
        if (
            last is not None
            and isinstance(last.run, Text)
            and isinstance(piece.run, Text)
            and (last.kind, last.old_format, last.run.bold, last.run.italic)
            == (piece.kind, piece.old_format, piece.run.bold, piece.run.italic)
        ):
            joined[-1] = _Piece(
                last.kind,
                Text(last.run.text + piece.run.text, last.run.bold, last.run.italic),
                last.old_format,
            )
        else:
            joined.append(piece)
    return joined


def emit_pieces(paragraph: Element, pieces: Sequence[_Piece], revisions: Revisions) -> None:
    """Append merged pieces as runs, consecutive inserted or deleted ones in one revision."""
    group: list[Element] = []
    group_kind: Kind | None = None
    for piece in pieces:
        add_runs(paragraph, (piece.run,))
        run = paragraph[-1]
        if piece.old_format is not None:
            revisions.format_change(run, _run_properties(*piece.old_format))
        if piece.kind != group_kind and group:
            assert group_kind is not None
            revisions.wrap(group, group_kind)
            group = []
        group_kind = piece.kind
        if piece.kind is not None:
            group.append(run)
    if group and group_kind is not None:
        revisions.wrap(group, group_kind)


def _run_properties(bold: bool, italic: bool) -> Element:
    from lxml import etree

    properties = etree.Element(qn("w:rPr"))
    if bold:
        child(properties, "w:b")
        child(properties, "w:bCs")
    if italic:
        child(properties, "w:i")
        child(properties, "w:iCs")
    return properties
