"""The many-agency workspace: ``content/<instansi>/<tahun>/`` beside ``content/<tahun>/``.

Discovery and resolution (lampiran.workspace), and every command that accepts several
agencies: check, build (into ``dist/<instansi>/``, one summary, one LibreOffice run for
all PDFs, progress on a terminal only), new, diff and spelling.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import VALID_DOKUMEN, VALID_SASARAN, run_lampiran, write_year
from lampiran.errors import UsageProblem
from lampiran.source.files import FileRefused
from lampiran.workspace import (
    YearFolder,
    agency_of,
    find_agencies,
    is_agency_name,
    newest_years,
    resolve_years,
    workspace_years,
)
from lampiran.writers import pdf
from test_attack_signals import VALID_PDF_SOFFICE

DOCX = "lampiran-2-perjanjian-kinerja-{tahun}.docx"
BROKEN_DOKUMEN = "instansi: Badan Contoh\ntahun: dua ribu\n"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a sh script")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def agency(root: Path, instansi: str, tahun: str = "2025", dokumen: str | None = None) -> Path:
    """Write ``content/<instansi>/<tahun>/`` holding a valid year, or ``dokumen``."""
    folder = root / "content" / instansi / tahun
    (folder / "sasaran").mkdir(parents=True)
    text = dokumen if dokumen is not None else VALID_DOKUMEN.replace("2024", tahun)
    (folder / "dokumen.yaml").write_text(text, encoding="utf-8")
    (folder / "sasaran" / "01-disiplin.yaml").write_text(VALID_SASARAN, encoding="utf-8")
    return folder


# --- discovery and resolution -----------------------------------------------------------


def test_one_agency_layout_is_found_as_before(tmp_path: Path) -> None:
    write_year(tmp_path, year="2024")
    write_year(tmp_path, VALID_DOKUMEN.replace("2024", "2025"), year="2025")

    assert workspace_years(tmp_path) == [
        YearFolder(tmp_path / "content" / "2024"),
        YearFolder(tmp_path / "content" / "2025"),
    ]
    assert newest_years(tmp_path) == [YearFolder(tmp_path / "content" / "2025")]
    assert find_agencies(tmp_path) == []


def test_many_agency_layout_gives_every_agency_its_newest_year(tmp_path: Path) -> None:
    agency(tmp_path, "bkpsdm", "2024")
    agency(tmp_path, "bkpsdm", "2025")
    agency(tmp_path, "dinkes", "2025")
    agency(tmp_path, "inspektorat", "2024")  # late: has no 2025 yet
    (tmp_path / "content" / "kamus.txt").write_text("ASN\n", encoding="utf-8")
    (tmp_path / "content" / "gambar").mkdir()  # no year inside: not an agency

    content = tmp_path / "content"
    assert [f.name for f in find_agencies(tmp_path)] == ["bkpsdm", "dinkes", "inspektorat"]
    assert newest_years(tmp_path) == [
        YearFolder(content / "bkpsdm" / "2025", "bkpsdm"),
        YearFolder(content / "dinkes" / "2025", "dinkes"),
    ]


def test_mixed_layout_holds_both_kinds_of_year(tmp_path: Path) -> None:
    write_year(tmp_path, year="2024")
    agency(tmp_path, "dinkes", "2024")

    years = workspace_years(tmp_path)

    assert years == [
        YearFolder(tmp_path / "content" / "2024"),
        YearFolder(tmp_path / "content" / "dinkes" / "2024", "dinkes"),
    ]
    assert [y.output_folder(Path("dist")) for y in years] == [Path("dist"), Path("dist/dinkes")]


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("bkpsdm", True),
        ("dinas-kesehatan", True),
        ("setda2", True),
        ("Dinkes", False),
        ("dinas kesehatan", False),
        ("-dinkes", False),
        ("dinkes-", False),
        ("dinas_kesehatan", False),
        ("..", False),
        ("2025", False),
        ("dinkés", False),
        ("a" * 65, False),
    ],
)
def test_agency_names_are_safe_folder_names_only(name: str, safe: bool) -> None:
    assert is_agency_name(name) is safe


def test_an_agency_folder_with_an_unsafe_name_is_refused_with_a_safe_suggestion(
    tmp_path: Path,
) -> None:
    agency(tmp_path, "Dinas Kesehatan", "2025")

    with pytest.raises(UsageProblem) as caught:
        workspace_years(tmp_path)

    assert str(caught.value) == (
        "nama folder instansi 'Dinas Kesehatan' (content/Dinas Kesehatan) tidak dapat "
        "dipakai: nama folder instansi hanya boleh berisi huruf kecil, angka dan '-', "
        "karena menjadi nama folder hasilnya (dist/<instansi>/); ganti namanya, misalnya "
        "menjadi 'dinas-kesehatan'"
    ).replace("(content/Dinas Kesehatan)", f"({(tmp_path / 'content' / 'Dinas Kesehatan')})")


def test_a_year_named_directly_under_an_unsafe_agency_folder_is_refused(in_tmp: Path) -> None:
    agency(in_tmp, "Dinkes", "2025")

    outcome = run_lampiran("build", "content/Dinkes/2025")

    assert outcome.code == 2
    assert "nama folder instansi 'Dinkes' (content/Dinkes) tidak dapat dipakai" in outcome.err
    assert "misalnya menjadi 'dinkes'" in outcome.err
    assert not (in_tmp / "dist").exists()


def test_the_agency_comes_from_the_folder_name_never_from_dokumen_yaml(tmp_path: Path) -> None:
    folder = agency(tmp_path, "dinkes", "2025", "instansi: ../../etc\ntahun: 2025\n")

    assert agency_of(folder) == "dinkes"
    assert agency_of(tmp_path / "content" / "2025") is None
    assert agency_of(tmp_path / "elsewhere" / "2025") is None


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_an_agency_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "luar"
    agency(outside, "dinkes", "2025")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "dinkes").symlink_to(outside / "content" / "dinkes")

    with pytest.raises(FileRefused) as caught:
        workspace_years(tmp_path)

    assert "folder instansi ini pintasan (symlink)" in str(caught.value)


def test_an_agency_folder_argument_means_its_newest_year(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm", "2024")
    agency(in_tmp, "bkpsdm", "2025")

    assert resolve_years([Path("content/bkpsdm")]) == [
        YearFolder(Path("content/bkpsdm/2025"), "bkpsdm")
    ]


def test_wildcards_are_expanded_for_shells_that_do_not(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm")
    agency(in_tmp, "dinkes")

    assert resolve_years([Path("content/*/2025")]) == [
        YearFolder(Path("content/bkpsdm/2025"), "bkpsdm"),
        YearFolder(Path("content/dinkes/2025"), "dinkes"),
    ]
    with pytest.raises(UsageProblem) as caught:
        resolve_years([Path("content/*/2031")])
    assert str(caught.value) == (
        "tidak ada folder yang cocok dengan 'content/*/2031'; periksa penulisannya, "
        "misalnya content/*/2025"
    )


def test_a_folder_inside_an_agency_year_names_the_year_to_give(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm")

    outcome = run_lampiran("check", "content/bkpsdm/2025/sasaran")

    assert (outcome.code, outcome.err) == (
        2,
        "Galat: 'content/bkpsdm/2025/sasaran' ada di dalam folder tahun; sebutkan folder "
        "tahunnya sendiri, yaitu content/bkpsdm/2025\n",
    )


# --- check and spelling ----------------------------------------------------------------


def test_check_of_every_agency_reports_all_problems_and_one_summary(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm")
    agency(in_tmp, "dinkes", dokumen=BROKEN_DOKUMEN.replace("dua ribu", "2024"))
    agency(in_tmp, "inspektorat", "2024")

    outcome = run_lampiran("check")

    assert outcome.code == 1
    assert outcome.out.splitlines() == [
        "content/bkpsdm/2025: 1 sasaran, 1 indikator diperiksa.",
        "content/dinkes/2025/dokumen.yaml:2:8: tahun: tahun 2024 tidak sama dengan nama "
        "folder '2025'; samakan keduanya (tahun: 2025)",
        "1 kesalahan, 0 peringatan",
        "Ringkasan:",
        "  bkpsdm 2025  benar, 0 kesalahan, 0 peringatan",
        "  dinkes 2025  ada kesalahan, 1 kesalahan, 0 peringatan",
        "Jumlah: 1 folder benar, 1 ada kesalahan, dari 2 folder.",
        "Catatan: belum ada folder 2025 untuk inspektorat; instansi itu tidak ikut diperiksa.",
    ]


def test_check_of_one_agency_year_prints_as_for_one_agency(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm")
    agency(in_tmp, "dinkes")

    outcome = run_lampiran("check", "content/dinkes/2025")

    assert (outcome.code, outcome.out) == (
        0,
        "content/dinkes/2025: 1 sasaran, 1 indikator diperiksa.\n0 kesalahan, 0 peringatan\n",
    )


def test_spelling_of_several_agencies_reads_the_shared_and_the_own_word_list(
    in_tmp: Path,
) -> None:
    from lampiran.text.spelling import SpellingUnavailable, load_speller

    try:
        load_speller(in_tmp / "tidak-ada.txt")
    except SpellingUnavailable as exc:
        pytest.skip(str(exc))
    odd = VALID_SASARAN.replace("Kalimat pertama.", "Kalimat Zorbitan dan Kwarplix.")
    for name in ("bkpsdm", "dinkes"):
        folder = agency(in_tmp, name)
        (folder / "sasaran" / "01-disiplin.yaml").write_text(odd, encoding="utf-8")
    (in_tmp / "content" / "kamus.txt").write_text("Zorbitan\n", encoding="utf-8")
    (in_tmp / "content" / "dinkes" / "kamus.txt").write_text("Kwarplix\n", encoding="utf-8")

    outcome = run_lampiran("spelling", "content/bkpsdm/2025", "content/dinkes/2025")

    assert outcome.code == 0
    ours = [line for line in outcome.out.splitlines() if "Zorbitan'" in line or "plix'" in line]
    assert len(ours) == 1
    assert ours[0].startswith("content/bkpsdm/2025/sasaran/01-disiplin.yaml:3:")
    assert "ejaan 'Kwarplix' tidak dikenal" in ours[0]
    hints = [line for line in outcome.out.splitlines() if line.startswith("Kata yang sudah")]
    assert [hint.split(" tambahkan ke ")[1] for hint in hints] == [
        "content/bkpsdm/kamus.txt, satu kata per baris.",
        "content/dinkes/kamus.txt, satu kata per baris.",
    ]


# --- build ---------------------------------------------------------------------------------


def test_same_year_of_different_agencies_builds_in_one_call_into_their_folders(
    in_tmp: Path,
) -> None:
    agency(in_tmp, "bkpsdm")
    agency(in_tmp, "dinkes")

    outcome = run_lampiran("build", "content/bkpsdm/2025", "content/dinkes/2025")

    name = DOCX.format(tahun=2025)
    assert outcome.code == 0, outcome.err
    assert outcome.out.splitlines() == [
        f"dist/bkpsdm/{name} ditulis.",
        f"dist/dinkes/{name} ditulis.",
        "Ringkasan:",
        "  bkpsdm 2025  1 berkas ditulis, 0 kesalahan, 0 peringatan",
        "  dinkes 2025  1 berkas ditulis, 0 kesalahan, 0 peringatan",
        "Jumlah: 2 folder ditulis, 0 ditolak, dari 2 folder.",
    ]
    assert sorted(p.relative_to(in_tmp).as_posix() for p in (in_tmp / "dist").rglob("*")) == [
        "dist/bkpsdm",
        f"dist/bkpsdm/{name}",
        "dist/dinkes",
        f"dist/dinkes/{name}",
    ]


def test_an_agency_with_errors_is_refused_and_the_others_are_written(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm")
    agency(in_tmp, "dinkes", dokumen=BROKEN_DOKUMEN)

    outcome = run_lampiran("build")

    assert outcome.code == 1
    assert outcome.out.splitlines() == [
        "content/dinkes/2025/dokumen.yaml:2:8: tahun: tahun harus empat angka, misalnya "
        "2024 (tertulis 'dua ribu')",
        "1 kesalahan, 0 peringatan",
        f"dist/bkpsdm/{DOCX.format(tahun=2025)} ditulis.",
        "Ringkasan:",
        "  bkpsdm 2025  1 berkas ditulis, 0 kesalahan, 0 peringatan",
        "  dinkes 2025  ditolak (tidak ada yang ditulis), 1 kesalahan, 0 peringatan",
        "Jumlah: 1 folder ditulis, 1 ditolak, dari 2 folder.",
    ]
    assert not (in_tmp / "dist" / "dinkes").exists()


def test_every_agency_refused_writes_nothing(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm", dokumen=BROKEN_DOKUMEN)
    agency(in_tmp, "dinkes", dokumen=BROKEN_DOKUMEN)

    outcome = run_lampiran("build")

    assert outcome.code == 1
    assert outcome.out.splitlines()[-1] == "2 kesalahan, 0 peringatan"
    assert not (in_tmp / "dist").exists()


def test_one_agency_years_stay_all_or_nothing(in_tmp: Path) -> None:
    write_year(in_tmp, year="2024")
    write_year(in_tmp, BROKEN_DOKUMEN, year="2025")

    outcome = run_lampiran("build", "content/2024", "content/2025")

    assert outcome.code == 1
    assert not (in_tmp / "dist").exists()


def test_the_same_agency_year_twice_is_refused(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm")

    outcome = run_lampiran("build", "content/bkpsdm/2025", "content/bkpsdm")

    assert (outcome.code, outcome.err) == (
        2,
        "Galat: dua folder yang disebut berisi tahun yang sama; sebutkan sekali saja\n",
    )


def counting_soffice(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A fake LibreOffice writing a small PDF per input, logging each start to a file."""
    calls = tmp_path / "panggilan.log"
    script = tmp_path / "palsu" / "soffice"
    script.parent.mkdir()
    script.write_text(
        VALID_PDF_SOFFICE.replace(
            "#!/bin/sh\n",
            f'#!/bin/sh\necho "$(echo "$@" | grep -o "dokumen-" | wc -l)" >> "{calls}"\n',
        )
    )
    script.chmod(0o755)
    env = {**os.environ, "LAMPIRAN_SOFFICE": str(script), "PYTHONPATH": _src_path()}
    return env, calls


