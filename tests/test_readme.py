"""Every command example in the README runs, and prints what the README says it prints.

The README is read in order and its examples are run in one temporary copy of the
repository's content, so that one example can build on the one before (``lampiran new``
makes the year that ``lampiran diff`` compares). The conventions, for whoever writes a
README section:

* A ```` ```console ```` block holds ``$ command`` lines, each followed by exactly what
  it prints (standard output and standard error together, as in a terminal). A line
  ``...`` stands for any number of lines. ``$ cd FOLDER`` moves the following commands
  of the block into FOLDER.
* A ```` ```sh ```` block holds commands whose output is not shown: each line is run
  and must succeed. Comments (``# ...``) are allowed.
* Every block starts in the copy's top folder. ``lampiran`` is the package under test
  (``python -m lampiran``), ``make`` runs the project's Makefile against it.
* Before a block, an HTML comment (invisible on GitLab and GitHub) may prepare it:
  ``<!-- readme-test: copy SOURCE TARGET -->`` copies a file or folder of the repository
  into the copy, ``<!-- readme-test: remove TARGET -->`` removes one, and
  ``<!-- readme-test: git-init -->`` commits the copy to a new git repository (branch
  ``main``), as an agency's repository is.
* Other blocks (```` ```text ````, ```` ```yaml ````, ```` ```powershell ````) are not run;
  the few ``sh`` lines that cannot run in a test are listed in :data:`NOT_RUN`, each with
  the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO_ROOT, lampiran_on_path, require_tool

README = REPO_ROOT / "README.md"
COPIED = ["content", "schema", "templates", "Makefile", "pyproject.toml", ".vscode", "lampiran"]

NOT_RUN = {
    "make test": "runs this very test suite",
    "make system-deps": "installs system packages",
    "sudo apt-get install": "installs system packages",
    "git clone": "needs the project's address on the network",
    "lampiran watch": "runs until Ctrl-C (tests/test_watch.py runs it)",
    ".venv/bin/python benchmarks/": "measures timings for minutes (make bench)",
}
"""Commands (by their start) that a test cannot run, and why."""


@dataclass
class Example:
    language: str
    line: int
    """Line of the README where the block starts (1-based), for failure messages."""
    body: list[str]
    setup: list[str] = field(default_factory=list)


def examples(text: str) -> list[Example]:
    """The fenced blocks of the README in order, each with the directives just above it."""
    found: list[Example] = []
    pending: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        directive = re.fullmatch(r"<!-- readme-test: (.+) -->", line.strip())
        if directive:
            pending.append(directive.group(1))
        fence = re.match(r"^(\s*)```(\w*)\s*$", line)
        if fence:
            indent = len(fence.group(1))
            end = index + 1
            while not re.match(r"^\s*```\s*$", lines[end]):
                end += 1
            body = [raw[indent:] for raw in lines[index + 1 : end]]
            found.append(Example(fence.group(2), index + 1, body, pending))
            pending = []
            index = end
        index += 1
    return found


@dataclass
class Session:
    """The temporary copy the README's examples run in, in order."""

    root: Path
    env: dict[str, str]

    def setup(self, directive: str) -> None:
        verb, *args = directive.split()
        if verb == "copy":
            source, target = REPO_ROOT / args[0], self.root / args[1]
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                shutil.copy2(source, target)
        elif verb == "remove":
            target = self.root / args[0]
            shutil.rmtree(target) if target.is_dir() else target.unlink()
        elif verb == "git-init":
            for command in ("git init -q -b main", "git add -A", "git commit -q -m isi"):
                code, out = self.run(command, self.root)
                assert code == 0, out
        else:
            raise AssertionError(f"unknown readme-test directive: {directive}")

    def run(self, command: str, cwd: Path) -> tuple[int, str]:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )
        return done.returncode, done.stdout


