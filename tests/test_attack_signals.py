"""Attack: Ctrl-C, SIGTERM and SIGHUP in the middle of ``lampiran build --pdf`` and ``new``.

A user who stops a run must find everything as it was: no LibreOffice still running, no
temporary folder (LibreOffice's own ``lu*.tmp`` files included), no staged ``.tmp``
file, and never a new .docx beside an old PDF.

A process started in the background by a non-interactive shell ignores SIGINT, so these
tests start ``lampiran`` themselves in a session of its own (``start_new_session``) and
send the signal to its process group, as a terminal does on Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import CONTENT_2024, run_lampiran
from lampiran import interrupts
from test_pdf import _running, posix_only
from test_pdf_cli import DOCX_2024, PDF_2024, copy_year

pytestmark = posix_only

OLD_DOCX = b"PK versi lama"
OLD_PDF = b"%PDF-1.6 versi lama\n%%EOF\n"
SIGNALS = {
    "ctrl-c": (signal.SIGINT, 130, "dihentikan (Ctrl-C)"),
    "sigterm": (signal.SIGTERM, 143, "dihentikan (sinyal SIGTERM)"),
    "sighup": (signal.SIGHUP, 129, "dihentikan (sinyal SIGHUP)"),
}

VALID_PDF_SOFFICE = r"""#!/bin/sh
outdir=""
previous=""
for argument in "$@"; do
  if [ "$previous" = "--outdir" ]; then outdir="$argument"; fi
  previous="$argument"
done
for a in "$@"; do case "$a" in *.docx)
  printf '%%PDF-1.6\n%%%%EOF\n' > "$outdir/$(basename "$a" .docx).pdf";; esac; done
"""
"""A LibreOffice that writes a small valid-looking PDF for every input."""


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    """Poll ``condition``; a generous bound that only proves "not hung"."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def private_tmp(tmp_path: Path) -> Path:
    """An empty folder used as TMPDIR by the ``lampiran`` under test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def old_pair(outdir: Path) -> None:
    """A .docx and its PDF from an earlier build, as a user has them in dist/."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / DOCX_2024).write_bytes(OLD_DOCX)
    (outdir / PDF_2024).write_bytes(OLD_PDF)


def assert_old_pair_untouched(outdir: Path) -> None:
    assert sorted(p.name for p in outdir.iterdir()) == [DOCX_2024, PDF_2024]
    assert (outdir / DOCX_2024).read_bytes() == OLD_DOCX
    assert (outdir / PDF_2024).read_bytes() == OLD_PDF


def start_build(
    tmp_path: Path, private_tmp: Path, *args: str | Path, **env_extra: str
) -> subprocess.Popen[str]:
    """``lampiran build ARGS`` as a foreground job of its own, with TMPDIR private."""
    env = {**os.environ, "TMPDIR": str(private_tmp), **env_extra}
    return subprocess.Popen(
        [sys.executable, "-m", "lampiran", "build", *map(str, args)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def slow_soffice(tmp_path: Path) -> tuple[Path, Path]:
    """A LibreOffice that never finishes, with a child in its group and one that escaped.

    The escaped child starts a session of its own (as a daemonising ``soffice.bin``
    might) and carries the private profile argument on its command line.
    """
    pids = tmp_path / "pid"
    pids.mkdir()
    script = tmp_path / "soffice-lambat"
    escape = (
        "import os, sys, time; os.setsid(); "
        "open(sys.argv[2], 'w').write(str(os.getpid())); time.sleep(300)"
    )
    script.write_text(
        "#!/bin/sh\n"
        f'echo $$ > "{pids}/soffice"\n'
        "sleep 300 &\n"
        f'echo $! > "{pids}/anak"\n'
        f'"{sys.executable}" -c "{escape}" "$1" "{pids}/lepas" &\n'
        f'while [ ! -s "{pids}/lepas" ]; do sleep 0.05; done\n'
        f': > "{pids}/mulai"\n'
        "wait\n"
    )
    script.chmod(0o755)
    return script, pids


def started_pids(pids: Path) -> list[int]:
    return [int((pids / name).read_text()) for name in ("soffice", "anak", "lepas")]


@pytest.mark.parametrize(("signum", "code", "message"), SIGNALS.values(), ids=SIGNALS.keys())
def test_signal_during_pdf_step_stops_libreoffice_and_leaves_everything_as_it_was(
    tmp_path: Path, private_tmp: Path, signum: int, code: int, message: str
) -> None:
    soffice, pids = slow_soffice(tmp_path)
    outdir = tmp_path / "dist"
    old_pair(outdir)
    build = start_build(
        tmp_path, private_tmp, CONTENT_2024, "--pdf", "-o", outdir, LAMPIRAN_SOFFICE=str(soffice)
    )
    try:
        wait_until(lambda: (pids / "mulai").exists(), "the fake LibreOffice to start")
        os.killpg(build.pid, signum)
        _, stderr = build.communicate(timeout=60)
    finally:
        build.kill()
        build.wait()

    assert build.returncode == code, stderr
    assert message in stderr
    assert "Traceback" not in stderr
    for pid in started_pids(pids):
        assert not _running(pid), f"process {pid} of LibreOffice survived the interrupt"
    assert list(private_tmp.iterdir()) == []
    assert_old_pair_untouched(outdir)


def test_ctrl_c_pressed_twice_still_cleans_up_and_creates_no_output_folder(
    tmp_path: Path, private_tmp: Path
) -> None:
    soffice, pids = slow_soffice(tmp_path)
    outdir = tmp_path / "dist"
    build = start_build(
        tmp_path, private_tmp, CONTENT_2024, "--pdf", "-o", outdir, LAMPIRAN_SOFFICE=str(soffice)
    )
    try:
        wait_until(lambda: (pids / "mulai").exists(), "the fake LibreOffice to start")
        os.killpg(build.pid, signal.SIGINT)
        time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGINT)
        _, stderr = build.communicate(timeout=60)
    finally:
        build.kill()
        build.wait()

    assert build.returncode == 130, stderr
    assert "Traceback" not in stderr
    for pid in started_pids(pids):
        assert not _running(pid), f"process {pid} of LibreOffice survived the interrupt"
    assert list(private_tmp.iterdir()) == []
    assert not outdir.exists()


def libreoffice_processes(folder: Path, program: str = "") -> list[str]:
    """Processes whose command line names ``program`` and then ``folder`` (``pgrep -f``)."""
    pattern = (
        re.escape(program) + ".*" + re.escape(str(folder)) if program else re.escape(str(folder))
    )
    found = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True, check=False)
    return found.stdout.split()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_real_libreoffice_is_not_left_running_and_leaves_no_temporary_file(
    tmp_path: Path, private_tmp: Path, signum: int
) -> None:
    if shutil.which("soffice") is None or shutil.which("pgrep") is None:
        pytest.skip("soffice or pgrep not installed")
    # Ten documents keep LibreOffice busy for seconds after it has started.
    folders = [copy_year(tmp_path, tahun) for tahun in range(2020, 2030)]
    outdir = tmp_path / "dist"
    old_pair(outdir)
    build = start_build(tmp_path, private_tmp, *folders, "--pdf", "-o", outdir)
    try:
        wait_until(
            lambda: bool(libreoffice_processes(private_tmp, program="soffice.bin")),
            "LibreOffice to start",
        )
        os.killpg(build.pid, signum)
        _, stderr = build.communicate(timeout=60)
    finally:
        build.kill()
        build.wait()

    assert build.returncode == interrupts.SIGNAL_EXIT_BASE + signum, stderr
    assert libreoffice_processes(private_tmp) == []
    assert list(private_tmp.iterdir()) == []
    assert_old_pair_untouched(outdir)


