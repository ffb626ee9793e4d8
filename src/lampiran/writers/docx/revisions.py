"""Tracked changes in WordprocessingML: runs, paragraph marks and rows marked as revisions.

Word records a change where it happened (ECMA-376 Part 1, 17.13.5): inserted runs inside
``w:ins``, deleted runs inside ``w:del`` with their text in ``w:delText``, a paragraph
that was inserted or deleted by a mark in its paragraph mark (``w:pPr/w:rPr/w:ins``), a
table row by a mark in ``w:trPr``, moved text as ``w:moveFrom``/``w:moveTo`` inside named
move ranges, and a formatting change as ``w:rPrChange``/``w:pPrChange`` holding the old
properties. Every revision carries an author and a date; the ids are handed out in
document order once the whole document is assembled (:meth:`Revisions.number`), so that
the same two years always give the same bytes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lampiran.writers.docx.oxml import W_NS, Element, child, parse_xml, qn, serialise

Kind = Literal["ins", "del", "moveFrom", "moveTo"]
KINDS: tuple[Kind, ...] = ("ins", "del", "moveFrom", "moveTo")
REMOVING: frozenset[str] = frozenset({"del", "moveFrom"})
"""Revisions whose content accepting removes (and rejecting keeps)."""

_KIND_TAGS = {qn(f"w:{kind}"): kind for kind in KINDS}
_NUMBERED = frozenset(
    qn(f"w:{name}")
    for name in (
        *KINDS,
        "rPrChange",
        "pPrChange",
        "trPrChange",
        "tcPrChange",
        "moveFromRangeStart",
        "moveToRangeStart",
    )
)
_RUN_HOLDERS = frozenset(
    qn(f"w:{name}") for name in ("hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo")
)
"""Paragraph content that holds runs (and may hold revisions around them)."""
_DELETED_TEXT = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
_PARAGRAPH_PROPERTIES_ONLY = frozenset({qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")})
"""What a ``w:pPrChange`` may not hold (it holds CT_PPrBase)."""


@dataclass
class Revisions:
    """Makes revision elements for one document: one author, one date, ids at the end."""

    author: str
    date: str
    """ISO 8601 in UTC, as ``w:date`` wants it (``2025-01-31T00:00:00Z``)."""
    _ranges: dict[Element, Element] = field(default_factory=dict)
    _moves: int = 0

    def element(self, name: str) -> Element:
        """A new ``w:<name>`` revision element with author and date (its id comes later)."""
        from lxml import etree

        element = etree.Element(qn(f"w:{name}"))
        self.stamp(element)
        return element

    def stamp(self, element: Element) -> Element:
        # The id is numbered at the end; set now so that it comes first, as Word writes it.
        element.set(qn("w:id"), element.get(qn("w:id"), "0"))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element

    # -- runs ---------------------------------------------------------------------

    def wrap(self, runs: Sequence[Element], kind: Kind) -> Element:
        """Put consecutive sibling runs inside one ``w:<kind>``; deleted text becomes
        ``w:delText``."""
        wrapper = self.element(kind)
        runs[0].addprevious(wrapper)
        for run in runs:
            wrapper.append(run)
            if kind in REMOVING:
                _as_deleted_text(run)
        return wrapper

    def wrap_runs(self, holder: Element, kind: Kind) -> None:
        """Every run of a paragraph (or hyperlink, field...) not yet in a revision."""
        group: list[Element] = []
        for item in list(holder):
            if item.tag == qn("w:r"):
                group.append(item)
                continue
            if group:
                self.wrap(group, kind)
                group = []
            if item.tag in _RUN_HOLDERS:
                self.wrap_runs(item, kind)
            elif item.tag == qn("w:sdt"):
                content = item.find(qn("w:sdtContent"))
                if content is not None:
                    self.wrap_runs(content, kind)
        if group:
            self.wrap(group, kind)

    def format_change(self, run: Element, old_properties: Element) -> None:
        """Record that ``run`` had ``old_properties`` (a ``w:rPr``) before."""
        change = child(child(run, "w:rPr"), "w:rPrChange")
        self.stamp(change)
        for item in list(change):
            change.remove(item)
        change.append(old_properties)

    # -- paragraphs and rows ------------------------------------------------------

    def mark_paragraph(self, paragraph: Element, kind: Kind) -> None:
        """The whole paragraph inserted, deleted or moved: its runs and its mark."""
        self.wrap_runs(paragraph, kind)
        if paragraph_mark(paragraph) is None:
            mark = child(child(child(paragraph, "w:pPr"), "w:rPr"), f"w:{kind}")
            self.stamp(mark)

    def set_paragraph_mark(self, paragraph: Element, kind: Kind | None) -> None:
        """Replace the revision of a paragraph's mark (``None``: in both versions)."""
        properties = paragraph.find(qn("w:pPr"))
        marks = properties.find(qn("w:rPr")) if properties is not None else None
        if marks is not None:
            for tag in _KIND_TAGS:
                found = marks.find(tag)
                if found is not None:
                    marks.remove(found)
        if kind is not None:
            self.stamp(child(child(child(paragraph, "w:pPr"), "w:rPr"), f"w:{kind}"))

    def paragraph_change(self, paragraph: Element, old_properties: Element | None) -> None:
        """Record that the paragraph had ``old_properties`` (a ``w:pPr``) before."""
        old = _paragraph_properties_base(old_properties)
        properties = child(paragraph, "w:pPr")
        if _same(old, _paragraph_properties_base(properties)):
            return
        change = child(properties, "w:pPrChange")
        self.stamp(change)
        for item in list(change):
            change.remove(item)
        change.append(old)

    def cell_change(self, cell: Element, old_properties: Element | None) -> None:
        """Record that the cell had ``old_properties`` (a ``w:tcPr``) before: a merged
        cell that starts on another row, a span that changed."""
        from lxml import etree

        old = copy.deepcopy(old_properties) if old_properties is not None else None
        if old is None:
            old = etree.Element(qn("w:tcPr"))
        for item in old.findall(qn("w:tcPrChange")):
            old.remove(item)
        properties = child(cell, "w:tcPr")
        current = copy.deepcopy(properties)
        for item in current.findall(qn("w:tcPrChange")):
            current.remove(item)
        if _same(old, current):
            return
        change = child(properties, "w:tcPrChange")
        self.stamp(change)
        for item in list(change):
            change.remove(item)
        change.append(old)

    def mark_row(self, row: Element, kind: Kind) -> None:
        """A row inserted or deleted (rows cannot be moved: a moved row is both)."""
        row_kind = "del" if kind in REMOVING else "ins"
        properties = child(row, "w:trPr")
        if properties.find(qn("w:ins")) is None and properties.find(qn("w:del")) is None:
            self.stamp(child(properties, f"w:{row_kind}"))
        for cell in row.iter(qn("w:tc")):
            if cell.getparent() is row:
                for block in cell:
                    self.mark(block, kind)

    def mark(self, element: Element, kind: Kind) -> None:
        """A block (paragraph, table, content control) inserted, deleted or moved whole."""
        if element.tag == qn("w:p"):
            self.mark_paragraph(element, kind)
        elif element.tag == qn("w:tr"):
            self.mark_row(element, kind)
        elif element.tag in (qn("w:tbl"), qn("w:customXml"), qn("w:sdtContent")):
            for item in element:
                self.mark(item, kind)
        elif element.tag == qn("w:sdt"):
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                self.mark(content, kind)

    # -- moves and ids --------------------------------------------------------------

    def move_name(self) -> str:
        """A new name that links a move's source range with its destination range."""
        self._moves += 1
        return f"move{self._moves}"

    def move_range(self, kind: Literal["moveFrom", "moveTo"], name: str) -> tuple[Element, Element]:
        """The start and end markers of a named move range."""
        from lxml import etree

        start = self.element(f"{kind}RangeStart")
        start.set(qn("w:name"), name)
        end = etree.Element(qn(f"w:{kind}RangeEnd"))
        self._ranges[start] = end
        return start, end

    def number(self, roots: Iterable[Element]) -> int:
        """Give every revision a unique id in document order; return how many there are.

        Ids start above every ``w:id`` already in the parts (bookmarks, comments of the
        template), since Word expects annotation ids to be unique in a document.
        """
        roots = list(roots)
        # Our own revisions hold the placeholder id 0 until now.
        taken = [
            int(value)
            for root in roots
            for value in root.xpath("//@w:id", namespaces={"w": W_NS})
            if value.isdigit()
        ]
        next_id = max(taken, default=0) + 1
        count = 0
        for root in roots:
            for element in root.iter(*_NUMBERED):
                element.set(qn("w:id"), str(next_id))
                end = self._ranges.get(element)
                if end is not None:
                    end.set(qn("w:id"), str(next_id))
                else:
                    count += 1
                next_id += 1
        return count


