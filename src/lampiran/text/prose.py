"""Markdown prose to WordprocessingML paragraphs and runs.

Prose fields accept a small Markdown: paragraphs, ``**tebal**``, ``*miring*``, bullet
and numbered lists with one level of nesting, and hard line breaks (two spaces at the
end of a line). Everything else is text and prints exactly as written: ``&``, ``<``,
``>``, quotes, ``{{ }}``, ``{% %}``, raw HTML, headings, quotes, code and links.

Python-Markdown does the parsing, with every processor outside that subset removed (raw
HTML, entities, code, links, headings, quotes, rules), ``sane_lists`` so that a bullet
list after a numbered one stays separate, and two tolerances for how staff write:
nesting by two spaces, and a list directly under a paragraph line. The resulting tree is
written as Word paragraphs here; the XML is escaped in this module, so the values can be
handed to the template as ready markup.

Every list gets its own numbering instance (``w:num``) that starts at the number the
author wrote (1 unless the list starts otherwise), so lists never continue each other.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Literal

ListKind = Literal["bullet", "decimal"]

# Markdown syntax that the fast path cannot handle: emphasis, escapes, list items (a
# marker, a space and text at the start of a line), and hard line breaks.
_NEEDS_MARKDOWN = re.compile(r"[*\\]|^[ \t]*(?:[-+]|\d+\.)[ \t]+\S| {2,}\n", re.MULTILINE)
_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+\.)[ \t]+\S")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_SOFT_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_MARKDOWN_TAB = 4


@dataclass(frozen=True)
class ProseStyles:
    """The paragraph style ids to use for plain paragraphs and list items."""

    paragraph: str
    list_item: str


@dataclass(frozen=True)
class ListInstance:
    """One numbering instance: a list that numbers (or bullets) on its own."""

    num_id: int
    kind: ListKind
    level: int
    start: int


@dataclass
class ProseWriter:
    """Turns prose into Word paragraphs for one document.

    It hands out numbering ids from ``first_num_id`` on and remembers each list it wrote,
    so that the renderer can add the matching ``w:num`` elements to the numbering part.
    """

    first_num_id: int = 1
    lists: list[ListInstance] = field(default_factory=list)

    def paragraphs(self, text: str, styles: ProseStyles, *, keep_next: bool = False) -> str:
        """The ``<w:p>`` elements for a prose field (at least one paragraph)."""
        text = text.expandtabs(_MARKDOWN_TAB).strip()
        if not text:
            return _paragraph(styles.paragraph, "", keep_next=keep_next)
        if _NEEDS_MARKDOWN.search(text) is None:
            blocks = [_SOFT_BREAK.sub(" ", block.strip()) for block in _BLANK_LINES.split(text)]
            return "".join(
                _paragraph(styles.paragraph, _run(block), keep_next=keep_next)
                for block in blocks
                if block
            )
        root = parse_markdown(text)
        parts: list[str] = []
        for element in root:
            if element.tag == "p":
                parts.append(
                    _paragraph(styles.paragraph, _inline_runs(element), keep_next=keep_next)
                )
            elif element.tag in ("ul", "ol"):
                parts.extend(self._list(element, styles, level=0, keep_next=keep_next))
        if not parts:
            parts.append(_paragraph(styles.paragraph, _run(text), keep_next=keep_next))
        return "".join(parts)

    def _list(
        self, element: ET.Element, styles: ProseStyles, level: int, *, keep_next: bool
    ) -> list[str]:
        kind: ListKind = "decimal" if element.tag == "ol" else "bullet"
        start = int(element.get("start", "1")) if kind == "decimal" else 1
        instance = ListInstance(self.first_num_id + len(self.lists), kind, level, start)
        self.lists.append(instance)
        numbering = (
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{instance.num_id}"/></w:numPr>'
        )
        parts: list[str] = []
        for item in element:
            if item.tag != "li":
                continue
            parts.extend(self._item(item, styles, numbering, level, keep_next=keep_next))
        return parts

    def _item(
        self,
        item: ET.Element,
        styles: ProseStyles,
        numbering: str,
        level: int,
        *,
        keep_next: bool,
    ) -> list[str]:
        """A list item: its first paragraph numbered, the rest of its text indented."""
        parts: list[str] = []
        loose = [child for child in item if child.tag == "p"]
        first_runs = _inline_runs(item, stop_at_blocks=True)
        numbered = False
        if first_runs or not loose:
            parts.append(_paragraph(styles.list_item, first_runs, numbering, keep_next=keep_next))
            numbered = True
        for child in item:
            if child.tag == "p":
                runs = _inline_runs(child)
                if numbered:
                    parts.append(
                        _paragraph(
                            styles.list_item, runs, _continuation(level), keep_next=keep_next
                        )
                    )
                else:
                    parts.append(_paragraph(styles.list_item, runs, numbering, keep_next=keep_next))
                    numbered = True
            elif child.tag in ("ul", "ol"):
                parts.extend(self._list(child, styles, min(level + 1, 1), keep_next=keep_next))
        return parts


def _continuation(level: int) -> str:
    """Indent a list item's second paragraph under its text, without a number."""
    left = LIST_INDENT_TWIPS * (level + 1)
    return f'<w:ind w:left="{left}"/>'


