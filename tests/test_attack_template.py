"""Hostile and broken custom templates (.docx from a forum or an e-mail).

Each template is built here, small and inline, from the package's own template or with
python-docx, then given to ``lampiran build --template``. A refused template gives one
Indonesian message naming the template, the part and the place, exit 1, and writes
nothing; an accepted one gives a document that carries nothing of what was hostile (no
DOCTYPE, no macro, no zip entry outside its folder, no part Word does not need).
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator

from conftest import CONTENT_2024, REPO_ROOT, Outcome, run_lampiran

TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
BUILT = "lampiran-2-perjanjian-kinerja-2024.docx"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)
RESAVE = "buka templat di Word lalu simpan ulang sebagai Dokumen Word (.docx)"
MACRO = (
    "berisi makro (VBA) atau berformat dokumen bermakro (.docm/.dotm), yang demi keamanan "
    "tidak dipakai lampiran; buka templat di Word lalu simpan sebagai 'Dokumen Word "
    "(*.docx)', yang membuang makronya"
)

Change = Callable[[str, bytes], bytes | None]


def template_from(
    tmp_path: Path,
    change: Change | None = None,
    extra: Iterable[tuple[str, bytes]] = (),
    name: str = "templat.docx",
) -> Path:
    """The package's template with each part passed through ``change`` (None drops it)
    and ``extra`` entries added as they are, whatever their names."""
    path = tmp_path / name
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(path, "w") as output:
        for info in source.infolist():
            content = source.read(info)
            changed = change(info.filename, content) if change else content
            if changed is not None:
                output.writestr(info.filename, changed)
        for entry, content in extra:
            output.writestr(zipfile.ZipInfo(entry), content)
    return path


def with_text(old: str, new: str, part: str = "word/document.xml", xml: bool = False) -> Change:
    """Replace text of one part; ``new`` is typed in Word (escaped) unless ``xml``."""

    def change(name: str, content: bytes) -> bytes:
        if name != part:
            return content
        text = content.decode("utf-8")
        assert old in text, old
        return text.replace(old, new if xml else escape(new), 1).encode("utf-8")

    return change


def with_tag(tmp_path: Path, tag: str, part: str = "word/document.xml") -> Path:
    """The template with "Uraian Sasaran" (or the footer's page number) replaced by ``tag``."""
    old = "Uraian Sasaran" if part == "word/document.xml" else "<w:t>1</w:t>"
    new = tag if part == "word/document.xml" else f"<w:t>{escape(tag)}</w:t>"
    return template_from(tmp_path, with_text(old, new, part, xml=part != "word/document.xml"))


def build(template: Path, tmp_path: Path) -> Outcome:
    return run_lampiran(
        "build", str(CONTENT_2024), "--template", str(template), "-o", str(tmp_path / "dist")
    )


def refused(outcome: Outcome, tmp_path: Path) -> str:
    """The message of a refused build, checked to be one clear line and nothing written."""
    assert outcome.code == 1, outcome.err
    assert not (tmp_path / "dist").exists()
    assert "di dalam lampiran sendiri" not in outcome.err
    assert outcome.err.startswith("Galat: ") and outcome.err.count("\n") == 1, outcome.err
    return outcome.err.removeprefix("Galat: ").rstrip("\n")


def built_parts(outcome: Outcome, tmp_path: Path, template: Path | None = None) -> dict[str, bytes]:
    """The parts of an accepted build, checked to carry nothing hostile and to be as
    valid for Word as ``template`` itself (fully valid when None, as the package's own)."""
    assert outcome.code == 0, outcome.err
    data = (tmp_path / "dist" / BUILT).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    for name, content in parts.items():
        assert not name.startswith("/") and "\\" not in name, name
        assert ".." not in name.split("/"), name
        assert "vbaproject" not in name.lower(), name
        assert b"<!DOCTYPE" not in content and b"<!ENTITY" not in content, name
        assert b"macroEnabled" not in content, name
    inherited = word_problems(template.read_bytes(), tmp_path) if template else []
    assert set(word_problems(data, tmp_path)) <= set(inherited)
    return parts


def word_problems(data: bytes, tmp_path: Path) -> list[str]:
    """What the Open XML SDK's rules (for Word 2010) report about a package."""
    path = tmp_path / "periksa.docx"
    path.write_bytes(data)
    validator = OpenXmlValidator(file_format=FileFormat.OFFICE_2010, max_errors=0)
    return [str(problem) for problem in validator.validate(path).errors]


def label(path: Path) -> str:
    return f"templat '{path.as_posix()}'"


# -- zip entries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry", ["../x", "/x", "word/../../x", "word\\..\\x", "C:/x", "word/./x", "../"]
)
def test_a_zip_entry_that_would_unpack_outside_its_folder_is_refused(
    entry: str, tmp_path: Path
) -> None:
    template = template_from(tmp_path, extra=[(entry, b"isi")])

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} memuat bagian bernama tidak sah ({entry.rstrip('/')!r}), yang "
        "tidak pernah dibuat oleh Word; jangan pakai templat ini; minta salinan yang "
        "disimpan langsung dari Word"
    )