# --- in-process: a signal at a chosen moment --------------------------------------------


@pytest.fixture
def valid_pdf_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    script = tmp_path / "soffice-baik"
    script.write_text(VALID_PDF_SOFFICE)
    script.chmod(0o755)
    monkeypatch.setenv("LAMPIRAN_SOFFICE", str(script))
    yield script


def test_signal_while_the_set_is_renamed_waits_until_the_whole_set_is_in_place(
    tmp_path: Path, valid_pdf_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = tmp_path / "dist"
    old_pair(outdir)
    real_replace = os.replace
    renamed: list[str] = []

    def replace_then_interrupt(source: Path, target: Path) -> None:
        if not renamed:
            os.kill(os.getpid(), signal.SIGTERM)
        real_replace(source, target)
        renamed.append(Path(target).name)

    monkeypatch.setattr(os, "replace", replace_then_interrupt)

    result = run_lampiran("build", str(CONTENT_2024), "--pdf", "-o", str(outdir))

    assert result.code == 143, result.err
    assert "dihentikan (sinyal SIGTERM)" in result.err
    assert renamed == [DOCX_2024, PDF_2024]
    assert sorted(p.name for p in outdir.iterdir()) == [DOCX_2024, PDF_2024]
    assert (outdir / DOCX_2024).read_bytes() != OLD_DOCX
    assert (outdir / PDF_2024).read_bytes() != OLD_PDF


def test_ctrl_c_while_the_files_are_staged_changes_nothing_and_leaves_no_tmp(
    tmp_path: Path, valid_pdf_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = tmp_path / "dist"
    old_pair(outdir)
    real_fsync = os.fsync
    synced: list[int] = []

    def fsync_then_interrupt(descriptor: int) -> None:
        real_fsync(descriptor)
        synced.append(descriptor)
        if len(synced) == 2:  # the PDF, after the .docx was staged
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", fsync_then_interrupt)

    result = run_lampiran("build", str(CONTENT_2024), "--pdf", "-o", str(outdir))

    assert result.code == 130, result.err
    assert "dihentikan (Ctrl-C)" in result.err
    assert_old_pair_untouched(outdir)


def test_sigterm_during_new_leaves_no_half_made_year_nor_its_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lampiran.content.loading import load_year

    shutil.copytree(CONTENT_2024, tmp_path / "content" / "2024")
    monkeypatch.chdir(tmp_path)

    def terminated_while_checking(folder: Path) -> object:
        os.kill(os.getpid(), signal.SIGTERM)
        return load_year(folder)

    monkeypatch.setattr("lampiran.history.newyear.load_year", terminated_while_checking)

    result = run_lampiran("new")

    assert result.code == 143, result.err
    assert "dihentikan (sinyal SIGTERM)" in result.err
    assert sorted(p.name for p in (tmp_path / "content").iterdir()) == ["2024"]


def test_signal_handlers_are_given_back_after_a_run() -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)

    run_lampiran("--version")

    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


def test_deferred_signal_is_delivered_once_the_stretch_ends() -> None:
    steps: list[str] = []

    with pytest.raises(KeyboardInterrupt), interrupts.deferred():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        steps.append("selesai")

    assert steps == ["selesai"]


def test_an_ignored_signal_stays_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with interrupts.terminate_as_interrupt():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(0.05)
    finally:
        signal.signal(signal.SIGHUP, previous)