def _src_path() -> str:
    import lampiran

    return str(Path(lampiran.__file__).resolve().parent.parent)


def lampiran_process(
    *args: str, cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lampiran", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@posix_only
@pytest.mark.parametrize(("processes", "expected"), [("1", [12]), ("3", [4, 4, 4])])
def test_many_pdfs_take_one_libreoffice_run_split_over_the_processes(
    tmp_path: Path, processes: str, expected: list[int]
) -> None:
    names = [f"instansi-{number:02d}" for number in range(12)]
    for name in names:
        agency(tmp_path, name)
    env, calls = counting_soffice(tmp_path)
    env["LAMPIRAN_PDF_PROSES"] = processes

    result = lampiran_process("build", "--pdf", cwd=tmp_path, env=env)

    assert result.returncode == 0, result.stderr
    assert sorted(int(line) for line in calls.read_text().split()) == expected
    for name in names:
        assert (tmp_path / "dist" / name / DOCX.format(tahun=2025)).with_suffix(".pdf").exists()
    assert result.stderr == ""  # no progress lines without a terminal


def test_the_number_of_libreoffice_processes_follows_cores_and_batch_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "_usable_cores", lambda: 2)

    assert [pdf.process_count(n, {}) for n in (1, 3, 7, 8, 40)] == [1, 1, 1, 2, 2]
    assert pdf.process_count(40, {"LAMPIRAN_PDF_PROSES": "4"}) == 4
    with pytest.raises(pdf.PdfError) as caught:
        pdf.process_count(40, {"LAMPIRAN_PDF_PROSES": "semua"})
    assert str(caught.value) == (
        "LAMPIRAN_PDF_PROSES='semua' bukan jumlah proses yang sah; isi dengan angka bulat "
        "1 sampai 8, misalnya 2."
    )


