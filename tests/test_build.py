"""``lampiran build``: the Word document, compared with the content it comes from."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT, VALID_SASARAN, YearWriter, run_lampiran
from docxread import W, blocks, open_docx, part, render_folder
from lampiran.content.loading import require_year

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
OUTPUT_2024 = "lampiran-2-perjanjian-kinerja-2024.docx"
INDICATOR_HEADER = ["No", "Uraian", "Relevansi", "Formulasi", "Sumber Data"]
TARGET_HEADER = ["Indikator Kinerja", "Target", "Penjelasan"]


def one_paragraph(text: str) -> str:
    """Prose without Markdown syntax: its lines joined by spaces."""
    return " ".join(line.strip() for line in text.strip().splitlines())


def test_built_2024_document_holds_every_heading_paragraph_and_cell_in_order(
    tmp_path: Path,
) -> None:
    outcome = run_lampiran("build", str(CONTENT_2024), "-o", str(tmp_path))
    year, _ = require_year(CONTENT_2024)

    expected = [
        "LAMPIRAN 2 PERJANJIAN KINERJA",
        year.dokumen.instansi,
        "PENJELASAN KINERJA TAHUN 2024",
    ]
    for number, item in enumerate(year.sasaran, start=1):
        sasaran = item.model
        expected += [
            f"Penjelasan Kinerja {number}",
            "Uraian Sasaran",
            sasaran.sasaran,
            one_paragraph(sasaran.uraian),
            "Indikator Kinerja",
            "Sasaran kinerja ini memiliki 1 (satu) indikator kinerja yang akan menggambarkan "
            "secara langsung ketercapaian/kondisi sasaran kinerja yang akan diwujudkan, "
            "antara lain:",
            *INDICATOR_HEADER,
        ]
        for index, ind in enumerate(sasaran.indikator, start=1):
            expected += [
                str(index),
                ind.nama,
                one_paragraph(ind.relevansi),
                one_paragraph(ind.formulasi or "-"),
                one_paragraph(ind.sumber_data or "-"),
            ]
        expected += [
            "Target Kinerja",
            "Dalam perjanjian kinerja ini, setiap indikator kinerja telah ditetapkan besaran "
            "target kinerja yang akan dicapai dengan penjelasan sebagai berikut:",
            *TARGET_HEADER,
        ]
        for ind in sasaran.indikator:
            expected += [ind.nama, ind.target, one_paragraph(ind.penjelasan_target)]

    assert outcome.code == 0, outcome.out + outcome.err
    assert outcome.out.strip() == f"{(tmp_path / OUTPUT_2024).as_posix()} ditulis."
    assert blocks((tmp_path / OUTPUT_2024).read_bytes()) == expected


def test_every_word_of_the_signed_reference_is_in_the_built_document() -> None:
    reference = (REPO_ROOT / "tests" / "data" / "reference-2024.txt").read_text("utf-8")
    words = set(re.findall(r"\w+", " ".join(blocks(render_folder(CONTENT_2024)))))

    tokens = re.findall(r"\w+", reference)
    missing = []
    index = 0
    while index < len(tokens):
        # Narrow columns of the original broke words ("Bersertifika t"): join them back.
        for span in (1, 2, 3):
            if "".join(tokens[index : index + span]) in words:
                index += span
                break
        else:
            missing.append(tokens[index])
            index += 1

    assert missing == []


def test_counts_are_written_with_their_indonesian_words(year_writer: YearWriter) -> None:
    items = "".join(
        f'  - nama: Indikator nomor {n}\n    relevansi: R.\n    target: "{n}"\n'
        "    penjelasan_target: P.\n"
        for n in range(1, 13)
    )
    folder = year_writer(
        sasaran={
            "01-a.yaml": VALID_SASARAN,
            "02-b.yaml": f"sasaran: Sasaran Dua Belas\nuraian: Uraian.\nindikator:\n{items}",
        }
    )

    text = blocks(render_folder(folder))

    assert "Sasaran kinerja ini memiliki 1 (satu) indikator" in " ".join(text)
    assert "Sasaran kinerja ini memiliki 12 (dua belas) indikator" in " ".join(text)
    numbers = [cell for cell in text if re.fullmatch(r"\d+", cell)]
    assert numbers[:13] == ["1", *[str(n) for n in range(1, 13)]]


def test_targets_print_exactly_as_the_content_says(year_writer: YearWriter) -> None:
    targets = ["99,99%", "83.50", "77", "BB", "90 per 100.000 KH"]
    items = "".join(
        f"  - nama: Indikator {n}\n    relevansi: R.\n    target: {t}\n    penjelasan_target: P.\n"
        for n, t in enumerate(targets)
    )
    folder = year_writer(sasaran={"01-a.yaml": f"sasaran: S\nuraian: U.\nindikator:\n{items}"})

    text = blocks(render_folder(folder))

    for shown in ["99,99%", "83,50", "77", "BB", "90 per 100.000 KH"]:
        assert shown in text
    assert "83.5" not in text and "100%" not in text


def test_signature_block_prints_parties_date_and_spaced_nip() -> None:
    text = blocks(render_folder(LENGKAP_2025))

    assert text[-4:] == [
        "PIHAK KEDUA,\nBupati Contoh",
        "Contoh, 31 Januari 2025\nPIHAK PERTAMA,\nKepala Dinas Pekerjaan Umum dan Penataan Ruang",
        "NAMA BUPATI",
        "Dr. NAMA KEPALA, S.Sos., M.Si.\nPembina Utama Muda\nNIP. 19700101 199003 1 001",
    ]


def test_a_party_without_pangkat_or_nip_leaves_no_blank_line_under_the_name() -> None:
    document = open_docx(render_folder(LENGKAP_2025))

    signature = document.tables[-1]
    bupati = [p.text for p in signature.rows[1].cells[0].paragraphs]
    kepala = [p.text for p in signature.rows[1].cells[1].paragraphs]
    assert bupati[-1] == "NAMA BUPATI"
    assert kepala[-3:] == [
        "Dr. NAMA KEPALA, S.Sos., M.Si.",
        "Pembina Utama Muda",
        "NIP. 19700101 199003 1 001",
    ]


def test_document_without_penandatangan_has_no_signature_block() -> None:
    text = blocks(render_folder(CONTENT_2024))

    assert not any("PIHAK" in block or "NIP." in block for block in text)


def test_signature_names_are_bold_and_underlined_by_their_style() -> None:
    document = open_docx(render_folder(LENGKAP_2025))

    names = ("NAMA BUPATI", "Dr. NAMA KEPALA, S.Sos., M.Si.")
    paragraphs = [
        p
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        if p.text in names
    ]
    assert len(paragraphs) == 2
    for paragraph in paragraphs:
        assert paragraph.style.name == "Nama Penanda Tangan"
        assert paragraph.style.font.bold and paragraph.style.font.underline
        # No direct formatting: a font change of the style reaches the names too.
        assert all(run.bold is None and run.underline is None for run in paragraph.runs)


# -- content printed literally ---------------------------------------------------------

LITERAL = "A & B <b>tebal</b> \"kutip\" 'satu' {{ nama }} {% if x %} {_{ }_} {_% %_} &amp; x"


def test_markup_and_template_syntax_in_content_print_literally(
    year_writer: YearWriter,
) -> None:
    quoted = LITERAL.replace("'", "''")
    folder = year_writer(
        dokumen=f"instansi: '{quoted}'\ntahun: 2024\n",
        sasaran={
            "01-a.yaml": f"""\
            sasaran: '{quoted}'
            uraian: '{quoted}'
            indikator:
              - nama: '{quoted}'
                relevansi: '{quoted}'
                formulasi: '{quoted}'
                sumber_data: '{quoted}'
                target: '{quoted}'
                penjelasan_target: '{quoted}'
            """
        },
    )

    text = blocks(render_folder(folder))

    assert text.count(LITERAL) == 10


def test_an_ampersand_in_the_instansi_is_escaped_once_in_the_properties(
    year_writer: YearWriter,
) -> None:
    folder = year_writer(dokumen="instansi: Dinas PU & <Tata> Ruang\ntahun: 2024\n")

    properties = open_docx(render_folder(folder)).core_properties

    assert properties.author == "Dinas PU & <Tata> Ruang"
    assert properties.title == "Lampiran 2 Perjanjian Kinerja 2024"


# -- properties and reproducibility ----------------------------------------------------


def test_document_properties_come_from_the_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = render_folder(LENGKAP_2025)
    properties = open_docx(data).core_properties

    assert properties.title == "Lampiran 2 Perjanjian Kinerja 2025"
    assert properties.author == "Dinas Pekerjaan Umum & Penataan Ruang"
    assert properties.language == "id-ID"
    assert properties.created.isoformat() == "2025-01-31T00:00:00+00:00"
    assert properties.modified == properties.created
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as package:
        names = package.namelist()
        leftovers = b"".join(package.read(n) for n in names if n.endswith(".xml"))
    assert not any("thumbnail" in name or "customXml" in name for name in names)
    assert b"python-docx" not in leftovers and b"2013-12-23" not in leftovers


def test_without_a_signing_date_the_document_is_dated_first_of_january(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    properties = open_docx(render_folder(CONTENT_2024)).core_properties

    assert properties.created.isoformat() == "2024-01-01T00:00:00+00:00"


def test_source_date_epoch_sets_the_document_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")

    properties = open_docx(render_folder(CONTENT_2024)).core_properties

    assert properties.created.isoformat() == "2024-06-01T00:00:00+00:00"
    assert properties.modified.isoformat() == "2024-06-01T00:00:00+00:00"


def test_two_builds_in_separate_processes_give_the_same_bytes(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    outputs = []
    for name in ("satu", "dua"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "lampiran",
                "build",
                str(LENGKAP_2025),
                "-o",
                str(tmp_path / name),
            ],
            check=True,
            capture_output=True,
            env=environment,
            cwd=tmp_path,
        )
        outputs.append((tmp_path / name / "lampiran-2-perjanjian-kinerja-2025.docx").read_bytes())

    assert outputs[0] == outputs[1]


def test_zip_entries_carry_a_fixed_timestamp() -> None:
    with zipfile.ZipFile(__import__("io").BytesIO(render_folder(CONTENT_2024))) as package:
        stamps = {info.date_time for info in package.infolist()}

    assert stamps == {(1980, 1, 1, 0, 0, 0)}


# -- the command -------------------------------------------------------------------------


def test_content_errors_are_all_printed_and_nothing_is_written(
    tmp_path: Path, year_writer: YearWriter
) -> None:
    folder = year_writer(
        sasaran={
            "01-a.yaml": VALID_SASARAN.replace("target: 99,99%", "target: 99.99%").replace(
                "relevansi:", "relevansii:"
            )
        }
    )
    outdir = tmp_path / "dist"

    outcome = run_lampiran("build", str(folder), "-o", str(outdir))

    assert outcome.code == 1
    assert "99,99%" in outcome.out and "relevansii" in outcome.out
    # The misspelt key says "maksud Anda 'relevansi'?"; the missing 'relevansi' is not
    # reported a second time.
    assert "2 kesalahan" in outcome.out and "wajib ada" not in outcome.out
    assert not outdir.exists()


def test_an_error_in_one_of_several_folders_writes_none_of_them(tmp_path: Path) -> None:
    from conftest import write_year

    good = write_year(tmp_path / "a", year="2024")
    bad = write_year(tmp_path / "b", year="2025", dokumen="instansi: Badan Contoh\ntahun: 2024\n")
    outdir = tmp_path / "dist"

    outcome = run_lampiran("build", str(good), str(bad), "-o", str(outdir))

    assert outcome.code == 1
    assert "tahun 2024 tidak sama dengan nama folder '2025'" in outcome.out
    assert not outdir.exists()


def test_several_folders_are_built_in_one_run(tmp_path: Path) -> None:
    outdir = tmp_path / "dist"

    outcome = run_lampiran("build", str(CONTENT_2024), str(LENGKAP_2025), "-o", str(outdir))

    assert outcome.code == 0, outcome.out + outcome.err
    assert sorted(p.name for p in outdir.iterdir()) == [
        OUTPUT_2024,
        "lampiran-2-perjanjian-kinerja-2025.docx",
    ]
    assert outcome.out.splitlines() == [
        f"{(outdir / OUTPUT_2024).as_posix()} ditulis.",
        f"{(outdir / 'lampiran-2-perjanjian-kinerja-2025.docx').as_posix()} ditulis.",
    ]


def test_without_a_folder_the_newest_year_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import write_year

    write_year(tmp_path, year="2023", dokumen="instansi: Badan Contoh\ntahun: 2023\n")
    write_year(tmp_path, year="2024")
    monkeypatch.chdir(tmp_path)

    outcome = run_lampiran("build")

    assert outcome.code == 0, outcome.out + outcome.err
    assert [p.name for p in (tmp_path / "dist").iterdir()] == [OUTPUT_2024]


def test_a_failed_build_leaves_the_previous_output_untouched(
    tmp_path: Path, year_writer: YearWriter
) -> None:
    folder = year_writer()
    outdir = tmp_path / "dist"
    assert run_lampiran("build", str(folder), "-o", str(outdir)).code == 0
    previous = (outdir / OUTPUT_2024).read_bytes()
    (folder / "sasaran" / "01-disiplin.yaml").write_text(
        VALID_SASARAN.replace("Meningkatnya Disiplin Aparatur", "Judul Baru").replace(
            "target: 99,99%", "target:"
        ),
        encoding="utf-8",
    )

    outcome = run_lampiran("build", str(folder), "-o", str(outdir))

    assert outcome.code == 1
    assert (outdir / OUTPUT_2024).read_bytes() == previous
    assert sorted(p.name for p in outdir.iterdir()) == [OUTPUT_2024]


def test_a_write_that_fails_midway_leaves_the_previous_output_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = tmp_path / "dist"
    outdir.mkdir()
    (outdir / OUTPUT_2024).write_bytes(b"versi lama")

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    outcome = run_lampiran("build", str(CONTENT_2024), "-o", str(outdir))

    assert outcome.code == 1
    assert "tidak dapat ditulis" in outcome.err
    assert (outdir / OUTPUT_2024).read_bytes() == b"versi lama"
    assert [p.name for p in outdir.iterdir()] == [OUTPUT_2024]


def test_unknown_paper_is_a_usage_mistake(tmp_path: Path) -> None:
    outcome = run_lampiran("build", str(CONTENT_2024), "--paper", "B5", "-o", str(tmp_path))

    assert outcome.code == 2
    assert "--paper" in outcome.err
    assert list(tmp_path.iterdir()) == []


def test_paper_name_is_accepted_in_lower_case(tmp_path: Path) -> None:
    outcome = run_lampiran("build", str(CONTENT_2024), "--paper", "a4", "-o", str(tmp_path))

    size = part((tmp_path / OUTPUT_2024).read_bytes(), "word/document.xml").find(f".//{W}pgSz")
    assert outcome.code == 0
    assert size is not None and size.get(f"{W}w") == "11906"
