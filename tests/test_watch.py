"""``lampiran watch``: a saved change rebuilds the document (and its PDF); Ctrl-C stops it.

The command runs as a user runs it, as a foreground job of its own that gets SIGINT
like Ctrl-C (pitfalls.md), with a fake LibreOffice (``LAMPIRAN_SOFFICE``) that behaves
like the real one: started with a document, it loads it (writing LibreOffice's lock
file) and keeps running; started with ``--convert-to``, it writes the PDFs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import CONTENT_2024, require_tool
from lampiran.watch import snapshot
from test_pdf import _running

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a sh script")

DOCX = "lampiran-2-perjanjian-kinerja-2024.docx"
SASARAN = "sasaran/01-disiplin-aparatur.yaml"

FAKE_SOFFICE = r"""#!/bin/sh
echo "$$ $*" >> "{{calls}}"
case " $* " in
  *" --convert-to "*)
    outdir=""
    previous=""
    for argument in "$@"; do
      if [ "$previous" = "--outdir" ]; then outdir="$argument"; fi
      previous="$argument"
    done
    for a in "$@"; do case "$a" in *.docx)
      printf '%%PDF-1.6\n%%%%EOF\n' > "$outdir/$(basename "$a" .docx).pdf";; esac; done
    ;;
  *)
    {listener}
    ;;
esac
"""

KEEPS_RUNNING = r"""for a in "$@"; do case "$a" in *.docx)
      : > "$(dirname "$a")/.~lock.$(basename "$a")#";; esac; done
    exec sleep 300"""
"""A LibreOffice that loads its document (lock file) and waits for work."""

DIES_AT_ONCE = "exit 0"
"""A LibreOffice that cannot be kept running: every PDF is then made the usual way."""


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    """Poll ``condition``; a generous bound that only proves "not hung"."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


class Watching:
    """A running ``lampiran watch`` with its output files and the fake's call log."""

    def __init__(self, root: Path, listener: str, *args: str) -> None:
        self.root = root
        self.calls = root / "panggilan.log"
        self.private = root / "tmp"
        self.private.mkdir()
        soffice = root / "soffice-palsu"
        script = listener if listener.startswith("#!") else FAKE_SOFFICE.format(listener=listener)
        soffice.write_text(script.replace("{calls}", str(self.calls)))
        soffice.chmod(0o755)
        self.out = (root / "keluaran.txt").open("w+")
        self.err = (root / "galat.txt").open("w+")
        env = {
            **os.environ,
            "LAMPIRAN_SOFFICE": str(soffice),
            "TMPDIR": str(self.private),
            "PYTHONPATH": os.pathsep.join(sys.path),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lampiran", "watch", "--interval", "0.05", *args],
            cwd=root,
            env=env,
            stdout=self.out,
            stderr=self.err,
            start_new_session=True,
        )

    def stdout(self) -> str:
        return (self.root / "keluaran.txt").read_text(encoding="utf-8")

    def stderr(self) -> str:
        return (self.root / "galat.txt").read_text(encoding="utf-8")

    def written(self) -> int:
        return self.stdout().count(" ditulis (")

    def ctrl_c(self) -> int:
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=60)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.out.close()
        self.err.close()

    def soffice_pids(self) -> list[int]:
        if not self.calls.exists():
            return []
        return [int(line.split()[0]) for line in self.calls.read_text().splitlines()]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT_2024, tmp_path / "content" / "2024")
    return tmp_path


@pytest.fixture
def watching(workspace: Path) -> Iterator[Callable[..., Watching]]:
    started: list[Watching] = []

    def start(listener: str, *args: str) -> Watching:
        started.append(Watching(workspace, listener, *args))
        return started[-1]

    yield start
    for watch in started:
        watch.close()


