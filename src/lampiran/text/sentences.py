"""Prose as sentences, for the diff: split from the blocks the document prints.

The diff reports changes sentence by sentence. It must agree with the document about
what a paragraph and a list item are, so it starts from :func:`parse_prose` (the parser
of every output): each paragraph and each list item is a unit, and a unit is split
further after ``.``, ``!`` or ``?`` followed by a capitalised word, unless the word before
is a common abbreviation (``Dr.``, ``No.``, ``S.Sos.``). A list item is shown with the
marker it prints with (``- `` or ``2. ``), and bold and italic with their Markdown stars,
so that a change of numbering or of emphasis is a visible change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lampiran.blocks import LineBreak, Paragraph, Prose, ProseBlock, Runs
from lampiran.text.markdown import parse_prose

ABBREVIATIONS = frozenset(
    {
        "no", "nomor", "dr", "drs", "ir", "prof", "hj", "st", "sos", "sh", "mh", "mm", "msi",
        "mpd", "kab", "kec", "kel", "jl", "dll", "dsb", "dst", "tsb", "yth", "bpk", "sdr",
        "tgl", "thn", "hlm",
    }
)  # fmt: skip
"""Words that end with a full stop without ending a sentence (``No. 5``, ``Dr. Budi``)."""

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")


MAX_WRAPPED_WORDS = 120
"""Longer than any sentence: a longer piece is prose without punctuation, and its lines
are compared one by one (comparing it whole grows with the square of its length)."""


def split_sentences(text: str | None) -> list[str]:
    """Prose as a list of sentences, whitespace-normalised (empty prose: none)."""
    if not text or not text.strip():
        return []
    source_lines = [line.split() for line in text.split("\n")]
    cursor = 0
    sentences: list[str] = []
    for unit in units(parse_prose(text)):
        for piece in _split_inside(" ".join(unit.split())):
            words = piece.split()
            if len(words) <= MAX_WRAPPED_WORDS:
                sentences.append(piece)
                continue
            lines, cursor = _as_written_lines(words, source_lines, cursor)
            sentences.extend(lines)
    return sentences


def _as_written_lines(
    words: list[str], source_lines: list[list[str]], cursor: int
) -> tuple[list[str], int]:
    """An over-long piece cut where its author broke the lines, and the next line to look at.

    The piece's words are matched with the source lines from ``cursor`` on; where they
    stop matching (Markdown the parser removed), the rest stays one piece.
    """
    start = next(
        (
            index
            for index in range(cursor, len(source_lines))
            if source_lines[index] and words[: len(source_lines[index])] == source_lines[index]
        ),
        None,
    )
    if start is None:
        return [" ".join(words)], cursor
    pieces: list[str] = []
    taken = 0
    index = start
    while index < len(source_lines) and taken < len(words):
        line = source_lines[index]
        if line and words[taken : taken + len(line)] != line:
            break
        if line:
            pieces.append(" ".join(line))
            taken += len(line)
        index += 1
    if taken < len(words):
        pieces.append(" ".join(words[taken:]))
    return pieces, index


def units(prose: Prose) -> Iterator[str]:
    """Each paragraph and each list item's paragraph as text, in reading order."""
    for block in prose:
        yield from _block_units(block, "")


def _block_units(block: ProseBlock, marker: str) -> Iterator[str]:
    if isinstance(block, Paragraph):
        text = markdown_text(block.runs)
        if text:
            yield marker + text
        return
    for number, item in enumerate(block.items, start=block.start):
        item_marker = f"{number}. " if block.kind == "decimal" else "- "
        for index, part in enumerate(item.blocks):
            first = index == 0 and isinstance(part, Paragraph)
            yield from _block_units(part, item_marker if first else "")


def markdown_text(runs: Runs) -> str:
    """Runs as their text, bold and italic marked with stars, a line break as a space."""
    pieces = []
    for run in runs:
        if isinstance(run, LineBreak):
            pieces.append(" ")
            continue
        stars = "*" * (2 * run.bold + run.italic)
        pieces.append(f"{stars}{run.text}{stars}" if stars and run.text.strip() else run.text)
    return "".join(pieces)


def _split_inside(unit: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(unit):
        # The word before the stop, found without copying the unit (linear in its length).
        word_start = unit.rfind(" ", start, match.start()) + 1
        last_word = unit[max(word_start, start) : match.start()]
        last_word = last_word.rstrip("\"'”’)").rstrip(".!?…").casefold()
        abbreviation = (
            last_word in ABBREVIATIONS
            or len(last_word) == 1
            or "." in last_word  # S.Sos., M.Si., a.n.
        )
        if abbreviation or not _STARTS_SENTENCE.match(unit, match.end()):
            continue
        pieces.append(unit[start : match.start()].rstrip())
        start = match.end()
    pieces.append(unit[start:])
    return [p for p in pieces if p]
