"""A year read from a Word document, written as the content files of ``<content>/<tahun>/``.

The files are written as a planning officer would have written them (content-format.md):
the ``# yaml-language-server`` line first, keys in the documented order, prose as
Markdown in ``|`` blocks, one sentence per line. What the document did not say is written
as an empty value with a comment (``lampiran check`` then points at it), and everything
the importer could not map is kept, in the file it belongs to, as comments: nothing in
the document is lost without a word. Every file is read back before anything is
published (:func:`lampiran.source.yamlwriter.verify`).

The year is built in a hidden folder beside its target and renamed into place, so an
existing year is never touched and a failed run leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lampiran.blocks import Prose
from lampiran.content.loading import DOKUMEN_FILE, SASARAN_DIR
from lampiran.errors import StepFailed, os_reason
from lampiran.importers.docx import (
    DocumentRead,
    Finding,
    IndikatorRead,
    PihakRead,
    SasaranRead,
    Where,
    read_prose,
)
from lampiran.source.yamlwriter import YamlText, comment_lines, verify
from lampiran.text.formatting import format_nip
from lampiran.text.markdown_writer import prose_markdown

DOKUMEN_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/dokumen.schema.json"
SASARAN_SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/sasaran.schema.json"
_SMALL_NUMBER = re.compile(r"0|[1-9][0-9]{0,5}")
_SLUG_WORDS = 4
_SLUG_LENGTH = 40


class YearExists(StepFailed):
    """The year folder to write exists already: it is never touched (exit 1)."""


@dataclass(frozen=True)
class Notice:
    """A finding with where its text now sits in the written files."""

    place: str
    message: str
    kept_at: tuple[Path, int] | None = None


@dataclass
class ContentFiles:
    """The files of one year as text, relative to the year folder, and the warnings."""

    tahun: int
    files: dict[str, str] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    sasaran_count: int = 0
    indikator_count: int = 0


def content_files(read: DocumentRead, tahun: int, source_name: str) -> ContentFiles:
    """The text of every file of the year, each proved to read back as meant."""
    result = ContentFiles(tahun)
    findings = list(read.findings)
    names = sasaran_file_names([s.sasaran for s in read.sasaran])
    for index, (sasaran, name) in enumerate(zip(read.sasaran, names, strict=True)):
        relative = f"{SASARAN_DIR}/{name}"
        text, expected = _sasaran_file(sasaran, index, findings)
        result.files[relative] = _with_kept(text, relative, result, findings, index)
        verify(relative, result.files[relative], expected)
        result.indikator_count += len(sasaran.indikator)
    result.sasaran_count = len(read.sasaran)
    text, expected = _dokumen_file(read, tahun, source_name)
    result.files[DOKUMEN_FILE] = _with_kept(text, DOKUMEN_FILE, result, findings, "dokumen")
    verify(DOKUMEN_FILE, result.files[DOKUMEN_FILE], expected)
    # Findings without kept text, in document order after the ones placed in files.
    for finding in findings:
        if not finding.kept:
            result.notices.append(Notice(finding.place, finding.message))
    return result


def _with_kept(
    text: YamlText,
    relative: str,
    result: ContentFiles,
    findings: list[Finding],
    where: Where,
) -> str:
    """Append the kept texts that belong to this file as comments; record their lines."""
    for finding in findings:
        if not finding.kept or finding.where != where:
            continue
        text.blank()
        line = text.line_count + 1
        text.comment(f"Tidak dikenali saat impor ({finding.place}); teksnya disimpan di sini:")
        text.lines.extend(
            comment_lines("\n".join(f"  {line}" for line in finding.kept.split("\n")))
        )
        result.notices.append(Notice(finding.place, finding.message, (Path(relative), line)))
    return text.text()


# -- dokumen.yaml ----------------------------------------------------------------------


def _dokumen_file(read: DocumentRead, tahun: int, source_name: str) -> tuple[YamlText, Any]:
    text = YamlText([DOKUMEN_SCHEMA_LINE])
    text.comment(f"Lampiran 2 Perjanjian Kinerja tahun {tahun}, diimpor dari {source_name}.")
    expected: dict[str, Any] = {}
    if read.instansi:
        text.value("instansi", read.instansi)
    else:
        text.raw("instansi", '""', note="tidak ditemukan di judul dokumen; isi nama instansi")
    expected["instansi"] = read.instansi
    text.raw("tahun", str(tahun))
    expected["tahun"] = str(tahun)
    lampiran = read.lampiran or "2"
    _number_or_text(text, "lampiran", lampiran)
    expected["lampiran"] = lampiran
    if read.pemerintah_daerah:
        text.value("pemerintah_daerah", read.pemerintah_daerah)
        expected["pemerintah_daerah"] = read.pemerintah_daerah
    else:
        text.comment(
            "Nama pemerintah daerah tidak tercetak (templat bawaan tidak mencetaknya), sehingga"
        )
        text.comment("tidak terbaca dari dokumennya; isi bila templat Anda memakainya:")
        text.comment("pemerintah_daerah: Pemerintah Kabupaten ...")
    if read.perubahan:
        text.raw("perubahan", "true")
        expected["perubahan"] = "true"
    signing = read.penandatangan
    if signing is not None:
        text.mapping("penandatangan")
        signed: dict[str, Any] = {}
        expected["penandatangan"] = signed
        if signing.tempat:
            text.value("tempat", signing.tempat, 2)
        else:
            text.raw("tempat", '""', 2, note="tidak ditemukan; isi tempat penandatanganan")
        signed["tempat"] = signing.tempat
        if signing.tanggal is not None:
            text.raw("tanggal", signing.tanggal.isoformat(), 2)
            signed["tanggal"] = signing.tanggal.isoformat()
        else:
            text.raw("tanggal", '""', 2, note="tidak terbaca dari dokumen; tulis TTTT-BB-HH")
            signed["tanggal"] = ""
        for key, label, party in (
            ("pihak_pertama", "kepala perangkat daerah", signing.pihak_pertama),
            ("pihak_kedua", "kepala daerah", signing.pihak_kedua),
        ):
            text.lines.append(f"  {key}:  # {label}")
            signed[key] = _pihak(text, party)
    return text, expected


def _pihak(text: YamlText, party: PihakRead) -> dict[str, str]:
    written: dict[str, str] = {}
    for key, value in (("nama", party.nama), ("jabatan", party.jabatan)):
        if value:
            text.value(key, value, 4)
        else:
            text.raw(key, '""', 4, note="tidak ditemukan di blok tanda tangan; isi sendiri")
        written[key] = value
    if party.status:
        text.value("status", party.status, 4)
        written["status"] = party.status
    if party.pangkat:
        text.value("pangkat", party.pangkat, 4)
        written["pangkat"] = party.pangkat
    if party.nip:
        nip = format_nip(party.nip)
        text.raw("nip", f'"{nip}"' if nip.replace(" ", "").isdigit() else f'"{party.nip}"', 4)
        written["nip"] = nip if nip.replace(" ", "").isdigit() else party.nip
    return written


def _number_or_text(text: YamlText, key: str, value: str, indent: int = 0) -> None:
    """A small whole number unquoted (``lampiran: 2``, ``target: 77``), anything else as text."""
    if _SMALL_NUMBER.fullmatch(value):
        text.raw(key, value, indent)
    else:
        text.value(key, value, indent)


# -- sasaran files ---------------------------------------------------------------------


def _sasaran_file(
    sasaran: SasaranRead, index: int, findings: list[Finding]
) -> tuple[YamlText, Any]:
    text = YamlText([SASARAN_SCHEMA_LINE])
    expected: dict[str, Any] = {}
    if sasaran.sasaran:
        text.value("sasaran", sasaran.sasaran)
    else:
        text.raw("sasaran", '""', note="judul sasaran tidak ditemukan; isi sendiri")
    expected["sasaran"] = sasaran.sasaran
    uraian = read_prose(sasaran.uraian, sasaran.place, findings, index)
    expected["uraian"] = _prose(text, "uraian", uraian, 0, False, sasaran.place, findings, index)
    text.lines.append("indikator:")
    expected["indikator"] = [
        _indikator(text, indikator, findings, index) for indikator in sasaran.indikator
    ]
    if not sasaran.indikator:
        text.lines[-1] = "indikator: []  # tidak ada tabel indikator; tambahkan indikatornya"
    return text, expected


def _indikator(
    text: YamlText, indikator: IndikatorRead, findings: list[Finding], index: int
) -> dict[str, Any]:
    written: dict[str, Any] = {}
    place = indikator.place
    if indikator.nama:
        text.one_line("nama", indikator.nama, 2, item=True)
    else:
        text.lines.append('  - nama: ""  # nama indikator tidak ditemukan; isi sendiri')
    written["nama"] = indikator.nama
    written["relevansi"] = _prose(
        text, "relevansi", indikator.relevansi, 4, True, place, findings, index
    )
    for key in ("formulasi", "sumber_data"):
        value: Prose | None = getattr(indikator, key)
        if value is not None:
            written[key] = _prose(text, key, value, 4, False, place, findings, index)
    if indikator.target:
        _number_or_text(text, "target", indikator.target, 4)
    else:
        text.raw("target", '""', 4, note="target tidak ditemukan di tabel target; isi sendiri")
    written["target"] = indikator.target or ""
    written["penjelasan_target"] = _prose(
        text, "penjelasan_target", indikator.penjelasan_target, 4, True, place, findings, index
    )
    return written


def _prose(
    text: YamlText,
    key: str,
    prose: Prose | None,
    indent: int,
    required: bool,
    place: str,
    findings: list[Finding],
    index: int,
) -> str:
    """Write one prose field; return the text it must read back as."""
    if prose is None:
        note = "tidak ditemukan di dokumen; isi sendiri" if required else ""
        text.raw(key, '""', indent, note=note)
        return ""
    markdown = prose_markdown(prose)
    if not markdown.exact:
        findings.append(
            Finding(
                place,
                f"format tebal/miring pada '{key}' tidak dapat ditulis dalam Markdown "
                "(misalnya di tengah kata); teksnya ditulis tanpa format itu",
                where=index,
            )
        )
    text.prose(key, markdown.text, indent)
    return markdown.text


# -- file names ------------------------------------------------------------------------


def sasaran_file_names(titles: list[str]) -> list[str]:
    """``01-disiplin-aparatur.yaml`` from "Meningkatnya Disiplin Aparatur": order and words.

    File names come from the title's letters and digits only (never other text), a
    leading verb such as "Meningkatnya" is left out, and names stay short and unique.
    """
    width = max(2, len(str(len(titles))))
    names: list[str] = []
    for number, title in enumerate(titles, start=1):
        base = f"{number:0{width}d}-{slug(title)}"
        name = f"{base}.yaml"
        suffix = 2
        while name in names:
            name = f"{base}-{suffix}.yaml"
            suffix += 1
        names.append(name)
    return names


def slug(title: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    if len(words) >= 3 and words[0].endswith("nya"):
        words = words[1:]
    words = [w for w in words if w not in ("dan", "yang", "di", "ke", "dari", "serta")]
    kept: list[str] = []
    for word in words[:_SLUG_WORDS]:
        if kept and len("-".join([*kept, word])) > _SLUG_LENGTH:
            break
        kept.append(word[:_SLUG_LENGTH])
    return "-".join(kept) or "sasaran"


# -- publishing -------------------------------------------------------------------------


def write_year(content_dir: Path, files: ContentFiles) -> Path:
    """Write the year under ``content_dir`` (created if needed); return its folder.

    Raises :class:`YearExists` when the year is there already (also as a link or a file).
    """
    target = content_dir / str(files.tahun)
    refuse_existing_year(target)
    staging: Path | None = None
    try:
        content_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".lampiran-import-{files.tahun}-", dir=content_dir))
        built = staging / str(files.tahun)
        (built / SASARAN_DIR).mkdir(parents=True)
        for relative, text in files.files.items():
            (built / relative).write_text(text, encoding="utf-8", newline="\n")
        if os.path.lexists(target):
            raise YearExists(f"{target.as_posix()} baru saja dibuat oleh proses lain; tidak diubah")
        built.rename(target)
    except OSError as exc:
        raise StepFailed(f"{target.as_posix()} tidak dapat ditulis: {os_reason(exc)}") from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return target


def refuse_existing_year(target: Path) -> None:
    if os.path.lexists(target):
        raise YearExists(
            f"{target.as_posix()} sudah ada dan tidak diubah; pilih tahun lain dengan --tahun, "
            "folder lain dengan -o, atau hapus/ganti nama folder itu dulu"
        )
