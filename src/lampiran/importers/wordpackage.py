"""Opening a Word file someone else made: what it really is, within limits, parsed safely.

A .docx to import is untrusted input (security.md): it may come from another agency, an
e-mail or a forum. So before anything is read:

* the file is read as a regular file of at most :data:`MAX_FILE_BYTES`;
* its first bytes say what it is: a .docx is a zip package; a Word 97-2003 ``.doc`` (or a
  .docx locked with a password, which Word stores the same way), a PDF, an RTF file or an
  OpenDocument text gets a message that says how to save it as .docx instead;
* the package may hold at most :data:`MAX_ENTRIES` entries, and no part is read past
  :data:`MAX_PART_BYTES` however its size is declared (a zip bomb stops there);
* every XML part is parsed by lxml without entity expansion, DTD loading or network
  access, and a part that declares a DOCTYPE at all is refused (Word never writes one).

Only the parts the importer needs are read: the main document, its styles and its
numbering, found through the package's relationships as Word does.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lampiran.errors import StepFailed
from lampiran.source.files import read_regular_file

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest .docx read: a Lampiran 2 is well under 1 MB; pictures make some a few MB."""
MAX_PART_BYTES = 32 * 1024 * 1024
"""Largest XML part read after decompression (the document of 300 pages is about 5 MB)."""
MAX_ENTRIES = 5000
"""Most entries a package may hold (Word writes about 15)."""

_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_RELATIONSHIP_TYPES = {
    "styles": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
    "numbering": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
}
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_MAIN_DOCUMENTS = {
    "document.xml": None,
    "workbook.xml": "sebuah buku kerja Excel (.xlsx)",
    "presentation.xml": "sebuah presentasi PowerPoint (.pptx)",
}

Element = object
"""An lxml element; lxml ships no type information that mypy --strict accepts."""


class NotAWordDocument(StepFailed):
    """The file cannot be imported as it is: it is not a .docx, or a broken or hostile one."""


@dataclass(frozen=True)
class WordPackage:
    """The parts of a .docx that the importer reads, parsed."""

    document: Element
    styles: Element | None
    numbering: Element | None


def open_word_file(path: Path) -> WordPackage:
    """Read ``path`` as a .docx; raise :class:`NotAWordDocument` saying what it is instead.

    The file is one the user named, so a link to it is followed (as for ``--template``);
    it must still be a regular file within :data:`MAX_FILE_BYTES`.
    """
    data = read_regular_file(path, MAX_FILE_BYTES, follow_links=True)
    shown = path.as_posix()
    _refuse_other_formats(shown, data)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _broken(shown) from None
    if len(infos) > MAX_ENTRIES:
        raise NotAWordDocument(
            f"{shown}: berisi {len(infos)} bagian, jauh lebih banyak dari dokumen Word biasa "
            f"(batas {MAX_ENTRIES}); berkas ini tidak dibaca"
        )
    reader = _PartReader(shown, package)
    _refuse_other_packages(reader)
    main = reader.main_document()
    relations = reader.relationships(main)
    return WordPackage(
        document=reader.xml(main),
        styles=reader.optional_xml(relations.get("styles")),
        numbering=reader.optional_xml(relations.get("numbering")),
    )


def _refuse_other_formats(shown: str, data: bytes) -> None:
    """Say what a file that is not a zip package is, and how to make a .docx of it."""
    if data.startswith(b"PK"):
        return
    save_as = "buka di Word lalu simpan sebagai .docx (File > Save As > Word Document)"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise NotAWordDocument(
            f"{shown}: ini dokumen Word lama (.doc, Word 97-2003) atau dokumen yang dikunci "
            f"kata sandi; {save_as}, tanpa kata sandi, lalu impor berkas .docx itu"
        )
    if data.startswith(b"%PDF"):
        raise NotAWordDocument(
            f"{shown}: ini berkas PDF, bukan dokumen Word; impor memerlukan berkas .docx "
            "aslinya (PDF tidak menyimpan tabel dan gaya teks dengan utuh)"
        )
    if data.lstrip().startswith(b"{\\rtf"):
        raise NotAWordDocument(f"{shown}: ini dokumen RTF, bukan .docx; {save_as}")
    if not data:
        raise NotAWordDocument(f"{shown}: berkas ini kosong (0 bita)")
    raise NotAWordDocument(
        f"{shown}: ini bukan dokumen Word (.docx); {save_as}, lalu impor berkas .docx itu"
    )


def _refuse_other_packages(reader: _PartReader) -> None:
    """An OpenDocument text is a zip too: name it, and say how to convert it."""
    mimetype = reader.raw_or_none("mimetype")
    if mimetype is not None and mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise NotAWordDocument(
            f"{reader.shown}: ini dokumen OpenDocument (.odt, LibreOffice/WPS), bukan .docx; "
            "buka di LibreOffice lalu simpan sebagai Word 2007-365 (.docx)"
        )


def _broken(shown: str) -> NotAWordDocument:
    return NotAWordDocument(
        f"{shown}: berkas ini rusak atau bukan dokumen Word (.docx) yang utuh; buka di Word "
        "lalu simpan ulang sebagai .docx (mungkin berkasnya terpotong saat diunduh)"
    )