def paragraph_mark(paragraph: Element) -> Kind | None:
    """The revision of a paragraph's mark, or ``None`` when it is in both versions."""
    properties = paragraph.find(qn("w:pPr"))
    marks = properties.find(qn("w:rPr")) if properties is not None else None
    if marks is None:
        return None
    for tag, kind in _KIND_TAGS.items():
        if marks.find(tag) is not None:
            return kind
    return None


def revision_kind(element: Element) -> Kind | None:
    """``ins``/``del``/``moveFrom``/``moveTo`` for a run-level revision element."""
    return _KIND_TAGS.get(element.tag)


def row_mark(row: Element) -> Kind | None:
    properties = row.find(qn("w:trPr"))
    if properties is None:
        return None
    if properties.find(qn("w:del")) is not None:
        return "del"
    if properties.find(qn("w:ins")) is not None:
        return "ins"
    return None


def complete_row_properties(root: Element) -> None:
    """A ``w:trPr`` must hold a row property before its revision marks (CT_TrPr): a row
    whose only property is "inserted" (the layout let it split) says so explicitly."""
    for properties in root.iter(qn("w:trPr")):
        if properties.find(qn("w:ins")) is None and properties.find(qn("w:del")) is None:
            continue
        if any(item.tag not in _ROW_REVISIONS for item in properties):
            continue
        child(properties, "w:cantSplit", val="off")


_ROW_REVISIONS = frozenset({qn("w:ins"), qn("w:del"), qn("w:trPrChange")})


def track_revisions(settings: bytes | None) -> bytes:
    """The settings part with "Track Changes" on, so that the reviewer's edits are
    tracked too."""
    from lxml import etree

    if settings is None:
        root = etree.Element(qn("w:settings"), nsmap={"w": W_NS})
    else:
        root = parse_xml(settings)
    child(root, "w:trackRevisions")
    return serialise(root)


def _as_deleted_text(run: Element) -> None:
    for item in run:
        deleted = _DELETED_TEXT.get(item.tag)
        if deleted is not None:
            item.tag = deleted


def _paragraph_properties_base(properties: Element | None) -> Element:
    """A copy of ``w:pPr`` without what ``w:pPrChange`` may not hold."""
    from lxml import etree

    if properties is None:
        return etree.Element(qn("w:pPr"))
    base = copy.deepcopy(properties)
    for item in list(base):
        if item.tag in _PARAGRAPH_PROPERTIES_ONLY:
            base.remove(item)
    return base


def _same(a: Element, b: Element) -> bool:
    from lxml import etree

    return bool(etree.tostring(a) == etree.tostring(b))
