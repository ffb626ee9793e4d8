"""Attack: ``lampiran diff --rev`` on a revision whose git trees were made by hand.

A colleague's branch is untrusted input: git does not check the trees it fetches by
default, so an entry can be named ``..``, ``a/b`` or nothing, be a symbolic link to
``/etc/passwd``, or name an enormous file. Whatever the revision holds, nothing may be
written anywhere, no link may be followed, and the user gets a message naming the
revision and the place.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from conftest import VALID_DOKUMEN, VALID_SASARAN, run_git, run_lampiran, write_year

Entry = tuple[str, bytes, str]
"""A tree entry: mode, name, object id."""


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    return run_git(repo, *args, stdin=stdin).strip()


def blob(repo: Path, data: bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=data)


def tree(repo: Path, *entries: Entry) -> str:
    """A tree object written as given, whatever its names (git's own order kept)."""
    ordered = sorted(entries, key=lambda e: e[1] + (b"/" if e[0] == "40000" else b""))
    data = b"".join(
        mode.encode() + b" " + name + b"\0" + bytes.fromhex(oid) for mode, name, oid in ordered
    )
    return git(repo, "hash-object", "-t", "tree", "-w", "--literally", "--stdin", stdin=data)


def crafted_revision(
    repo: Path, sasaran: tuple[Entry, ...] = (), year: tuple[Entry, ...] = ()
) -> None:
    """Branch ``serang``: a valid content/2024 plus the given entries, made by hand."""
    folder = tree(
        repo, ("100644", b"01-disiplin.yaml", blob(repo, VALID_SASARAN.encode())), *sasaran
    )
    year_tree = tree(
        repo,
        ("100644", b"dokumen.yaml", blob(repo, VALID_DOKUMEN.encode())),
        ("40000", b"sasaran", folder),
        *year,
    )
    root = tree(repo, ("40000", b"content", tree(repo, ("40000", b"2024", year_tree))))
    commit = git(repo, "commit-tree", root, "-m", "serang")
    git(repo, "update-ref", "refs/heads/serang", commit)


def everything(root: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder under ``root``, the repository included."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with content/2024 committed, under ``tmp_path``, which also holds the
    temporary folder, so that a file written anywhere near shows up in ``everything``."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_year(root)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "2024")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(root)
    return root


def climbing(repo: Path, levels: int, name: bytes, data: bytes) -> str:
    """A tree whose entry ``..`` holds ``..`` ... ``levels`` times, then the file ``name``."""
    current = tree(repo, ("100644", name, blob(repo, data)))
    for _ in range(levels - 1):
        current = tree(repo, ("40000", b"..", current))
    return current


UNSAFE_TAIL = (
    " git biasa tidak membuat pohon seperti ini, jadi revisi itu rusak atau sengaja dibuat "
    "untuk menyerang; tidak ada berkas yang ditulis. Periksa dengan: git fsck\n"
)


def test_a_dot_dot_entry_writes_nothing_outside_and_is_refused(repo: Path) -> None:
    # sasaran/../../../../kena.yaml: from the old temporary copy (tmp/lampiran-rev-*/2024/)
    # four levels up is the folder holding the repository and the temporary folder.
    up = climbing(repo, 4, b"kena.yaml", b"sasaran: ditulis di luar\n")
    crafted_revision(repo, sasaran=(("40000", b"..", up),))
    before = everything(repo.parent)

    result = run_lampiran("diff", "--rev", "serang", "content/2024")

    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "Galat: revisi serang tidak dibaca: folder serang:content/2024/sasaran memuat nama "
        "'..', yang menunjuk ke folder di atasnya." + UNSAFE_TAIL
    )
    assert everything(repo.parent) == before
    assert not list(repo.parent.rglob("kena.yaml"))


@pytest.mark.parametrize(
    ("where", "name", "what"),
    [
        ("year", b"..", "memuat nama '..', yang menunjuk ke folder di atasnya"),
        ("sasaran", b".", "memuat nama '.', yang menunjuk ke folder itu sendiri"),
        ("sasaran", b"", "memuat entri tanpa nama"),
        ("sasaran", b"../../x.yaml", "memuat nama '../../x.yaml', yang berisi garis miring"),
        ("sasaran", b"/etc/x.yaml", "memuat nama '/etc/x.yaml', yang berisi garis miring"),
        ("sasaran", b"01-disiplin.yaml", "memuat nama '01-disiplin.yaml' dua kali"),
    ],
)
def test_names_git_never_makes_refuse_the_revision(
    repo: Path, where: str, name: bytes, what: str
) -> None:
    entry = ("100644", name, blob(repo, b"sasaran: Bukan\n"))
    if where == "sasaran":
        crafted_revision(repo, sasaran=(entry,))
    else:
        crafted_revision(repo, year=(entry,))
    folder = "serang:content/2024" + ("/sasaran" if where == "sasaran" else "")
    before = everything(repo.parent)

    result = run_lampiran("diff", "--rev", "serang")

    assert result.code == 1
    assert result.err == (
        f"Galat: revisi serang tidak dibaca: folder {folder} {what}." + UNSAFE_TAIL
    )
    assert everything(repo.parent) == before


@pytest.mark.parametrize(
    ("name", "what"),
    [
        (
            b"a\\..\\..\\x.yaml",
            "memuat nama 'a\\..\\..\\x.yaml', yang berisi garis miring terbalik",
        ),
        (
            b"C:x.yaml",
            "memuat nama 'C:x.yaml', yang diawali nama drive seperti lokasi mutlak di Windows",
        ),
        (b"\x1b[2J02.yaml", "memuat nama '\\x1b[2J02.yaml', yang berisi karakter kendali"),
        (b"\xff02.yaml", "memuat nama '\\xff02.yaml', yang bukan teks UTF-8"),
    ],
)
def test_names_unsafe_on_windows_or_a_terminal_refuse_the_revision(
    repo: Path, name: bytes, what: str
) -> None:
    crafted_revision(repo, sasaran=(("100644", name, blob(repo, b"sasaran: Bukan\n")),))

    result = run_lampiran("diff", "--rev", "serang")

    assert result.code == 1
    assert result.err == (
        f"Galat: revisi serang tidak dibaca: folder serang:content/2024/sasaran {what}. "
        "Nama seperti itu tidak aman di Windows atau di layar; ganti nama berkas itu di "
        "revisi tersebut. Tidak ada berkas yang ditulis.\n"
    )
    assert "\x1b" not in result.err


def test_symbolic_links_and_submodules_are_never_followed(repo: Path) -> None:
    secret = repo.parent / "rahasia.yaml"
    secret.write_text("sasaran: RAHASIA\n", encoding="utf-8")
    link = blob(repo, str(secret).encode())
    crafted_revision(
        repo,
        sasaran=(
            ("120000", b"02-tautan.yaml", link),
            ("160000", b"03-submodul.yaml", "ab" * 20),
        ),
    )

    result = run_lampiran("diff", "--rev", "serang")

    assert result.code == 1
    assert result.out.splitlines() == [
        "serang:content/2024/sasaran/02-tautan.yaml:1:1: berkas tidak dapat dibaca: di revisi "
        "serang berkas ini berupa tautan (symlink), yang tidak diikuti; simpan isinya sebagai "
        "berkas biasa",
        "serang:content/2024/sasaran/03-submodul.yaml:1:1: berkas tidak dapat dibaca: di "
        "revisi serang ini submodul git, bukan berkas; pindahkan submodul itu ke luar folder "
        "isi",
        "2 kesalahan, 0 peringatan",
    ]
    assert "RAHASIA" not in result.out + result.err


def test_a_file_missing_from_the_repository_or_not_a_file_is_a_located_error(
    repo: Path,
) -> None:
    folder = tree(repo, ("100644", b"x.yaml", blob(repo, b"x: 1\n")))
    crafted_revision(
        repo,
        sasaran=(("100644", b"02-hilang.yaml", "cd" * 20), ("100644", b"03-pohon.yaml", folder)),
    )

    result = run_lampiran("diff", "--rev", "serang")

    assert result.code == 1
    assert result.out.splitlines() == [
        "serang:content/2024/sasaran/02-hilang.yaml:1:1: berkas tidak dapat dibaca: isi "
        "berkas ini di revisi serang tidak ada di repositori; jalankan 'git fetch' lalu ulangi",
        "serang:content/2024/sasaran/03-pohon.yaml:1:1: berkas tidak dapat dibaca: di revisi "
        "serang entri ini menunjuk ke objek git jenis 'tree', bukan isi berkas; pohon git "
        "revisi itu rusak",
        "2 kesalahan, 0 peringatan",
    ]


def test_an_enormous_file_is_not_read(repo: Path) -> None:
    huge = b"sasaran: Besar\nuraian: |\n" + b"  kalimat panjang sekali\n" * 140_000
    crafted_revision(repo, sasaran=(("100644", b"02-besar.yaml", blob(repo, huge)),))
    start = time.perf_counter()

    result = run_lampiran("diff", "--rev", "serang")

    assert time.perf_counter() - start < 10
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "serang:content/2024/sasaran/02-besar.yaml:1:1: berkas tidak dapat dibaca: di revisi "
        "serang berkas ini berukuran 3,3 MB, lebih dari batas 2,0 MB untuk berkas isi"
    )