def make_session(tmp_path: Path) -> Session:
    root = tmp_path / "lampiran"
    root.mkdir()
    for name in COPIED:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.exists():
            shutil.copy2(source, root / name)
    env = lampiran_on_path(tmp_path / "bin")
    # 'make' finds .venv ready: its lampiran is the one under test, its stamp is new.
    venv_bin = root / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    shutil.copy2(tmp_path / "bin" / "lampiran", venv_bin / "lampiran")
    (venv_bin / "python").symlink_to(sys.executable)
    (venv_bin / "activate").write_text(f'export PATH="{venv_bin}:$PATH"\n', encoding="utf-8")
    (root / ".venv" / ".installed-stamp").touch()
    env.pop("SOURCE_DATE_EPOCH", None)
    env["COLUMNS"] = "100"
    env.update(
        GIT_AUTHOR_NAME="README",
        GIT_AUTHOR_EMAIL="readme@example.invalid",
        GIT_COMMITTER_NAME="README",
        GIT_COMMITTER_EMAIL="readme@example.invalid",
    )
    return Session(root, env)


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` lines are ``expected``, a line ``...`` standing for any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def console_commands(body: list[str]) -> list[tuple[str, list[str]]]:
    commands: list[tuple[str, list[str]]] = []
    for line in body:
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"output before any '$ ' command: {line!r}"
            commands[-1][1].append(line)
    return commands


def sh_commands(body: list[str]) -> list[str]:
    commands = []
    for line in body:
        command = line.strip()
        if not command or command.startswith("#"):
            continue
        if any(command.startswith(skipped) for skipped in NOT_RUN):
            continue
        commands.append(command)
    return commands


def test_every_readme_example_runs_and_prints_what_the_readme_says(tmp_path: Path) -> None:
    require_tool("soffice")
    require_tool("pdfinfo")
    session = make_session(tmp_path)
    failures: list[str] = []
    ran = 0
    for example in examples(README.read_text(encoding="utf-8")):
        if example.language not in ("console", "sh"):
            continue
        for directive in example.setup:
            session.setup(directive)
        cwd = session.root
        if example.language == "sh":
            for command in sh_commands(example.body):
                code, out = session.run(command, cwd)
                ran += 1
                if code != 0:
                    failures.append(f"README:{example.line}: $ {command}\n(exit {code})\n{out}")
            continue
        for command, expected in console_commands(example.body):
            ran += 1
            if command.startswith("cd "):
                cwd = cwd / command[3:].strip()
                continue
            _, out = session.run(command, cwd)
            actual = out.rstrip("\n").split("\n") if out else []
            wanted = list(expected)
            while wanted and not wanted[-1]:
                wanted.pop()
            if not matches(wanted, actual):
                failures.append(
                    f"README:{example.line}: $ {command}\n--- README\n"
                    + "\n".join(wanted)
                    + "\n--- printed\n"
                    + "\n".join(actual)
                )
    assert ran > 20, "the README's examples were not found"
    assert not failures, "\n\n".join(failures)


def test_the_block_reader_finds_commands_outputs_and_directives() -> None:
    text = (
        "<!-- readme-test: copy a b -->\n```console\n$ lampiran check\nsatu\n...\n$ cd x\n```\n"
        "```sh\nmake build   # komentar\n# hanya komentar\nmake test\n```\n```yaml\nx: 1\n```"
    )

    console, sh, yaml_block = examples(text)

    assert console.setup == ["copy a b"]
    assert console_commands(console.body) == [("lampiran check", ["satu", "..."]), ("cd x", [])]
    assert sh_commands(sh.body) == ["make build   # komentar"]
    assert yaml_block.language == "yaml"
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "..."], ["a"])
    assert not matches(["a", "d"], ["a", "b", "d"])


@pytest.mark.parametrize("name", ["lampiran", "lampiran.cmd"])
def test_the_launchers_the_readme_names_exist(name: str) -> None:
    assert (REPO_ROOT / name).is_file()
    assert f"`./{name}`" in README.read_text("utf-8") or f"`{name}`" in README.read_text("utf-8")
    if name == "lampiran":
        assert os.access(REPO_ROOT / name, os.X_OK)


def anchor(heading: str) -> str:
    """The anchor GitLab and GitHub give a heading: lower case, punctuation dropped."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@pytest.mark.parametrize("document", ["README.md", "docs/PENGEMBANG.md"])
def test_every_link_inside_the_documentation_leads_somewhere(document: str) -> None:
    path = REPO_ROOT / document
    text = path.read_text(encoding="utf-8")
    headings = {anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)}

    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        file_part, _, fragment = target.partition("#")
        if file_part:
            assert (path.parent / file_part).exists(), f"{document}: {target}"
        elif fragment:
            assert fragment in headings, f"{document}: #{fragment}"
