"""What every document of a year shares: its date, title, signature block, safe file names."""

from __future__ import annotations

import datetime
import os
import re

from lampiran.blocks import Signatory, Signature
from lampiran.content.loading import Year
from lampiran.content.models import Pihak
from lampiran.errors import ContentError, Problem, Report, UsageProblem
from lampiran.text.formatting import format_nip, tanggal_indonesia

_SAFE_LABEL = re.compile(r"[0-9A-Za-z]{1,10}")
PIHAK_PERTAMA = "PIHAK PERTAMA,"
PIHAK_KEDUA = "PIHAK KEDUA,"
PERJANJIAN = "PERJANJIAN KINERJA"
PERJANJIAN_PERUBAHAN = "PERJANJIAN KINERJA PERUBAHAN"
"""What every part is titled: a revised agreement says so in every title (pk-package.md)."""


def perjanjian(year: Year) -> str:
    """``PERJANJIAN KINERJA``, or ``PERJANJIAN KINERJA PERUBAHAN`` for a revision."""
    return PERJANJIAN_PERUBAHAN if year.dokumen.perubahan else PERJANJIAN


def perjanjian_words(year: Year) -> str:
    """The same in title case, for document properties: ``Perjanjian Kinerja Perubahan``."""
    return perjanjian(year).title()


def document_date(year: Year) -> datetime.datetime:
    """The document's date: ``SOURCE_DATE_EPOCH`` when set, else one fixed by the content.

    The signing date when there is one, otherwise 1 January of the year: the same content
    always gives the same properties, whatever day it is built.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return _source_date(epoch)
    signing = year.dokumen.penandatangan
    day = signing.tanggal if signing is not None else datetime.date(year.dokumen.tahun, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)


_EARLIEST_EPOCH = 315532800  # 1980-01-01T00:00:00Z: zip dates start in 1980
_LATEST_EPOCH = 4102444799  # 2099-12-31T23:59:59Z


def _source_date(epoch: str) -> datetime.datetime:
    """``SOURCE_DATE_EPOCH`` as a date: whole seconds since 1970, from 1980 to 2099."""
    if not (epoch.isascii() and epoch.isdigit()) or not (
        _EARLIEST_EPOCH <= int(epoch) <= _LATEST_EPOCH
    ):
        raise UsageProblem(
            f"SOURCE_DATE_EPOCH '{epoch[:40]}' tidak dapat dipakai: isi dengan bilangan bulat "
            f"jumlah detik sejak 1 Januari 1970 UTC, antara {_EARLIEST_EPOCH} (1 Januari 1980) "
            f"dan {_LATEST_EPOCH} (31 Desember 2099), misalnya 1717200000; atau kosongkan "
            "variabel itu agar tanggal diambil dari isi"
        )
    return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)


def iso_date(year: Year) -> str:
    """:func:`document_date` as document properties write it (``2024-01-02T00:00:00Z``)."""
    return document_date(year).strftime("%Y-%m-%dT%H:%M:%SZ")


def safe_label(label: str, fallback: str) -> str:
    """A label fit for a file name: a short alphanumeric code, or ``fallback``.

    File names never come from free text (security.md): an appendix label that is not a
    short code (it is "2" in practice) falls back.
    """
    return label.lower() if _SAFE_LABEL.fullmatch(label) else fallback


def signature(year: Year) -> Signature | None:
    """The signature block as printed, or ``None`` when the content has no penandatangan."""
    signing = year.dokumen.penandatangan
    if signing is None:
        return None
    return Signature(
        tempat=signing.tempat,
        tanggal=tanggal_indonesia(signing.tanggal),
        left=_signatory(PIHAK_KEDUA, signing.pihak_kedua),
        right=_signatory(PIHAK_PERTAMA, signing.pihak_pertama),
    )


def missing_signature(year: Year, document: str) -> Problem | None:
    """The located error for a signed ``document`` of a year without ``penandatangan``.

    The pernyataan and Lampiran 1 are signed by both parties, so unlike Lampiran 2 alone
    they cannot be made without the signature block. ``document`` names what was asked
    for, as the message shows it (``perjanjian kinerja lengkap (--dokumen pk)``).
    """
    if year.dokumen.penandatangan is not None:
        return None
    source = year.dokumen_source
    line, column = source.locate(("penandatangan",))
    return Problem(
        source.path,
        line,
        column,
        "penandatangan",
        f"{document} ditandatangani kedua pihak, jadi perlu 'penandatangan'; tambahkan blok "
        "penandatangan (tempat, tanggal, pihak_pertama, pihak_kedua) seperti contoh di README",
    )


def require_signature(year: Year, document: str) -> Signature:
    """The signature block of a signed document; :class:`ContentError` when it is absent."""
    problem = missing_signature(year, document)
    block = signature(year)
    if problem is not None or block is None:
        report = Report()
        if problem is not None:
            report.add(problem)
        raise ContentError(report)
    return block


def _signatory(label: str, pihak: Pihak) -> Signatory:
    return Signatory(
        pihak=label,
        jabatan=pihak.jabatan_tercetak,
        nama=pihak.nama,
        pangkat=pihak.pangkat or "",
        nip=format_nip(pihak.nip) if pihak.nip else "",
    )
