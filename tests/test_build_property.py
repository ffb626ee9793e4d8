"""Property: whatever text a field holds, the built document and web page print it unchanged.

Texts mix arbitrary Unicode (what a YAML file can hold) with the characters that break
naive pipelines: XML (& < > " '), Jinja ({{ }} {% %}) and docxtpl's own escapes
({_{ }_}). Prose fields leave out the few characters that are Markdown syntax there
(``*`` and ``\\``) and do not start with a list marker; everything else is text.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import write_year
from docxread import blocks, open_docx, render_folder
from htmlread import parse_page
from lampiran.content.loading import load_year
from lampiran.documents.lampiran2 import lampiran2
from lampiran.writers.html import write_html

SPECIALS = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "{{ ",
    " }}",
    "{%",
    "%}",
    "{_{",
    "}_}",
    "{_%",
    "%_}",
    "<b>",
    "&amp;",
    "\u00a0",
    "é",
    "日本",
]
ALPHABET = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn"),
    blacklist_characters="\ufeff\u2028\u2029\x85",
)


def texts(exclude: str = "") -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(SPECIALS), st.text(ALPHABET.filter(lambda c: c not in exclude), max_size=6)
    )
    return (
        st.lists(piece, min_size=1, max_size=8)
        .map("".join)
        .map(" ".join)
        .map(str.split)
        .map(" ".join)
        .filter(bool)
    )


ONE_LINE = texts()
PROSE = texts(exclude="*\\").filter(lambda t: not re.match(r"(?:[-+]|\d+[.)])(?:\s|$)", t))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    instansi=ONE_LINE,
    sasaran=ONE_LINE,
    nama=ONE_LINE,
    target=ONE_LINE,
    jabatan=ONE_LINE,
    tempat=ONE_LINE,
    uraian=PROSE,
    relevansi=PROSE,
    formulasi=PROSE,
    sumber_data=PROSE,
    penjelasan=PROSE,
)
def test_every_field_appears_unchanged_in_the_built_document_and_page(
    instansi: str,
    sasaran: str,
    nama: str,
    target: str,
    jabatan: str,
    tempat: str,
    uraian: str,
    relevansi: str,
    formulasi: str,
    sumber_data: str,
    penjelasan: str,
) -> None:
    dokumen = {
        "instansi": instansi,
        "tahun": 2024,
        "penandatangan": {
            "tempat": tempat,
            "tanggal": "2024-01-31",
            "pihak_pertama": {"nama": nama, "jabatan": jabatan},
            "pihak_kedua": {"nama": instansi, "jabatan": jabatan},
        },
    }
    item = {
        "sasaran": sasaran,
        "uraian": uraian,
        "indikator": [
            {
                "nama": nama,
                "relevansi": relevansi,
                "formulasi": formulasi,
                "sumber_data": sumber_data,
                "target": target,
                "penjelasan_target": penjelasan,
            }
        ],
    }
    with tempfile.TemporaryDirectory() as root:
        folder = write_year(Path(root), dokumen=dump(dokumen), sasaran={"01-a.yaml": dump(item)})
        year, _ = load_year(folder)
        assume(year is not None)  # a target such as "1.5" is refused by design
        assert year is not None
        data = render_folder(folder)
        page = write_html(lampiran2(year).document())

    _, tree = parse_page(page)
    page_text = tree.find("body").text()
    printed = blocks(data)
    cells = "\n".join(printed)
    for value in (
        instansi,
        sasaran,
        uraian,
        nama,
        relevansi,
        formulasi,
        sumber_data,
        target,
        penjelasan,
    ):
        assert value in printed
        assert value in page_text
    assert f"{tempat}, 31 Januari 2024" in cells and jabatan in cells
    assert f"{tempat}, 31 Januari 2024" in page_text and jabatan in page_text
    assert tree.find("meta", name="author").attrs["content"] == instansi
    assert open_docx(data).core_properties.author == instansi


def dump(data: object) -> str:
    text: str = yaml.safe_dump(data, allow_unicode=True, width=10**6, sort_keys=False)
    return text