def test_a_part_held_twice_in_other_letter_case_is_refused(tmp_path: Path) -> None:
    template = template_from(tmp_path, extra=[("WORD/styles.xml", b"<w:styles/>")])

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (f"{label(template)} memuat bagian WORD/styles.xml dua kali; {RESAVE}")


def test_a_corrupt_zip_entry_is_refused_with_its_part(tmp_path: Path) -> None:
    template = template_from(tmp_path)
    data = bytearray(template.read_bytes())
    with zipfile.ZipFile(template) as package:
        info = package.getinfo("word/styles.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF  # stored: the CRC no longer matches
    template.write_bytes(bytes(data))

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} rusak: bagian word/styles.xml tidak dapat dibaca dari berkas "
        f"zip; {RESAVE}; bila Word tidak dapat membukanya, ambil lagi salinan yang utuh"
    )


def _declare_size(data: bytes, name: str, size: int) -> bytes:
    """The zip with the uncompressed size of entry ``name`` changed in both its headers."""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        local = package.getinfo(name).header_offset
    struct.pack_into("<I", patched, local + 22, size)
    central = patched.index(b"PK\x01\x02")
    while patched[central + 46 : central + 46 + len(name)] != name.encode():
        central = patched.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", patched, central + 24, size)
    return bytes(patched)


def test_an_entry_inflating_past_its_declared_size_is_refused_without_the_memory(
    tmp_path: Path,
) -> None:
    # 64 MB of spaces deflate to some 64 kB; the headers claim 100 bytes.
    bomb = tmp_path / "bom.docx"
    with (
        zipfile.ZipFile(TEMPLATE) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as output,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/styles.xml":
                content += b" " * (64 * 1024 * 1024)
            output.writestr(info.filename, content)
    bomb.write_bytes(_declare_size(bomb.read_bytes(), "word/styles.xml", 100))

    tracemalloc.start()
    try:
        outcome = build(bomb, tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert refused(outcome, tmp_path) == (
        f"{label(bomb)} rusak: bagian word/styles.xml tidak dapat dibaca dari berkas zip; "
        f"{RESAVE}; bila Word tidak dapat membukanya, ambil lagi salinan yang utuh"
    )
    assert peak < 32 * 1024 * 1024


def test_an_old_word_file_or_a_password_protected_one_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "lama.docx"
    template.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} berformat Word lama (.doc) atau dilindungi kata sandi, bukan "
        ".docx; buka templat di Word, hapus kata sandinya bila ada, lalu simpan sebagai "
        "Dokumen Word (.docx)"
    )


# -- macros -------------------------------------------------------------------------------


def _macro_enabled(name: str, content: bytes) -> bytes:
    if name != "[Content_Types].xml":
        return content
    return content.replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.document.macroEnabled.main+xml"
    )


def _vba_relationship(name: str, content: bytes) -> bytes:
    if name != "word/_rels/document.xml.rels":
        return content
    return content.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
        b'relationships/vbaProject" Target="vba.bin"/></Relationships>',
    )


@pytest.mark.parametrize(
    ("name", "change", "extra"),
    [
        ("templat.docx", None, [("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")]),
        ("templat.docx", _macro_enabled, []),
        ("templat.docx", _vba_relationship, [("word/vba.bin", b"\xd0\xcf\x11\xe0")]),
        ("templat.docm", None, []),
        ("templat.DOTM", None, []),
    ],
    ids=["vbaProject.bin", "content-type", "relationship", "docm", "dotm"],
)
def test_a_template_with_macros_is_refused(
    name: str, change: Change | None, extra: list[tuple[str, bytes]], tmp_path: Path
) -> None:
    template = template_from(tmp_path, change, extra, name=name)

    message = refused(build(template, tmp_path), tmp_path)

    assert message == f"{label(template)} {MACRO}"


