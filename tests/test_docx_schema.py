"""The built .docx as Microsoft Word reads it: schemas, package structure, properties.

LibreOffice opens almost anything; Word answers an element out of schema order, an
unknown attribute, a part without a content type or a relationship to nothing with
"Word found unreadable content". Word cannot run here, so two checks stand in for it:

- openxml-audit, a Python port of the validator of Microsoft's Open XML SDK (its schema
  data is generated from the SDK), checks every XML part against the WordprocessingML
  schemas (ISO/IEC 29500 Transitional, with the Office extensions) and the SDK's semantic
  rules (styles and numbering that are referenced exist, relationship targets exist,
  content types match). It is run for Word 2010, the oldest Word we support (tblCaption
  and the tblLook attributes need it), and for the current Microsoft 365.
- the tests below check what that validator does not look at: duplicate zip entries,
  ``[Content_Types].xml`` first, fixed timestamps, parts that nothing references (such
  as python-docx's thumbnail), XML declarations, the core properties' dates and the
  language tags.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator

from conftest import CONTENT_2024, PK_2025, REPO_ROOT, run_lampiran, write_year
from docxread import W, part, render_folder

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
PK_TEMPLATE = REPO_ROOT / "templates" / "perjanjian-kinerja.docx"

CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DCTERMS = "http://purl.org/dc/terms/"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# W3CDTF (the profile of ISO 8601 that core properties use), as Word writes it: UTC.
W3CDTF = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}-[A-Z]{2}")
FORMATS = [FileFormat.OFFICE_2010, FileFormat.MICROSOFT_365]

BUILT: dict[str, Callable[[], bytes]] = {
    "content-2024": lambda: render_folder(CONTENT_2024),
    "lengkap-2025": lambda: render_folder(LENGKAP_2025),
    "lengkap-2025-a4": lambda: render_folder(LENGKAP_2025, paper="A4"),
    "templat": TEMPLATE.read_bytes,
    "pk-2025": lambda: render_kind(PK_2025, "pk"),
    "pk-2025-pernyataan": lambda: render_kind(PK_2025, "pernyataan"),
    "pk-2025-lampiran-1-a4": lambda: render_kind(PK_2025, "lampiran-1", "A4"),
    "templat-pk": PK_TEMPLATE.read_bytes,
}
"""Every document and template checked: Lampiran 2, the whole PK and its parts."""
PACKAGES = [
    "content-2024",
    "lengkap-2025",
    "templat",
    "pk-2025",
    "pk-2025-pernyataan",
    "templat-pk",
]


def render_kind(folder: Path, kind: str, paper: str = "F4") -> bytes:
    from lampiran.content.loading import require_year
    from lampiran.writers.docx.render import render_document

    year, _ = require_year(folder)
    return render_document(year, kind, paper=paper)  # type: ignore[arg-type]


@cache
def built(name: str) -> bytes:
    return BUILT[name]()


@cache
def validator(file_format: FileFormat) -> OpenXmlValidator:
    return OpenXmlValidator(file_format=file_format, max_errors=0)


def schema_problems(data: bytes, tmp_path: Path, file_format: FileFormat) -> list[str]:
    """Everything the Open XML SDK's rules report (errors and warnings alike)."""
    path = tmp_path / f"periksa-{file_format.value}.docx"
    path.write_bytes(data)
    return [str(problem) for problem in validator(file_format).validate(path).errors]


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def repack(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The package with each part passed through ``change`` (None drops the part)."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts_of(data).items():
            changed = change(name, content)
            if changed is not None:
                package.writestr(name, changed)
    return output.getvalue()


def sub(pattern: str, replacement: str, text: bytes) -> bytes:
    """``re.sub`` once on UTF-8 XML, failing when the pattern is not there."""
    result, count = re.subn(pattern, replacement, text.decode("utf-8"), count=1)
    assert count == 1, pattern
    return result.encode("utf-8")


# -- schemas --------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", FORMATS, ids=lambda f: f.value)
@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_part_is_valid_for_word(name: str, file_format: FileFormat, tmp_path: Path) -> None:
    assert schema_problems(built(name), tmp_path, file_format) == []


# Deliberate schema errors of the kinds Word refuses: if the validator stopped seeing
# them (a broken install, a changed API), the test above would pass for nothing.
BROKEN = [
    # CT_PPrBase (ECMA-376 Part 1 §17.3.1): pStyle comes first.
    ("word/document.xml", r"(<w:pStyle [^>]*/>)(<w:keepNext/>)", r"\2\1", "pStyle"),
    # CT_SectPr (§17.6): pgSz before pgMar.
    ("word/document.xml", r"(<w:pgSz [^>]*/>)(<w:pgMar [^>]*/>)", r"\2\1", "pgSz"),
    # CT_Numbering (§17.9): every abstractNum before the first num.
    (
        "word/numbering.xml",
        r"(<w:abstractNum [^>]*>.*?</w:abstractNum>)(.*</w:num>)",
        r"\2\1",
        "abstractNum",
    ),
    # CT_TblLayoutType (§17.4): has no such attribute.
    ("word/document.xml", r"<w:tblLayout ", '<w:tblLayout w:lebar="1" ', "lebar"),
]


@pytest.mark.parametrize(("part_name", "pattern", "replacement", "reported"), BROKEN)
def test_the_validator_reports_what_word_refuses(
    part_name: str, pattern: str, replacement: str, reported: str, tmp_path: Path
) -> None:
    broken = repack(
        built("lengkap-2025"),
        lambda name, content: sub(pattern, replacement, content) if name == part_name else content,
    )

    problems = schema_problems(broken, tmp_path, FileFormat.OFFICE_2010)

    assert problems and all(f"/{part_name}" in problem for problem in problems)
    assert any(reported in problem for problem in problems)


# -- package ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", PACKAGES)
def test_zip_entries_are_unique_content_types_first_and_timestamps_fixed(name: str) -> None:
    with zipfile.ZipFile(io.BytesIO(built(name))) as package:
        infos = package.infolist()

    names = [info.filename.casefold() for info in infos]
    assert len(set(names)) == len(names)
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert not any(info.is_dir() for info in infos)


@pytest.mark.parametrize("name", PACKAGES)
def test_every_part_has_its_content_type_and_every_override_names_a_part(name: str) -> None:
    parts = parts_of(built(name))
    types = etree.fromstring(parts.pop("[Content_Types].xml"))
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(f"{CT}Default")
    }
    overrides = {
        o.get("PartName", "").lower(): o.get("ContentType") for o in types.iter(f"{CT}Override")
    }

    for part_name in parts:
        extension = part_name.rsplit(".", 1)[-1].lower()
        assert f"/{part_name}".lower() in overrides or extension in defaults, part_name
    assert set(overrides) <= {f"/{n}".lower() for n in parts}
    assert overrides["/word/document.xml"] == MAIN_DOCUMENT


