"""``lampiran import``: a Word file in, a year of content out, and what to look at."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lampiran.errors import StepFailed, UsageProblem
from lampiran.importers.docx import DocumentRead, Finding, read_lampiran2
from lampiran.importers.wordbody import read_body
from lampiran.importers.wordpackage import open_word_file
from lampiran.importers.yearfiles import (
    ContentFiles,
    Notice,
    content_files,
    refuse_existing_year,
    write_year,
)
from lampiran.workspace import MAX_TAHUN, MIN_TAHUN


class NotALampiran2(StepFailed):
    """The Word document holds no Lampiran 2 that could be recognised (exit 1)."""


@dataclass(frozen=True)
class Imported:
    """What ``lampiran import`` wrote and what it wants the user to look at."""

    folder: Path
    written: tuple[Path, ...]
    notices: tuple[Notice, ...]
    sasaran: int
    indikator: int


def read_word_file(path: Path, tahun: int | None = None) -> tuple[DocumentRead, ContentFiles]:
    """The year a Word file holds, as content files (nothing is written)."""
    read = read_lampiran2(read_body(open_word_file(path)))
    shown = path.as_posix()
    if not any(s.indikator for s in read.sasaran):
        raise NotALampiran2(
            f"{shown}: tidak ditemukan tabel indikator (judul kolom 'No | Uraian | Relevansi | "
            "Formulasi | Sumber Data'), sehingga dokumen ini tidak dapat dibaca sebagai "
            "Lampiran 2 Perjanjian Kinerja"
        )
    year = tahun if tahun is not None else read.tahun
    if year is None:
        raise UsageProblem(
            f"{shown}: tahun tidak ditemukan di judul dokumen; sebutkan dengan --tahun, "
            "misalnya --tahun 2025"
        )
    if not MIN_TAHUN <= year <= MAX_TAHUN:
        raise UsageProblem(
            f"{shown}: judulnya menyebut tahun {year}, di luar {MIN_TAHUN}-{MAX_TAHUN}; "
            "sebutkan tahunnya dengan --tahun"
        )
    if tahun is not None and read.tahun is not None and read.tahun != tahun:
        read.findings.insert(
            0,
            Finding(
                "judul",
                f"judul dokumen menyebut tahun {read.tahun}; isinya ditulis sebagai tahun "
                f"{tahun} (--tahun); periksa tanggal dan target yang masih tahun {read.tahun}",
            ),
        )
    return read, content_files(read, year, path.name)


def import_word_file(path: Path, content_dir: Path, tahun: int | None = None) -> Imported:
    """Read ``path`` and write ``<content_dir>/<tahun>/``; an existing year is refused.

    When ``tahun`` is given, the year folder is refused before the file is even read.
    """
    if tahun is not None:
        refuse_existing_year(content_dir / str(tahun))
    _, files = read_word_file(path, tahun)
    folder = write_year(content_dir, files)
    written = tuple(folder / relative for relative in sorted(files.files, key=_dokumen_first))
    notices = tuple(
        Notice(n.place, n.message, (folder / n.kept_at[0], n.kept_at[1]) if n.kept_at else None)
        for n in files.notices
    )
    return Imported(folder, written, notices, files.sasaran_count, files.indikator_count)


def _dokumen_first(relative: str) -> tuple[bool, str]:
    return ("/" in relative, relative)
