"""Reading a PDF back as a reader sees its pages: words with their places (poppler).

``pdftotext -bbox`` gives every word of every page with its box in points; the tests of
the printed layout (empty page feet, broken words, what shares a page with the
signature) are written against that.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from conftest import require_tool

POINTS_PER_CM = 72 / 2.54
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]

    def body(self, bottom_margin_cm: float) -> list[Word]:
        """The words inside the text area: the footer (page number) left out."""
        limit = self.height - bottom_margin_cm * POINTS_PER_CM
        return [word for word in self.words if word.bottom <= limit + 1]

    def empty_foot_cm(self, bottom_margin_cm: float) -> float:
        """How much of the text area is left empty under the last line, in cm."""
        body = self.body(bottom_margin_cm)
        if not body:
            return (self.height - bottom_margin_cm * POINTS_PER_CM) / POINTS_PER_CM
        limit = self.height - bottom_margin_cm * POINTS_PER_CM
        return (limit - max(word.bottom for word in body)) / POINTS_PER_CM

    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def read_pages(pdf: Path) -> list[Page]:
    """Every page of the PDF with its words, in reading order."""
    output = subprocess.run(
        [require_tool("pdftotext"), "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
    ).stdout
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    root = etree.fromstring(output, parser)
    pages = []
    for number, page in enumerate(root.iter(f"{_XHTML}page"), start=1):
        words = tuple(
            Word(
                word.text or "",
                float(word.get("xMin")),
                float(word.get("yMin")),
                float(word.get("xMax")),
                float(word.get("yMax")),
            )
            for word in page.iter(f"{_XHTML}word")
        )
        pages.append(Page(number, float(page.get("width")), float(page.get("height")), words))
    return pages