def test_one_big_file_under_many_names_is_bounded_in_all(repo: Path) -> None:
    big = blob(repo, b"\xff" * (1900 * 1024))  # under the limit for one file, not UTF-8
    crafted_revision(
        repo, sasaran=tuple(("100644", f"{n:02}-salin.yaml".encode(), big) for n in range(2, 40))
    )

    result = run_lampiran("diff", "--rev", "serang")

    assert result.code == 1
    assert result.err == (
        "Galat: revisi serang tidak dibaca: berkas di serang:content/2024 yang perlu dibaca "
        "lebih dari 8,0 MB seluruhnya, padahal isi satu tahun biasanya tidak sampai 1 MB\n"
    )


def test_without_git_installed_the_message_says_so(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "tanpa-git"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))

    result = run_lampiran("diff", "--rev", "main")

    assert result.code == 1
    assert result.err == "Galat: git tidak ditemukan; pasang git untuk memakai --rev\n"


def test_a_revision_that_looks_like_an_option_is_refused(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "keluaran"
    before = everything(repo.parent)

    result = run_lampiran("diff", f"--rev=--output={target}")

    assert result.code == 2
    assert result.err == f"Galat: revisi '--output={target}' tidak valid\n"
    assert not target.exists()
    assert everything(repo.parent) == before
