"""Markdown prose becomes real Word formatting: paragraphs, bold, italic, lists, breaks.

The text goes through the one Markdown parser (lampiran.text.markdown) and the .docx
writer's prose module, as in a build."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from lampiran.text.markdown import parse_prose
from lampiran.writers.docx.prose import ProseStyles, ProseWriter

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
STYLES = ProseStyles(paragraph="Isi", list_item="Daftar")


@dataclass
class Para:
    text: str
    list_id: str | None = None
    level: int | None = None
    bold: tuple[str, ...] = ()
    italic: tuple[str, ...] = ()
    breaks: int = 0


def convert(text: str, writer: ProseWriter | None = None) -> list[Para]:
    body = etree.Element(f"{W}body", nsmap={"w": W_NS})
    body.extend((writer or ProseWriter()).paragraphs(parse_prose(text), STYLES))
    result = []
    for p in body:
        number = p.find(f"{W}pPr/{W}numPr")
        runs = p.findall(f"{W}r")
        result.append(
            Para(
                text="".join(t.text or "" for t in p.iter(f"{W}t")),
                list_id=number.find(f"{W}numId").get(f"{W}val") if number is not None else None,
                level=int(number.find(f"{W}ilvl").get(f"{W}val")) if number is not None else None,
                bold=tuple(
                    r.findtext(f"{W}t") or "" for r in runs if r.find(f"{W}rPr/{W}b") is not None
                ),
                italic=tuple(
                    r.findtext(f"{W}t") or "" for r in runs if r.find(f"{W}rPr/{W}i") is not None
                ),
                breaks=len(p.findall(f"{W}r/{W}br")),
            )
        )
    return result


def test_single_newlines_are_spaces_and_blank_lines_separate_paragraphs() -> None:
    paragraphs = convert("Kalimat satu.\nKalimat dua.\n\nParagraf kedua.")

    assert [p.text for p in paragraphs] == ["Kalimat satu. Kalimat dua.", "Paragraf kedua."]


def test_bold_and_italic_become_run_formatting() -> None:
    (paragraph,) = convert("Ini **tebal**, ini *miring*, ini ***keduanya***.")

    assert paragraph.text == "Ini tebal, ini miring, ini keduanya."
    assert paragraph.bold == ("tebal", "keduanya")
    assert paragraph.italic == ("miring", "keduanya")


def test_two_trailing_spaces_make_a_hard_line_break() -> None:
    (paragraph,) = convert("Baris satu  \nBaris dua")

    assert paragraph.text == "Baris satuBaris dua"
    assert paragraph.breaks == 1


def test_a_single_newline_between_two_bold_words_is_a_space_not_a_break() -> None:
    (paragraph,) = convert("Kalimat **satu**\n**dua** selesai.")

    assert paragraph.text == "Kalimat satu dua selesai."
    assert paragraph.breaks == 0


def test_bullet_and_numbered_lists_are_word_lists_without_typed_markers() -> None:
    writer = ProseWriter(first_num_id=5)

    paragraphs = convert("1. satu\n2. dua\n\n- butir\n- butir lagi", writer)

    assert [p.text for p in paragraphs] == ["satu", "dua", "butir", "butir lagi"]
    assert [p.list_id for p in paragraphs] == ["5", "5", "6", "6"]
    assert [(item.kind, item.start) for item in writer.lists] == [("decimal", 1), ("bullet", 1)]


def test_every_numbered_list_gets_its_own_instance_that_starts_at_one() -> None:
    writer = ProseWriter()

    convert("1. a\n2. b", writer)
    convert("Pengantar.\n\n1. c\n2. d", writer)

    assert [(item.num_id, item.kind, item.start) for item in writer.lists] == [
        (1, "decimal", 1),
        (2, "decimal", 1),
    ]


def test_a_list_written_from_three_keeps_its_first_number() -> None:
    writer = ProseWriter()

    convert("3. tiga\n4. empat", writer)

    assert writer.lists[0].start == 3


def test_nesting_by_two_or_four_spaces_gives_a_second_level() -> None:
    for indent in ("  ", "    "):
        writer = ProseWriter()

        paragraphs = convert(
            f"- induk\n{indent}- anak satu\n{indent}- anak dua\n- induk dua", writer
        )

        assert [(p.text, p.level) for p in paragraphs] == [
            ("induk", 0),
            ("anak satu", 1),
            ("anak dua", 1),
            ("induk dua", 0),
        ]
        assert paragraphs[0].list_id == paragraphs[3].list_id != paragraphs[1].list_id


def test_a_list_directly_under_a_paragraph_line_is_a_list() -> None:
    paragraphs = convert("Dasar hukum antara lain:\n1. Undang-Undang;\n2. Peraturan.")

    assert [(p.text, p.list_id is not None) for p in paragraphs] == [
        ("Dasar hukum antara lain:", False),
        ("Undang-Undang;", True),
        ("Peraturan.", True),
    ]


def test_a_bullet_list_right_after_a_numbered_one_is_a_separate_list() -> None:
    writer = ProseWriter()

    paragraphs = convert("1. nomor\n- butir", writer)

    assert [p.text for p in paragraphs] == ["nomor", "butir"]
    assert [item.kind for item in writer.lists] == ["decimal", "bullet"]


def test_html_headings_quotes_code_and_links_print_as_written() -> None:
    text = (
        "# Bukan judul\n> bukan kutipan\n`kode` [tautan](http://contoh.id) "
        "<b>html</b> &amp; A & B < C"
    )

    (paragraph,) = convert(text)

    assert paragraph.text == text.replace("\n", " ")
    assert paragraph.bold == () and paragraph.list_id is None


def test_underscores_and_lone_dashes_are_text() -> None:
    assert [p.text for p in convert("nama_variabel {_{ x }_} _miring_")] == [
        "nama_variabel {_{ x }_} _miring_"
    ]
    assert [(p.text, p.list_id) for p in convert("-")] == [("-", None)]


def test_a_backslash_escapes_markdown_syntax_only() -> None:
    (paragraph,) = convert(r"\*bukan miring\* C:\data\laporan")

    assert paragraph.text == r"*bukan miring* C:\data\laporan"
    assert paragraph.italic == ()


def test_a_number_with_a_parenthesis_is_text_not_a_list() -> None:
    paragraphs = convert("Keterangan:\n1) satu\n2) dua")

    assert [(p.text, p.list_id) for p in paragraphs] == [("Keterangan: 1) satu 2) dua", None)]
