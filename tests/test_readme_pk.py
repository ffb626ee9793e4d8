"""Every example of the README's section on the whole Perjanjian Kinerja, run as written.

The section is read block by block, in order, in a repository made of the fixture PK
(content/2025) and the signed content/2024:

- a ``yaml`` block whose first line names a file (``# content/2025/program.yaml``) is
  written there; one marked ``(salah)`` holds for the next example only; one marked as a
  change (``: tambahkan``, ``(PK Perubahan)``) comes after the original is committed;
- a ``text`` block starting with ``$ lampiran ...`` is run, and its output must be the
  rest of the block, word for word;
- every command of a ``sh`` block must succeed (run in a copy of the repository, so that
  its outputs, such as PDFs, do not change what the transcripts show).

So the README can never show a file, a message or an output the program does not give.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import CONTENT_2024, PK_2025, REPO_ROOT, require_tool, run_git, run_lampiran

HEADING = "## Perjanjian Kinerja lengkap: pernyataan, Lampiran 1 dan Lampiran 2"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
NAMED_FILE = re.compile(r"# (content/\S+\.yaml)(?P<mark>.*)")


def section() -> str:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(HEADING)
    end = readme.index("\n## ", start + len(HEADING))
    return readme[start:end]


def blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(section())]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(PK_2025, tmp_path / "content" / "2025")
    shutil.copytree(CONTENT_2024, tmp_path / "content" / "2024")
    run_git(tmp_path, "init", "-q", "-b", "main")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(command: str) -> tuple[int, str]:
    arguments = shlex.split(command, comments=True)
    assert arguments[0] == "lampiran", command
    if "--pdf" in arguments:
        require_tool("soffice")
    outcome = run_lampiran(*arguments[1:])
    return outcome.code, outcome.out + outcome.err


def test_the_section_has_the_examples_this_test_runs() -> None:
    kinds = [kind for kind, _ in blocks()]

    assert kinds.count("yaml") == 5
    assert sum(1 for kind, body in blocks() if kind == "text" and body.startswith("$ ")) == 4
    assert "![Pernyataan" in section() and "(docs/pernyataan.png)" in section()
    assert "(docs/lampiran-1.png)" in section()
    assert (REPO_ROOT / "docs" / "pernyataan.png").is_file()
    assert (REPO_ROOT / "docs" / "lampiran-1.png").is_file()


def test_every_example_of_the_section_gives_what_it_shows(
    workspace: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    committed = False
    restore: tuple[Path, bytes] | None = None
    for kind, body in blocks():
        if kind == "sh":
            copy = tmp_path_factory.mktemp("sh") / "repo"
            shutil.copytree(workspace, copy)
            monkeypatch.chdir(copy)
            for line in body.splitlines():
                code, output = run(line)
                assert code == 0, f"{line}\n{output}"
            monkeypatch.chdir(workspace)
        elif kind == "yaml":
            named = NAMED_FILE.match(body.splitlines()[0])
            assert named is not None, body
            path, mark = workspace / named.group(1), named.group("mark")
            if "salah" in mark:
                restore = (path, path.read_bytes())
            elif mark and not committed:
                run_git(workspace, "add", "-A")
                run_git(workspace, "commit", "-q", "-m", "PK asli")
                committed = True
            # Written with its first line, as a reader copies it: line numbers then match.
            text = path.read_text(encoding="utf-8") + body if "tambahkan" in mark else body
            path.write_text(text, encoding="utf-8")
        elif kind == "text" and body.startswith("$ "):
            command, _, shown = body.partition("\n")
            _, output = run(command.removeprefix("$ "))
            assert output == shown, command
            if restore is not None:
                restore[0].write_bytes(restore[1])
                restore = None
    assert committed


def test_the_total_the_readme_quotes_is_the_one_printed(workspace: Path) -> None:
    program = next(body for kind, body in blocks() if kind == "yaml")
    amounts = [int(re.sub(r"[.]|,00$", "", m)) for m in re.findall(r"anggaran: ([\d.,]+)", program)]

    assert f"Rp{sum(amounts):,}".replace(",", ".") in section().split("Lampiran 1 menutup")[1]
