"""The parts of a template package that may reach the output, each one checked.

A custom template may come from anyone (security.md), and whatever its zip holds would
otherwise be copied into every document built from it. So the package is read as data:

- zip entries: no name that could land outside a folder when someone unpacks the output
  (``../x``, ``/x``, ``C:x``, backslashes), none twice, none corrupt, and no more than
  the size limits once unpacked;
- macros are refused outright (``.docm``/``.dotm``, ``vbaProject.bin``, macro content
  types and relationships): a document made by lampiran never carries code;
- only the parts a Word document needs are kept (:func:`is_allowed_part`); everything
  else (custom XML, embedded objects, ActiveX, building blocks, a thumbnail, unknown
  files) is dropped together with the content types and relationships that name it.
  Relationships to the outside are dropped too, except hyperlinks: an attached template
  or a picture linked from a server makes Word fetch it when the document opens. A part
  that still uses a dropped relationship is refused, except for the two references Word
  does without (an attached template and an embedded font), which are removed;
- every XML part is UTF-8, well-formed and has no DOCTYPE, so no entity can be declared,
  let alone expanded (:func:`check_xml`; the renderer runs it on every rendered part).

Problems are raised as :class:`PackageProblem`, which says what is wrong and how to fix
it in Indonesian; the caller adds which template it is.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

MAX_UNCOMPRESSED = 64 * 1024 * 1024
MAX_ENTRIES = 2000

CONTENT_TYPES_PART = "[Content_Types].xml"
PACKAGE_RELATIONSHIPS = "_rels/.rels"
MAIN_DOCUMENT = "word/document.xml"
REQUIRED_PARTS = (CONTENT_TYPES_PART, PACKAGE_RELATIONSHIPS, MAIN_DOCUMENT)
"""Without these Word cannot open the package."""

_ALLOWED_PARTS = re.compile(
    r"\[Content_Types\]\.xml"
    r"|docProps/(app|core|custom)\.xml"
    r"|word/(document|styles|stylesWithEffects|numbering|settings|fontTable|webSettings"
    r"|footnotes|endnotes|comments|commentsExtended|commentsIds|commentsExtensible"
    r"|people)\.xml"
    r"|word/(header|footer)\d*\.xml"
    r"|word/theme/theme\d*\.xml"
    r"|word/media/[^/]+\.(?i:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)"
)
"""The parts of a Word document: text, styles, lists, headers and footers, notes,
comments, themes and pictures (see :func:`is_allowed_part`; relationship parts follow
the part they belong to)."""

_XML_PART = re.compile(r".*\.(xml|rels|svg)", re.IGNORECASE)
_MACRO_SUFFIXES = (".docm", ".dotm")
_MACRO_PART_NAMES = frozenset({"vbaproject.bin", "vbadata.xml"})
_MACRO_MARKS = ("macroenabled", "vbaproject", "vbadata")
"""Words that mark a macro content type or relationship type (compared in lower case)."""

_DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REFERENCE_NAMESPACES = (
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{http://purl.oclc.org/ooxml/officeDocument/relationships}",
)
"""Attributes in these namespaces (``r:id``, ``r:embed``, ...) name a relationship."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REMOVABLE_REFERENCES = frozenset(
    {
        ("word/settings.xml", f"{_W}attachedTemplate"),
        ("word/fontTable.xml", f"{_W}embedRegular"),
        ("word/fontTable.xml", f"{_W}embedBold"),
        ("word/fontTable.xml", f"{_W}embedItalic"),
        ("word/fontTable.xml", f"{_W}embedBoldItalic"),
    }
)
"""Elements Word does without: when their relationship is dropped, they are removed."""

_KINDS = {
    "oleObject": "objek tertanam (OLE)",
    "package": "dokumen tertanam",
    "control": "kontrol ActiveX",
    "image": "gambar yang ditautkan dari luar berkas",
    "font": "font tertanam",
    "chart": "grafik (chart)",
    "diagramData": "SmartArt",
    "diagramLayout": "SmartArt",
    "diagramQuickStyle": "SmartArt",
    "diagramColors": "SmartArt",
    "aFChunk": "isi dokumen lain (altChunk)",
    "subDocument": "subdokumen",
    "frame": "bingkai (frame)",
}
_XML_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
_RESAVE = "buka templat di Word lalu simpan ulang sebagai Dokumen Word (.docx)"
_NO_DOCTYPE = (
    "simpan ulang templat dari Word, dan jangan sisipkan deklarasi DOCTYPE atau ENTITY lewat |safe"
)