# -- only the parts a Word document needs ---------------------------------------------------


def test_parts_word_does_not_need_are_dropped_with_their_types_and_relationships(
    tmp_path: Path,
) -> None:
    # python-docx's default document carries custom XML and a thumbnail; add an unknown
    # program and an unreferenced embedded object.
    document = docx.Document()
    document.add_paragraph("{{ instansi }} {{ tahun }}")
    document.add_paragraph("{% for s in sasaran %}{{ s.nomor }}. {{ s.sasaran }}{% endfor %}")
    source = io.BytesIO()
    document.save(source)
    template = tmp_path / "python-docx.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(template, "w") as output:
        for info in original.infolist():
            output.writestr(info.filename, original.read(info))
        output.writestr("program.exe", b"MZ")
        output.writestr("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0")
    with zipfile.ZipFile(template) as original:
        assert {"customXml/item1.xml", "docProps/thumbnail.jpeg"} <= set(original.namelist())

    parts = built_parts(build(template, tmp_path), tmp_path, template)

    assert sorted(parts) == sorted(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/fontTable.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/styles.xml",
            "word/stylesWithEffects.xml",
            "word/theme/theme1.xml",
            "word/webSettings.xml",
        ]
    )
    overrides = [
        element.get("PartName", "")
        for element in etree.fromstring(parts["[Content_Types].xml"]).iter(f"{CT}Override")
    ]
    assert sorted(name.lstrip("/") for name in overrides) == sorted(
        name for name in parts if not name.endswith(".rels") and name != "[Content_Types].xml"
    )
    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
        folder = posixpath.dirname(posixpath.dirname(rels))
        for element in etree.fromstring(parts[rels]).iter(f"{REL}Relationship"):
            target = posixpath.normpath(posixpath.join(folder, element.get("Target", "")))
            assert target in parts, (rels, target)
    text = parts["word/document.xml"].decode("utf-8")
    assert "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia 2024" in text
    assert "1. Meningkatnya Disiplin Aparatur2. Meningkatnya Kompetensi" in text