class _PartReader:
    """Reads parts of one package by name, within the limits, as parsed XML."""

    def __init__(self, shown: str, package: zipfile.ZipFile) -> None:
        self.shown = shown
        self.package = package
        self.by_name: dict[str, zipfile.ZipInfo] = {}
        for info in package.infolist():
            # Part names are case-insensitive (OPC); the first of two spellings is used.
            self.by_name.setdefault(info.filename.casefold(), info)

    def raw_or_none(self, name: str) -> bytes | None:
        info = self.by_name.get(name.casefold())
        return None if info is None else self._read(info)

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        if info.file_size > MAX_PART_BYTES:
            raise self._too_large(info.filename)
        try:
            with self.package.open(info) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except RuntimeError:  # an encrypted entry
            raise NotAWordDocument(
                f"{self.shown}: bagian {info.filename} terkunci kata sandi; simpan ulang "
                "dokumennya di Word tanpa kata sandi"
            ) from None
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError):
            raise _broken(self.shown) from None
        if len(data) > MAX_PART_BYTES:  # the declared size lied
            raise self._too_large(info.filename)
        return data

    def _too_large(self, name: str) -> NotAWordDocument:
        megabytes = MAX_PART_BYTES // (1024 * 1024)
        return NotAWordDocument(
            f"{self.shown}: bagian {name} lebih besar dari {megabytes} MB setelah diekstrak, "
            "jauh melebihi dokumen Word biasa; berkas ini tidak dibaca"
        )

    def xml(self, name: str) -> Element:
        data = self.raw_or_none(name)
        if data is None:
            raise _broken(self.shown)
        return parse_untrusted_xml(self.shown, name, data)

    def optional_xml(self, name: str | None) -> Element | None:
        if name is None or self.raw_or_none(name) is None:
            return None
        return self.xml(name)

    def main_document(self) -> str:
        """The main part named by the package relationships (``word/document.xml``)."""
        rels = self.raw_or_none("_rels/.rels")
        if rels is None:
            if self.raw_or_none("word/document.xml") is not None:
                return "word/document.xml"
            raise _broken(self.shown)
        root = parse_untrusted_xml(self.shown, "_rels/.rels", rels)
        for relation in _relations(root):
            kind, target = relation
            if kind == _STRICT_OFFICE_DOCUMENT:
                raise NotAWordDocument(
                    f"{self.shown}: dokumen ini disimpan dalam format 'Strict Open XML'; buka di "
                    "Word lalu simpan sebagai Word Document (.docx) biasa"
                )
            if kind != _OFFICE_DOCUMENT:
                continue
            name = _resolve("", target)
            other = _MAIN_DOCUMENTS.get(posixpath.basename(name), "")
            if other is None:
                return name
            what = other or "bukan dokumen Word"
            raise NotAWordDocument(
                f"{self.shown}: ini {what}, bukan dokumen Word (.docx); impor memerlukan "
                "Lampiran 2 dalam dokumen Word"
            )
        raise _broken(self.shown)

    def relationships(self, part: str) -> dict[str, str]:
        """The styles and numbering parts of ``part``, by kind (``styles``, ``numbering``)."""
        folder, base = posixpath.split(part)
        rels = self.raw_or_none(posixpath.join(folder, "_rels", f"{base}.rels"))
        if rels is None:
            return {}
        root = parse_untrusted_xml(self.shown, f"{folder}/_rels/{base}.rels", rels)
        found: dict[str, str] = {}
        for kind, target in _relations(root):
            for key, wanted in _RELATIONSHIP_TYPES.items():
                if kind == wanted:
                    found.setdefault(key, _resolve(folder, target))
        return found


def _relations(root: Element) -> list[tuple[str, str]]:
    relations = []
    for element in root.iter(f"{{{_PACKAGE_RELATIONSHIPS}}}Relationship"):  # type: ignore[attr-defined]
        if element.get("TargetMode") == "External":
            continue
        relations.append((element.get("Type", ""), element.get("Target", "")))
    return relations


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name; it can only name a part inside the package."""
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    parts = [part for part in posixpath.normpath(joined).split("/") if part not in ("", ".", "..")]
    return "/".join(parts)


def parse_untrusted_xml(shown: str, name: str, data: bytes) -> Element:
    """Parse one part of an untrusted package; raise :class:`NotAWordDocument` if refused.

    No entity is expanded, no DTD loaded, nothing fetched; lxml's default limits on depth
    and text size stay on (``huge_tree`` off). A DOCTYPE is refused outright.
    """
    from lxml import etree

    refused = NotAWordDocument(
        f"{shown}: bagian {name} memuat deklarasi DOCTYPE, yang tidak pernah ditulis Word "
        "dan tidak diizinkan; berkas ini tidak dibaca"
    )
    if b"<!DOCTYPE" in _as_ascii(data).upper():
        raise refused
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise NotAWordDocument(
            f"{shown}: bagian {name} bukan XML yang utuh; buka di Word lalu simpan ulang "
            "sebagai .docx"
        ) from None
    if root.getroottree().docinfo.doctype:  # however it got past the check above
        raise refused
    return root


def _as_ascii(data: bytes) -> bytes:
    """The part's bytes with UTF-16 decoded, so that a DOCTYPE is found in any encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-be" if data.startswith((b"\xfe\xff", b"\x00<")) else "utf-16-le"
        return data.decode(encoding, errors="ignore").encode("ascii", errors="ignore")
    return data
