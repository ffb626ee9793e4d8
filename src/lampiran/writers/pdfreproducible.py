"""Making LibreOffice's PDF the same bytes for the same .docx, like the .docx itself.

LibreOffice (7.4) stamps every PDF with the moment it was made and does not read
``SOURCE_DATE_EPOCH``: the creation date in the document information dictionary, for
PDF/A also in the XMP metadata and in the header of the embedded sRGB colour profile
(the output intent); and a file identifier (``/ID``) and a ``/DocChecksum`` computed
from them. Here the dates become the .docx's own date (its ``dcterms:created``, which
lampiran takes from the content or from ``SOURCE_DATE_EPOCH``) and the identifier and
checksum a digest of the file with those dates in it.

Editing a PDF in place is only safe while every byte offset in its cross-reference
table stays right. The dates are written in one form whatever the time zone LibreOffice
ran in (``+07'00'`` or ``Z'``), and the colour profile is compressed, so an edited
stretch may be longer or shorter than the old one: the length of a stream that changed
and the offsets of every object after an edit are moved by the difference. That relies on the
layout LibreOffice writes (one classic xref table, no incremental update, no
cross-reference stream), and the result is checked (every xref entry points at its
object). For anything unexpected the PDF is returned exactly as LibreOffice made it:
valid, only not reproducible.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import itertools
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

_MAX_CORE_XML = 1 << 20
"""A ``docProps/core.xml`` larger than this is not read (a zip bomb, not properties)."""

_CREATED = re.compile(rb"<dcterms:created\b[^>]*>\s*([^<]{1,64}?)\s*</dcterms:created>")
_ISO_DATE = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{1,9})?(Z|[+-]\d\d:\d\d)?"
)

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")
_XREF_SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")
_OBJECT_HEAD = re.compile(rb"(\d+) (\d+) obj\b")
_STREAM_OBJECT = re.compile(
    rb"(\d+) (\d+) obj\s*<<((?:(?!<<|>>).){0,2000})>>\s*stream(?:\r\n|\n)", re.S
)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R)?")
_NUMBER_OBJECT = re.compile(rb"\d+ \d+ obj\s*(\d+)\s*endobj")
_INFO = re.compile(rb"/Info\s+(\d+)\s+\d+\s+R")
_PDF_DATE = re.compile(rb"/(?:CreationDate|ModDate)\s*\(D:(\d{14}(?:Z|[+-])?[0-9']*)\)")
_XMP_DATE = re.compile(
    rb"<xmp:(?:CreateDate|ModifyDate|MetadataDate)>"
    rb"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?)</xmp:"
)
_FILE_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{1,64})>\s*<([0-9A-Fa-f]{1,64})>\s*\]")
_DOC_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]{1,64})")

_ICC_DATE = slice(24, 36)
_ICC_ZEROED_FOR_ID = (slice(44, 48), slice(64, 68), slice(84, 100))
"""Header fields set to zero before the profile ID (an MD5) is computed (ICC.1, 7.2.18)."""


class _Unexpected(Exception):
    """The PDF is not laid out as this module expects; it is left as it is."""


def docx_date(docx: bytes) -> datetime.datetime | None:
    """The creation date in a .docx's core properties, in UTC; None when it has none."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > _MAX_CORE_XML:
                return None
            core = package.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError, zlib.error):
        return None
    found = _CREATED.search(core)
    return _parse_iso(found.group(1).decode("ascii", "replace")) if found else None


def _parse_iso(text: str) -> datetime.datetime | None:
    """``2024-01-31T00:00:00Z`` (W3CDTF as Word writes it) as an aware UTC datetime."""
    found = _ISO_DATE.fullmatch(text)
    if found is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in found.groups()[:6])
    zone = found.group(7)
    offset = datetime.timedelta(0)
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        offset = sign * datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    try:
        local = datetime.datetime(
            year, month, day, hour, minute, second, tzinfo=datetime.timezone(offset)
        )
        return local.astimezone(datetime.timezone.utc)
    except (ValueError, OverflowError):
        return None


def make_reproducible(pdf: bytes, when: datetime.datetime | None) -> bytes:
    """``pdf`` with its dates set to ``when`` and its identifiers derived from its bytes.

    Returns ``pdf`` unchanged when ``when`` is None or the file is laid out in any way
    this module does not know (see the module's docstring).
    """
    if when is None:
        return pdf
    utc = when.astimezone(datetime.timezone.utc)
    try:
        xref = _Xref.parse(pdf)
        edits = [*_info_date_edits(pdf, xref, utc), *_stream_edits(pdf, xref, utc)]
        dated = _apply(pdf, xref, edits)
        result = _stamp_identifiers(dated)
        _Xref.parse(result)
    except _Unexpected:
        return pdf
    return result


