"""Prose blocks written back as Markdown (``lampiran import``) parse to the same blocks.

The writer is the inverse of the one parser: what it writes is checked by parsing it
again, so these tests pin down what a person reading the written YAML sees (one
sentence per line, few backslashes) and that nothing is ever changed on the way.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lampiran.blocks import LineBreak, ListBlock, Paragraph, Text, prose_blocks, runs_text
from lampiran.text.markdown import parse_prose
from lampiran.text.markdown_writer import canonical, prose_markdown


def rewritten(text: str) -> str:
    written = prose_markdown(parse_prose(text))
    assert written.exact
    assert canonical(parse_prose(written.text)) == canonical(parse_prose(text))
    return written.text


def test_sentences_go_on_their_own_lines_but_abbreviations_do_not_split() -> None:
    assert rewritten("Ini kalimat satu. Dr. Budi datang hari Senin. Lalu (kalimat) dua!") == (
        "Ini kalimat satu.\nDr. Budi datang hari Senin.\nLalu (kalimat) dua!"
    )


def test_bold_italic_and_both_come_back_as_stars() -> None:
    assert rewritten("Ini **tebal**, ini *miring*, ini ***keduanya***.") == (
        "Ini **tebal**, ini *miring*, ini ***keduanya***."
    )


def test_lists_are_written_with_markers_and_two_space_nesting() -> None:
    text = "Dasar hukum:\n1. Undang-Undang;\n2. Peraturan:\n  - pasal 5;\n  - pasal 7.\n- butir"

    assert rewritten(text) == (
        "Dasar hukum:\n\n1. Undang-Undang;\n2. Peraturan:\n   - pasal 5;\n   - pasal 7.\n\n- butir"
    )


def test_a_list_that_starts_at_three_keeps_its_number() -> None:
    assert rewritten("3. tiga\n4. empat") == "3. tiga\n4. empat"


def test_a_hard_line_break_is_two_spaces_at_the_end_of_the_line() -> None:
    assert rewritten("Baris satu  \nBaris dua") == "Baris satu  \nBaris dua"


def test_formula_stars_stay_unescaped_where_they_cannot_be_emphasis() -> None:
    assert rewritten("(A/B)*100% atau (C/D)*100% dan 7*7") == "(A/B)*100% atau (C/D)*100% dan 7*7"


def test_text_that_would_read_as_markdown_is_escaped() -> None:
    assert rewritten("\\- bukan daftar") == "\\- bukan daftar"
    assert rewritten("1\\. bukan daftar") == "1\\. bukan daftar"
    assert rewritten("bintang \\*ini\\* biasa") == "bintang \\*ini\\* biasa"
    assert rewritten("Kalimat satu. 2. bukan nomor") == "Kalimat satu. 2. bukan nomor"


def test_emphasis_markdown_cannot_express_is_reported_and_its_text_kept() -> None:
    inside_a_word = (Paragraph((Text("Kab"), Text("upaten", bold=True), Text(" Contoh"))),)

    written = prose_markdown(inside_a_word)

    assert not written.exact
    assert parse_prose(written.text) == (Paragraph((Text("Kabupaten Contoh"),)),)


def test_only_the_block_that_cannot_be_written_loses_its_emphasis() -> None:
    prose = (
        Paragraph((Text("Kab"), Text("upaten", bold=True))),
        Paragraph((Text("sangat "), Text("penting", bold=True))),
    )

    written = prose_markdown(prose)

    assert not written.exact
    assert written.text == "Kabupaten\n\nsangat **penting**"


def _item_without_text(prose: tuple[object, ...]) -> bool:
    """A list item that opens with a nested list (``* - a``): nothing to number."""
    for block in prose:
        if isinstance(block, ListBlock):
            for item in block.items:
                if not isinstance(item.blocks[0], Paragraph) or _item_without_text(item.blocks):
                    return True
    return False


PIECES = st.sampled_from(
    [*"ab *\\-+.1 \n", "  \n", "\n\n", "- ", "1. ", "**", "  - ", "Kalimat. ", "Dr. "]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=25).map("".join))
def test_any_parsed_prose_is_written_exactly_or_said_not_to_be(text: str) -> None:
    parsed = canonical(parse_prose(text))
    paragraphs = list(prose_blocks(parsed))
    # Degenerate: a paragraph of no text, line breaks at its ends or twice in a row (a
    # blank line ends the paragraph), an item that opens with a nested list.
    degenerate = any(
        not runs_text(p.runs).strip()
        or isinstance(p.runs[0], LineBreak)
        or isinstance(p.runs[-1], LineBreak)
        or any(
            isinstance(a, LineBreak) and isinstance(b, LineBreak)
            for a, b in zip(p.runs, p.runs[1:], strict=False)
        )
        for p in paragraphs
    ) or _item_without_text(parsed)

    written = prose_markdown(parsed)
    back = canonical(parse_prose(written.text))

    if written.exact:
        assert back == parsed
    else:
        assert degenerate or [runs_text(p.runs) for p in prose_blocks(back)] == [
            runs_text(p.runs) for p in paragraphs
        ]
    if not degenerate:
        assert written.exact or any(
            isinstance(r, Text) and (r.bold or r.italic) for p in paragraphs for r in p.runs
        )
