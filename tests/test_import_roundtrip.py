"""Round trip: importing the Word document lampiran built gives back the same content.

``import(build(year))`` must print the same document as ``year``: every sasaran,
indicator, target, prose block (paragraphs, lists, bold, italic, line breaks) and the
signature, so that ``lampiran diff`` between the two shows no change. The one exception
is ``pemerintah_daerah``, which Lampiran 2 does not print and so cannot be read back:
the import says so in a comment, and the diff shows exactly that line.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CONTENT_2024, REPO_ROOT, run_lampiran
from docxread import render_folder
from lampiran.blocks import ListBlock, Paragraph, Table
from lampiran.content.loading import load_year
from lampiran.documents.lampiran2 import lampiran2
from lampiran.text.markdown_writer import canonical

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"


def imported_copy(year_folder: Path, work: Path) -> Path:
    """Build ``year_folder`` to .docx, import it into ``work/back``; the new year folder."""
    docx = work / "lampiran.docx"
    docx.write_bytes(render_folder(year_folder))
    result = run_lampiran("import", str(docx), "-o", str(work / "back"))
    assert result.code == 0, result.out + result.err
    return work / "back" / year_folder.name


def printed(folder: Path) -> Any:
    """Everything the document prints for a year, prose compared as printed text."""
    year, report = load_year(folder)
    assert year is not None, [p.format() for p in report.problems]
    document = lampiran2(year).document()
    return (
        tuple(_canonical_block(block) for block in document.blocks),
        document.properties,
        document.name,
        year.dokumen.model_dump(exclude={"pemerintah_daerah"}),
    )


def _canonical_block(block: Any) -> Any:
    if isinstance(block, Paragraph | ListBlock):
        return canonical((block,))[0]
    if isinstance(block, Table):
        rows = tuple(tuple(canonical(cell) for cell in row) for row in block.rows)
        return dataclasses.replace(block, rows=rows)
    return block


def prose_fields_as_printed(folder: Path) -> list[Any]:
    year, _ = load_year(folder)
    assert year is not None
    document = lampiran2(year)
    return [
        (
            s.sasaran,
            canonical(s.uraian),
            [
                (
                    i.nama,
                    canonical(i.relevansi),
                    canonical(i.formulasi),
                    canonical(i.sumber_data),
                    i.target,
                    canonical(i.penjelasan_target),
                )
                for i in s.indikator
            ],
        )
        for s in document.sasaran
    ]


def test_content_2024_comes_back_field_for_field(tmp_path: Path) -> None:
    back = imported_copy(CONTENT_2024, tmp_path)

    assert prose_fields_as_printed(back) == prose_fields_as_printed(CONTENT_2024)
    assert printed(back) == printed(CONTENT_2024)


def test_content_2024_imported_checks_clean_and_diff_shows_no_change(tmp_path: Path) -> None:
    back = imported_copy(CONTENT_2024, tmp_path)

    check = run_lampiran("check", str(back))
    diff = run_lampiran("diff", str(CONTENT_2024), str(back), "--exit-code")

    assert check.code == 0
    assert check.out.endswith("0 kesalahan, 0 peringatan\n")
    assert diff.code == 0, diff.out
    assert "Tidak ada perubahan isi." in diff.out


def test_the_full_fixture_comes_back_except_the_unprinted_pemerintah_daerah(
    tmp_path: Path,
) -> None:
    back = imported_copy(LENGKAP_2025, tmp_path)

    assert printed(back) == printed(LENGKAP_2025)
    diff = run_lampiran("diff", str(LENGKAP_2025), str(back))
    changes = diff.out.split("\n\n")[1:-1]
    assert changes == ["dokumen.yaml\n  pemerintah_daerah: Pemerintah Kabupaten Contoh -> (kosong)"]
    dokumen = (back / "dokumen.yaml").read_text(encoding="utf-8")
    assert "# pemerintah_daerah: Pemerintah Kabupaten ..." in dokumen


def test_imported_files_start_with_the_schema_line_and_read_as_staff_write_them(
    tmp_path: Path,
) -> None:
    back = imported_copy(LENGKAP_2025, tmp_path)

    dokumen = (back / "dokumen.yaml").read_text(encoding="utf-8")
    sasaran = (back / "sasaran" / "01-kualitas-infrastruktur-jalan.yaml").read_text("utf-8")
    assert dokumen.startswith("# yaml-language-server: $schema=../../schema/dokumen.schema.json\n")
    assert sasaran.startswith(
        "# yaml-language-server: $schema=../../../schema/sasaran.schema.json\n"
    )
    assert '    nip: "19700101 199003 1 001"\n' in dokumen
    assert "  tanggal: 2025-01-31\n" in dokumen
    assert (
        "uraian: |\n"
        "  Sasaran ini mengukur **kemantapan jalan** kabupaten dan *tingkat pelayanan* jaringan "
        "jalan.\n"
        "  Dasar hukum antara lain:\n"
        "\n"
        "  1. Undang-Undang Nomor 2 Tahun 2022 tentang Jalan;\n"
        "  2. Peraturan Pemerintah Nomor 34 Tahun 2006 tentang Jalan:\n"
        "     - pasal 5;\n"
        "     - pasal 7.\n"
    ) in sasaran
    assert "    target: 83,50%\n" in sasaran
    assert "formulasi" not in sasaran.split("Indeks Kepuasan")[1]


def test_import_refuses_an_existing_year_and_changes_nothing(tmp_path: Path) -> None:
    docx = tmp_path / "lampiran.docx"
    docx.write_bytes(render_folder(CONTENT_2024))
    existing = tmp_path / "content" / "2024"
    shutil.copytree(CONTENT_2024, existing)
    before = sorted((p.as_posix(), p.read_bytes()) for p in existing.rglob("*") if p.is_file())

    result = run_lampiran("import", str(docx), "-o", str(tmp_path / "content"))

    assert result.code == 1
    assert result.err == (
        f"Galat: {existing.as_posix()} sudah ada dan tidak diubah; pilih tahun lain dengan "
        "--tahun, folder lain dengan -o, atau hapus/ganti nama folder itu dulu\n"
    )
    after = sorted((p.as_posix(), p.read_bytes()) for p in existing.rglob("*") if p.is_file())
    assert after == before
    assert sorted(p.name for p in (tmp_path / "content").iterdir()) == ["2024"]


def test_import_with_another_tahun_writes_that_year(tmp_path: Path) -> None:
    docx = tmp_path / "lampiran.docx"
    docx.write_bytes(render_folder(CONTENT_2024))

    result = run_lampiran("import", str(docx), "-o", str(tmp_path / "c"), "--tahun", "2025")

    assert result.code == 0, result.err
    year, _ = load_year(tmp_path / "c" / "2025")
    assert year is not None and year.dokumen.tahun == 2025
    assert (
        "- judul: judul dokumen menyebut tahun 2024; isinya ditulis sebagai tahun 2025 "
        "(--tahun); periksa tanggal dan target yang masih tahun 2024\n"
    ) in result.out


# -- property: generated years -------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "kinerja", "ASN", "99,99%", "&", "<b>", "{{ x }}", "{%", "R&D", "\"kutip\"", "'satu'",
        "a: b", "#1", "(A/B)*100%", "7*7", "x*y*z", "Rp5.000", "50%", "-", "+", "1.", "3)",
        "D:\\data", "dst.", "No.", "Dr.", "S.Sos.", "é", "日本", "\u00a0", "\\*", "\\\\",
    ]
)  # fmt: skip
LETTERS = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(LETTERS, WORDS), min_size=1, max_size=8))
    style = draw(st.sampled_from(["", "", "", "**", "*"]))
    if style and words:
        at = draw(st.integers(0, len(words) - 1))
        word = words[at]
        if word.strip() and not set(word) & set("*\\"):
            words[at] = f"{style}{word}{style}"
    first = draw(st.sampled_from(["Kalimat", "Sasaran", "Target", "2024", "(Catatan)"]))
    return " ".join([first, *words]) + draw(st.sampled_from([".", "!", "?", ";", ""]))


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    lines = draw(st.lists(sentences(), min_size=1, max_size=3))
    joiner = draw(st.sampled_from([" ", "\n", "  \n"]))
    return joiner.join(lines)


@st.composite
def lists(draw: st.DrawFn) -> str:
    decimal = draw(st.booleans())
    start = draw(st.sampled_from([1, 1, 3]))
    items = draw(st.lists(sentences(), min_size=1, max_size=3))
    lines = []
    for number, item in enumerate(items, start=start):
        lines.append(f"{number}. {item}" if decimal else f"- {item}")
        if draw(st.booleans()) and draw(st.booleans()):
            nested = draw(st.lists(sentences(), min_size=1, max_size=2))
            lines.extend(f"  - {line}" for line in nested)
    return "\n".join(lines)


prose = st.lists(st.one_of(paragraphs(), lists()), min_size=1, max_size=3).map("\n\n".join)
one_line_texts = (
    st.lists(st.one_of(LETTERS, WORDS), min_size=1, max_size=6)
    .map(" ".join)
    .filter(lambda t: t.strip())
)
TARGETS = st.sampled_from(["99,99%", "83,50%", "77", "3,25", "BB", "WTP", "100 dokumen", "0"])


@st.composite
def indikator(draw: st.DrawFn, number: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "nama": f"Indikator {number} {draw(one_line_texts)}",
        "relevansi": draw(prose),
        "target": draw(TARGETS),
        "penjelasan_target": draw(prose),
    }
    for key in ("formulasi", "sumber_data"):
        if draw(st.booleans()):
            item[key] = draw(prose)
    return item


@st.composite
def years(draw: st.DrawFn) -> dict[str, Any]:
    dokumen: dict[str, Any] = {"instansi": draw(one_line_texts), "tahun": 2026}
    if draw(st.booleans()):
        pihak_pertama = {"nama": draw(one_line_texts), "jabatan": draw(one_line_texts)}
        if draw(st.booleans()):
            pihak_pertama["pangkat"] = draw(one_line_texts)
        if draw(st.booleans()):
            pihak_pertama["nip"] = "197001011990031001"
        dokumen["penandatangan"] = {
            "tempat": draw(LETTERS),
            "tanggal": "2026-01-02",
            "pihak_pertama": pihak_pertama,
            "pihak_kedua": {"nama": draw(one_line_texts), "jabatan": draw(one_line_texts)},
        }
    count = draw(st.integers(1, 3))
    sasaran = [
        {
            "sasaran": f"Sasaran {n} {draw(one_line_texts)}",
            "uraian": draw(prose),
            "indikator": [draw(indikator(k)) for k in range(1, draw(st.integers(1, 2)) + 1)],
        }
        for n in range(1, count + 1)
    ]
    return {"dokumen": dokumen, "sasaran": sasaran}


def as_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(years())
def test_any_generated_year_comes_back_as_printed(year: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        folder = work / "content" / "2026"
        (folder / "sasaran").mkdir(parents=True)
        (folder / "dokumen.yaml").write_text(as_yaml(year["dokumen"]), "utf-8")
        for number, item in enumerate(year["sasaran"], start=1):
            (folder / "sasaran" / f"{number:02d}-s.yaml").write_text(as_yaml(item), "utf-8")
        loaded, report = load_year(folder)
        assert loaded is not None, [p.format() for p in report.problems]  # the strategy's fault

        back = imported_copy(folder, work)

        assert printed(back) == printed(folder)
        assert "Tidak ada perubahan isi." in run_lampiran("diff", str(folder), str(back)).out


def test_a_revised_agreement_with_acting_officials_comes_back(tmp_path: Path) -> None:
    pk = REPO_ROOT / "tests" / "data" / "pk" / "2025"

    back = imported_copy(pk, tmp_path)

    assert printed(back) == printed(pk)
    year, _ = load_year(back)
    assert year is not None and year.dokumen.perubahan is True
    signing = year.dokumen.penandatangan
    assert signing is not None
    assert (signing.pihak_pertama.status, signing.pihak_kedua.status) == ("Plt.", "Pj.")
