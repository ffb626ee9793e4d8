"""Importing a Lampiran 2 typed by hand in Word, the way typists make them.

The document is built here with python-docx and nothing of lampiran's template: direct
formatting instead of styles, the title in one paragraph with line breaks, empty
paragraphs for spacing, typed letters before the headings, typed numbers in the No
column, soft line breaks inside cells, Word's "List Number" style (whose numbering runs
on from one list to the next), typed "1." lines, a column lampiran does not know, a
stray note, and a borderless signature table with the date line above it.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.text.paragraph import Paragraph

from conftest import run_lampiran
from lampiran.content.loading import load_year


def bold(paragraph: Paragraph, text: str, *, underline: bool = False) -> None:
    run = paragraph.add_run(text)
    run.bold = True
    run.underline = underline


def lines(paragraph: Paragraph, *texts: str) -> None:
    """Text with Shift+Enter between the lines."""
    for index, text in enumerate(texts):
        run = paragraph.add_run(text)
        if index < len(texts) - 1:
            run.add_break(WD_BREAK.LINE)


def typist_document() -> bytes:
    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, text in enumerate(
        ["LAMPIRAN 2 PERJANJIAN KINERJA", "DINAS KESEHATAN", "PENJELASAN KINERJA TAHUN 2025"]
    ):
        run = title.add_run(text)
        run.bold = True
        if index < 2:
            run.add_break(WD_BREAK.LINE)
    document.add_paragraph()
    bold(document.add_paragraph(), "PENJELASAN KINERJA 1")
    bold(document.add_paragraph(), "A. Uraian Sasaran")
    bold(document.add_paragraph(), "Meningkatnya Derajat Kesehatan Masyarakat")
    uraian = document.add_paragraph("Sasaran ini mengukur ")
    bold(uraian, "derajat kesehatan")
    uraian.add_run(" masyarakat. Ukurannya ")
    uraian.add_run("angka harapan hidup").italic = True
    uraian.add_run(".  ")
    document.add_paragraph()
    document.add_paragraph("Dasar hukum:")
    document.add_paragraph("Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan;", "List Number")
    document.add_paragraph("Peraturan Pemerintah Nomor 28 Tahun 2024.", "List Number")
    document.add_paragraph("Program utama:")
    document.add_paragraph("imunisasi dasar lengkap;", "List Number")
    document.add_paragraph("pemeriksaan ibu hamil.", "List Number")
    document.add_paragraph("Langkah pengukuran:")
    document.add_paragraph("1. survei rumah tangga;")
    document.add_paragraph("2.\tanalisis data.")
    document.add_paragraph()
    bold(document.add_paragraph(), "B. Indikator Kinerja")
    document.add_paragraph(
        "Sasaran kinerja ini memiliki 2 (dua) indikator kinerja yang akan menggambarkan "
        "secara langsung ketercapaian/kondisi sasaran kinerja yang akan diwujudkan, antara lain:"
    )
    table = document.add_table(rows=3, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["No.", "Uraian", "Relevansi", "Formulasi", "Sumber Data"], strict=True
    ):
        bold(cell.paragraphs[0], text)
    first = table.rows[1].cells
    first[0].text = "1."
    first[1].text = "Angka Harapan Hidup"
    lines(first[2].paragraphs[0], "Menggambarkan kesehatan penduduk.", "Dipakai secara nasional.")
    first[3].text = "Rata-rata umur / jumlah penduduk"
    first[4].text = "BPS Kabupaten"
    second = table.rows[2].cells
    second[0].text = "2."
    lines(second[1].paragraphs[0], "Persentase Balita", "Gizi Baik")
    second[2].text = "Balita bergizi baik tumbuh sehat."
    second[3].text = "-"
    second[4].text = "-"
    document.add_paragraph()
    bold(document.add_paragraph(), "C. Target Kinerja")
    document.add_paragraph(
        "Dalam perjanjian kinerja ini, setiap indikator kinerja telah ditetapkan besaran target "
        "kinerja yang akan dicapai dengan penjelasan sebagai berikut:"
    )
    targets = document.add_table(rows=3, cols=5)
    targets.style = "Table Grid"
    for cell, text in zip(
        targets.rows[0].cells,
        ["NO", "INDIKATOR KINERJA", "TARGET", "PENJELASAN", "Keterangan"],
        strict=True,
    ):
        bold(cell.paragraphs[0], text)
    row = targets.rows[1].cells
    row[0].text, row[1].text, row[2].text = "1", "Angka Harapan Hidup", "72,5 tahun"
    row[3].text, row[4].text = "Naik bertahap setiap tahun.", "sementara"
    row = targets.rows[2].cells
    row[0].text = "2"
    lines(row[1].paragraphs[0], "Persentase Balita", "Gizi Baik")
    lines(row[2].paragraphs[0], "83,50", "%")
    row[3].text = "Sesuai target RPJMD."
    document.add_paragraph("Catatan: angka sementara menunggu data BPS.")
    document.add_paragraph()
    date = document.add_paragraph("Contoh, 2 Januari 2025")
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature = document.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    left.text = "PIHAK KEDUA,"
    left.add_paragraph("Bupati Contoh")
    right.text = "PIHAK PERTAMA,"
    right.add_paragraph("Kepala Dinas Kesehatan")
    for cell in (left, right):
        for _ in range(3):
            cell.add_paragraph()
    bold(left.add_paragraph(), "NAMA BUPATI", underline=True)
    bold(right.add_paragraph(), "dr. NAMA KEPALA, M.Kes.", underline=True)
    right.add_paragraph("Pembina Utama Muda")
    right.add_paragraph("NIP. 19700101 199003 1 001")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def imported(tmp_path: Path) -> tuple[Path, str]:
    source = tmp_path / "Lampiran 2 PK 2025.docx"
    source.write_bytes(typist_document())
    result = run_lampiran("import", str(source), "-o", str(tmp_path / "content"))
    assert result.code == 0, result.err
    return tmp_path / "content" / "2025", result.out


def test_a_typed_document_becomes_content_that_checks_clean(tmp_path: Path) -> None:
    folder, _ = imported(tmp_path)

    year, report = load_year(folder)

    assert year is not None, [p.format() for p in report.problems]
    assert [p.format() for p in report.problems] == []
    assert year.dokumen.instansi == "DINAS KESEHATAN"
    assert year.dokumen.tahun == 2025
    signing = year.dokumen.penandatangan
    assert signing is not None
    assert (signing.tempat, signing.tanggal.isoformat()) == ("Contoh", "2025-01-02")
    assert signing.pihak_pertama.model_dump() == {
        "nama": "dr. NAMA KEPALA, M.Kes.",
        "jabatan": "Kepala Dinas Kesehatan",
        "pangkat": "Pembina Utama Muda",
        "nip": "197001011990031001",
        "status": None,
    }
    assert signing.pihak_kedua.model_dump() == {
        "nama": "NAMA BUPATI",
        "jabatan": "Bupati Contoh",
        "pangkat": None,
        "nip": None,
        "status": None,
    }
    build = run_lampiran("build", str(folder), "-o", str(tmp_path / "dist"))
    assert build.code == 0, build.err


def test_the_typed_sasaran_is_written_as_staff_would_write_it(tmp_path: Path) -> None:
    folder, _ = imported(tmp_path)

    written = (folder / "sasaran" / "01-derajat-kesehatan-masyarakat.yaml").read_text("utf-8")

    assert written == (
        "# yaml-language-server: $schema=../../../schema/sasaran.schema.json\n"
        "sasaran: Meningkatnya Derajat Kesehatan Masyarakat\n"
        "uraian: |\n"
        "  Sasaran ini mengukur **derajat kesehatan** masyarakat.\n"
        "  Ukurannya *angka harapan hidup*.\n"
        "\n"
        "  Dasar hukum:\n"
        "\n"
        "  1. Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan;\n"
        "  2. Peraturan Pemerintah Nomor 28 Tahun 2024.\n"
        "\n"
        "  Program utama:\n"
        "\n"
        "  1. imunisasi dasar lengkap;\n"
        "  2. pemeriksaan ibu hamil.\n"
        "\n"
        "  Langkah pengukuran:\n"
        "\n"
        "  1. survei rumah tangga;\n"
        "  2. analisis data.\n"
        "indikator:\n"
        "  - nama: Angka Harapan Hidup\n"
        "    relevansi: |\n"
        "      Menggambarkan kesehatan penduduk.  \n"
        "      Dipakai secara nasional.\n"
        "    formulasi: Rata-rata umur / jumlah penduduk\n"
        "    sumber_data: BPS Kabupaten\n"
        "    target: 72,5 tahun\n"
        "    penjelasan_target: Naik bertahap setiap tahun.\n"
        "  - nama: Persentase Balita Gizi Baik\n"
        "    relevansi: Balita bergizi baik tumbuh sehat.\n"
        "    target: 83,50 %\n"
        "    penjelasan_target: Sesuai target RPJMD.\n"
        "\n"
        "# Tidak dikenali saat impor (tabel 2, baris 2, kolom 5); teksnya disimpan di sini:\n"
        "#   sementara\n"
        "\n"
        '# Tidak dikenali saat impor (paragraf 19 ("Catatan: angka sementara menunggu data '
        'BPS.")); teksnya disimpan di sini:\n'
        "#   Catatan: angka sementara menunggu data BPS.\n"
    )


def test_what_could_not_be_mapped_is_named_with_its_place(tmp_path: Path) -> None:
    folder, out = imported(tmp_path)
    sasaran = (folder / "sasaran" / "01-derajat-kesehatan-masyarakat.yaml").as_posix()

    assert out == (
        f"{(tmp_path / 'Lampiran 2 PK 2025.docx').as_posix()}: 1 sasaran, 2 indikator dibaca.\n"
        f"{folder.as_posix()}/dokumen.yaml ditulis.\n"
        f"{sasaran} ditulis.\n"
        "\n"
        "Periksa (tidak dapat dipetakan persis):\n"
        "- tabel 2, baris 2, kolom 5: kolom ini tidak dikenali (tidak ada judul kolom yang "
        f"cocok); teksnya disimpan sebagai komentar di {sasaran}:35\n"
        '- paragraf 19 ("Catatan: angka sementara menunggu data BPS."): teks ini tidak '
        "dikenali sebagai bagian Lampiran 2; teksnya disimpan sebagai komentar di "
        f"{sasaran}:38\n"
        "\n"
        f"Lalu periksa dengan 'lampiran check {folder.as_posix()}' dan buat dokumennya dengan "
        f"'lampiran build {folder.as_posix()}'.\n"
    )
    lines = (folder / "sasaran" / "01-derajat-kesehatan-masyarakat.yaml").read_text().split("\n")
    assert lines[34].startswith("# Tidak dikenali saat impor (tabel 2, baris 2, kolom 5)")
    assert lines[37].startswith('# Tidak dikenali saat impor (paragraf 19 ("Catatan')
