"""A .docx to import is untrusted (security.md): refused clearly, quickly, writing nothing.

Each case is a file someone could send: the wrong format (an old .doc, a PDF, an
OpenDocument text, an Excel workbook, a zip of something else), or a hostile package (a
DOCTYPE with entity expansion or an external entity, a zip bomb, thousands of entries,
XML nested past any real document). Every one ends in one Indonesian message and exit
code 1 (2 for a mistake in the command), and no content folder is made.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT_2024, run_lampiran
from docxread import render_folder

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)


def zip_of(entries: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return stream.getvalue()


def docx_with_document(xml: bytes) -> bytes:
    """The real Lampiran 2 of content/2024 with its document part replaced."""
    original = zipfile.ZipFile(io.BytesIO(render_folder(CONTENT_2024)))
    entries = {info.filename: original.read(info) for info in original.infolist()}
    entries["word/document.xml"] = xml
    return zip_of(entries)


def import_bytes(tmp_path: Path, data: bytes, name: str = "kiriman.docx") -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    result = run_lampiran("import", str(path), "-o", str(tmp_path / "content"))
    assert result.out == ""
    assert not (tmp_path / "content").exists(), "nothing may be written"
    return result.code, result.err.removeprefix(f"Galat: {path.as_posix()}: ").rstrip("\n")


SAVE_AS = "buka di Word lalu simpan sebagai .docx (File > Save As > Word Document)"

WRONG_FORMATS = {
    "old_word_doc": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
        "ini dokumen Word lama (.doc, Word 97-2003) atau dokumen yang dikunci kata sandi; "
        f"{SAVE_AS}, tanpa kata sandi, lalu impor berkas .docx itu",
    ),
    "pdf": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "ini berkas PDF, bukan dokumen Word; impor memerlukan berkas .docx aslinya (PDF tidak "
        "menyimpan tabel dan gaya teks dengan utuh)",
    ),
    "rtf": (b"{\\rtf1\\ansi Lampiran}", f"ini dokumen RTF, bukan .docx; {SAVE_AS}"),
    "opendocument": (
        zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
        "ini dokumen OpenDocument (.odt, LibreOffice/WPS), bukan .docx; buka di LibreOffice "
        "lalu simpan sebagai Word 2007-365 (.docx)",
    ),
    "excel_workbook": (
        zip_of(
            {
                "_rels/.rels": PACKAGE_RELS.format(target="xl/workbook.xml").encode(),
                "xl/workbook.xml": b"<workbook/>",
            }
        ),
        "ini sebuah buku kerja Excel (.xlsx), bukan dokumen Word (.docx); impor memerlukan "
        "Lampiran 2 dalam dokumen Word",
    ),
    "zip_of_something_else": (
        zip_of({"foto.jpg": b"\xff\xd8\xff", "catatan.txt": b"halo"}),
        "berkas ini rusak atau bukan dokumen Word (.docx) yang utuh; buka di Word lalu simpan "
        "ulang sebagai .docx (mungkin berkasnya terpotong saat diunduh)",
    ),
    "truncated_docx": (
        render_folder(CONTENT_2024)[:3000],
        "berkas ini rusak atau bukan dokumen Word (.docx) yang utuh; buka di Word lalu simpan "
        "ulang sebagai .docx (mungkin berkasnya terpotong saat diunduh)",
    ),
    "plain_text": (
        b"LAMPIRAN 2 PERJANJIAN KINERJA\n",
        f"ini bukan dokumen Word (.docx); {SAVE_AS}, lalu impor berkas .docx itu",
    ),
    "empty_file": (b"", "berkas ini kosong (0 bita)"),
}


@pytest.mark.parametrize("case", sorted(WRONG_FORMATS))
def test_a_file_that_is_not_a_docx_says_what_it_is_and_how_to_convert_it(
    tmp_path: Path, case: str
) -> None:
    data, message = WRONG_FORMATS[case]

    code, err = import_bytes(tmp_path, data)

    assert (code, err) == (1, message)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>LAMPIRAN 2 PERJANJIAN KINERJA &secret;</w:t></w:r></w:p>"
    b"</w:body></w:document>"
)
DOCTYPE_REFUSED = (
    "bagian word/document.xml memuat deklarasi DOCTYPE, yang tidak pernah ditulis Word dan "
    "tidak diizinkan; berkas ini tidak dibaca"
)


UTF16_EXTERNAL_ENTITY = (
    EXTERNAL_ENTITY.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>')
    .decode("ascii")
    .encode("utf-16")
)


@pytest.mark.parametrize(
    "xml",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, UTF16_EXTERNAL_ENTITY],
    ids=["laughs", "external", "external-in-utf-16"],
)
def test_a_doctype_is_refused_before_any_entity_is_expanded(tmp_path: Path, xml: bytes) -> None:
    started = time.monotonic()

    code, err = import_bytes(tmp_path, docx_with_document(xml))

    assert (code, err) == (1, DOCTYPE_REFUSED)
    assert "root:" not in err
    assert time.monotonic() - started < 10, "entity expansion must never run"


def test_a_zip_bomb_stops_at_the_part_limit(tmp_path: Path) -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("_rels/.rels", PACKAGE_RELS.format(target="word/document.xml"))
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(40):
                part.write(chunk)
    data = stream.getvalue()
    assert len(data) < 1024 * 1024, "40 MB of spaces compress to a small file"

    code, err = import_bytes(tmp_path, data)

    assert (code, err) == (
        1,
        "bagian word/document.xml lebih besar dari 32 MB setelah diekstrak, jauh melebihi "
        "dokumen Word biasa; berkas ini tidak dibaca",
    )


def test_a_package_with_thousands_of_entries_is_refused(tmp_path: Path) -> None:
    entries = {f"word/media/gambar{i}.png": b"" for i in range(5001)}

    code, err = import_bytes(tmp_path, zip_of(entries))

    assert (code, err) == (
        1,
        "berisi 5001 bagian, jauh lebih banyak dari dokumen Word biasa (batas 5000); "
        "berkas ini tidak dibaca",
    )


def test_xml_nested_past_any_document_is_refused_as_broken(tmp_path: Path) -> None:
    deep = b"<w:p>" * 5000 + b"</w:p>" * 5000
    xml = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>" + deep + b"</w:body></w:document>"
    )

    code, err = import_bytes(tmp_path, docx_with_document(xml))

    assert (code, err) == (
        1,
        "bagian word/document.xml bukan XML yang utuh; buka di Word lalu simpan ulang sebagai "
        ".docx",
    )


def test_a_word_document_that_is_not_a_lampiran_2_is_refused(tmp_path: Path) -> None:
    xml = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Undangan rapat koordinasi</w:t></w:r></w:p></w:body>"
        b"</w:document>"
    )

    code, err = import_bytes(tmp_path, docx_with_document(xml))

    assert (code, err) == (
        1,
        "tidak ditemukan tabel indikator (judul kolom 'No | Uraian | Relevansi | Formulasi | "
        "Sumber Data'), sehingga dokumen ini tidak dapat dibaca sebagai Lampiran 2 Perjanjian "
        "Kinerja",
    )


def test_a_title_without_a_year_asks_for_tahun(tmp_path: Path) -> None:
    data = render_folder(CONTENT_2024)
    package = zipfile.ZipFile(io.BytesIO(data))
    entries = {info.filename: package.read(info) for info in package.infolist()}
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b"PENJELASAN KINERJA TAHUN 2024", b"PENJELASAN KINERJA"
    )

    code, err = import_bytes(tmp_path, zip_of(entries))

    assert (code, err) == (
        2,
        "tahun tidak ditemukan di judul dokumen; sebutkan dengan --tahun, misalnya --tahun 2025",
    )


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    missing = run_lampiran("import", str(tmp_path / "tidak-ada.docx"))
    folder = run_lampiran("import", str(tmp_path))

    assert missing.code == 1
    assert missing.err.startswith(f"Galat: {(tmp_path / 'tidak-ada.docx').as_posix()}: ")
    assert "berkasnya tidak ada" in missing.err
    assert folder.code == 2
    assert "is a directory" not in folder.err


def test_control_characters_in_the_file_name_are_printed_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "lampiran\x1b[31m.docx"
    Path(name).write_bytes(render_folder(CONTENT_2024))

    result = run_lampiran("import", name)

    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    assert result.out.startswith("lampiran\\x1b[31m.docx: 3 sasaran, 3 indikator dibaca.\n")
    dokumen = (tmp_path / "content" / "2024" / "dokumen.yaml").read_text("utf-8")
    assert "\x1b" not in dokumen
    assert "diimpor dari lampiran\\x1b[31m.docx." in dokumen