@pytest.mark.parametrize("name", PACKAGES)
def test_every_relationship_target_exists_and_every_part_is_referenced(name: str) -> None:
    parts = parts_of(built(name))
    reached = {"[Content_Types].xml"}
    pending = [""]  # the package itself, whose relationships are _rels/.rels
    while pending:
        source = pending.pop()
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels_name not in parts:
            continue
        reached.add(rels_name)
        for relationship in etree.fromstring(parts[rels_name]).iter(f"{REL}Relationship"):
            if relationship.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, relationship.get("Target", "")))
            target = target.lstrip("/")
            assert target in parts, f"{rels_name} -> {target}"
            if target not in reached:
                reached.add(target)
                pending.append(target)

    # Nothing left over from python-docx's default template (thumbnail, customXml, ...).
    assert set(parts) == reached


@pytest.mark.parametrize("name", sorted(BUILT))
def test_every_xml_part_starts_with_a_utf8_declaration(name: str) -> None:
    for part_name, content in parts_of(built(name)).items():
        assert content.startswith(b"<?xml version="), part_name
        assert re.match(rb"<\?xml [^>]*encoding=[\"']UTF-8[\"']", content), part_name


# -- properties and languages -----------------------------------------------------------


@pytest.mark.parametrize("name", ["content-2024", "lengkap-2025"])
def test_core_properties_have_w3cdtf_dates_and_the_title(name: str) -> None:
    core = part(built(name), "docProps/core.xml")

    for tag in ("created", "modified"):
        date = core.find(f"{{{DCTERMS}}}{tag}")
        assert date is not None, tag
        assert W3CDTF.fullmatch(date.text or ""), date.text
        # xsi:type is a QName: its prefix must name the dcterms namespace.
        prefix, _, local = (date.get(XSI_TYPE) or "").partition(":")
        assert local == "W3CDTF" and date.nsmap.get(prefix) == DCTERMS
    title = core.findtext("{http://purl.org/dc/elements/1.1/}title") or ""
    assert title.startswith("Lampiran 2 Perjanjian Kinerja")


def test_app_properties_are_the_extended_properties_part() -> None:
    app = part(built("lengkap-2025"), "docProps/app.xml")

    namespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    assert app.tag == f"{{{namespace}}}Properties"
    assert app.findtext(f"{{{namespace}}}Application") == "lampiran"


