"""Attack: a formula whose stars Python-Markdown read as emphasis changed its meaning.

``(A/B)*100% atau (C/D)*100%`` printed ``(A/B)`` + italic ``100% atau (C/D)`` + ``100%``
in a signed document, and ``{{ 7*7 }}`` printed ``{{ 77 }}``. A formula prints as the
agency wrote it; emphasis needs text right inside both stars and no word around them
(CommonMark's flanking rules, strictly), and still works where the author meant it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import VALID_DOKUMEN, run_lampiran, write_year
from docxread import blocks, open_docx, render_folder
from lampiran.blocks import Paragraph, Text, prose_blocks
from lampiran.text.markdown import parse_prose

FORMULAS = [
    "(A/B)*100% atau (C/D)*100%",
    "{{ 7*7 }}",
    "A*B*C",
    "Jumlah ASN*100/Total ASN",
    "(Realisasi - Target) / Target * 100%",
    "Jumlah OPD dengan nilai SAKIP >= B / jumlah OPD x 100%",
    "Jumlah dokumen X 100% : 2",
    "(a*b) + (c*d)",
    "2*(A+B)*3",
    "Nilai*Bobot (%)",
    "A * B * C",
    "*) data sementara",
    "Rp*",
    "(Jumlah aduan selesai / jumlah aduan masuk)*100%",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_formula_parses_to_its_own_text_without_emphasis(formula: str) -> None:
    (paragraph,) = parse_prose(formula)

    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs == (Text(formula),)


@pytest.mark.parametrize(
    ("written", "runs"),
    [
        ("*miring*", (Text("miring", italic=True),)),
        ("**tebal**", (Text("tebal", bold=True),)),
        ("nilai *indeks* naik", (Text("nilai "), Text("indeks", italic=True), Text(" naik"))),
        ("(*catatan*)", (Text("("), Text("catatan", italic=True), Text(")"))),
        ("**Penting:** baca", (Text("Penting:", bold=True), Text(" baca"))),
    ],
)
def test_emphasis_the_author_meant_still_works(written: str, runs: tuple[Text, ...]) -> None:
    (paragraph,) = parse_prose(written)

    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs == runs


def test_every_formula_prints_as_written_in_the_word_document_and_the_web_page(
    tmp_path: Path,
) -> None:
    indikator = "".join(
        f"""
          - nama: Indikator {number}
            relevansi: Relevansi.
            formulasi: '{formula}'
            target: 90%
            penjelasan_target: Penjelasan.
        """
        for number, formula in enumerate(FORMULAS, start=1)
    )
    sasaran = f"""
        sasaran: Sasaran
        uraian: Uraian.
        indikator:{indikator}
    """
    folder = write_year(tmp_path, VALID_DOKUMEN, {"01-a.yaml": sasaran})

    data = render_folder(folder)
    document = open_docx(data)
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                italic += [r.text for p in cell.paragraphs for r in p.runs if r.italic]
    outcome = run_lampiran("build", str(folder), "-o", str(tmp_path / "dist"), "--html")
    page = (tmp_path / "dist" / "lampiran-2-perjanjian-kinerja-2024.html").read_text("utf-8")

    assert outcome.code == 0, outcome.err
    printed = blocks(data)
    for formula in FORMULAS:
        assert formula in printed
        escaped = formula.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert f'<td data-kolom="Formulasi"><p>{escaped}</p></td>' in page
    assert italic == []
    assert "<em>" not in page


MARKDOWNISH = st.lists(
    st.sampled_from(
        ["*", "**", "-", " ", "  \n", "\n", "\n\n", "a", "1. ", "\\", ")", "(", "%", "_"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
@example("a  \n*-**-*  \na")  # found by the Markdown writer's property test
def test_no_internal_placeholder_ever_reaches_the_printed_text(text: str) -> None:
    printed = "".join(
        run.text for p in prose_blocks(parse_prose(text)) for run in p.runs if isinstance(run, Text)
    )

    assert "\x02" not in printed and "\x03" not in printed and "klzzwxh" not in printed
    assert not any("\ufdd0" <= char <= "\ufdef" for char in printed)


def test_a_star_that_only_opens_never_makes_text_disappear() -> None:
    """Python-Markdown dropped "*7 **" here; the text now prints whole, stars included."""
    text = "Kalimat (A/B)*100% **a**. Kalimat 7*7 **a**."

    (paragraph,) = parse_prose(text)

    assert isinstance(paragraph, Paragraph)
    assert "".join(run.text for run in paragraph.runs if isinstance(run, Text)) == text