def save(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_change_rebuilds_docx_and_pdf_through_the_running_libreoffice(
    workspace: Path, watching: Callable[..., Watching]
) -> None:
    watch = watching(KEEPS_RUNNING, "content/2024", "--pdf")
    wait_until(lambda: "Menunggu perubahan" in watch.stdout(), "the first build")
    docx = workspace / "dist" / DOCX
    first = docx.read_bytes()

    save(workspace / "content" / "2024" / SASARAN, "target: 99,99%", "target: 99,5%")
    wait_until(lambda: watch.written() == 2, "the rebuild")
    code = watch.ctrl_c()

    assert code == 130
    assert watch.stderr().endswith(
        "Galat: dihentikan (Ctrl-C); tidak ada berkas yang setengah jadi.\n"
    )
    assert "Traceback" not in watch.stderr()
    assert docx.read_bytes() != first
    assert docx.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    calls = watch.calls.read_text().splitlines()
    # One LibreOffice kept running, then one hand-over per PDF (not a start each).
    assert len(calls) == 3
    assert "--convert-to" not in calls[0] and calls[0].endswith("tetap.docx")
    assert all("--convert-to" in call for call in calls[1:])
    profiles = {part for call in calls for part in call.split() if "UserInstallation" in part}
    assert len(profiles) == 1
    for pid in watch.soffice_pids():
        assert not _running(pid), f"LibreOffice {pid} outlived the watch"
    assert list(watch.private.iterdir()) == []


def test_without_a_running_libreoffice_each_pdf_is_made_the_usual_way(
    workspace: Path, watching: Callable[..., Watching]
) -> None:
    watch = watching(DIES_AT_ONCE, "--pdf")
    wait_until(lambda: "Menunggu perubahan" in watch.stdout(), "the first build")

    save(workspace / "content" / "2024" / SASARAN, "target: 99,99%", "target: 99,5%")
    wait_until(lambda: watch.written() == 2, "the rebuild")

    assert watch.ctrl_c() == 130
    calls = watch.calls.read_text().splitlines()
    assert len(calls) == 3
    assert all("--convert-to" in call for call in calls[1:])
    profiles = [part for call in calls[1:] for part in call.split() if "UserInstallation" in part]
    assert len(set(profiles)) == 2  # a profile of its own for each one-shot conversion
    assert (workspace / "dist" / DOCX).with_suffix(".pdf").exists()


def test_a_broken_save_is_reported_and_the_watch_goes_on(
    workspace: Path, watching: Callable[..., Watching]
) -> None:
    dokumen = workspace / "content" / "2024" / "dokumen.yaml"
    watch = watching(KEEPS_RUNNING)
    wait_until(lambda: "Menunggu perubahan" in watch.stdout(), "the first build")
    docx = workspace / "dist" / DOCX
    first = docx.read_bytes()

    save(dokumen, "tahun: 2024", "tahun: 20x")
    wait_until(lambda: "belum dibuat ulang" in watch.stdout(), "the report")
    assert docx.read_bytes() == first
    save(dokumen, "tahun: 20x", "tahun: 2024")
    save(workspace / "content" / "2024" / SASARAN, "target: 99,99%", "target: 99,5%")
    wait_until(lambda: watch.written() == 2, "the rebuild after the fix")

    assert watch.ctrl_c() == 130
    out = watch.stdout()
    assert (
        "content/2024/dokumen.yaml:5:8: tahun: tahun harus empat angka, misalnya 2024 "
        "(tertulis '20x')\n1 kesalahan, 0 peringatan\n"
    ) in out
    assert "content/2024: belum dibuat ulang; perbaiki kesalahan di atas lalu simpan lagi." in out
    assert docx.read_bytes() != first
    assert not watch.calls.exists()  # no --pdf: LibreOffice never started


def test_editor_backup_swap_and_lock_files_are_not_changes(tmp_path: Path) -> None:
    (tmp_path / "sasaran").mkdir()
    (tmp_path / "dokumen.yaml").write_text("a", encoding="utf-8")
    before = snapshot(tmp_path)
    for name in (
        "dokumen.yaml~",
        ".dokumen.yaml.swp",
        "sasaran/.~lock.01.yaml#",
        "~$dokumen.yaml",
        "sasaran/01.yaml.tmp",
    ):
        (tmp_path / name).write_text("x", encoding="utf-8")

    assert snapshot(tmp_path) == before
    (tmp_path / "sasaran" / "01.yaml").write_text("b", encoding="utf-8")
    assert set(snapshot(tmp_path)) == {"dokumen.yaml", "sasaran/01.yaml"}


def test_a_saved_change_reaches_the_pdf_with_real_libreoffice(
    workspace: Path, watching: Callable[..., Watching]
) -> None:
    real = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    watch = watching(f'#!/bin/sh\necho "$$ $*" >> "{{calls}}"\nexec "{real}" "$@"\n', "--pdf")
    wait_until(lambda: "Menunggu perubahan" in watch.stdout(), "the first build", 180)

    save(workspace / "content" / "2024" / SASARAN, "target: 99,99%", "target: 97,25%")
    wait_until(lambda: watch.written() == 2, "the rebuild", 180)
    assert watch.ctrl_c() == 130

    pdf = workspace / "dist" / DOCX.replace(".docx", ".pdf")
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "97,25%" in text
    assert "99,99%" not in text
    assert list(watch.private.iterdir()) == []