def test_every_language_is_a_tag_word_knows_and_the_text_is_indonesian() -> None:
    data = built("lengkap-2025")
    values: list[str] = []
    for part_name in (
        "word/styles.xml",
        "word/document.xml",
        "word/settings.xml",
        "word/footer1.xml",
        "word/numbering.xml",
    ):
        for element in part(data, part_name).iter(f"{W}lang", f"{W}themeFontLang"):
            values.extend(v for k, v in element.attrib.items() if k.startswith(W))
    core = part(data, "docProps/core.xml")

    assert values and all(LANGUAGE_TAG.fullmatch(value) for value in values), values
    default = part(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default is not None and default.get(f"{W}val") == "id-ID"
    assert core.findtext("{http://purl.org/dc/elements/1.1/}language") == "id-ID"


# -- custom templates -----------------------------------------------------------------


def write_template(tmp_path: Path, change: Callable[[str, bytes], bytes | None]) -> Path:
    path = tmp_path / "templat-sendiri.docx"
    path.write_bytes(repack(TEMPLATE.read_bytes(), change))
    return path


def without_parts(*names: str) -> Callable[[str, bytes], bytes | None]:
    """Drop parts with their content types and relationships, as Word leaves them out."""

    def change(name: str, content: bytes) -> bytes | None:
        if name in names:
            return None
        if name.endswith(".rels") or name == "[Content_Types].xml":
            text = content.decode("utf-8")
            for dropped in names:
                ending = re.escape(posixpath.basename(dropped))
                text = re.sub(rf'<(Override|Relationship) [^>]*"[^"]*\b{ending}"[^>]*/>', "", text)
            assert not any(posixpath.basename(n) in text for n in names), name
            return text.encode("utf-8")
        return content

    return change


def test_a_template_without_numbering_and_core_parts_gets_them_declared(
    tmp_path: Path,
) -> None:
    # Word saves no numbering part in a document without lists, and other programs may
    # leave out the core properties.
    template = write_template(tmp_path, without_parts("word/numbering.xml", "docProps/core.xml"))

    data = render_folder(LENGKAP_2025, template=template)

    assert schema_problems(data, tmp_path, FileFormat.OFFICE_2010) == []
    types = parts_of(data)["[Content_Types].xml"].decode("utf-8")
    assert types.count('PartName="/word/numbering.xml"') == 1
    assert types.count('PartName="/docProps/core.xml"') == 1
    numbering = part(data, "word/numbering.xml")
    assert numbering.find(f"{W}num") is not None and numbering.find(f"{W}abstractNum") is not None
    assert (
        part(data, "docProps/core.xml").findtext("{http://purl.org/dc/elements/1.1/}title")
        == "Lampiran 2 Perjanjian Kinerja 2025"
    )


@pytest.mark.parametrize("paper", ["F4", "A4"])
def test_a_template_without_page_size_gets_one_in_schema_order(paper: str, tmp_path: Path) -> None:
    template = write_template(
        tmp_path,
        lambda name, content: (
            sub(r"<w:pgSz [^>]*/>", "", content) if name == "word/document.xml" else content
        ),
    )

    data = render_folder(LENGKAP_2025, paper=paper, template=template)

    assert schema_problems(data, tmp_path, FileFormat.OFFICE_2010) == []
    section = part(data, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert section is not None
    children = [child.tag for child in section]
    assert children.index(f"{W}pgSz") + 1 == children.index(f"{W}pgMar")
    widths = [
        int(col.get(f"{W}w", "0")) for col in part(data, "word/document.xml").iter(f"{W}gridCol")
    ]
    assert widths and min(widths) > 0


def test_a_template_holding_a_part_twice_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "ganda.docx"
    with zipfile.ZipFile(template, "w") as package:
        for name, content in parts_of(TEMPLATE.read_bytes()).items():
            package.writestr(name, content)
        with pytest.warns(UserWarning, match="Duplicate name"):
            package.writestr("word/styles.xml", b"<w:styles/>")

    outcome = run_lampiran(
        "build", str(CONTENT_2024), "--template", str(template), "-o", str(tmp_path / "dist")
    )

    assert outcome.code == 1
    assert "memuat bagian word/styles.xml dua kali" in outcome.err
    assert not (tmp_path / "dist").exists()


def test_a_template_without_content_types_is_refused(tmp_path: Path) -> None:
    template = write_template(
        tmp_path, lambda name, content: None if name == "[Content_Types].xml" else content
    )

    outcome = run_lampiran(
        "build", str(CONTENT_2024), "--template", str(template), "-o", str(tmp_path / "dist")
    )

    assert outcome.code == 1
    assert "tidak memiliki [Content_Types].xml" in outcome.err
    assert not (tmp_path / "dist").exists()


# -- text that XML cannot hold ---------------------------------------------------------


def test_a_lone_surrogate_is_refused_by_check_instead_of_breaking_the_build(
    tmp_path: Path,
) -> None:
    # "\ud800" in double quotes is valid YAML but cannot be written as UTF-8 XML.
    folder = write_year(tmp_path, dokumen='instansi: "Badan \\ud800 Contoh"\ntahun: 2024\n')

    outcome = run_lampiran("build", str(folder), "-o", str(tmp_path / "dist"))

    assert outcome.code == 1
    assert "dokumen.yaml:1:11: instansi" in outcome.out and "kode 0xd800" in outcome.out
    assert not (tmp_path / "dist").exists()
