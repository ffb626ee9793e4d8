"""The body of a Word document as paragraphs and tables a reader would see.

Nothing here knows what a Lampiran 2 is; this module only answers "what does the page
say, and how": the text of each paragraph as runs with their *effective* bold and italic
(direct formatting, character style, paragraph style and document defaults, in Word's
order), its list numbering (kind, level and the start the list was given), and each
table as rows of cells placed on the table grid (merged cells counted once).

What Word shows is what is read: deleted tracked changes, hidden text, field codes and
the contents of text boxes and pictures are not text of the paragraph. Equations are
read as their plain text and flagged, so that the importer can say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from lampiran.blocks import LineBreak, Run, Runs, Text
from lampiran.importers.wordpackage import WordPackage

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
Element = Any
"""An lxml element (no type information that mypy --strict accepts)."""


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


_P, _R, _T, _TBL, _TR, _TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
_WRAPPERS = {_w(n) for n in ("sdt", "sdtContent", "customXml", "smartTag")}
"""Containers whose children are read as if they stood in their place."""
_INLINE_CONTAINERS = {
    _w(n) for n in ("hyperlink", "ins", "moveTo", "fldSimple", "bdo", "dir", "sdt", "sdtContent")
} | {_w("customXml"), _w("smartTag")}
_OFF = {"0", "false", "off", "none"}
_PICTURES = {
    _w("drawing"),
    _w("pict"),
    _w("object"),
    "{urn:schemas-microsoft-com:vml}shape",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
}

ListKind = Literal["bullet", "decimal", "other"]


@dataclass(frozen=True)
class ListMark:
    """The list numbering of a paragraph, as Word would number it.

    ``start`` is the number the list instance was given (its start or start override),
    not the running count: a typist's second list that shares the numbering of the
    first (and so prints 4, 5, 6) reads as its own list.
    """

    num_id: str
    level: int
    kind: ListKind
    start: int
    format: str
    """Word's number format (``decimal``, ``lowerLetter``, ``bullet``, ...)."""


@dataclass(frozen=True)
class WordParagraph:
    """One paragraph: runs as printed, its style, numbering and what else it held."""

    runs: Runs
    style_id: str = ""
    style_name: str = ""
    list_mark: ListMark | None = None
    indented: bool = False
    """Whether the paragraph has a left indent of its own (a list item's further paragraph)."""
    emphasised: bool = False
    """Whether all its text is bold or underlined (how signatures print names)."""
    number: int = 0
    """Its place among the body's non-empty paragraphs (1-based); 0 inside a table."""
    tight_after: bool = False
    """No space after it: lampiran writes each hard-broken line as such a paragraph."""
    pictures: int = 0
    equations: int = 0

    @property
    def text(self) -> str:
        """The text a reader sees, a line break read as a newline."""
        return "".join(run.text if isinstance(run, Text) else "\n" for run in self.runs)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class WordCell:
    """One cell on the table grid: its paragraphs and the grid columns it covers."""

    paragraphs: tuple[WordParagraph, ...]
    column: int
    span: int = 1
    continues_merge: bool = False
    """A cell merged with the one above it: its content belongs to that cell."""
    nested_tables: int = 0

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs if not p.is_empty)


@dataclass(frozen=True)
class WordTable:
    """A table of the body, its rows of cells in grid order."""

    number: int
    """Its place among the body's tables (1-based)."""
    rows: tuple[tuple[WordCell, ...], ...]


BodyItem = WordParagraph | WordTable


def read_body(package: WordPackage) -> list[BodyItem]:
    """The paragraphs and tables of the document body, in reading order."""
    reader = _BodyReader(_Styles(package.styles), _Numbering(package.numbering))
    body = package.document.find(_w("body"))  # type: ignore[attr-defined]
    if body is None:
        return []
    return list(reader.items(body))


# -- styles -----------------------------------------------------------------------------


@dataclass
class _Style:
    name: str
    based_on: str | None
    bold: bool | None
    italic: bool | None
    num_id: str | None
    level: int | None