class PackageProblem(Exception):
    """What is wrong with the package (``what``) and how to fix it (``fix``), in Indonesian.

    ``line`` is the line of an XML part where the problem was found, when known.
    """

    def __init__(self, what: str, fix: str = _RESAVE, line: int | None = None) -> None:
        super().__init__(f"{what}; {fix}")
        self.what, self.fix, self.line = what, fix, line


def is_allowed_part(name: str) -> bool:
    """Whether a part may be copied to the output (see :data:`_ALLOWED_PARTS`).

    A relationship part (``word/_rels/document.xml.rels``) is allowed when the part it
    belongs to is, ``_rels/.rels`` (the package's own) always.
    """
    folder, base = posixpath.split(name)
    if posixpath.basename(folder) == "_rels" and base.endswith(".rels"):
        source = posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])
        return source == "" or is_allowed_part(source)
    return _ALLOWED_PARTS.fullmatch(name) is not None


def read_package(data: bytes, label: str) -> list[tuple[str, bytes]]:
    """The parts of a template that may reach the output, in package order, checked."""
    if label.casefold().endswith(_MACRO_SUFFIXES):
        raise _macro_problem()
    package = _open(data)
    for info in package.infolist():
        _check_entry_name(info.filename.rstrip("/") if info.is_dir() else info.filename)
    infos = [info for info in package.infolist() if not info.is_dir()]
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED:
        raise PackageProblem(
            f"terlalu besar setelah diekstrak ({len(infos)} bagian, {total // (1024 * 1024)} MB)",
            "gunakan templat Word biasa tanpa lampiran berukuran besar",
        )
    seen: set[str] = set()
    for info in infos:
        # Part names are case-insensitive (OPC); a package holding one twice makes Word
        # report unreadable content, and which copy wins is anyone's guess.
        if info.filename.casefold() in seen:
            raise PackageProblem(f"memuat bagian {info.filename} dua kali")
        seen.add(info.filename.casefold())
        if posixpath.basename(info.filename).casefold() in _MACRO_PART_NAMES:
            raise _macro_problem()
    parts = {
        info.filename: _read_entry(package, info)
        for info in infos
        if is_allowed_part(info.filename)
    }
    for required in REQUIRED_PARTS:
        if required not in parts:
            raise PackageProblem(
                f"tidak memiliki {required}", "simpan ulang templat sebagai dokumen Word (.docx)"
            )
    trees = {name: check_xml(name, content) for name, content in parts.items() if is_xml(name)}
    _check_no_macro_types(trees)
    kept = _Pruner(parts, trees).prune()
    _check_main_document(kept)
    return list(kept.items())


def is_xml(name: str) -> bool:
    return _XML_PART.fullmatch(name) is not None


