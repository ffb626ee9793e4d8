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


def split_sentences(text: str | None) -> list[str]:
    """Prose as a list of sentences, whitespace-normalised (empty prose: none)."""
    if not text or not text.strip():
        return []
    sentences: list[str] = []
    for unit in units(parse_prose(text)):
        sentences.extend(_split_inside(" ".join(unit.split())))
    return sentences


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
    for gap_start, gap_end in sentence_gaps(unit):
        pieces.append(unit[start:gap_start].rstrip())
        start = gap_end
    pieces.append(unit[start:])
    return [p for p in pieces if p]


def sentence_gaps(text: str) -> list[tuple[int, int]]:
    """The spans of white space that end one sentence and start the next, in order.

    The one rule of what a sentence is, for the diff and for writing prose back one
    sentence per line (``lampiran import``).
    """
    gaps: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # The word before the stop, found without copying the text (linear in its length).
        word_start = text.rfind(" ", start, match.start()) + 1
        last_word = text[max(word_start, start) : match.start()]
        last_word = last_word.rstrip("\"'”’)").rstrip(".!?…").casefold()
        abbreviation = (
            last_word in ABBREVIATIONS
            or len(last_word) == 1
            or "." in last_word  # S.Sos., M.Si., a.n.
        )
        if abbreviation or not _STARTS_SENTENCE.match(text, match.end()):
            continue
        space = match.start() + len(match.group()) - len(match.group().lstrip("\"'”’)"))
        gaps.append((space, match.end()))
        start = match.end()
    return gaps
