"""Every output splits the same Markdown into the same blocks.

The Word document, the web page and the diff's sentences all start from the one
parser (lampiran.text.markdown): for the same prose they agree on each paragraph and
each list item, whatever the way staff wrote the list.
"""

from __future__ import annotations

import pytest
from lxml import etree

from htmlread import Node, parse_page
from lampiran.blocks import (
    Document,
    Paragraph,
    Properties,
    ProseBlock,
    prose_blocks,
    runs_text,
)
from lampiran.text.markdown import parse_prose
from lampiran.text.sentences import units
from lampiran.writers.docx.oxml import W_NS, qn
from lampiran.writers.docx.prose import ProseStyles, ProseWriter
from lampiran.writers.html import write_html

SAMPLES = [
    "Kalimat satu.\nKalimat dua.\n\nParagraf kedua.",
    "Dasar hukum antara lain:\n1. Undang-Undang;\n2. Peraturan.",
    "- induk\n  - anak satu\n  - anak dua\n- induk dua",
    "- induk\n    - anak\n        - cucu\n- induk dua",
    "1. nomor\n- butir",
    "3. tiga\n4. empat\n\nPenutup.",
    "Baris satu  \nBaris dua",
    "Ini **tebal**, ini *miring*, ini ***keduanya***.",
    "(A/B)*100% atau (C/D)*100%",
    "\\- bukan butir dan 1\\. bukan nomor",
    "- butir satu\n\n  paragraf lanjutan butir satu\n- butir dua",
    "# Bukan judul\n> bukan kutipan <b>html</b> &amp; {{ x }}",
]


def words(text: str) -> str:
    return " ".join(text.split())


def model_texts(text: str) -> list[str]:
    return [words(runs_text(p.runs)) for p in prose_blocks(parse_prose(text))]


def docx_texts(text: str) -> list[str]:
    body = etree.Element(qn("w:body"), nsmap={"w": W_NS})
    body.extend(ProseWriter().paragraphs(parse_prose(text), ProseStyles("Isi", "Daftar")))
    result = []
    for paragraph in body:
        pieces = [
            "\n" if node.tag == qn("w:br") else node.text or ""
            for node in paragraph.iter(qn("w:t"), qn("w:br"))
        ]
        result.append(words("".join(pieces)))
    return result


def html_texts(text: str) -> list[str]:
    document = Document("x", Properties("t", "a", "s", "2024-01-01T00:00:00Z"), parse_prose(text))
    _, root = parse_page(write_html(document))
    main = root.find("main")
    result: list[str] = []

    def visit(node: Node) -> None:
        if node.tag == "p":
            result.append(words(node.text()))
            return
        if node.tag == "li":
            own = "".join(
                c if isinstance(c, str) else c.text()
                for c in node.children
                if isinstance(c, str) or c.tag not in ("p", "ul", "ol")
            )
            result.append(words(own))
        for child in node.children:
            if isinstance(child, Node):
                visit(child)

    visit(main)
    return result


def diff_texts(text: str) -> list[str]:
    return [words(unit.replace("*", "")) for unit in units(parse_prose(text))]


def with_markers(blocks: tuple[ProseBlock, ...]) -> list[str]:
    """The model's paragraphs, a list item's first one with the marker it prints with."""
    result: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            result.append(words(runs_text(block.runs)))
            continue
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.kind == "decimal" else "- "
            for index, part in enumerate(item.blocks):
                if isinstance(part, Paragraph):
                    text = words(runs_text(part.runs))
                    result.append(marker + text if index == 0 else text)
                else:
                    result.extend(with_markers((part,)))
    return [text.replace("*", "") for text in result if text]


@pytest.mark.parametrize("text", SAMPLES)
def test_docx_html_and_diff_see_the_same_paragraphs_and_items(text: str) -> None:
    expected = model_texts(text)

    assert docx_texts(text) == expected
    assert html_texts(text) == expected
    if "*100%" not in text:  # the diff marks emphasis with stars; a formula keeps its own
        assert diff_texts(text) == with_markers(parse_prose(text))


def test_the_samples_cover_lists_paragraphs_and_breaks() -> None:
    kinds = {type(block).__name__ for text in SAMPLES for block in parse_prose(text)}
    assert kinds == {"Paragraph", "ListBlock"}
    assert any(
        isinstance(b, Paragraph) and len(b.runs) > 2 for t in SAMPLES for b in parse_prose(t)
    )
