"""Page layout of the rendered document: paper size, table widths, keeping together.

The template keeps its margins and styles; the paper is set here (F4 by default, A4 on
request), the tables follow the text width of that paper, and the signature block is
kept with what precedes it.
"""

from __future__ import annotations

from collections.abc import Mapping

from lampiran.writers.docx.oxml import Element, child, qn

PAPER_SIZES: Mapping[str, tuple[int, int]] = {"F4": (12189, 18709), "A4": (11906, 16838)}
"""Portrait page sizes in twips: F4 215 x 330 mm, A4 210 x 297 mm."""

SIGNATURE_CAPTION = "Tanda tangan"
"""The table caption (Alt Text) that marks the signature block in the template."""


def finish_document(root: Element, paper: str) -> None:
    """Set the paper size, fit the tables to it, keep the signature with what precedes."""
    width, height = PAPER_SIZES[paper]
    body_section = root.find(f"{qn('w:body')}/{qn('w:sectPr')}")
    for sect_pr in root.iter(qn("w:sectPr")):
        old_text = _text_width(sect_pr)
        size = child(sect_pr, "w:pgSz")
        landscape = size.get(qn("w:orient")) == "landscape"
        size.set(qn("w:w"), str(height if landscape else width))
        size.set(qn("w:h"), str(width if landscape else height))
        new_text = _text_width(sect_pr)
        if sect_pr is body_section and old_text > 0 and new_text > 0 and old_text != new_text:
            _scale_tables(root, new_text / old_text)
    _keep_signature_with_previous(root)


def _text_width(sect_pr: Element) -> int:
    """The width between the margins in twips, or 0 when the section does not say so.

    Sizes written as a measure with a unit ("2.5cm") are not read: the tables then keep
    the widths the template gives them.
    """
    size = sect_pr.find(qn("w:pgSz"))
    margins = sect_pr.find(qn("w:pgMar"))
    if size is None or margins is None:
        return 0
    values = [
        element.get(qn(f"w:{name}"), "0")
        for element, name in ((size, "w"), (margins, "left"), (margins, "right"))
    ]
    if size.get(qn("w:w")) is None or not all(value.isdigit() for value in values):
        return 0
    page, left, right = (int(value) for value in values)
    return page - left - right


def _scale_tables(root: Element, factor: float) -> None:
    """Scale fixed table widths (grid, cells, table) to a narrower or wider text area."""
    for tag in ("gridCol", "tcW", "tblW"):
        for element in root.iter(qn(f"w:{tag}")):
            if tag != "gridCol" and element.get(qn("w:type")) != "dxa":
                continue
            value = element.get(qn("w:w"))
            if value and value.isdigit():
                element.set(qn("w:w"), str(round(int(value) * factor)))


def _keep_signature_with_previous(root: Element) -> None:
    """The signature block never starts a page alone: what precedes it keeps with it.

    The block itself is one row that cannot split. The paragraphs before it, and the
    last row of the table before those, are marked "keep with next".
    """
    for caption in root.iter(qn("w:tblCaption")):
        if caption.get(qn("w:val")) != SIGNATURE_CAPTION:
            continue
        table = caption.getparent().getparent()
        previous = table.getprevious()
        while previous is not None and previous.tag == qn("w:p"):
            child(child(previous, "w:pPr"), "w:keepNext")
            previous = previous.getprevious()
        if previous is not None and previous.tag == qn("w:tbl"):
            rows = previous.findall(qn("w:tr"))
            if rows:
                for paragraph in rows[-1].iter(qn("w:p")):
                    child(child(paragraph, "w:pPr"), "w:keepNext")
