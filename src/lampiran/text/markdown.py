"""Markdown prose into the document model: the one parser every output and check uses.

Prose fields accept a small Markdown: paragraphs, ``**tebal**``, ``*miring*``, bullet and
numbered lists with one level of nesting, and hard line breaks (two spaces at the end of
a line). Everything else is text and prints exactly as written: ``&``, ``<``, ``>``,
quotes, ``{{ }}``, ``{% %}``, raw HTML, headings, quotes, code and links.

Python-Markdown does the parsing, reduced to that subset (raw HTML, entities, code,
links, headings, quotes and rules removed), with ``sane_lists`` so that a bullet list
after a numbered one stays separate, and with these rules of our own:

* **Emphasis follows CommonMark's flanking rules, strictly.** Python-Markdown pairs any
  two stars, so the formula ``(A/B)*100% atau (C/D)*100%`` lost both stars and printed an
  italic middle: the meaning of a signed formula changed without a word. Here a star
  opens emphasis only when text follows it and it does not stand inside a word, and
  closes only when text precedes it and it does not stand inside a word (CommonMark's
  rules for ``_``, applied to ``*``). ``*miring*`` and ``**tebal**`` work as before;
  ``A*B*C``, ``7*7`` and ``)*100%`` are stars.
* **Lists as staff write them**: nesting by two spaces, and a list directly under a
  paragraph line.
* **Depth is bounded**: a list nested deeper than the second level prints at the second
  level (and ``lampiran check`` says so), so no input can exhaust the parser's recursion.

Text with no Markdown syntax at all skips Python-Markdown (it is the slowest step).
Backslash escapes (``\\*``, ``\\-``, ``\\\\``) are resolved here before Python-Markdown
sees the text, as noncharacters that stand for the escaped character (content can never
hold noncharacters: the model refuses them): Python-Markdown rebuilds a paragraph's text
for every escape it resolves, which made 100,000 backslashes take 14 s.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from lampiran.blocks import (
    LineBreak,
    ListBlock,
    ListItem,
    ListKind,
    Paragraph,
    Prose,
    Run,
    Runs,
    Text,
    prose_blocks,
    runs_text,
)
from lampiran.text.listlines import MARKDOWN_TAB, MAX_LIST_LEVEL, tolerate_staff_lists

# Markdown syntax that the fast path cannot handle: emphasis, escapes, list items (a
# marker, a space and text at the start of a line), and hard line breaks.
_NEEDS_MARKDOWN = re.compile(r"[*]|^[ \t]*(?:[-+]|\d+\.)[ \t]+\S| {2,}\n", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
ESCAPABLE = "\\*-+."
"""The characters a backslash escapes; before any other character it prints."""
_ESCAPE = re.compile(r"\\([\\*\-+.])")
_ESCAPED = {char: chr(0xFDD0 + index) for index, char in enumerate(ESCAPABLE)}
_UNESCAPE = str.maketrans({code: char for char, code in _ESCAPED.items()})
_SOFT_BREAK = re.compile(r"[ \t]*\n[ \t]*")

# CommonMark's flanking rules for a run of stars, with the intraword restriction that
# CommonMark gives to "_" (section 6.2). "Punctuation" is anything that is neither a word
# character nor white space; the start and end of the text count as white space.
_STAR_BOUNDARY = re.compile(
    r"""(?x)
    (?P<ambiguous>(?<=[^\w\s*\x02\x03])\*+(?=[^\w\s*\x02\x03]))
    |(?P<end>(?<=\w)\*+(?![\w*])|(?<=[^\w\s*\x02\x03])\*+(?=[\s\x02\x03]|$))
    |(?P<start>(?:^|(?<=[\s\x02\x03]))\*+(?=[^\s*\x02\x03])|(?<=[^\w\s*\x02\x03])\*+(?=\w))
    """
)
"""Python-Markdown stands a hard line break in for a placeholder between STX and ETX
(``\x02klzzwxh:0001\x03``) before emphasis is paired; those count as white space here,
as the break they stand for, so a star can never pair across one and split it."""


def parse_prose(text: str) -> Prose:
    """The blocks of a prose field: paragraphs and lists, at least one paragraph."""
    text = text.expandtabs(MARKDOWN_TAB).strip()
    if not text:
        return (Paragraph(()),)
    escaped = _ESCAPE.sub(lambda match: _ESCAPED[match.group(1)], text)
    if _NEEDS_MARKDOWN.search(escaped) is None:
        blocks = [_SOFT_BREAK.sub(" ", block.strip()) for block in _BLANK_LINES.split(escaped)]
        return tuple(Paragraph((Text(block.translate(_UNESCAPE)),)) for block in blocks if block)
    parsed = _blocks(_parse_markdown(escaped, emphasis=True), text)
    if "*" in escaped:
        # Python-Markdown's pairing of stars can lose text around a star that only opens
        # ("(A/B)*100% **a**. 7*7 **a**." dropped "*7 **"). The same text parsed with
        # stars as plain characters is what the author wrote: when the two differ in
        # anything but stars, the stars print as written and nothing is lost.
        literal = _blocks(_parse_markdown(escaped, emphasis=False), text)
        if _without_stars(parsed) != _without_stars(literal):
            return literal
    return parsed


def _blocks(root: ET.Element, text: str) -> Prose:
    parsed: list[Paragraph | ListBlock] = []
    for element in root:
        if element.tag == "p":
            parsed.append(Paragraph(_inline_runs(element)))
        elif element.tag in ("ul", "ol"):
            parsed.append(_list(element, level=0))
    if not parsed:
        parsed.append(Paragraph((Text(text),)))
    return tuple(parsed)


def _without_stars(prose: Prose) -> list[str]:
    """Each paragraph's printed text without stars and spacing: what emphasis may change."""
    return ["".join(runs_text(p.runs).replace("*", "").split()) for p in prose_blocks(prose)]


