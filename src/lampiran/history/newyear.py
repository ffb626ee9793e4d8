"""Starting next year's content from this year's: ``lampiran new``.

Staff begin each year from the appendix they signed last year, so the copy must keep
everything they wrote exactly as it was (comments, key order, quoting, one sentence per
line), or the first review of the new year drowns in noise. Only the value of ``tahun``
changes, and it is changed by editing the text at the position the loader recorded, not
by writing the YAML out again.

The copy is built in a hidden temporary folder next to the target, checked, and then
renamed into place, so a failed or interrupted run (Ctrl-C, SIGTERM) never leaves a
half-made year or the temporary folder behind, and an existing year is never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lampiran import interrupts
from lampiran.content.loading import DOKUMEN_FILE, Year, load_year, require_year
from lampiran.errors import ContentError, Report, StepFailed, UsageProblem, os_reason, visible
from lampiran.source.files import (
    FileRefused,
    copy_regular_file,
    list_folder,
    refusal,
    status_of,
)
from lampiran.text.formatting import format_nip, rupiah
from lampiran.workspace import CONTENT_DIR, MAX_TAHUN, MIN_TAHUN, years_in

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


class NewYearRefused(StepFailed):
    """The new year cannot be made (it exists already, or the disk failed): exit 1."""


@dataclass(frozen=True)
class ReviewItem:
    """One place in the new year that staff must look at before signing."""

    path: Path
    line: int
    text: str


@dataclass(frozen=True)
class NewYear:
    """What ``lampiran new`` made, and what is left for staff to review."""

    source: Path
    folder: Path
    old_tahun: int
    new_tahun: int
    report: Report
    targets: tuple[ReviewItem, ...]
    dates: tuple[ReviewItem, ...]
    signatories: tuple[ReviewItem, ...]
    old_year_mentions: tuple[ReviewItem, ...]
    programs: tuple[ReviewItem, ...] = ()
    """Each program's anggaran, still last year's."""
    perubahan: ReviewItem | None = None
    """``perubahan: true`` copied from a PK Perubahan: the new year's PK is usually not one."""


def pick_source(root: Path, from_year: int | None) -> Path:
    """The year folder to copy: ``--from`` or the newest under ``content/``."""
    return pick_source_in(root / CONTENT_DIR, from_year)


def pick_source_in(years_folder: Path, from_year: int | None) -> Path:
    """The year folder to copy from ``years_folder`` (``content`` or an agency's folder)."""
    if from_year is not None:
        folder = years_folder / str(from_year)
        if not folder.is_dir():
            raise UsageProblem(
                f"folder {folder.as_posix()} tidak ada; sebutkan tahun yang sudah ada "
                "dengan --from, misalnya --from 2024"
            )
        return folder
    years = years_in(years_folder) if years_folder.is_dir() else []
    if not years:
        raise UsageProblem(
            f"tidak ada folder tahun di {years_folder.as_posix()}/ untuk disalin; "
            "buat dulu content/<tahun>/ sesuai README"
        )
    return years[-1]


def create_year(source: Path, new_tahun: int | None = None) -> NewYear:
    """Copy the valid year in ``source`` to ``<content>/<new_tahun>`` with the new ``tahun``.

    Raises :class:`ContentError` when the source has errors (the same problems as
    ``check``), :class:`UsageProblem` for an impossible year and :class:`NewYearRefused`
    when the target exists or the source holds anything but folders and regular files
    (a link, a FIFO, a device): such an entry is named and nothing is written.
    """
    if new_tahun is not None:
        _refuse_existing(source, source.parent / str(new_tahun))
    year, _ = require_year(source)
    old_tahun = year.dokumen.tahun
    tahun = old_tahun + 1 if new_tahun is None else new_tahun
    if not MIN_TAHUN <= tahun <= MAX_TAHUN:
        raise UsageProblem(f"tahun {tahun} di luar rentang {MIN_TAHUN}-{MAX_TAHUN}")
    target = source.parent / str(tahun)
    _refuse_existing(source, target)
    folders, files = _entries_to_copy(source)
    staging: Path | None = None
    try:
        # Created and named with Ctrl-C held back, so an interrupt never orphans it.
        with interrupts.deferred():
            staging = Path(tempfile.mkdtemp(prefix=f".lampiran-new-{tahun}-", dir=source.parent))
        built = staging / str(tahun)
        built.mkdir()
        for folder in folders:
            (built / folder).mkdir()
        for file in files:
            copy_regular_file(source / file, built / file)
        dokumen = built / DOKUMEN_FILE
        dokumen.write_bytes(replace_tahun(year, dokumen.read_bytes(), tahun))
        made, made_report = load_year(built)
        if made is None or made.dokumen.tahun != tahun:
            raise ContentError(made_report)
        if os.path.lexists(target):
            raise NewYearRefused(f"{target.as_posix()} baru saja dibuat oleh proses lain")
        built.rename(target)
    except FileRefused as exc:
        raise NewYearRefused(f"{exc}; {_NOTHING_MADE}") from None
    except OSError as exc:
        raise NewYearRefused(f"{target.as_posix()} tidak dapat dibuat: {os_reason(exc)}") from exc
    finally:
        if staging is not None:
            with interrupts.deferred():
                shutil.rmtree(staging, ignore_errors=True)
    final, final_report = load_year(target)
    assert final is not None, "the staged copy was valid before the rename"
    return NewYear(
        source=source,
        folder=target,
        old_tahun=old_tahun,
        new_tahun=tahun,
        report=final_report,
        targets=_target_items(final),
        dates=_date_items(final),
        signatories=_signatory_items(final),
        old_year_mentions=_mentions(final, old_tahun),
        programs=_program_items(final),
        perubahan=_perubahan_item(final),
    )


