"""Attack: what sits in a year folder is not what it looks like.

A year folder may come from a colleague's zip or a git clone. A link to ``/etc/shadow``
named ``dokumen.yaml``, ``/dev/zero``, a FIFO named ``x.yaml``, a folder named
``x.yaml``, or a link to a home folder must each be one located error that prints
nothing of what the link points to, never hang or fill memory, and make ``lampiran new``
write nothing at all. Symbolic links are refused whatever they point to
(:mod:`lampiran.source.files`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import lampiran
from conftest import VALID_DOKUMEN, VALID_SASARAN, Outcome, run_lampiran, write_year
from lampiran.content.loading import load_year
from lampiran.source.files import MAX_CONTENT_BYTES, FileRefused, read_regular_file

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo"), reason="links, FIFOs and devices as on Linux and macOS"
)

SECRET = "rahasia_3f9c1e"
"""Written as a key in every file outside the year: the old code quoted unknown keys."""

LINKED = (
    "ini pintasan (symlink), sehingga tidak dibaca: lampiran hanya membaca berkas biasa, "
    "agar tidak ada berkas dari luar folder isi yang ikut terbaca; ganti pintasan itu "
    "dengan salinan aslinya"
)
LINKED_FOLDER = (
    "folder ini pintasan (symlink), sehingga tidak dibaca: lampiran hanya membaca folder "
    "biasa; ganti pintasan itu dengan salinan foldernya"
)
FIFO = (
    "ini sebuah pipa (FIFO), bukan berkas biasa, sehingga tidak dibaca; "
    "lampiran hanya membaca berkas biasa"
)
DEVICE = (
    "ini sebuah perangkat (device), bukan berkas biasa, sehingga tidak dibaca; "
    "lampiran hanya membaca berkas biasa"
)
NOTHING_MADE = "tahun baru tidak dibuat dan tidak ada yang ditulis"
SOURCE_ROOT = Path(lampiran.__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid content/2024 in the working directory, and a secret file outside it."""
    write_year(tmp_path)
    outside = tmp_path / "di-luar"
    (outside / "sasaran").mkdir(parents=True)
    (outside / "rahasia.yaml").write_text(f"{SECRET}: sandi\n", encoding="utf-8")
    (outside / "dokumen.yaml").write_text(VALID_DOKUMEN + f"{SECRET}: sandi\n")
    (outside / "sasaran" / "01-disiplin.yaml").write_text(VALID_SASARAN + f"{SECRET}: x\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def year(project: Path) -> Path:
    return project / "content" / "2024"


def run_isolated(*args: str, cwd: Path, prefix: tuple[str, ...] = ()) -> Outcome:
    """Run ``lampiran`` in a child process with a time limit: a FIFO would hang forever."""
    environment = {**os.environ, "PYTHONPATH": str(SOURCE_ROOT)}
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "lampiran", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_secret_kept(outcome: Outcome, project: Path) -> None:
    """Nothing of the files outside the year was printed or copied anywhere."""
    assert SECRET not in outcome.out + outcome.err
    assert not [p for p in files_under(project / "content") if SECRET.encode() in p.read_bytes()]


def files_under(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            yield path


# --- check and build ------------------------------------------------------------------


def test_dokumen_linked_to_a_file_outside_is_refused_and_never_quoted(project: Path) -> None:
    dokumen = year(project) / "dokumen.yaml"
    dokumen.unlink()
    dokumen.symlink_to(project / "di-luar" / "rahasia.yaml")

    checked = run_lampiran("check", "content/2024")
    built = run_lampiran("build", "content/2024", "-o", "dist")

    expected = f"content/2024/dokumen.yaml:1:1: {LINKED}\n1 kesalahan, 0 peringatan\n"
    assert (checked.code, checked.out, checked.err) == (1, expected, "")
    assert (built.code, built.out, built.err) == (1, expected, "")
    assert not (project / "dist").exists()
    assert_secret_kept(checked, project)
    assert_secret_kept(built, project)


def test_a_link_to_a_file_inside_the_same_year_is_refused_too(project: Path) -> None:
    """The simpler rule: no link is followed, even one that stays inside the year."""
    (year(project) / "sasaran" / "02-salinan.yaml").symlink_to("01-disiplin.yaml")

    _, report = load_year(year(project))

    assert [p.format(relative_to=year(project)) for p in report.sorted()] == [
        f"sasaran/02-salinan.yaml:1:1: {LINKED}"
    ]


def test_a_link_to_itself_is_refused_like_any_link(project: Path) -> None:
    (year(project) / "sasaran" / "02-putar.yaml").symlink_to("02-putar.yaml")

    outcome = run_lampiran("check", "content/2024")

    assert (outcome.code, outcome.err) == (1, "")
    assert outcome.out == (
        f"content/2024/sasaran/02-putar.yaml:1:1: {LINKED}\n1 kesalahan, 0 peringatan\n"
    )


def test_a_link_is_shown_where_it_is_never_where_it_points(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from the folder holding the target: its name must still not appear."""
    dokumen = year(project) / "dokumen.yaml"
    dokumen.unlink()
    dokumen.symlink_to(project / "di-luar" / "rahasia.yaml")
    monkeypatch.chdir(project / "di-luar")

    outcome = run_lampiran("check", str(year(project)))

    assert outcome.out == (f"{dokumen.as_posix()}:1:1: {LINKED}\n1 kesalahan, 0 peringatan\n")


def test_dev_zero_behind_a_link_is_refused_without_reading_it(project: Path) -> None:
    (year(project) / "sasaran" / "02-nol.yaml").symlink_to("/dev/zero")

    outcome = run_isolated("check", "content/2024", cwd=project)

    assert (outcome.code, outcome.err) == (1, "")
    assert outcome.out == (
        f"content/2024/sasaran/02-nol.yaml:1:1: {LINKED}\n1 kesalahan, 0 peringatan\n"
    )


def test_a_fifo_named_like_a_content_file_does_not_hang(project: Path) -> None:
    os.mkfifo(year(project) / "sasaran" / "x.yaml")
    (year(project) / "dokumen.yaml").unlink()
    os.mkfifo(year(project) / "dokumen.yaml")

    outcome = run_isolated("check", "content/2024", cwd=project)

    assert (outcome.code, outcome.err) == (1, "")
    assert outcome.out == (
        f"content/2024/dokumen.yaml:1:1: {FIFO}\n"
        f"content/2024/sasaran/x.yaml:1:1: {FIFO}\n"
        "2 kesalahan, 0 peringatan\n"
    )


def test_a_folder_named_like_a_sasaran_file_is_an_error(project: Path) -> None:
    (year(project) / "sasaran" / "02-lain.yaml").mkdir()

    outcome = run_lampiran("check", "content/2024")

    assert outcome.code == 1
    assert outcome.out == (
        "content/2024/sasaran/02-lain.yaml:1:1: 02-lain.yaml adalah folder, padahal harus "
        "berupa berkas\n1 kesalahan, 0 peringatan\n"
    )


def test_a_content_file_over_the_limit_is_refused_with_the_limit(project: Path) -> None:
    huge = year(project) / "sasaran" / "02-besar.yaml"
    huge.write_bytes(b"#" * (MAX_CONTENT_BYTES + 1))

    outcome = run_lampiran("check", "content/2024")

    assert outcome.code == 1
    assert outcome.out == (
        "content/2024/sasaran/02-besar.yaml:1:1: berkas ini lebih besar dari 2 MB, batas "
        "yang diterima lampiran; periksa apakah ini memang berkas yang dimaksud\n"
        "1 kesalahan, 0 peringatan\n"
    )


def test_a_content_file_at_the_limit_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "pas.yaml"
    path.write_bytes(b"#" * MAX_CONTENT_BYTES)

    assert len(read_regular_file(path)) == MAX_CONTENT_BYTES


def test_a_year_folder_that_is_a_link_is_refused_without_naming_its_target(
    project: Path,
) -> None:
    (project / "content" / "2025").symlink_to(project / "di-luar")

    named = run_lampiran("check", "content/2025")
    newest = run_lampiran("check")

    expected = f"content/2025:1:1: {LINKED_FOLDER}\n1 kesalahan, 0 peringatan\n"
    assert (named.code, named.out, named.err) == (1, expected, "")
    assert (newest.code, newest.out, newest.err) == (1, expected, "")
    assert "di-luar" not in named.out + named.err
    assert_secret_kept(named, project)


def test_a_sasaran_folder_that_is_a_link_is_refused(project: Path) -> None:
    shutil.rmtree(year(project) / "sasaran")
    (year(project) / "sasaran").symlink_to(project / "di-luar" / "sasaran")

    outcome = run_lampiran("check", "content/2024")

    assert outcome.code == 1
    assert outcome.out == (
        f"content/2024/sasaran:1:1: {LINKED_FOLDER}\n1 kesalahan, 0 peringatan\n"
    )
    assert_secret_kept(outcome, project)


# --- lampiran new ---------------------------------------------------------------------


def assert_nothing_written(project: Path) -> None:
    assert sorted(p.name for p in (project / "content").iterdir()) == ["2024"]


def test_new_refuses_a_link_to_a_secret_file_before_writing_anything(project: Path) -> None:
    (year(project) / "catatan.txt").symlink_to(project / "di-luar" / "rahasia.yaml")

    outcome = run_lampiran("new")

    assert (outcome.code, outcome.out) == (1, "")
    assert outcome.err == f"Galat: content/2024/catatan.txt: {LINKED}; {NOTHING_MADE}\n"
    assert_nothing_written(project)
    assert_secret_kept(outcome, project)


def test_new_refuses_a_link_to_a_whole_folder(project: Path) -> None:
    (year(project) / "lampiran-lain").mkdir()
    (year(project) / "lampiran-lain" / "rumah").symlink_to(project / "di-luar")

    outcome = run_lampiran("new")

    assert outcome.code == 1
    assert outcome.err == (f"Galat: content/2024/lampiran-lain/rumah: {LINKED}; {NOTHING_MADE}\n")
    assert_nothing_written(project)
    assert_secret_kept(outcome, project)


def test_new_refuses_a_fifo_without_hanging(project: Path) -> None:
    os.mkfifo(year(project) / "antrian")

    outcome = run_isolated("new", cwd=project)

    assert outcome.code == 1
    assert outcome.err == f"Galat: content/2024/antrian: {FIFO}; {NOTHING_MADE}\n"
    assert_nothing_written(project)


def test_new_copies_every_regular_file_and_folder_exactly(project: Path) -> None:
    notes = year(project) / "catatan" / "rapat"
    notes.mkdir(parents=True)
    (notes / "notulen.txt").write_bytes(b"baris 1\r\nbaris 2\x00\xff")
    (year(project) / ".tersembunyi").write_text("x", encoding="utf-8")

    outcome = run_lampiran("new")

    assert outcome.code == 0, outcome.err
    made = project / "content" / "2025"
    assert (
        made / "catatan" / "rapat" / "notulen.txt"
    ).read_bytes() == b"baris 1\r\nbaris 2\x00\xff"
    assert (made / ".tersembunyi").read_text(encoding="utf-8") == "x"
    assert (made / "sasaran" / "01-disiplin.yaml").read_bytes() == (
        year(project) / "sasaran" / "01-disiplin.yaml"
    ).read_bytes()


# --- template and kamus ---------------------------------------------------------------


def test_a_fifo_given_as_template_does_not_hang(project: Path) -> None:
    os.mkfifo(project / "templat.docx")

    outcome = run_isolated("build", "--template", "templat.docx", "-o", "dist", cwd=project)

    assert (outcome.code, outcome.out) == (1, "")
    assert outcome.err == (
        f"Galat: templat 'templat.docx' tidak dapat dipakai: {FIFO}; "
        "sebutkan berkas templat Word (.docx)\n"
    )
    assert not (project / "dist").exists()


def test_dev_zero_given_as_template_is_refused_at_once(project: Path) -> None:
    outcome = run_isolated("build", "--template", "/dev/zero", "-o", "dist", cwd=project)

    assert (outcome.code, outcome.out) == (1, "")
    assert outcome.err == (
        f"Galat: templat '/dev/zero' tidak dapat dipakai: {DEVICE}; "
        "sebutkan berkas templat Word (.docx)\n"
    )


def test_a_template_named_through_a_link_is_followed(project: Path) -> None:
    """The user named that link on the command line: it is their own choice."""
    from lampiran.writers.docx.template import DEFAULT_TEMPLATE

    real = project / "templat-asli.docx"
    real.write_bytes((SOURCE_ROOT / "lampiran" / DEFAULT_TEMPLATE).read_bytes())
    (project / "templat.docx").symlink_to(real)

    outcome = run_lampiran("build", "--template", "templat.docx", "-o", "dist")

    assert outcome.code == 0, outcome.err
    assert (project / "dist" / "lampiran-2-perjanjian-kinerja-2024.docx").is_file()


def test_a_template_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    from lampiran.writers.docx.template import TemplateError, load_template
    from lampiran.writers.docx.templatepackage import MAX_UNCOMPRESSED

    big = tmp_path / "besar.docx"
    with big.open("wb") as stream:
        stream.truncate(MAX_UNCOMPRESSED + 1)  # sparse: no disk used

    with pytest.raises(TemplateError) as caught:
        load_template(big)

    assert caught.value.problems == [
        f"templat '{big.as_posix()}' tidak dapat dipakai: berkas ini lebih besar dari 64 MB, "
        "batas yang diterima lampiran; periksa apakah ini memang berkas yang dimaksud; "
        "sebutkan berkas templat Word (.docx)"
    ]


def test_a_kamus_that_is_a_link_is_refused_and_never_read(project: Path) -> None:
    from lampiran.errors import ContentError
    from lampiran.text.spelling import read_kamus

    kamus = project / "content" / "kamus.txt"
    kamus.symlink_to(project / "di-luar" / "rahasia.yaml")

    with pytest.raises(ContentError) as caught:
        read_kamus(kamus)

    assert [p.format(relative_to=project) for p in caught.value.report] == [
        f"content/kamus.txt:1:1: {LINKED}"
    ]


def test_a_kamus_that_is_a_fifo_is_refused(project: Path) -> None:
    from lampiran.errors import ContentError
    from lampiran.text.spelling import read_kamus

    os.mkfifo(project / "content" / "kamus.txt")

    with pytest.raises(ContentError) as caught:
        read_kamus(project / "content" / "kamus.txt")

    assert [p.format(relative_to=project) for p in caught.value.report] == [
        f"content/kamus.txt:1:1: {FIFO}"
    ]


def test_no_kamus_is_no_words(tmp_path: Path) -> None:
    from lampiran.text.spelling import read_kamus

    assert read_kamus(tmp_path / "kamus.txt") == frozenset()


def test_the_reader_refuses_a_link_swapped_in_after_the_check(tmp_path: Path) -> None:
    """O_NOFOLLOW: even when the first look saw a regular file, a link is not opened."""
    if not hasattr(os, "O_NOFOLLOW"):
        pytest.skip("no O_NOFOLLOW on this system")
    link = tmp_path / "dokumen.yaml"
    link.symlink_to(tmp_path / "rahasia.yaml")
    (tmp_path / "rahasia.yaml").write_text(f"{SECRET}: x\n", encoding="utf-8")
    regular = os.lstat(tmp_path / "rahasia.yaml")

    original = os.lstat

    def first_look_sees_a_file(path: object, *args: object, **kwargs: object) -> os.stat_result:
        return regular if path == link else original(path)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "lstat", first_look_sees_a_file)
        with pytest.raises(FileRefused) as caught:
            read_regular_file(link)

    assert caught.value.reason == LINKED


# --- folders that cannot be read ------------------------------------------------------


def without_permission_override() -> tuple[str, ...]:
    """How to run as someone whom file permissions apply to (root ignores them)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search")


@pytest.mark.parametrize(
    ("locked", "mode", "expected"),
    [
        (
            "content/2024/sasaran",
            0o000,
            "content/2024/sasaran:1:1: folder tidak dapat dibuka: tidak ada izin untuk "
            "membukanya\n1 kesalahan, 0 peringatan\n",
        ),
        (
            "content/2024",
            0o444,
            "content/2024:1:1: folder tidak dapat dibuka: tidak ada izin untuk membukanya\n"
            "1 kesalahan, 0 peringatan\n",
        ),
        (
            "content/2024/dokumen.yaml",
            0o000,
            "content/2024/dokumen.yaml:1:1: berkas tidak dapat dibaca: tidak ada izin untuk "
            "membukanya\n1 kesalahan, 0 peringatan\n",
        ),
    ],
)
def test_an_unreadable_folder_or_file_is_explained_in_indonesian(
    project: Path, locked: str, mode: int, expected: str
) -> None:
    prefix = without_permission_override()
    (project / locked).chmod(mode)
    try:
        outcome = run_isolated("check", cwd=project, prefix=prefix)
    finally:
        (project / locked).chmod(0o755)

    assert (outcome.code, outcome.out, outcome.err) == (1, expected, "")


def test_an_unreadable_content_folder_is_explained_in_indonesian(project: Path) -> None:
    prefix = without_permission_override()
    (project / "content").chmod(0o000)
    try:
        outcome = run_isolated("check", cwd=project, prefix=prefix)
    finally:
        (project / "content").chmod(0o755)

    assert (outcome.code, outcome.out) == (1, "")
    assert outcome.err == (
        "Galat: content: folder tidak dapat dibuka: tidak ada izin untuk membukanya\n"
    )