def _list(element: ET.Element, level: int) -> ListBlock:
    kind: ListKind = "decimal" if element.tag == "ol" else "bullet"
    start = int(element.get("start", "1")) if kind == "decimal" else 1
    items = tuple(_item(item, level) for item in element if item.tag == "li")
    return ListBlock(kind, items, start, level)


def _item(item: ET.Element, level: int) -> ListItem:
    """A list item: its first paragraph is numbered, the rest of its blocks indented."""
    blocks: list[Paragraph | ListBlock] = []
    loose = [child for child in item if child.tag == "p"]
    first_runs = _inline_runs(item, stop_at_blocks=True)
    if first_runs or not loose:
        blocks.append(Paragraph(first_runs))
    for child in item:
        if child.tag == "p":
            blocks.append(Paragraph(_inline_runs(child)))
        elif child.tag in ("ul", "ol"):
            blocks.append(_list(child, min(level + 1, MAX_LIST_LEVEL)))
    return ListItem(tuple(blocks))


_BREAK = "\ufdef"
"""A hard line break among the collected segments: a noncharacter, which content never
holds, so that a soft newline that is all the text between two elements (``**a**\\n**b**``)
is not taken for a break."""

Segment = tuple[str, bool, bool]
"""Text (or :data:`_BREAK`), bold, italic."""


def _inline_runs(element: ET.Element, *, stop_at_blocks: bool = False) -> Runs:
    """The runs of an element's inline content: text, bold, italic and line breaks."""
    segments = list(_segments(element, stop_at_blocks))
    runs: list[Run] = []
    last = len(segments) - 1
    for index, (text, bold, italic) in enumerate(segments):
        if text == _BREAK:
            runs.append(LineBreak())
            continue
        # A single newline inside a paragraph is a space; none at either end.
        text = _SOFT_BREAK.sub(" ", text)
        if index == 0 or segments[index - 1][0] == _BREAK:
            text = text.lstrip(" ")
        if index == last or segments[index + 1][0] == _BREAK:
            text = text.rstrip(" ")
        if text:
            runs.append(Text(text.translate(_UNESCAPE), bold, italic))
    return tuple(runs)


def _segments(root: ET.Element, stop_at_blocks: bool) -> Iterator[Segment]:
    """The text pieces of an element in order, walked without recursion.

    Emphasis can nest as deep as the author's stars go; an explicit stack keeps any
    input within bounds.
    """
    stack: list[tuple[ET.Element, bool, bool, bool]] = [(root, False, False, False)]
    while stack:
        element, bold, italic, tail_only = stack.pop()
        if tail_only:
            if element.tail:
                yield element.tail, bold, italic
            continue
        if element.text:
            yield element.text, bold, italic
        for child in reversed(element):
            stack.append((child, bold, italic, True))
            is_block = child.tag in ("p", "ul", "ol")
            if is_block and stop_at_blocks:
                continue
            if child.tag == "br":
                stack.append((_LINE_BREAK_ELEMENT, bold, italic, False))
            elif not is_block:
                strong = bold or child.tag == "strong"
                emphasis = italic or child.tag == "em"
                stack.append((child, strong, emphasis, False))


_LINE_BREAK_ELEMENT = ET.Element("br")
_LINE_BREAK_ELEMENT.text = _BREAK


# -- Python-Markdown -------------------------------------------------------------------

_MARKDOWN: dict[bool, Any] = {}


def _parse_markdown(text: str, *, emphasis: bool) -> ET.Element:
    """Parse prose into an element tree of p, ul, ol, li, strong, em and br only."""
    md = _markdown(emphasis)
    md.reset()
    lines = tolerate_staff_lists(text.split("\n"), [])
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root: ET.Element = md.parser.parseDocument(lines).getroot()
    for treeprocessor in md.treeprocessors:
        replaced = treeprocessor.run(root)
        if replaced is not None:
            root = replaced
    return root


def _markdown(emphasis: bool) -> Any:
    """A Python-Markdown instance reduced to the prose subset (each built once).

    Without ``emphasis`` stars are plain characters: the author's text as written.
    """
    if emphasis not in _MARKDOWN:
        import markdown

        md = markdown.Markdown(extensions=["sane_lists"])
        md.preprocessors.deregister("html_block")
        for name in ("code", "hashheader", "setextheader", "hr", "quote", "reference"):
            md.parser.blockprocessors.deregister(name)
        for name in (
            "backtick",
            "reference",
            "link",
            "image_link",
            "image_reference",
            "short_reference",
            "short_image_ref",
            "autolink",
            "automail",
            "html",
            "entity",
        ):
            md.inlinePatterns.deregister(name)
        md.treeprocessors.deregister("prettify")
        # Emphasis is written with asterisks only: underscores (snake_case, {_{) are text,
        # and the stars follow CommonMark's flanking rules (see the module docstring).
        delimiters = md.delimiters
        assert delimiters is not None  # Python-Markdown 3.11 and later (pyproject.toml)
        delimiters.remove("_")
        if emphasis:
            delimiters.delimiters["*"].boundary = _STAR_BOUNDARY
        else:
            delimiters.remove("*")
        # Escapes are resolved before parsing (parse_prose): every backslash left prints.
        md.inlinePatterns.deregister("escape")
        _MARKDOWN[emphasis] = md
    return _MARKDOWN[emphasis]