LIST_INDENT_TWIPS = 360
"""Indent of each list level (0.25 inch); the hanging number sits in the first 360."""


def _paragraph(style: str, runs: str, extra_ppr: str = "", *, keep_next: bool) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}{extra_ppr}</w:pPr>{runs}</w:p>'


_BREAK = "\n"
"""A hard line break among the collected segments."""

Segment = tuple[str, bool, bool]
"""Text (or :data:`_BREAK`), bold, italic."""


def _inline_runs(element: ET.Element, *, stop_at_blocks: bool = False) -> str:
    """The runs of an element's inline content: text, bold, italic and line breaks."""
    segments: list[Segment] = []
    _collect(element, False, False, segments, stop_at_blocks)
    runs: list[str] = []
    last = len(segments) - 1
    for index, (text, bold, italic) in enumerate(segments):
        if text == _BREAK:
            runs.append("<w:r><w:br/></w:r>")
            continue
        # A single newline inside a paragraph is a space; none at either end.
        text = _SOFT_BREAK.sub(" ", text)
        if index == 0 or segments[index - 1][0] == _BREAK:
            text = text.lstrip(" ")
        if index == last or segments[index + 1][0] == _BREAK:
            text = text.rstrip(" ")
        runs.append(_run(text, bold=bold, italic=italic))
    return "".join(runs)


def _collect(
    element: ET.Element, bold: bool, italic: bool, out: list[Segment], stop_at_blocks: bool
) -> None:
    if element.text:
        out.append((element.text, bold, italic))
    for child in element:
        is_block = child.tag in ("p", "ul", "ol")
        if is_block and stop_at_blocks:
            continue
        if child.tag == "br":
            out.append((_BREAK, bold, italic))
        elif not is_block:
            _collect(
                child,
                bold or child.tag == "strong",
                italic or child.tag == "em",
                out,
                stop_at_blocks,
            )
        if child.tail:
            out.append((child.tail, bold, italic))


def _run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    if not text:
        return ""
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape_xml(text)}</w:t></w:r>'


def escape_xml(text: str) -> str:
    """Escape text for an XML text node (``&``, ``<``, ``>``)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_runs(text: str) -> str:
    """One line of text as a run, for ``{{r ...}}`` tags."""
    return _run(text)


# -- Markdown -------------------------------------------------------------------------

_MARKDOWN: Any = None


def parse_markdown(text: str) -> ET.Element:
    """Parse prose into an element tree of p, ul, ol, li, strong, em and br only."""
    md = _markdown()
    md.reset()
    lines = _tolerate_staff_lists(text.split("\n"))
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root: ET.Element = md.parser.parseDocument(lines).getroot()
    for treeprocessor in md.treeprocessors:
        replaced = treeprocessor.run(root)
        if replaced is not None:
            root = replaced
    return root


def _markdown() -> Any:
    """One Python-Markdown instance reduced to the prose subset (built once)."""
    global _MARKDOWN
    if _MARKDOWN is None:
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
        # Emphasis is written with asterisks only: underscores (snake_case, {_{) are text.
        delimiters = getattr(md, "delimiters", None)  # Python-Markdown 3.11 and later
        if delimiters is not None:
            delimiters.remove("_")
        elif "em_strong2" in md.inlinePatterns:
            md.inlinePatterns.deregister("em_strong2")
        # Backslash escapes only for the syntax prose has, so that other backslashes print.
        md.ESCAPED_CHARS = ["\\", "*", "-", "+", "."]
        _MARKDOWN = md
    return _MARKDOWN


def _tolerate_staff_lists(lines: list[str]) -> list[str]:
    """Accept lists as staff write them: nested by two spaces, and under a paragraph line.

    Python-Markdown needs four spaces for nesting and a blank line before a list; both
    are added here. A line indented by one to three spaces inside a list is moved to
    four (a nested item, or a further paragraph of the item); a list right after a
    paragraph line (or after an item's further lines), or a bullet list right after a
    numbered one, gets a blank line first.
    """
    result: list[str] = []
    in_list = False
    previous_blank = True
    previous_marker = ""
    previous_item = False
    for line in lines:
        if not line.strip():
            result.append(line)
            previous_blank = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        match = _LIST_ITEM.match(line)
        if in_list and 0 < indent < _MARKDOWN_TAB:
            line = " " * _MARKDOWN_TAB + line[indent:]
        elif match and indent == 0:
            marker = "decimal" if line[0].isdigit() else "bullet"
            continues = in_list and previous_item and marker == previous_marker
            if not previous_blank and not continues:
                result.append("")
            previous_marker = marker
            in_list = True
        elif indent == 0 and previous_blank:
            in_list = False
        result.append(line)
        previous_blank = False
        previous_item = match is not None
    return result