@dataclass(frozen=True)
class _Entry:
    """One in-use entry of the xref table: where it is written, and what it points at."""

    position: int
    number: int
    generation: int
    offset: int


@dataclass(frozen=True)
class _Xref:
    start: int
    entries: tuple[_Entry, ...]
    trailer: bytes
    startxref_digits: tuple[int, int]

    @classmethod
    def parse(cls, pdf: bytes) -> _Xref:
        """The single classic xref table, every in-use entry checked against its object."""
        if pdf.count(b"startxref") != 1 or pdf.count(b"%%EOF") != 1:
            raise _Unexpected("an incremental update, or no xref at all")
        tail = _STARTXREF.search(pdf)
        if tail is None:
            raise _Unexpected("no startxref at the end")
        start = int(tail.group(1))
        if pdf[start : start + 4] != b"xref":
            raise _Unexpected("startxref does not point at an xref table")
        position = start + 4
        while pdf[position : position + 1] in (b"\r", b"\n", b" "):
            position += 1
        entries = []
        while (subsection := _XREF_SUBSECTION.match(pdf, position)) is not None:
            first, count = int(subsection.group(1)), int(subsection.group(2))
            position = subsection.end()
            for number in range(first, first + count):
                entry = _XREF_ENTRY.match(pdf, position)
                if entry is None:
                    raise _Unexpected("a malformed xref entry")
                if entry.group(3) == b"n":
                    entries.append(
                        _Entry(position, number, int(entry.group(2)), int(entry.group(1)))
                    )
                position = entry.end()
        if not pdf.startswith(b"trailer", position):
            raise _Unexpected("no trailer after the xref table")
        trailer = pdf[position : tail.start()]
        if b"/Prev" in trailer or b"/XRefStm" in trailer:
            raise _Unexpected("a hybrid or updated file")
        for item in entries:
            head = _OBJECT_HEAD.match(pdf, item.offset)
            if head is None or (int(head.group(1)), int(head.group(2))) != (
                item.number,
                item.generation,
            ):
                raise _Unexpected(f"xref entry of object {item.number} points elsewhere")
        return cls(start, tuple(entries), trailer, tail.span(1))

    def offset_of(self, number: int) -> int:
        for item in self.entries:
            if item.number == number:
                return item.offset
        raise _Unexpected(f"object {number} is not in the xref table")


_Edit = tuple[int, int, bytes]
"""Replace ``pdf[start:end]`` with the bytes."""


def _info_date_edits(pdf: bytes, xref: _Xref, when: datetime.datetime) -> list[_Edit]:
    """The creation and modification dates of the document information dictionary."""
    info = _INFO.search(xref.trailer)
    if info is None:
        return []
    start = xref.offset_of(int(info.group(1)))
    end = pdf.find(b"endobj", start)
    if end < 0:
        raise _Unexpected("the information dictionary has no end")
    edits = []
    stamp = when.strftime("%Y%m%d%H%M%S").encode() + b"+00'00'"
    for found in _PDF_DATE.finditer(pdf, start, end):
        edits.append((*found.span(1), stamp))
    return edits


def _stream_edits(pdf: bytes, xref: _Xref, when: datetime.datetime) -> list[_Edit]:
    """Dates in the XMP metadata (plain text) and in embedded ICC profiles (compressed)."""
    edits: list[_Edit] = []
    for item in xref.entries:
        head = _STREAM_OBJECT.match(pdf, item.offset)
        if head is None:
            continue
        dictionary = head.group(3)
        length_span, length = _stream_length(pdf, xref, head)
        data_start = head.end()
        data_end = data_start + length
        if not re.match(rb"\s*endstream", pdf[data_end : data_end + 32]):
            raise _Unexpected(f"the length of stream {item.number} is wrong")
        if b"/Type/Metadata" in dictionary.replace(b" ", b"") and b"/Filter" not in dictionary:
            dates = _xmp_date_edits(pdf, data_start, data_end, when)
            growth = sum(len(text) - (end - start) for start, end, text in dates)
            edits += dates
            if growth:
                edits.append((*length_span, str(length + growth).encode()))
        elif _is_flate_icc_candidate(dictionary):
            patched = _icc_with_date(pdf[data_start:data_end], when)
            if patched is not None:
                edits.append((data_start, data_end, patched))
                edits.append((*length_span, str(len(patched)).encode()))
    return edits


