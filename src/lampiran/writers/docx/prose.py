"""Prose blocks of the document model as Word paragraphs and runs.

A hard line break in a paragraph of a style that splits lines (the narrative, whose
first line is indented) becomes the end of a Word paragraph with no space after it: a
``w:br`` would start the next line at the margin, under an indented first line.

List numbers line up with the first-line indent of the paragraphs around them
(``list_offsets``, read from the template's styles), not with the page margin.

Each list gets its own numbering instance (``w:num``) that starts at the number the
author wrote (1 unless the list starts otherwise), so lists never continue each other:
paragraphs that merely share the "List" style would number on across the document.
:class:`ProseWriter` hands out the instance ids and remembers each list, so that the
numbering part can be completed (:mod:`lampiran.writers.docx.numbering`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lampiran.blocks import LineBreak, ListBlock, ListKind, Paragraph, Prose, Runs, Text
from lampiran.writers.docx.oxml import XML_NS, Element, child, qn, sub

LIST_INDENT_TWIPS = 360
"""Indent of each list level (0.25 inch); the hanging number sits in the first 360."""


@dataclass(frozen=True)
class ProseStyles:
    """The paragraph style ids to use for plain paragraphs and list items."""

    paragraph: str
    list_item: str
    split_lines: bool = False
    """Hard line breaks end a Word paragraph (for styles with a first-line indent)."""


@dataclass(frozen=True)
class ListInstance:
    """One numbering instance: a list that numbers (or bullets) on its own."""

    num_id: int
    kind: ListKind
    level: int
    start: int


@dataclass
class ProseWriter:
    """Writes prose into Word paragraphs for one document, numbering its lists."""

    first_num_id: int = 1
    lists: list[ListInstance] = field(default_factory=list)
    list_offsets: Mapping[str, int] = field(default_factory=dict)
    """Where the lists of each paragraph style start (twips from the margin)."""

    def paragraphs(self, prose: Prose, styles: ProseStyles) -> list[Element]:
        """The ``w:p`` elements of a prose field, in order (at least one)."""
        out: list[Element] = []
        for block in prose:
            if isinstance(block, Paragraph):
                if styles.split_lines:
                    out.extend(_lines(styles.paragraph, block.runs))
                else:
                    out.append(paragraph(styles.paragraph, block.runs))
            else:
                self._list(block, styles, out)
        return out or [paragraph(styles.paragraph, ())]

    def _list(self, block: ListBlock, styles: ProseStyles, out: list[Element]) -> None:
        instance = ListInstance(
            self.first_num_id + len(self.lists), block.kind, block.level, block.start
        )
        self.lists.append(instance)
        offset = self.list_offsets.get(styles.paragraph, 0)
        for item in block.items:
            numbered = False
            for part in item.blocks:
                if isinstance(part, ListBlock):
                    self._list(part, styles, out)
                    continue
                element = paragraph(styles.list_item, part.runs)
                properties = child(element, "w:pPr")
                if numbered:
                    # A further paragraph of the item: indented under its text, no number.
                    left = offset + LIST_INDENT_TWIPS * (block.level + 1)
                    child(properties, "w:ind", left=str(left))
                else:
                    numbering = child(properties, "w:numPr")
                    child(numbering, "w:ilvl", val=str(block.level))
                    child(numbering, "w:numId", val=str(instance.num_id))
                    if offset:
                        left = offset + LIST_INDENT_TWIPS * (block.level + 1)
                        child(properties, "w:ind", left=str(left), hanging=str(LIST_INDENT_TWIPS))
                    numbered = True
                out.append(element)


def _lines(style: str, runs: Runs) -> list[Element]:
    """One paragraph per hard-broken line; all but the last have no space after."""
    lines: list[list[Text]] = [[]]
    for run in runs:
        if isinstance(run, LineBreak):
            lines.append([])
        else:
            lines[-1].append(run)
    out = [paragraph(style, tuple(line)) for line in lines]
    for element in out[:-1]:
        child(child(element, "w:pPr"), "w:spacing", after="0")
    return out


def paragraph(style: str, runs: Runs) -> Element:
    """A ``w:p`` of the given style holding the runs."""
    from lxml import etree

    element = etree.Element(qn("w:p"))
    child(child(element, "w:pPr"), "w:pStyle", val=style)
    add_runs(element, runs)
    return element


def add_runs(element: Element, runs: Runs) -> None:
    """Append the runs to a paragraph: text with bold and italic, and line breaks."""
    for run in runs:
        r = sub(element, "w:r")
        if isinstance(run, LineBreak):
            sub(r, "w:br")
            continue
        if run.bold or run.italic:
            properties = child(r, "w:rPr")
            if run.bold:
                child(properties, "w:b")
                child(properties, "w:bCs")
            if run.italic:
                child(properties, "w:i")
                child(properties, "w:iCs")
        text = sub(r, "w:t")
        text.set(f"{{{XML_NS}}}space", "preserve")
        text.text = run.text
