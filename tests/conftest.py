"""Shared test helpers: small content trees written inline, and system tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTENT_2024 = REPO_ROOT / "content" / "2024"

VALID_DOKUMEN = """\
instansi: Badan Contoh
tahun: 2024
"""

VALID_SASARAN = """\
sasaran: Meningkatnya Disiplin Aparatur
uraian: |
  Kalimat pertama.
  Kalimat kedua.
indikator:
  - nama: Cakupan ASN yang tidak dijatuhi hukuman disiplin
    relevansi: Relevansi indikator.
    formulasi: Jumlah ASN / jumlah keseluruhan ASN X 100%
    sumber_data: Laporan Realisasi Kinerja
    target: 99,99%
    penjelasan_target: Penjelasan target.
"""

SIGNING_BLOCK = """\
penandatangan:
  tempat: Contoh
  tanggal: 2024-01-31
  pihak_pertama:
    nama: Dr. NAMA KEPALA, S.Sos., M.Si.
    jabatan: Kepala Badan
    nip: "19700101 199003 1 001"
  pihak_kedua:
    nama: NAMA BUPATI
    jabatan: Bupati Contoh
"""
"""A signature block to append to ``VALID_DOKUMEN``."""

VALID_PROGRAM = """\
program:
  - nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    anggaran: 4.100.832.755
    keterangan: APBD
  - nama: Program Pengelolaan Aplikasi Informatika
    anggaran: 1589645600
"""
"""A ``program.yaml`` as content-format.md shows it (the first amount unquoted)."""

PK_2025 = REPO_ROOT / "tests" / "data" / "pk" / "2025"
"""A PK Perubahan with programs, a Plt. and a Pj.: the fixture of the whole PK."""

YearWriter = Callable[..., Path]


def write_year(
    root: Path,
    dokumen: str | bytes | None = VALID_DOKUMEN,
    sasaran: Mapping[str, str | bytes] | None = None,
    year: str = "2024",
    program: str | bytes | None = None,
) -> Path:
    """Write ``content/<year>/`` under ``root`` from inline texts; return the year folder.

    Texts are dedented, so tests can indent them with the code. ``bytes`` are written as
    they are (for encoding and line-ending cases). ``program`` is ``program.yaml``.
    """
    folder = root / "content" / year
    (folder / "sasaran").mkdir(parents=True, exist_ok=True)
    if dokumen is not None:
        _write(folder / "dokumen.yaml", dokumen)
    if program is not None:
        _write(folder / "program.yaml", program)
    files = sasaran if sasaran is not None else {"01-disiplin.yaml": VALID_SASARAN}
    for name, text in files.items():
        _write(folder / "sasaran" / name, text)
    return folder


def _write(path: Path, text: str | bytes) -> None:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def year_writer(tmp_path: Path) -> YearWriter:
    """``year_writer(dokumen=..., sasaran={...})`` writes a year under ``tmp_path``."""

    def writer(**kwargs: object) -> Path:
        return write_year(tmp_path, **kwargs)  # type: ignore[arg-type]

    return writer


def require_tool(name: str) -> str:
    """The path of a system tool; skip without it, except in CI where it must exist.

    ``.ci/run`` installs LibreOffice, poppler and hunspell and sets
    ``LAMPIRAN_REQUIRE_SYSTEM_TOOLS=1``, so these tests can never be skipped there.
    """
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("LAMPIRAN_REQUIRE_SYSTEM_TOOLS") == "1":
        pytest.fail(f"{name} is required in CI but not installed (scripts/install-system-deps.sh)")
    pytest.skip(f"{name} not installed")


def run_git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    """``git ARGS`` in ``repo`` as a test author, whatever the machine's git settings."""
    result = subprocess.run(
        [
            require_tool("git"),
            "-c",
            "user.name=Uji",
            "-c",
            "user.email=uji@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        cwd=repo,
        input=stdin,
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8", "surrogateescape")


class Outcome:
    """What a ``lampiran`` run printed and its exit code."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run_lampiran(*args: str, color: bool = False) -> Outcome:
    """Run ``lampiran ARGS`` in-process through ``cli.main``, as the console script does.

    ``color=True`` runs as if on a terminal, so ``click.echo`` keeps colour codes.
    """
    from click.testing import CliRunner

    from lampiran.cli import main

    code = 0
    with CliRunner().isolation(color=color) as streams:
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = streams[0].getvalue(), streams[1].getvalue()
    return Outcome(code, out.decode("utf-8"), err.decode("utf-8"))
