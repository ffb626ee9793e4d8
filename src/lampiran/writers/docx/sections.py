"""Sections of the rendered document: no blank page after the last part.

Each part of the Perjanjian Kinerja template ends with a section break, except the last
(Lampiran 2), whose section is the document's own. When the parts after a break are
left out (the pernyataan or Lampiran 1 made alone), that break would open an empty
last section: a blank page. The break's section then becomes the document's own.
"""

from __future__ import annotations

from lampiran.writers.docx.oxml import Element, qn


def drop_empty_last_section(root: Element) -> None:
    """Make a section break that nothing follows the end of the document."""
    body = root.find(qn("w:body"))
    if body is None:
        return
    last = body.find(qn("w:sectPr"))
    if last is None or last.getparent() is not body:
        return
    previous = last.getprevious()
    if previous is None or previous.tag != qn("w:p"):
        return
    properties = previous.find(qn("w:pPr"))
    section = properties.find(qn("w:sectPr")) if properties is not None else None
    if section is None or "".join(previous.itertext()).strip():
        return
    body.replace(last, section)
    body.remove(previous)