_NOTHING_MADE = "tahun baru tidak dibuat dan tidak ada yang ditulis"


def _refuse_existing(source: Path, target: Path) -> None:
    """Never touch a year that exists (a link or a file of that name counts too)."""
    if not os.path.lexists(target):
        return
    if os.path.abspath(target) == os.path.abspath(source):
        raise NewYearRefused(
            f"{target.as_posix()} sudah ada (itulah tahun yang akan disalin) dan tidak "
            f"diubah; untuk memulai tahun sesudahnya jalankan 'lampiran new' tanpa tahun, "
            f"atau sebutkan tahunnya, misalnya 'lampiran new {int(target.name) + 1}'"
        )
    raise NewYearRefused(
        f"{target.as_posix()} sudah ada dan tidak diubah; hapus atau ganti namanya dulu "
        "bila memang ingin membuatnya ulang"
    )


def _entries_to_copy(source: Path) -> tuple[list[Path], list[Path]]:
    """The folders and regular files under ``source`` (relative, parents first).

    Raises :class:`NewYearRefused` naming the first entry that is anything else, before
    anything is written: a link would copy what it points to (a secret file, a whole home
    folder) into the new year, and a FIFO or a device would hang or never end.
    """
    folders: list[Path] = []
    files: list[Path] = []
    pending = [Path()]
    while pending:
        relative = pending.pop()
        try:
            entries = list_folder(source / relative)
            for entry in entries:
                status = status_of(entry)
                if status is None:
                    continue  # removed while we looked
                refused = refusal(entry, status)
                if refused is not None:
                    raise refused
                inside = relative / entry.name
                if stat.S_ISDIR(status.st_mode):
                    folders.append(inside)
                    pending.append(inside)
                else:
                    files.append(inside)
        except FileRefused as exc:
            raise NewYearRefused(f"{exc}; {_NOTHING_MADE}") from None
    return folders, files  # a folder is found only inside one listed before it


def replace_tahun(year: Year, raw: bytes, tahun: int) -> bytes:
    """``dokumen.yaml`` as bytes with only the digits of the ``tahun`` value replaced.

    The loader's positions count lines after every kind of line break and columns after
    a stripped byte-order mark; the same rules are applied to the raw text, so CRLF files
    and a BOM survive the edit unchanged.
    """
    text = raw.decode("utf-8")
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    line, column = year.dokumen_source.values[("tahun",)]
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(body))]
    offset = starts[line - 1] + column - 1
    old = str(year.dokumen.tahun)
    # The value was validated as four digits with optional quotes, '|' or whitespace
    # before them, so the first occurrence from its start is the value itself.
    found = re.compile(rf"(?<!\d){old}(?!\d)").search(body, offset)
    if found is None:
        raise ValueError(f"tahun {old} not found at line {line}, column {column}")
    edited = body[: found.start()] + str(tahun) + body[found.end() :]
    return (bom + edited).encode("utf-8")


def _target_items(year: Year) -> tuple[ReviewItem, ...]:
    items = []
    for sasaran in year.sasaran:
        for index, indikator in enumerate(sasaran.model.indikator):
            line, _ = sasaran.source.locate(("indikator", index, "target"))
            items.append(ReviewItem(sasaran.path, line, f"{indikator.target} — {indikator.nama}"))
    return tuple(items)


def _date_items(year: Year) -> tuple[ReviewItem, ...]:
    signing = year.dokumen.penandatangan
    if signing is None:
        return ()
    line, _ = year.dokumen_source.locate(("penandatangan", "tanggal"))
    return (ReviewItem(year.dokumen_source.path, line, signing.tanggal.isoformat()),)


