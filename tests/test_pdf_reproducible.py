"""Same .docx, same PDF bytes: the dates and identifiers LibreOffice stamps are fixed.

Real conversions check the promise (two builds, different folders and time zones, give
identical bytes, still a valid PDF/A); small hand-made PDFs check the editing itself:
offsets moved with a stream that changed length, and any unexpected layout left alone.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import CONTENT_2024, require_tool
from lampiran.writers.pdf import convert_to_pdf
from lampiran.writers.pdfreproducible import docx_date, make_reproducible
from test_pdf import make_docx, pdf_info, pdf_text
from test_pdf_cli import PDF_2024

EPOCH = 1706659200
"""2024-01-31 00:00:00 UTC."""
WHEN = datetime.datetime(2024, 1, 31, tzinfo=datetime.timezone.utc)


# --- checking a PDF's structure ---------------------------------------------------------


def xref_offsets(data: bytes) -> dict[int, int]:
    """Object number -> offset from the (single, classic) xref table, each one checked."""
    start = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data).group(1))  # type: ignore[union-attr]
    assert data[start : start + 4] == b"xref"
    position = start + 4
    offsets = {}
    while found := re.compile(rb"\s*(\d+) (\d+)\s*\r?\n").match(data, position):
        first, count = int(found.group(1)), int(found.group(2))
        position = found.end()
        for number in range(first, first + count):
            entry = data[position : position + 20]
            if entry[17:18] == b"n":
                offsets[number] = int(entry[:10])
            position += 20
    for number, offset in offsets.items():
        assert data.startswith(f"{number} 0 obj".encode(), offset), f"object {number}"
    return offsets


def stream_of(data: bytes, offsets: dict[int, int], number: int) -> bytes:
    """The raw bytes of stream object ``number``, by its /Length (direct or indirect)."""
    head = re.compile(rb"\d+ 0 obj\s*<<(.*?)>>\s*stream\r?\n", re.S).match(data, offsets[number])
    assert head is not None
    length = re.search(rb"/Length (\d+)( 0 R)?", head.group(1))
    assert length is not None
    size = int(length.group(1))
    if length.group(2):
        size = int(re.match(rb"\d+ 0 obj\s*(\d+)", data[offsets[size] :]).group(1))  # type: ignore[union-attr]
    body = data[head.end() : head.end() + size]
    assert re.match(rb"\s*endstream", data[head.end() + size :]), f"length of {number}"
    return body


def icc_dates(data: bytes) -> list[tuple[int, ...]]:
    """The creation dates in the headers of every embedded ICC profile."""
    offsets = xref_offsets(data)
    dates = []
    for number in offsets:
        if not re.compile(rb"\d+ 0 obj\s*<</N \d").match(data, offsets[number]):
            continue
        profile = zlib.decompress(stream_of(data, offsets, number))
        assert profile[36:40] == b"acsp"
        dates.append(struct.unpack(">6H", profile[24:36]))
    return dates


# --- real LibreOffice -------------------------------------------------------------------


def build_pdfa(outdir: Path, zone: str) -> bytes:
    require_tool("soffice")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "TZ": zone}
    command = [sys.executable, "-m", "lampiran", "build", str(CONTENT_2024), "--pdfa"]
    result = subprocess.run(
        [*command, "-o", str(outdir)], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return (outdir / PDF_2024).read_bytes()


def test_two_pdfa_builds_with_the_same_source_date_epoch_are_byte_identical(
    tmp_path: Path,
) -> None:
    first = build_pdfa(tmp_path / "satu", "Asia/Jakarta")
    second = build_pdfa(tmp_path / "dua", "UTC")

    assert first == second
    pdf = tmp_path / "satu" / PDF_2024
    info = pdf_info(pdf, "-isodates")
    assert re.search(r"^CreationDate:\s+2024-01-31T00:00:00Z$", info, re.M), info
    xmp = pdf_info(pdf, "-meta")
    assert "<xmp:CreateDate>2024-01-31T00:00:00+00:00</xmp:CreateDate>" in xmp
    assert "<pdfaid:part>2</pdfaid:part>" in xmp
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert icc_dates(first) == [(2024, 1, 31, 0, 0, 0)]
    assert "PENJELASAN KINERJA TAHUN 2024" in pdf_text(pdf)


def test_two_conversions_of_the_same_docx_give_the_same_pdf(tmp_path: Path) -> None:
    require_tool("soffice")
    sources = [make_docx(tmp_path / name / "a.docx") for name in ("satu", "dua")]

    first, second = (convert_to_pdf([source])[0].read_bytes() for source in sources)

    assert first == second
    xref_offsets(first)
    info = pdf_info(tmp_path / "satu" / "a.pdf", "-isodates")
    assert re.search(r"^CreationDate:\s+2013-12-23T23:15:00Z$", info, re.M), info


# --- hand-made PDFs ---------------------------------------------------------------------


def icc_profile(year: int) -> bytes:
    """A minimal ICC header with a creation date, padded to a plausible size."""
    size = 600
    header = bytearray(size)
    header[0:4] = size.to_bytes(4, "big")
    header[24:36] = struct.pack(">6H", year, 12, 1, 8, 37, 33)
    header[36:40] = b"acsp"
    header[128:] = bytes(range(256)) * 1 + bytes(size - 128 - 256)
    return bytes(header)


def tiny_pdf(
    info_date: bytes = b"D:20261201153733+07'00'",
    *,
    icc_year: int = 2026,
    font: bytes = b"Helvetica",
) -> bytes:
    """A PDF laid out as LibreOffice lays it out: info, XMP, ICC with indirect length."""
    icc = zlib.compress(icc_profile(icc_year), 9)
    xmp = b"<x><xmp:CreateDate>2026-12-01T15:37:33+07:00</xmp:CreateDate></x>"
    bodies = [
        b"<</Type/Catalog/Pages 2 0 R/Metadata 4 0 R/OutputIntents[<</DestOutputProfile 5 0 R>>]>>",
        b"<</Type/Pages/Kids[]/Count 0>>",
        b"<</Producer(LibreOffice 7.4)/CreationDate(" + info_date + b")>>",
        b"<</Type/Metadata/Subtype/XML/Length %d>>\nstream\n" % len(xmp) + xmp + b"\nendstream",
        b"<</N 3/Length 6 0 R/Filter/FlateDecode>>\nstream\n" + icc + b"\nendstream",
        b"%d" % len(icc),
        b"<</Type/Font/Subtype/Type1/BaseFont/" + font + b">>",
    ]
    out = bytearray(b"%PDF-1.6\n%\xe4\xf6\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R\n/Info 3 0 R\n" % (len(bodies) + 1)
    out += b"/ID [ <0123456789ABCDEF0123456789ABCDEF>\n<0123456789ABCDEF0123456789ABCDEF> ]\n"
    out += b"/DocChecksum /FEDCBA9876543210FEDCBA9876543210\n>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_dates_identifiers_and_moved_offsets_in_a_libreoffice_like_pdf() -> None:
    original = tiny_pdf()

    result = make_reproducible(original, WHEN)

    assert result != original
    offsets = xref_offsets(result)
    assert b"/CreationDate(D:20240131000000+00'00')" in result
    assert b"<xmp:CreateDate>2024-01-31T00:00:00+00:00</xmp:CreateDate>" in result
    assert stream_of(result, offsets, 4).startswith(b"<x><xmp:CreateDate>2024-01-31")
    assert icc_dates(result) == [(2024, 1, 31, 0, 0, 0)]
    assert b"0123456789ABCDEF" not in result
    assert b"FEDCBA98" not in result
    other_content = tiny_pdf(font=b"Times-Roman")
    assert make_reproducible(other_content, WHEN)[-200:] != result[-200:]


def test_the_same_content_stamped_at_different_moments_becomes_identical() -> None:
    made_in_jakarta = tiny_pdf(b"D:20261201153733+07'00'", icc_year=2026)
    made_a_year_later = tiny_pdf(b"D:20271201083733Z'", icc_year=2027)

    assert make_reproducible(made_in_jakarta, WHEN) == make_reproducible(made_a_year_later, WHEN)


UNEXPECTED = {
    "incremental update": tiny_pdf() + b"xref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\n"
    b"startxref\n0\n%%EOF\n",
    "xref pointing elsewhere": tiny_pdf().replace(b"startxref\n", b"startxref\n1"),
    "not a pdf": b"bukan pdf sama sekali",
    "truncated": tiny_pdf()[:-200],
    "wrong stream length": tiny_pdf().replace(b"/Length 6 0 R", b"/Length 5"),
    "length object missing": tiny_pdf().replace(b"/Length 6 0 R", b"/Length 9 0 R"),
}


@pytest.mark.parametrize("data", UNEXPECTED.values(), ids=UNEXPECTED.keys())
def test_an_unexpected_layout_is_left_exactly_as_it_was(data: bytes) -> None:
    assert make_reproducible(data, WHEN) is data


def test_without_a_date_nothing_is_changed() -> None:
    original = tiny_pdf()

    assert make_reproducible(original, None) is original


def docx_with_core(core: bytes | None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", b"<w:document/>")
        if core is not None:
            package.writestr("docProps/core.xml", core)
    return buffer.getvalue()


DATES = {
    "utc": (b"2024-01-31T00:00:00Z", WHEN),
    "offset": (b"2024-01-31T07:00:00+07:00", WHEN),
    "fraction": (b"2024-01-31T00:00:00.123Z", WHEN),
    "no zone": (b"2024-01-31T00:00:00", WHEN),
    "garbage": (b"kemarin sore", None),
    "impossible": (b"2024-02-31T00:00:00Z", None),
}


@pytest.mark.parametrize(("text", "expected"), DATES.values(), ids=DATES.keys())
def test_the_docx_creation_date_is_read_in_utc(
    text: bytes, expected: datetime.datetime | None
) -> None:
    core = b"<cp:coreProperties><dcterms:created xsi:type='x'>" + text + b"</dcterms:created>"

    assert docx_date(docx_with_core(core + b"</cp:coreProperties>")) == expected


def test_a_docx_without_properties_or_not_a_zip_has_no_date() -> None:
    assert docx_date(docx_with_core(None)) is None
    assert docx_date(b"bukan zip") is None
