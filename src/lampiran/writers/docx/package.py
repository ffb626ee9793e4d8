"""The .docx package: parts in a zip, as reproducible bytes.

Everything that would differ between two runs is fixed: zip timestamps and attributes,
entry order, and the document properties, which come from the document model (the
content's date or ``SOURCE_DATE_EPOCH``), never from python-docx's defaults or the clock.
Parts the template did not have (numbering, core properties) are declared in the
content types and relationships, edited as trees.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence

from lampiran.blocks import Properties
from lampiran.writers.docx.oxml import parse_xml, serialise

CONTENT_TYPES_PART = "[Content_Types].xml"
CORE_PART = "docProps/core.xml"
NUMBERING_PART = "word/numbering.xml"
SETTINGS_PART = "word/settings.xml"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CORE_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_CONTENT_TYPES = {
    NUMBERING_PART: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    CORE_PART: "application/vnd.openxmlformats-package.core-properties+xml",
    SETTINGS_PART: "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
}
_RELATIONSHIPS = {
    NUMBERING_PART: (
        "word/_rels/document.xml.rels",
        "numbering.xml",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
    ),
    SETTINGS_PART: (
        "word/_rels/document.xml.rels",
        "settings.xml",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings",
    ),
    CORE_PART: (
        "_rels/.rels",
        "docProps/core.xml",
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    ),
}


def core_properties(properties: Properties) -> bytes:
    """``docProps/core.xml``: title, subject, author, language and dates."""
    from lxml import etree

    def name(qualified: str) -> str:
        prefix, _, local = qualified.partition(":")
        return f"{{{_CORE_NAMESPACES[prefix]}}}{local}"

    root = etree.Element(name("cp:coreProperties"), nsmap=_CORE_NAMESPACES)
    for tag, text in (
        ("dc:title", properties.title),
        ("dc:subject", properties.subject),
        ("dc:creator", properties.author),
        ("cp:lastModifiedBy", properties.author),
        ("cp:revision", "1"),
        ("dc:language", properties.language),
    ):
        etree.SubElement(root, name(tag)).text = text
    for tag in ("dcterms:created", "dcterms:modified"):
        stamp = etree.SubElement(root, name(tag))
        stamp.set(name("xsi:type"), "dcterms:W3CDTF")
        stamp.text = properties.date
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def write_package(entries: Sequence[tuple[str, bytes]], replaced: Mapping[str, bytes]) -> bytes:
    """The zip with the template's entries in order, replaced and new parts swapped in.

    ``[Content_Types].xml`` goes first, as Word writes it (some readers stream the
    package and need it before the parts it describes).
    """
    parts = dict(entries)
    order = [name for name, _ in entries]
    for name in replaced:
        if name not in parts:
            order.append(name)
            for touched in _register_part(parts, name):
                if touched not in order:
                    order.append(touched)
    order.sort(key=lambda name: name != CONTENT_TYPES_PART)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as package:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            data = replaced[name] if name in replaced else parts[name]
            package.writestr(info, data, compresslevel=6)
    return output.getvalue()


def _register_part(parts: dict[str, bytes], name: str) -> tuple[str, str]:
    """Declare a part the template did not have (content type and relationship)."""
    from lxml import etree

    types = parse_xml(parts[CONTENT_TYPES_PART])
    override = etree.SubElement(types, f"{{{_CONTENT_TYPES_NS}}}Override")
    override.set("PartName", f"/{name}")
    override.set("ContentType", _CONTENT_TYPES[name])
    parts[CONTENT_TYPES_PART] = serialise(types)

    rels_name, target, rel_type = _RELATIONSHIPS[name]
    if rels_name in parts:
        rels = parse_xml(parts[rels_name])
    else:
        rels = etree.Element(
            f"{{{_RELATIONSHIPS_NS}}}Relationships", nsmap={None: _RELATIONSHIPS_NS}
        )
    relationship = etree.SubElement(rels, f"{{{_RELATIONSHIPS_NS}}}Relationship")
    relationship.set("Id", f"rIdLampiran{len(parts)}")
    relationship.set("Type", rel_type)
    relationship.set("Target", target)
    parts[rels_name] = serialise(rels)
    return CONTENT_TYPES_PART, rels_name