def _stream_length(pdf: bytes, xref: _Xref, head: re.Match[bytes]) -> tuple[tuple[int, int], int]:
    """Where a stream's length is written (in its dictionary or its own object), and it."""
    found = _LENGTH.search(head.group(3))
    if found is None:
        raise _Unexpected("a stream without /Length")
    if found.group(2) is None:
        offset = head.start(3)
        return (offset + found.start(1), offset + found.end(1)), int(found.group(1))
    number = _NUMBER_OBJECT.match(pdf, xref.offset_of(int(found.group(1))))
    if number is None:
        raise _Unexpected("an indirect /Length that is not a number")
    return number.span(1), int(number.group(1))


def _xmp_date_edits(pdf: bytes, start: int, end: int, when: datetime.datetime) -> list[_Edit]:
    """``xmp:CreateDate`` and its kin, rewritten as the same UTC moment as the Info date."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S").encode() + b"+00:00"
    return [(*found.span(1), stamp) for found in _XMP_DATE.finditer(pdf, start, end)]


def _is_flate_icc_candidate(dictionary: bytes) -> bool:
    """An ICC profile stream: ``/N`` components, Flate-compressed, nothing else to decode."""
    compact = dictionary.replace(b" ", b"")
    return (
        re.search(rb"/N\d", compact) is not None
        and b"/Filter/FlateDecode" in compact
        and b"/DecodeParms" not in compact
    )


def _icc_with_date(compressed: bytes, when: datetime.datetime) -> bytes | None:
    """The profile recompressed with ``when`` as its creation date; None if no change."""
    inflater = zlib.decompressobj()
    try:
        profile = inflater.decompress(compressed, 1 << 24)
    except zlib.error:
        return None
    if not inflater.eof or inflater.unconsumed_tail:
        return None
    if len(profile) < 128 or profile[36:40] != b"acsp":
        return None
    if int.from_bytes(profile[0:4], "big") != len(profile):
        return None
    patched = bytearray(profile)
    patched[_ICC_DATE] = struct.pack(
        ">6H", when.year, when.month, when.day, when.hour, when.minute, when.second
    )
    if any(patched[84:100]):
        digest = bytearray(patched)
        for field in _ICC_ZEROED_FOR_ID:
            digest[field] = bytes(field.stop - field.start)
        patched[84:100] = hashlib.md5(bytes(digest), usedforsecurity=False).digest()
    if bytes(patched) == profile:
        return None
    return zlib.compress(bytes(patched), 9)


def _apply(pdf: bytes, xref: _Xref, edits: list[_Edit]) -> bytes:
    """``pdf`` with ``edits`` made and every xref offset (and startxref) moved to match."""
    if not edits:
        return pdf
    edits = sorted(edits)
    for (_, end, _), (start, _, _) in itertools.pairwise(edits):
        if start < end:
            raise _Unexpected("overlapping edits")
    if edits[-1][1] > xref.start:
        raise _Unexpected("an edit inside the xref table")

    def moved(offset: int) -> int:
        shift = 0
        for start, end, replacement in edits:
            if start < offset < end:
                raise _Unexpected("an object starts inside an edited stretch")
            if end <= offset:
                shift += len(replacement) - (end - start)
        return offset + shift

    out = bytearray()
    position = 0
    for start, end, replacement in edits:
        out += pdf[position:start]
        out += replacement
        position = end
    out += pdf[position:]
    for item in xref.entries:
        at = moved(item.position)
        out[at : at + 10] = b"%010d" % moved(item.offset)
    digits_start, digits_end = (moved(x) for x in xref.startxref_digits)
    out[digits_start:digits_end] = str(moved(xref.start)).encode()
    return bytes(out)


def _stamp_identifiers(pdf: bytes) -> bytes:
    """``/ID`` and ``/DocChecksum`` from a digest of the file with them blanked.

    Both sit in the trailer, after every object, and keep their length.
    """
    tail_start = pdf.rfind(b"trailer")
    if tail_start < 0:
        raise _Unexpected("no trailer")
    spans = []
    for pattern in (_FILE_ID, _DOC_CHECKSUM):
        found = pattern.search(pdf, tail_start)
        if found is not None:
            spans += [found.span(group) for group in range(1, pattern.groups + 1)]
    if not spans:
        return pdf
    blank = bytearray(pdf)
    for start, end in spans:
        blank[start:end] = b"0" * (end - start)
    digest = hashlib.sha256(bytes(blank)).hexdigest().upper().encode()
    for start, end in spans:
        blank[start:end] = digest[: end - start]
    return bytes(blank)
