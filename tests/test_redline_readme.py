"""The README's commands for the tracked-changes document, run as written.

Every ``lampiran`` line of the section "Tinjauan di Word" is run in a workspace with
content/2024 and an edited content/2025 in a git repository (for ``--rev main``), and
the sample output shown there must be what the command prints.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import REPO_ROOT, run_lampiran
from conftest import run_git as git
from redlineread import revisions
from test_redline import edit, edited_2024

SECTION = "### Tinjauan di Word"


def section() -> str:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.index("\n## ", start)
    return text[start:end]


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", section(), flags=re.DOTALL)


def commands() -> list[str]:
    (shell,) = blocks("sh")
    lines = [line.split("  #")[0].strip() for line in shell.splitlines()]
    return [line for line in lines if line]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    edited_2024(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "usulan 2025")
    # The branch under review changes a target of 2025 again.
    edit(tmp_path / "content" / "2025" / "sasaran" / "01-disiplin-aparatur.yaml", "100%", "99%")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_section_shows_the_commands() -> None:
    assert len(commands()) == 4
    assert all(command.startswith("lampiran diff ") for command in commands())


@pytest.mark.parametrize("command", commands())
def test_every_command_of_the_section_writes_a_redline(workspace: Path, command: str) -> None:
    arguments = shlex.split(command)[1:]
    output = Path(arguments[arguments.index("-o") + 1])

    result = run_lampiran(*arguments)

    labels = "main:content/2025 -> content/2025" if "--rev" in arguments else None
    assert result.code == 0, result.err
    assert result.out == (
        f"{output} ditulis: perubahan {labels or 'content/2024 -> content/2025'} "
        "ditandai (lacak perubahan).\n"
    )
    assert revisions((workspace / output).read_bytes())


def test_the_sample_output_is_what_the_command_prints(workspace: Path) -> None:
    (sample,) = blocks("text")
    first, *printed = sample.strip().splitlines()
    assert first.startswith("$ lampiran ")

    result = run_lampiran(*shlex.split(first[2:])[1:])

    assert result.out.splitlines() == printed