class _Styles:
    """Paragraph and character styles: names, inherited bold/italic and numbering."""

    def __init__(self, root: Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph = ""
        self.default_bold: bool | None = None
        self.default_italic: bool | None = None
        if root is None:
            return
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_bold, self.default_italic = _toggles(defaults)
        for element in root.iter(_w("style")):
            style_id = element.get(_w("styleId"), "")
            name = _val(element.find(_w("name"))) or style_id
            based = _val(element.find(_w("basedOn")))
            bold, italic = _toggles(element.find(_w("rPr")))
            numbering = element.find(f"{_w('pPr')}/{_w('numPr')}")
            num_id, level = _num_pr(numbering)
            self.styles[style_id] = _Style(name, based, bold, italic, num_id, level)
            if element.get(_w("type")) == "paragraph" and element.get(_w("default")) in (
                "1",
                "true",
            ):
                self.default_paragraph = style_id

    def chain(self, style_id: str) -> Iterator[_Style]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in seen and current in self.styles:
            seen.add(current)
            style = self.styles[current]
            yield style
            current = style.based_on

    def inherited(self, style_id: str, attribute: str) -> Any:
        for style in self.chain(style_id):
            value = getattr(style, attribute)
            if value is not None:
                return value
        return None

    def name(self, style_id: str) -> str:
        style = self.styles.get(style_id)
        return style.name if style is not None else style_id


def _val(element: Element | None) -> str | None:
    if element is None:
        return None
    value: str | None = element.get(_w("val"))
    return value


def _toggle(element: Element | None) -> bool | None:
    if element is None:
        return None
    value = _val(element)
    return value is None or value.lower() not in _OFF


def _toggles(properties: Element | None) -> tuple[bool | None, bool | None]:
    if properties is None:
        return None, None
    return _toggle(properties.find(_w("b"))), _toggle(properties.find(_w("i")))


def _num_pr(element: Element | None) -> tuple[str | None, int | None]:
    if element is None:
        return None, None
    num_id = _val(element.find(_w("numId")))
    level_text = _val(element.find(_w("ilvl")))
    level = int(level_text) if level_text and level_text.isdigit() else None
    return num_id, level


# -- numbering --------------------------------------------------------------------------


class _Numbering:
    """List definitions: for a numbering instance and level, its format and start."""

    def __init__(self, root: Element | None) -> None:
        self.abstract: dict[str, dict[int, tuple[str, int]]] = {}
        self.instances: dict[str, tuple[str, dict[int, int], dict[int, tuple[str, int]]]] = {}
        if root is None:
            return
        for element in root.iter(_w("abstractNum")):
            defined: dict[int, tuple[str, int]] = {}
            for level in element.iter(_w("lvl")):
                defined[_int(level.get(_w("ilvl")), 0)] = _level(level)
            self.abstract[element.get(_w("abstractNumId"), "")] = defined
        for element in root.iter(_w("num")):
            abstract_id = _val(element.find(_w("abstractNumId"))) or ""
            starts: dict[int, int] = {}
            levels: dict[int, tuple[str, int]] = {}
            for override in element.iter(_w("lvlOverride")):
                ilvl = _int(override.get(_w("ilvl")), 0)
                start = override.find(_w("startOverride"))
                if start is not None:
                    starts[ilvl] = _int(_val(start), 1)
                replaced = override.find(_w("lvl"))
                if replaced is not None:
                    levels[ilvl] = _level(replaced)
            self.instances[element.get(_w("numId"), "")] = (abstract_id, starts, levels)

    def mark(self, num_id: str, level: int) -> ListMark | None:
        if num_id in ("", "0") or num_id not in self.instances:
            return None
        abstract_id, starts, levels = self.instances[num_id]
        number_format, start = levels.get(level) or self.abstract.get(abstract_id, {}).get(
            level, ("decimal", 1)
        )
        start = starts.get(level, start)
        if number_format == "none":
            return None
        kind: ListKind = (
            "bullet"
            if number_format == "bullet"
            else "decimal"
            if number_format in ("decimal", "decimalZero")
            else "other"
        )
        return ListMark(num_id, level, kind, start, number_format)


def _level(element: Element) -> tuple[str, int]:
    number_format = _val(element.find(_w("numFmt"))) or "decimal"
    return number_format, _int(_val(element.find(_w("start"))), 1)


def _int(text: str | None, default: int) -> int:
    if text is None:
        return default
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 6 else default


# -- the body ---------------------------------------------------------------------------


@dataclass
class _BodyReader:
    styles: _Styles
    numbering: _Numbering
    paragraphs: int = 0
    tables: int = 0

    def items(self, container: Element) -> Iterator[BodyItem]:
        for element in _unwrapped(container):
            if element.tag == _P:
                paragraph = self.paragraph(element, in_table=False)
                if not paragraph.is_empty:
                    self.paragraphs += 1
                    paragraph = _numbered(paragraph, self.paragraphs)
                yield paragraph
            elif element.tag == _TBL:
                self.tables += 1
                yield self.table(element, self.tables)

    def table(self, element: Element, number: int) -> WordTable:
        rows = []
        for row in _unwrapped(element):
            if row.tag != _TR:
                continue
            cells = []
            grid_before = row.find(f"{_w('trPr')}/{_w('gridBefore')}")
            column = _int(_val(grid_before), 0)
            for cell in _unwrapped(row):
                if cell.tag != _TC:
                    continue
                made = self.cell(cell, column)
                cells.append(made)
                column += made.span
            rows.append(tuple(cells))
        return WordTable(number, tuple(rows))

    def cell(self, element: Element, column: int) -> WordCell:
        properties = element.find(_w("tcPr"))
        span = 1
        continues = False
        if properties is not None:
            span = max(1, min(_int(_val(properties.find(_w("gridSpan"))), 1), 64))
            merge = properties.find(_w("vMerge"))
            continues = merge is not None and (_val(merge) or "continue") == "continue"
        paragraphs: list[WordParagraph] = []
        nested = 0
        for child in _unwrapped(element):
            if child.tag == _P:
                paragraphs.append(self.paragraph(child, in_table=True))
            elif child.tag == _TBL:
                # A table in a cell: its text is kept, row by row, cell by cell.
                nested += 1
                for inner in child.iter(_P):
                    paragraphs.append(self.paragraph(inner, in_table=True))
        return WordCell(tuple(paragraphs), column, span, continues, nested)

    def paragraph(self, element: Element, *, in_table: bool) -> WordParagraph:
        properties = element.find(_w("pPr"))
        style_id = _val(properties.find(_w("pStyle"))) if properties is not None else None
        style_id = style_id or self.styles.default_paragraph
        num_id, level = _num_pr(properties.find(_w("numPr")) if properties is not None else None)
        if num_id is None:
            num_id = self.styles.inherited(style_id, "num_id")
            if level is None:
                level = self.styles.inherited(style_id, "level")
        mark = self.numbering.mark(num_id, level or 0) if num_id is not None else None
        indent = properties.find(_w("ind")) if properties is not None else None
        indented = indent is not None and (
            _int(indent.get(_w("left")) or indent.get(_w("start")), 0) > 0
        )
        spacing = properties.find(_w("spacing")) if properties is not None else None
        tight = spacing is not None and spacing.get(_w("after")) == "0"
        collector = _RunCollector(self.styles, style_id)
        collector.walk(element)
        return WordParagraph(
            runs=collector.runs(),
            style_id=style_id,
            style_name=self.styles.name(style_id),
            list_mark=mark,
            indented=indented,
            emphasised=collector.all_emphasised(),
            tight_after=tight,
            pictures=collector.pictures,
            equations=collector.equations,
        )


def _numbered(paragraph: WordParagraph, number: int) -> WordParagraph:
    return WordParagraph(
        paragraph.runs,
        paragraph.style_id,
        paragraph.style_name,
        paragraph.list_mark,
        paragraph.indented,
        paragraph.emphasised,
        number,
        paragraph.tight_after,
        paragraph.pictures,
        paragraph.equations,
    )


def _unwrapped(container: Element) -> Iterator[Element]:
    """The children of ``container``, with content controls and custom XML opened up."""
    stack = list(reversed(list(container)))
    while stack:
        element = stack.pop()
        if element.tag in _WRAPPERS:
            stack.extend(reversed(list(element)))
        else:
            yield element


@dataclass
class _RunCollector:
    """The runs of one paragraph with their effective formatting."""

    styles: _Styles
    paragraph_style: str
    pieces: list[tuple[str, bool, bool, bool]] = field(default_factory=list)
    """(text or "\\n" for a break, bold, italic, underlined)."""
    pictures: int = 0
    equations: int = 0

    def walk(self, paragraph: Element) -> None:
        stack = list(reversed(list(paragraph)))
        while stack:
            element = stack.pop()
            tag = element.tag
            if tag == _R:
                self.run(element)
            elif tag in _INLINE_CONTAINERS:
                stack.extend(reversed(list(element)))
            elif tag in (f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"):
                self.equations += 1
                text = "".join(t.text or "" for t in element.iter(f"{{{M_NS}}}t"))
                if text:
                    self.pieces.append((text, False, False, False))

    def run(self, run: Element) -> None:
        properties = run.find(_w("rPr"))
        if properties is not None and _toggle(properties.find(_w("vanish"))):
            return
        bold, italic = self.formatting(properties)
        underline = properties is not None and (
            _val(properties.find(_w("u"))) not in (None, "none")
        )
        for child in run:
            tag = child.tag
            if tag == _T:
                if child.text:
                    self.pieces.append((child.text, bold, italic, underline))
            elif tag == _w("tab") or tag == _w("ptab"):
                self.pieces.append((" ", bold, italic, underline))
            elif tag == _w("br"):
                if child.get(_w("type")) in (None, "textWrapping"):
                    self.pieces.append(("\n", False, False, False))
            elif tag == _w("cr"):
                self.pieces.append(("\n", False, False, False))
            elif tag == _w("noBreakHyphen"):
                self.pieces.append(("-", bold, italic, underline))
            elif tag == _w("sym"):
                code = child.get(_w("char"), "")
                if code and all(c in "0123456789abcdefABCDEF" for c in code) and len(code) <= 4:
                    self.pieces.append((chr(int(code, 16)), bold, italic, underline))
            elif tag in _PICTURES:
                self.pictures += 1

    def formatting(self, properties: Element | None) -> tuple[bool, bool]:
        """Bold and italic as Word resolves them: direct, character style, paragraph style."""
        direct_bold, direct_italic = _toggles(properties)
        character = _val(properties.find(_w("rStyle"))) if properties is not None else None
        resolved = []
        for direct, attribute, default in (
            (direct_bold, "bold", self.styles.default_bold),
            (direct_italic, "italic", self.styles.default_italic),
        ):
            value = direct
            if value is None and character:
                value = self.styles.inherited(character, attribute)
            if value is None:
                value = self.styles.inherited(self.paragraph_style, attribute)
            if value is None:
                value = default
            resolved.append(bool(value))
        return resolved[0], resolved[1]

    def runs(self) -> Runs:
        """The pieces as model runs: adjacent pieces of one formatting joined."""
        runs: list[Run] = []
        for text, bold, italic, _ in self.pieces:
            if text == "\n":
                runs.append(LineBreak())
                continue
            last = runs[-1] if runs else None
            if isinstance(last, Text) and (last.bold, last.italic) == (bold, italic):
                runs[-1] = Text(last.text + text, bold, italic)
            else:
                runs.append(Text(text, bold, italic))
        return tuple(runs)

    def all_emphasised(self) -> bool:
        visible = [piece for piece in self.pieces if piece[0].strip()]
        return bool(visible) and all(bold or underline for _, bold, _, underline in visible)