def check_xml(name: str, data: bytes) -> Any:
    """The parsed part; refused unless it is UTF-8, well-formed XML without a DOCTYPE.

    The parser never resolves entities nor reads anything from the network, and the
    DOCTYPE is refused before parsing, so no entity (external or exponential) can exist.
    """
    from lxml import etree

    fix = (
        f"ganti gambar {posixpath.basename(name)} di templat dengan gambar PNG atau JPEG"
        if name.lower().endswith(".svg")
        else _RESAVE
    )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackageProblem(
            f"memuat bagian {name} yang tidak tersimpan dalam UTF-8 (pengodean yang dipakai Word)",
            fix,
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from None
    declared = _XML_DECLARATION.match(data)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise PackageProblem(
            f"memuat bagian {name} yang dinyatakan berpengodean "
            f"{declared.group(1).decode('ascii', 'replace')}, bukan UTF-8",
            fix,
            line=1,
        )
    for mark in ("<!DOCTYPE", "<!ENTITY"):
        if mark in text:
            raise PackageProblem(
                f"memuat deklarasi DOCTYPE di {name}, yang tidak diizinkan",
                fix if fix != _RESAVE else _NO_DOCTYPE,
                line=text.count("\n", 0, text.index(mark)) + 1,
            )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise PackageProblem(f"memuat bagian {name} yang bukan XML yang utuh", fix, line) from None
    if root.getroottree().docinfo.doctype:
        raise PackageProblem(
            f"memuat deklarasi DOCTYPE di {name}, yang tidak diizinkan",
            fix if fix != _RESAVE else _NO_DOCTYPE,
            line=1,
        )
    return root


def relationship_ids(parts: Mapping[str, bytes], name: str) -> frozenset[str]:
    """The ids of the relationships of part ``name`` (from its ``.rels`` part, if any)."""
    from lxml import etree

    rels = parts.get(_rels_name(name))
    if rels is None:
        return frozenset()
    root = etree.fromstring(rels, etree.XMLParser(resolve_entities=False, no_network=True))
    return frozenset(element.get("Id", "") for element in root.iter(f"{_RELS_NS}Relationship"))


def check_references(name: str, root: Any, known: Iterable[str]) -> None:
    """Refuse a part that names a relationship its ``.rels`` part does not have."""
    known = frozenset(known)
    for element, _, value in _references(root):
        if value not in known:
            raise PackageProblem(
                f"memuat bagian {name} yang merujuk ke hubungan (relationship) '{value}' "
                "yang tidak ada",
                "hapus objek yang dirujuk dari templat di Word lalu simpan ulang",
                line=element.sourceline,
            )


def _open(data: bytes) -> zipfile.ZipFile:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise PackageProblem(
            "berformat Word lama (.doc) atau dilindungi kata sandi, bukan .docx",
            "buka templat di Word, hapus kata sandinya bila ada, lalu simpan sebagai "
            "Dokumen Word (.docx)",
        )
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
        raise PackageProblem(
            "bukan berkas Word (.docx) yang sah", "buka dan simpan ulang di Word sebagai .docx"
        ) from None


def _check_entry_name(name: str) -> None:
    """Refuse a name that unpacks outside its folder, or differently on Windows."""
    components = name.split("/")
    if (
        "\\" in name
        or name.startswith("/")
        or ":" in components[0]
        or any(component in ("", ".", "..") for component in components)
    ):
        raise PackageProblem(
            f"memuat bagian bernama tidak sah ({name!r}), yang tidak pernah dibuat oleh Word",
            "jangan pakai templat ini; minta salinan yang disimpan langsung dari Word",
        )


def _read_entry(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, never inflating more than its declared size.

    ``ZipFile.read`` inflates the whole stream before it cuts it to the declared size:
    an entry claiming 100 bytes that inflates to gigabytes would take them all. Reading
    exactly the declared size inflates a chunk at a time.
    """
    try:
        with package.open(info) as stream:
            data = stream.read(info.file_size)
        if len(data) != info.file_size:
            raise zipfile.BadZipFile("shorter than declared")
        return data
    except RuntimeError:  # zipfile's way of saying "encrypted, password required"
        raise PackageProblem(
            f"memuat bagian {info.filename} yang terkunci dengan kata sandi",
            "buka templat di Word, hapus kata sandinya, lalu simpan ulang sebagai .docx",
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise PackageProblem(
            f"rusak: bagian {info.filename} tidak dapat dibaca dari berkas zip",
            f"{_RESAVE}; bila Word tidak dapat membukanya, ambil lagi salinan yang utuh",
        ) from None


def _macro_problem() -> PackageProblem:
    return PackageProblem(
        "berisi makro (VBA) atau berformat dokumen bermakro (.docm/.dotm), yang demi "
        "keamanan tidak dipakai lampiran",
        "buka templat di Word lalu simpan sebagai 'Dokumen Word (*.docx)', yang membuang makronya",
    )


def _check_no_macro_types(trees: Mapping[str, Any]) -> None:
    types = trees.get(CONTENT_TYPES_PART)
    marked = [
        element.get("ContentType", "")
        for element in (types.iter() if types is not None else ())
        if element.tag in (f"{_TYPES_NS}Default", f"{_TYPES_NS}Override")
    ]
    for name, root in trees.items():
        if name.endswith(".rels"):
            marked.extend(e.get("Type", "") for e in root.iter(f"{_RELS_NS}Relationship"))
    if any(mark in value.lower() for value in marked for mark in _MACRO_MARKS):
        raise _macro_problem()


@dataclass(frozen=True)
class _Dropped:
    """A relationship that was not kept: its id, type and target, for messages."""

    relationship_id: str
    kind: str
    target: str


class _Pruner:
    """Drop what is not a kept part from content types and relationships."""

    def __init__(self, parts: Mapping[str, bytes], trees: Mapping[str, Any]) -> None:
        self.parts = dict(parts)
        self.trees = trees
        self.names = frozenset(parts)

    def prune(self) -> dict[str, bytes]:
        dropped: dict[str, list[_Dropped]] = {}
        for name in list(self.parts):
            if name.endswith(".rels"):
                source = _source_name(name)
                dropped[source] = self._prune_relationships(name, source)
        self._prune_content_types()
        for name, root in self.trees.items():
            if not name.endswith(".rels") and name != CONTENT_TYPES_PART:
                self._settle_references(name, root, dropped.get(name, []))
        return self.parts

    def _prune_relationships(self, rels_name: str, source: str) -> list[_Dropped]:
        root = self.trees[rels_name]
        dropped = []
        for element in list(root.iter(f"{_RELS_NS}Relationship")):
            target = element.get("Target", "")
            external = element.get("TargetMode") == "External"
            if external and element.get("Type") == _HYPERLINK:
                continue
            if not external and _resolve(source, target) in self.names:
                continue
            kind = element.get("Type", "").rsplit("/", 1)[-1]
            dropped.append(_Dropped(element.get("Id", ""), kind, target))
            root.remove(element)
        if dropped:
            self.parts[rels_name] = _serialise(root)
        return dropped

    def _prune_content_types(self) -> None:
        root = self.trees.get(CONTENT_TYPES_PART)
        if root is None:
            return
        changed = False
        for element in list(root.iter(f"{_TYPES_NS}Override")):
            part = unquote(element.get("PartName", "")).lstrip("/")
            if part == MAIN_DOCUMENT and element.get("ContentType") == _TEMPLATE_TYPE:
                element.set("ContentType", _DOCUMENT_TYPE)  # a .dotx makes a document
                changed = True
            elif part not in self.names:
                root.remove(element)
                changed = True
        if changed:
            self.parts[CONTENT_TYPES_PART] = _serialise(root)

    def _settle_references(self, name: str, root: Any, dropped: list[_Dropped]) -> None:
        """Remove references Word does without to dropped relationships; refuse the rest."""
        losses = {loss.relationship_id: loss for loss in dropped}
        removed = False
        for element, _, value in list(_references(root)):
            loss = losses.get(value)
            if loss is None:
                continue
            if (name, element.tag) in _REMOVABLE_REFERENCES:
                element.getparent().remove(element)
                removed = True
                continue
            kind = _KINDS.get(loss.kind, "bagian lain")
            raise PackageProblem(
                f"memakai {kind} di {name} ({_shorten(loss.target)}), yang demi keamanan "
                "tidak disalin ke dokumen",
                "hapus objek itu dari templat di Word lalu simpan ulang",
                line=element.sourceline,
            )
        if removed:
            self.parts[name] = _serialise(root)
        check_references(name, root, relationship_ids(self.parts, name))


def _check_main_document(parts: Mapping[str, bytes]) -> None:
    """The package's main part must be word/document.xml, declared as a Word document."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    rels = etree.fromstring(parts[PACKAGE_RELATIONSHIPS], parser)
    mains = [
        _resolve("", element.get("Target", ""))
        for element in rels.iter(f"{_RELS_NS}Relationship")
        if element.get("Type") == _OFFICE_DOCUMENT
    ]
    types = etree.fromstring(parts[CONTENT_TYPES_PART], parser)
    declared = [
        element.get("ContentType")
        for element in types.iter(f"{_TYPES_NS}Override")
        if unquote(element.get("PartName", "")).lstrip("/") == MAIN_DOCUMENT
    ]
    if mains != [MAIN_DOCUMENT] or declared != [_DOCUMENT_TYPE]:
        raise PackageProblem(f"tidak menjadikan {MAIN_DOCUMENT} sebagai isi dokumen Word")


def _references(root: Any) -> Iterable[tuple[Any, str, str]]:
    """``(element, attribute, relationship id)`` for every relationship reference."""
    for element in root.iter():
        for attribute, value in element.attrib.items():
            if attribute.startswith(_REFERENCE_NAMESPACES):
                yield element, attribute, value


def _resolve(source: str, target: str) -> str:
    """The part name a relationship target points at, relative to its source part."""
    target = unquote(target)
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    return "" if resolved.startswith("..") else resolved


def _rels_name(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _source_name(rels_name: str) -> str:
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _serialise(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