@posix_only
def test_progress_lines_appear_on_a_terminal_only(tmp_path: Path) -> None:
    for name in ("bkpsdm", "dinkes"):
        agency(tmp_path, name)
    env, _ = counting_soffice(tmp_path)
    leader, follower = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "lampiran", "build", "--pdf", "-o", "hasil"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=follower,
            check=False,
            timeout=120,
        )
        os.close(follower)
        follower = -1
        progress = _read_all(leader).decode("utf-8").replace("\r\n", "\n")
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)

    name = DOCX.format(tahun=2025)
    assert process.returncode == 0
    assert progress.splitlines() == [
        "[1/2] content/bkpsdm/2025: dokumen Word dibuat",
        "[2/2] content/dinkes/2025: dokumen Word dibuat",
        f"[1/2] hasil/bkpsdm/{name}: PDF-nya selesai dibuat",
        f"[2/2] hasil/dinkes/{name}: PDF-nya selesai dibuat",
    ]
    assert "dibuat\n" not in process.stdout.decode("utf-8")


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(descriptor, 4096)
        except OSError:  # Linux: EIO once the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


# --- new and diff ------------------------------------------------------------------------


def test_new_makes_the_next_year_for_each_agency_named(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm", "2024")
    agency(in_tmp, "dinkes", "2024")
    agency(in_tmp, "inspektorat", "2024")

    outcome = run_lampiran("new", "--instansi", "bkpsdm", "--instansi", "dinkes")

    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith(
        "== bkpsdm ==\ncontent/bkpsdm/2025 dibuat dari content/bkpsdm/2024; hanya 'tahun' "
        "yang diganti (2024 -> 2025).\n"
    )
    assert "\n== dinkes ==\ncontent/dinkes/2025 dibuat dari content/dinkes/2024;" in outcome.out
    assert (in_tmp / "content" / "bkpsdm" / "2025" / "dokumen.yaml").exists()
    assert (in_tmp / "content" / "dinkes" / "2025" / "dokumen.yaml").exists()
    assert not (in_tmp / "content" / "inspektorat" / "2025").exists()


def test_new_for_every_agency_goes_on_past_one_that_cannot(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm", "2024")
    agency(in_tmp, "dinkes", "2024")
    agency(in_tmp, "dinkes", "2025")

    outcome = run_lampiran("new", "2025", "--from", "2024")

    assert outcome.code == 1
    assert (in_tmp / "content" / "bkpsdm" / "2025").is_dir()
    assert outcome.err == (
        "Galat: dinkes: content/dinkes/2025 sudah ada dan tidak diubah; hapus atau ganti "
        "namanya dulu bila memang ingin membuatnya ulang\n"
    )


def test_new_for_an_unknown_agency_names_the_ones_there_are(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm", "2024")

    outcome = run_lampiran("new", "--instansi", "dinkes")

    assert (outcome.code, outcome.err) == (
        2,
        "Galat: instansi dinkes tidak ada di content/ (folder instansi yang ada: bkpsdm)\n",
    )


def test_diff_of_bare_years_compares_each_agency(in_tmp: Path) -> None:
    for name in ("bkpsdm", "dinkes"):
        agency(in_tmp, name, "2024")
        newer = agency(in_tmp, name, "2025")
    sasaran = newer / "sasaran" / "01-disiplin.yaml"
    sasaran.write_text(VALID_SASARAN.replace("99,99%", "99,5%"), encoding="utf-8")

    outcome = run_lampiran("diff", "2024", "2025", "--exit-code")

    assert outcome.code == 1
    assert outcome.out.startswith("== bkpsdm ==\nPerubahan isi: content/bkpsdm/2024 -> ")
    dinkes = outcome.out.split("== dinkes ==\n", 1)[1]
    assert dinkes.startswith("Perubahan isi: content/dinkes/2024 -> content/dinkes/2025\n")
    assert "target: 99,99% -> 99,5% (turun)" in dinkes
    assert "99,5%" not in outcome.out.split("== dinkes ==")[0]


def test_diff_as_json_is_one_object_by_agency(in_tmp: Path) -> None:
    import json

    for name in ("bkpsdm", "dinkes"):
        agency(in_tmp, name, "2024")
        agency(in_tmp, name, "2025")

    outcome = run_lampiran("diff", "--format", "json")

    assert outcome.code == 0, outcome.err
    data = json.loads(outcome.out)
    assert list(data) == ["bkpsdm", "dinkes"]
    assert data["dinkes"]["new"] == "content/dinkes/2025"


def test_diff_without_years_skips_an_agency_with_one_year(in_tmp: Path) -> None:
    agency(in_tmp, "bkpsdm", "2024")
    agency(in_tmp, "bkpsdm", "2025")
    agency(in_tmp, "dinkes", "2025")

    outcome = run_lampiran("diff")

    assert outcome.code == 0, outcome.err
    assert outcome.out.endswith(
        "== dinkes ==\ncontent/dinkes: belum ada dua tahun untuk dibandingkan.\n"
    )


@posix_only
def test_ctrl_c_during_parallel_pdfs_stops_every_libreoffice(tmp_path: Path) -> None:
    import signal
    import time

    from test_pdf import _running

    for number in range(8):
        agency(tmp_path, f"instansi-{number}")
    pids = tmp_path / "pid.log"
    script = tmp_path / "soffice-lambat"
    script.write_text(f'#!/bin/sh\necho $$ >> "{pids}"\nsleep 300 &\necho $! >> "{pids}"\nwait\n')
    script.chmod(0o755)
    private = tmp_path / "tmp"
    private.mkdir()
    env = {
        **os.environ,
        "LAMPIRAN_SOFFICE": str(script),
        "LAMPIRAN_PDF_PROSES": "2",
        "TMPDIR": str(private),
        "PYTHONPATH": _src_path(),
    }
    build = subprocess.Popen(
        [sys.executable, "-m", "lampiran", "build", "--pdf"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not (pids.exists() and len(pids.read_text().split()) == 4):
            assert time.monotonic() < deadline, "the two fake LibreOffice processes did not start"
            time.sleep(0.05)
        os.killpg(build.pid, signal.SIGINT)
        _, stderr = build.communicate(timeout=60)
    finally:
        build.kill()
        build.wait()

    assert build.returncode == 130, stderr
    assert "dihentikan (Ctrl-C)" in stderr
    for pid in map(int, pids.read_text().split()):
        assert not _running(pid), f"LibreOffice {pid} survived the interrupt"
    assert list(private.iterdir()) == []
    assert not (tmp_path / "dist").exists()
