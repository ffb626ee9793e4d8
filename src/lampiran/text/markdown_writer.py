"""Prose blocks back into Markdown that the one parser reads as the same blocks.

``lampiran import`` reads paragraphs, lists, bold and italic out of a Word document and
must write them as the Markdown a planning officer would have typed: one sentence per
line, ``**tebal**`` and ``*miring*``, ``- `` and ``1. `` lists nested by two spaces, and
as few backslashes as possible. Whatever is written is proved, not hoped: the text is
parsed again with :func:`~lampiran.text.markdown.parse_prose`, and only a text that gives
back exactly the same blocks is accepted. Candidates are tried from the most readable to
the most literal:

1. one sentence per line, stars left as typed where they cannot be read as emphasis;
2. the same with every literal ``*`` and ``\\`` escaped;
3. and 4. the same two with each paragraph on one line.

Formatting Markdown cannot express (bold in the middle of a word, for instance) makes
all four fail; the blocks concerned are then written without their bold and italic and
the caller is told (:attr:`MarkdownText.exact` is false), so that it can warn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lampiran.blocks import (
    LineBreak,
    ListBlock,
    ListItem,
    Paragraph,
    Prose,
    ProseBlock,
    Run,
    Runs,
    Text,
)
from lampiran.text.listlines import LIST_ITEM
from lampiran.text.markdown import ESCAPABLE, parse_prose
from lampiran.text.sentences import sentence_gaps

_HARD_BREAK = "  \n"


@dataclass(frozen=True)
class MarkdownText:
    """Markdown for a prose field, and whether it gives back the blocks exactly."""

    text: str
    exact: bool


def prose_markdown(prose: Prose) -> MarkdownText:
    """The most readable Markdown that parses back to ``prose`` (see the module docstring)."""
    wanted = canonical(prose)
    written = _first_exact(wanted)
    if written is not None:
        return MarkdownText(written, exact=True)
    # Only the blocks that cannot be written lose their emphasis.
    kept = tuple(
        block if _first_exact((block,)) is not None else _without_emphasis((block,))[0]
        for block in wanted
    )
    written = _first_exact(kept)
    if written is None:
        kept = _without_emphasis(wanted)
        written = _first_exact(kept) or _Writer(split=False, escape_all=True).blocks(kept)
    return MarkdownText(written, exact=False)


def _first_exact(wanted: Prose) -> str | None:
    for split in (True, False):
        for escape_all in (False, True):
            text = _Writer(split=split, escape_all=escape_all).blocks(wanted)
            if canonical(parse_prose(text)) == wanted:
                return text
    return None


def canonical(prose: Prose) -> Prose:
    """``prose`` with adjacent runs of one formatting joined: the same printed text.

    The parser may hand back ``Text("a ")`` and ``Text("b")`` where a Word run holds
    ``"a b"``; both print identically, so comparisons go through this form.
    """
    return tuple(_canonical_block(block) for block in prose)


def _canonical_block(block: ProseBlock) -> ProseBlock:
    if isinstance(block, Paragraph):
        return Paragraph(canonical_runs(block.runs), block.role)
    items = tuple(
        ListItem(tuple(_canonical_block(part) for part in item.blocks)) for item in block.items
    )
    return ListBlock(block.kind, items, block.start, block.level)


def canonical_runs(runs: Runs) -> Runs:
    joined: list[Run] = []
    for run in runs:
        last = joined[-1] if joined else None
        if isinstance(run, Text) and not run.text:
            continue
        if (
            isinstance(run, Text)
            and isinstance(last, Text)
            and (last.bold, last.italic) == (run.bold, run.italic)
        ):
            joined[-1] = Text(last.text + run.text, run.bold, run.italic)
        else:
            joined.append(run)
    return tuple(joined)


def _without_emphasis(prose: Prose) -> Prose:
    def strip(block: ProseBlock) -> ProseBlock:
        if isinstance(block, Paragraph):
            runs = tuple(Text(run.text) if isinstance(run, Text) else run for run in block.runs)
            return Paragraph(canonical_runs(runs), block.role)
        items = tuple(ListItem(tuple(strip(part) for part in item.blocks)) for item in block.items)
        return ListBlock(block.kind, items, block.start, block.level)

    return tuple(strip(block) for block in prose)


@dataclass(frozen=True)
class _Line:
    indent: int
    text: str
    item: bool = False
    """A line that starts a list item on purpose (its marker must stay a marker)."""


class _Writer:
    """One candidate spelling of a field: sentence splitting and escaping fixed."""

    def __init__(self, *, split: bool, escape_all: bool) -> None:
        self.split = split
        self.escape_all = escape_all

    def blocks(self, prose: Prose) -> str:
        chunks = ["\n".join(self._render(lines)) for lines in (self._block(b, 0) for b in prose)]
        return "\n\n".join(chunk for chunk in chunks if chunk)

    def _render(self, lines: list[_Line]) -> list[str]:
        out = []
        for line in lines:
            text = line.text
            if text == "":
                out.append("")
                continue
            if not line.item:
                text = _escape_marker(text)
            out.append(" " * line.indent + text)
        return out

    def _block(self, block: ProseBlock, indent: int) -> list[_Line]:
        if isinstance(block, Paragraph):
            return self._paragraph(block.runs, indent, indent, split=self.split)
        return self._list(block, indent)

    def _list(self, block: ListBlock, indent: int) -> list[_Line]:
        lines: list[_Line] = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.kind == "decimal" else "- "
            inner = indent + len(marker)
            first = True
            for part in item.blocks:
                if first and isinstance(part, Paragraph):
                    body = self._paragraph(part.runs, indent, inner, split=self.split)
                    head = body[0]
                    lines.append(_Line(indent, marker + _escape_marker(head.text), item=True))
                    lines.extend(body[1:])
                elif isinstance(part, Paragraph):
                    lines.append(_Line(0, ""))
                    lines.extend(self._paragraph(part.runs, inner, inner, split=False))
                else:
                    lines.extend(self._list(part, inner))
                first = False
            if any(isinstance(part, Paragraph) for part in item.blocks[1:]):
                lines.append(_Line(0, ""))
        while lines and lines[-1].text == "":
            lines.pop()
        return lines

    def _paragraph(self, runs: Runs, first: int, rest: int, *, split: bool) -> list[_Line]:
        """The lines of one paragraph: emphasis marked, sentences on their own lines."""
        text = _inline(runs, escape_all=self.escape_all, split=split)
        pieces = text.split("\n")
        lines = [_Line(first, pieces[0])]
        lines.extend(_Line(rest, piece) for piece in pieces[1:])
        return lines


def _inline(runs: Runs, *, escape_all: bool, split: bool) -> str:
    """The runs as Markdown on lines: hard breaks as two spaces, sentences split."""
    gaps = _split_points(runs) if split else set()
    out: list[str] = []
    bold = italic = False
    offset = 0
    for index, run in enumerate(runs):
        if isinstance(run, LineBreak):
            out.append(_close(bold, italic))
            bold = italic = False
            out.append(_HARD_BREAK)
            offset += 1
            continue
        wanted_bold, wanted_italic = run.bold, run.italic
        if (bold, italic) != (wanted_bold, wanted_italic):
            if (
                (bold and not wanted_bold)
                or (italic and not wanted_italic)
                or (wanted_bold and not bold and italic)
            ):
                out.append(_close(bold, italic))
                bold = italic = False
            if wanted_bold and not bold:
                out.append("**")
                bold = True
            if wanted_italic and not italic:
                out.append("*")
                italic = True
        following = runs[index + 1] if index + 1 < len(runs) else None
        next_char = following.text[:1] if isinstance(following, Text) else ""
        out.append(_escape(run.text, offset, gaps, escape_all, next_char))
        offset += len(run.text)
    out.append(_close(bold, italic))
    return "".join(out)


def _close(bold: bool, italic: bool) -> str:
    return ("*" if italic else "") + ("**" if bold else "")


def _split_points(runs: Runs) -> set[int]:
    """Offsets (in the runs' text) of single spaces that end a sentence."""
    text = "".join(run.text if isinstance(run, Text) else "\n" for run in runs)
    points = set()
    for start, end in sentence_gaps(text):
        if text[start:end] == " " and not LIST_ITEM.match(text[end : end + 64]):
            points.add(start)
    return points


def _escape(text: str, offset: int, gaps: set[int], escape_all: bool, next_char: str) -> str:
    out = []
    for index, char in enumerate(text):
        if offset + index in gaps:
            out.append("\n")
            continue
        following = text[index + 1] if index + 1 < len(text) else next_char or "*"
        if char == "\\" and (escape_all or following in ESCAPABLE):
            out.append("\\\\")
        elif char == "*" and escape_all:
            out.append("\\*")
        else:
            out.append(char)
    return "".join(out)


_MARKER = re.compile(r"^([-*+])(?=\s|$)|^(\d+)(\.)(?=\s|$)")


def _escape_marker(line: str) -> str:
    """A line that would (or might) start a list item, with its marker escaped to stay text.

    A marker followed by nothing but the two spaces of a hard break starts an empty item,
    so every marker followed by white space or the end of the line is escaped.
    """
    found = _MARKER.match(line)
    if found is None:
        return line
    if found.group(1):
        return "\\" + line
    return f"{found.group(2)}\\{line[found.end(2) :]}"