def _png() -> bytes:
    """A 1 x 1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_logo_in_the_header_and_a_hyperlink_are_kept(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(_png()))
    document.add_paragraph("{{ instansi }}")
    paragraph = document.add_paragraph()._p
    link = document.part.relate_to(
        "https://jdih.contoh.go.id/", f"{R_NS}/hyperlink", is_external=True
    )
    paragraph.append(
        etree.fromstring(
            f'<w:hyperlink xmlns:w="{W_NS}" xmlns:r="{R_NS}" r:id="{link}">'
            "<w:r><w:t>JDIH</w:t></w:r></w:hyperlink>"
        )
    )
    source = tmp_path / "logo.docx"
    document.save(str(source))

    parts = built_parts(build(source, tmp_path), tmp_path, source)

    media = [name for name in parts if name.startswith("word/media/")]
    assert len(media) == 1 and parts[media[0]] == _png()
    assert any(name.startswith("word/header") for name in parts)
    assert b"https://jdih.contoh.go.id/" in parts["word/_rels/document.xml.rels"]


SETTINGS_RELS = (
    RELS_HEAD + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/attachedTemplate" '
    'Target="http://contoh.invalid/makro.dotm" TargetMode="External"/></Relationships>'
)


def _attach_template(name: str, content: bytes) -> bytes:
    if name != "word/settings.xml":
        return content
    text = content.decode("utf-8")
    text = text.replace("<w:settings ", f'<w:settings xmlns:r="{R_NS}" ', 1)
    return text.replace("</w:settings>", '<w:attachedTemplate r:id="rId1"/></w:settings>').encode(
        "utf-8"
    )


def test_a_template_attached_from_a_server_is_detached(tmp_path: Path) -> None:
    # Word fetches an attached template when the document opens: a classic way to pull
    # in macros from outside (remote template injection).
    template = template_from(
        tmp_path,
        _attach_template,
        [("word/_rels/settings.xml.rels", SETTINGS_RELS.encode("utf-8"))],
    )

    parts = built_parts(build(template, tmp_path), tmp_path)

    assert not any(b"contoh.invalid" in content for content in parts.values())
    assert b"attachedTemplate" not in parts["word/settings.xml"]


def _embed_font(name: str, content: bytes) -> bytes:
    text = content.decode("utf-8")
    if name == "word/fontTable.xml":
        text = re.sub(
            r'(<w:font w:name="Arial">.*?)(</w:font>)',
            r'\1<w:embedRegular r:id="rIdF" w:fontKey="{00000000-0000-0000-0000-000000000000}"/>\2',
            text,
            count=1,
            flags=re.DOTALL,
        )
        assert "embedRegular" in text
    return text.encode("utf-8")


def test_an_embedded_font_is_left_out_and_the_font_kept_by_name(tmp_path: Path) -> None:
    # An embedded font is a program for the font renderer of whoever opens the document.
    rels = (
        RELS_HEAD + f'<Relationship Id="rIdF" Type="{R_NS}/font" Target="fonts/font1.odttf"/>'
        "</Relationships>"
    )
    template = template_from(
        tmp_path,
        _embed_font,
        [("word/_rels/fontTable.xml.rels", rels.encode()), ("word/fonts/font1.odttf", b"\0" * 64)],
    )

    parts = built_parts(build(template, tmp_path), tmp_path)

    assert not any(name.startswith("word/fonts/") for name in parts)
    assert b"embedRegular" not in parts["word/fontTable.xml"]
    assert b'<w:font w:name="Arial">' in parts["word/fontTable.xml"]


def _embed_object(target: str, mode: str, element: str) -> Change:
    """A document part using relationship ``rIdX`` to ``target`` in ``element``."""

    def change(name: str, content: bytes) -> bytes:
        text = content.decode("utf-8")
        if name == "word/_rels/document.xml.rels":
            kind = "oleObject" if "ole" in target else "image"
            return text.replace(
                "</Relationships>",
                f'<Relationship Id="rIdX" Type="{R_NS}/{kind}" Target="{target}"{mode}/>'
                "</Relationships>",
            ).encode("utf-8")
        if name == "word/document.xml":
            return text.replace("<w:body>", f"<w:body><w:p><w:r>{element}</w:r></w:p>", 1).encode()
        return content

    return change


@pytest.mark.parametrize(
    ("target", "mode", "element", "kind"),
    [
        (
            "embeddings/oleObject1.bin",
            "",
            '<w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
            'r:id="rIdX"/></w:object>',
            "objek tertanam (OLE)",
        ),
        (
            "file://contoh.invalid/berbagi/gambar.png",
            ' TargetMode="External"',
            '<w:pict><v:imagedata xmlns:v="urn:schemas-microsoft-com:vml" r:id="rIdX"/></w:pict>',
            "gambar yang ditautkan dari luar berkas",
        ),
    ],
    ids=["ole-object", "linked-picture"],
)
def test_a_part_using_what_is_not_copied_is_refused(
    target: str, mode: str, element: str, kind: str, tmp_path: Path
) -> None:
    extra = [("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0")] if not mode else []
    template = template_from(tmp_path, _embed_object(target, mode, element), extra)

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} memakai {kind} di word/document.xml ({target}), yang demi "
        "keamanan tidak disalin ke dokumen; hapus objek itu dari templat di Word lalu "
        "simpan ulang"
    )


def test_a_word_template_dotx_makes_a_document(tmp_path: Path) -> None:
    template = template_from(
        tmp_path,
        lambda name, content: (
            content.replace(b"document.main+xml", b"template.main+xml")
            if name == "[Content_Types].xml"
            else content
        ),
        name="templat.dotx",
    )

    parts = built_parts(build(template, tmp_path), tmp_path)

    assert b"document.main+xml" in parts["[Content_Types].xml"]
    assert b"template.main+xml" not in parts["[Content_Types].xml"]


# -- XML that is not what Word writes --------------------------------------------------------


@pytest.mark.parametrize("part", ["word/styles.xml", "word/_rels/document.xml.rels"])
def test_a_doctype_in_any_part_is_refused(part: str, tmp_path: Path) -> None:
    doctype = b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    template = template_from(
        tmp_path,
        lambda name, content: content.replace(b"?>", doctype, 1) if name == part else content,
    )

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} memuat deklarasi DOCTYPE di {part}, yang tidak diizinkan; "
        "simpan ulang templat dari Word, dan jangan sisipkan deklarasi DOCTYPE atau ENTITY "
        "lewat |safe"
    )


def test_a_part_in_utf16_is_refused(tmp_path: Path) -> None:
    def utf16(name: str, content: bytes) -> bytes:
        if name != "word/footer1.xml":
            return content
        return content.decode("utf-8").replace("UTF-8", "UTF-16").encode("utf-16")

    template = template_from(tmp_path, utf16)

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} memuat bagian word/footer1.xml yang tidak tersimpan dalam UTF-8 "
        f"(pengodean yang dipakai Word); {RESAVE}"
    )


def test_a_part_that_is_not_xml_is_refused(tmp_path: Path) -> None:
    template = template_from(
        tmp_path, lambda name, content: b"bukan XML" if name == "word/styles.xml" else content
    )

    message = refused(build(template, tmp_path), tmp_path)

    assert (
        message
        == f"{label(template)} memuat bagian word/styles.xml yang bukan XML yang utuh; {RESAVE}"
    )


# -- what |safe puts in is checked after rendering ----------------------------------------


def test_a_doctype_put_in_a_footer_by_safe_is_refused_at_its_tag(tmp_path: Path) -> None:
    tag = "{{ '<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>'|safe }}"
    template = with_tag(tmp_path, tag, part="word/footer1.xml")

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} menyisipkan deklarasi XML ('<!...' atau '<?...', misalnya "
        f'DOCTYPE atau ENTITY) lewat |safe (di word/footer1.xml, paragraf "{tag}"); hapus '
        "tag itu dari templat"
    )


def test_a_doctype_put_in_by_a_filter_block_is_refused(tmp_path: Path) -> None:
    # A filter block's result is not printed through a tag, so only the check of the
    # rendered part sees it.
    template = with_tag(tmp_path, "{% filter replace('Q', '<!DOCTYPE x>'|safe) %}Q{% endfilter %}")

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} setelah diisi memuat deklarasi DOCTYPE di word/document.xml, "
        'yang tidak diizinkan (dekat paragraf "<!DOCTYPE x>"); periksa tag yang memakai '
        "|safe di paragraf itu"
    )


def test_broken_xml_from_safe_is_refused_near_its_paragraph(tmp_path: Path) -> None:
    template = with_tag(tmp_path, "Uraian {{ '</w:t></w:r></w:p>'|safe }}")

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} setelah diisi memuat bagian word/document.xml yang bukan XML "
        'yang utuh (dekat paragraf "Uraian"); periksa tag yang memakai |safe di paragraf itu'
    )


def test_a_reference_to_a_relationship_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    drawing = (
        '<w:r><w:pict><v:imagedata xmlns:v="urn:schemas-microsoft-com:vml" r:id="rId77"/>'
        "</w:pict></w:r>"
    )
    template = with_tag(tmp_path, "Uraian {{ '" + drawing + "'|safe }}")

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} setelah diisi memuat bagian word/document.xml yang merujuk ke "
        "hubungan (relationship) 'rId77' yang tidak ada (dekat paragraf \"Uraian\"); "
        "periksa tag yang memakai |safe di paragraf itu"
    )


def test_a_character_xml_cannot_hold_is_refused(tmp_path: Path) -> None:
    template = with_tag(tmp_path, "Uraian {{ '\\x01' }}")

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)} menghasilkan karakter yang tidak dapat disimpan (U+0001) di "
        'word/document.xml (dekat paragraf "Uraian \\x01"); hapus karakter itu dari tag '
        "di templat"
    )


# -- tags that go on for ever or grow without end -------------------------------------------

TOO_BIG = (
    "membuat teks atau daftar lebih dari 4.000.000 karakter",
    "perkecil angka pengali, lebar, atau jumlah pengulangan di tag itu",
)
TOO_MANY_STEPS = (
    "mengulang lebih dari 1.000.000 langkah (loop 'for', filter atau panggilan macro)",
    "periksa 'for' yang bersarang, range() yang besar, atau macro yang memanggil dirinya sendiri",
)
TOO_LARGE_NUMBER = (
    "menghitung bilangan yang terlalu besar (lebih dari 4.000 angka)",
    "periksa pangkat (**) dan perkalian di tag itu",
)
TOO_MUCH_OUTPUT = (
    "menghasilkan lebih dari 16.000.000 karakter untuk satu bagian",
    "periksa pengulangan di templat",
)
DOUBLING = "".join(f"{{% set l{n + 1} = [l{n}, l{n}] %}}" for n in range(24))
# Namespaces can change after a list holding them is weighed: filled from the top down,
# each list was small when it was made, yet n24 prints as 2**24 'x'.
NAMESPACES = "".join(f"{{% set n{n} = namespace(v='x') %}}" for n in range(25)) + "".join(
    f"{{% set n{n}.v = [n{n - 1}, n{n - 1}] %}}" for n in range(24, 0, -1)
)

GROWING = [
    ("{{ 'a' * 10**9 }}", TOO_BIG),
    ("{{ [0] * 10**9 }}", TOO_BIG),
    ("{{ 'a'|center(10**9) }}", TOO_BIG),
    ("{{ 'a'.ljust(10**9) }}", TOO_BIG),
    ("{{ ('a' * 100000)|replace('a', 'a' * 100000) }}", TOO_BIG),
    ("{{ range(100000)|join('x' * 1000000) }}", TOO_BIG),
    ("{{ ('%(a)s' * 100000) % {'a': 'x' * 1000} }}", TOO_BIG),
    ("{{ '%999999999d' % 1 }}", TOO_BIG),
    (
        "{% set ns = namespace(s='a') %}{% for i in range(40) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        TOO_BIG,
    ),
    ("{% set l0 = ['x'] %}" + DOUBLING + "{{ l24|length }}", TOO_BIG),
    (NAMESPACES + "{{ n24 }}", TOO_BIG),
    ("{{ 10**(10**10) }}", TOO_LARGE_NUMBER),
    (
        "{% set x %}{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}{% endset %}",
        TOO_MUCH_OUTPUT,
    ),
    (
        "{{ range(10**9)|list }}",
        ("memakai range() lebih dari 100.000 angka", "pakai range() yang lebih kecil"),
    ),
]


def where(tag: str) -> str:
    shown = tag if len(tag) <= 80 else tag[:77] + "..."
    return f'(di word/document.xml, paragraf "{shown}")'


@pytest.mark.parametrize(("tag", "expected"), GROWING, ids=[tag[:60] for tag, _ in GROWING])
def test_a_tag_that_grows_without_end_is_refused_before_it_takes_the_memory(
    tag: str, expected: tuple[str, str], tmp_path: Path
) -> None:
    template = with_tag(tmp_path, tag)

    tracemalloc.start()
    try:
        outcome = build(template, tmp_path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    what, fix = expected
    assert refused(outcome, tmp_path) == f"{label(template)} {what} {where(tag)}; {fix}"
    assert peak < 300 * 1024 * 1024  # each would take gigabytes


ENDLESS = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    "{% for x in [1, 2] recursive %}{% if loop.depth != 40 %}{{ loop([1, 2]) }}{% endif %}"
    "{% endfor %}",
]


@pytest.mark.parametrize("tag", ENDLESS)
def test_a_tag_that_would_run_for_hours_is_refused_within_seconds(tag: str, tmp_path: Path) -> None:
    template = with_tag(tmp_path, tag)

    start = time.monotonic()
    outcome = build(template, tmp_path)
    elapsed = time.monotonic() - start

    what, fix = TOO_MANY_STEPS
    assert refused(outcome, tmp_path) == f"{label(template)} {what} {where(tag)}; {fix}"
    assert elapsed < 10  # generous: about a second here


# -- tags Jinja cannot run here, and tags that compute nonsense ----------------------------


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("{% include 'kop.docx' %}", "include"),
        ("{% import 'makro.xml' as m %}", "import"),
        ("{% from 'makro.xml' import f %}", "from ... import"),
        ("{% extends 'induk.docx' %}", "extends"),
    ],
)
def test_a_tag_reading_another_template_is_refused(tag: str, name: str, tmp_path: Path) -> None:
    template = with_tag(tmp_path, tag)

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)}: tag '{{% {name} %}}' tidak didukung (di word/document.xml, "
        f'paragraf "{tag}"); templat harus memuat seluruh isinya sendiri: salin isi yang '
        "dimaksud langsung ke templat"
    )


def test_an_unknown_filter_is_refused_with_its_place(tmp_path: Path) -> None:
    template = with_tag(tmp_path, "{{ instansi|huruf_besar }}")

    message = refused(build(template, tmp_path), tmp_path)

    assert message == (
        f"{label(template)}: filter 'huruf_besar' tidak dikenal (di word/document.xml, "
        'paragraf "{{ instansi|huruf_besar }}"); periksa ejaan nama filter itu (yang '
        "tersedia hanya bawaan Jinja, misalnya upper, lower, default, join, length)"
    )


@pytest.mark.parametrize(
    ("tag", "what", "fix"),
    [
        ("{{ 1/0 }}", "membagi dengan nol", "periksa pembagian ('/', '//' atau '%') di tag itu"),
        (
            "{{ 2.0 ** 100000 }}",
            "menghitung bilangan yang terlalu besar",
            "periksa perhitungan di tag itu",
        ),
        (
            "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
            "memanggil macro (atau loop rekursif) terlalu dalam",
            "pastikan macro yang memanggil dirinya sendiri berhenti",
        ),
        (
            "{{ instansi - 1 }}",
            "gagal diisi karena nilai yang tidak cocok (TypeError: unsupported operand "
            "type(s) for -: 'str' and 'int')",
            "periksa tag itu",
        ),
        (
            "{{ '{}'.format(instansi) }}",
            "mencoba mengakses bagian Python yang tidak diizinkan",
            "hapus tag itu dari templat",
        ),
        (
            "{{ [].append(1) }}",
            "mencoba mengakses bagian Python yang tidak diizinkan",
            "hapus tag itu dari templat",
        ),
    ],
    ids=["division-by-zero", "overflow", "recursion", "type", "str-format", "list-append"],
)
def test_a_tag_that_fails_is_named_with_its_place(
    tag: str, what: str, fix: str, tmp_path: Path
) -> None:
    template = with_tag(tmp_path, tag)

    message = refused(build(template, tmp_path), tmp_path)

    assert message == f'{label(template)} {what} (di word/document.xml, paragraf "{tag}"); {fix}'


def test_what_a_template_may_do_still_works(tmp_path: Path) -> None:
    tag = (
        "{{ sasaran|map(attribute='sasaran')|join('; ')|upper }} {{ '%s-%d' % (instansi, "
        "tahun) }} {{ instansi ~ ' ' ~ tahun }} {% for s in sasaran %}{{ loop.index }}/"
        "{{ loop.length }}{% endfor %} {{ ([1, 2] * 2)|sum }} {{ range(3)|list }}"
    )
    template = with_tag(tmp_path, tag)

    parts = built_parts(build(template, tmp_path), tmp_path)

    text = re.sub(r"<[^>]+>", "", parts["word/document.xml"].decode("utf-8"))
    instansi = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    assert (
        "MENINGKATNYA DISIPLIN APARATUR; MENINGKATNYA KOMPETENSI SUMBER DAYA MANUSIA "
        f"APARATUR; MENINGKATNYA KUALITAS DAN PENCAPAIAN KINERJA PENYELENGGARAAN URUSAN "
        f"PERANGKAT DAERAH {instansi}-2024 {instansi} 2024 1/32/33/3 6 [0, 1, 2]"
    ) in text


# -- SOURCE_DATE_EPOCH ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["99999999999999", "-5", "1e9", "315532799", "4102444800", "１７１７２０００００"]
)
def test_a_source_date_epoch_out_of_range_is_refused_with_the_accepted_form(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)

    outcome = run_lampiran("build", str(CONTENT_2024), "-o", str(tmp_path / "dist"))

    assert outcome.code == 2
    assert outcome.err == (
        f"Galat: SOURCE_DATE_EPOCH '{value}' tidak dapat dipakai: isi dengan bilangan bulat "
        "jumlah detik sejak 1 Januari 1970 UTC, antara 315532800 (1 Januari 1980) dan "
        "4102444799 (31 Desember 2099), misalnya 1717200000; atau kosongkan variabel itu "
        "agar tanggal diambil dari isi\n"
    )
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(
    ("value", "stamp"),
    [("315532800", "1980-01-01T00:00:00Z"), ("4102444799", "2099-12-31T23:59:59Z")],
)
def test_the_first_and_last_source_date_epoch_are_accepted(
    value: str, stamp: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)

    outcome = run_lampiran("build", str(CONTENT_2024), "-o", str(tmp_path / "dist"))

    assert outcome.code == 0, outcome.err
    with zipfile.ZipFile(tmp_path / "dist" / BUILT) as package:
        assert stamp.encode() in package.read("docProps/core.xml")