def _signatory_items(year: Year) -> tuple[ReviewItem, ...]:
    signing = year.dokumen.penandatangan
    if signing is None:
        return ()
    items = []
    for key, pihak in (
        ("pihak_pertama", signing.pihak_pertama),
        ("pihak_kedua", signing.pihak_kedua),
    ):
        line, _ = year.dokumen_source.locate(("penandatangan", key, "nama"))
        nip = f"NIP {format_nip(pihak.nip)}" if pihak.nip else None
        details = ", ".join(x for x in (pihak.jabatan_tercetak, pihak.pangkat, nip) if x)
        items.append(ReviewItem(year.dokumen_source.path, line, f"{pihak.nama} ({details})"))
    return tuple(items)


def _program_items(year: Year) -> tuple[ReviewItem, ...]:
    source = year.program_source
    if source is None:
        return ()
    items = []
    for index, program in enumerate(year.program):
        line, _ = source.locate(("program", index, "anggaran"))
        items.append(ReviewItem(source.path, line, f"{rupiah(program.anggaran)} — {program.nama}"))
    return tuple(items)


def _perubahan_item(year: Year) -> ReviewItem | None:
    if not year.dokumen.perubahan:
        return None
    line, _ = year.dokumen_source.locate(("perubahan",))
    return ReviewItem(
        year.dokumen_source.path,
        line,
        "perubahan: true tersalin dari PK Perubahan; PK tahun baru biasanya bukan PK "
        "Perubahan, jadi ubah menjadi false atau hapus baris itu",
    )


def _mentions(year: Year, old_tahun: int) -> tuple[ReviewItem, ...]:
    """Lines that still name the old year (comments and prose), except ``tahun`` itself."""
    pattern = re.compile(rf"(?<!\d){old_tahun}(?!\d)")
    sources = [year.dokumen_source, *(s.source for s in year.sasaran)]
    if year.program_source is not None:
        sources.append(year.program_source)
    items = []
    for source in sources:
        path, text = source.path, source.text
        for number, line in enumerate(_LINE_BREAK.split(text), start=1):
            if pattern.search(line):
                items.append(ReviewItem(path, number, line.strip()))
    return tuple(items)


def review_lines(made: NewYear) -> list[str]:
    """What to tell staff after ``lampiran new``, in Indonesian, one line per entry."""
    folder = made.folder.as_posix()
    lines = [
        f"{folder} dibuat dari {made.source.as_posix()}; hanya 'tahun' yang diganti "
        f"({made.old_tahun} -> {made.new_tahun}).",
        "",
        "Periksa dan perbarui sebelum ditandatangani:",
        f"1. Target: {len(made.targets)} indikator masih memakai target {made.old_tahun}.",
        *(f"   {_where(item)}: {item.text}" for item in made.targets),
    ]
    if made.dates:
        lines.append("2. Tanggal penandatanganan:")
        lines += [f"   {_where(item)}: {item.text}" for item in made.dates]
    else:
        lines.append("2. Tanggal penandatanganan: belum diisi (blok penandatangan tidak ada).")
    if made.signatories:
        lines.append("3. Penandatangan (nama, jabatan, pangkat, NIP):")
        lines += [f"   {_where(item)}: {item.text}" for item in made.signatories]
    else:
        lines.append("3. Penandatangan: belum diisi (blok penandatangan tidak ada).")
    if made.old_year_mentions:
        lines.append(f"4. Teks dan komentar yang masih menyebut {made.old_tahun}:")
        lines += [f"   {_where(item)}: {item.text}" for item in made.old_year_mentions]
    number = 5 if made.old_year_mentions else 4
    if made.programs:
        lines.append(
            f"{number}. Anggaran: {len(made.programs)} program masih memakai anggaran "
            f"{made.old_tahun}."
        )
        lines += [f"   {_where(item)}: {item.text}" for item in made.programs]
        number += 1
    if made.perubahan is not None:
        lines.append(f"{number}. PK Perubahan:")
        lines.append(f"   {_where(made.perubahan)}: {made.perubahan.text}")
    if made.report.problems:
        lines += ["", "Hasil pemeriksaan:"]
        lines += [problem.format() for problem in made.report.sorted()]
    lines += [
        "",
        f"Lalu periksa dengan 'lampiran check {folder}' dan lihat perubahannya dengan "
        f"'lampiran diff {made.source.as_posix()} {folder}'.",
    ]
    # Names, targets and comments are the author's text: never raw control characters.
    return [visible(line, keep_newlines=False) for line in lines]


def _where(item: ReviewItem) -> str:
    return f"{item.path.as_posix()}:{item.line}"
