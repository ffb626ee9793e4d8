"""A fast start that loses nothing: the process exit and pydantic's import.

``lampiran`` ends its process without the interpreter's teardown once everything is
flushed; every line must still arrive, through a pipe too, with the right exit code.
pydantic is imported without ``importlib.metadata``, which must still work for anyone
who uses it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import CONTENT_2024, write_year


def python(code: str, *, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_line_arrives_through_a_pipe_with_the_exit_code(tmp_path: Path) -> None:
    sasaran = {
        f"{number:02d}-s.yaml": f"sasaran: S{number}\nuraian: x\nindikator: []\nsalah: 1\n"
        for number in range(1, 41)
    }
    write_year(tmp_path, sasaran=sasaran)

    result = subprocess.run(
        [sys.executable, "-m", "lampiran", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) == 81
    assert lines[-1] == "80 kesalahan, 0 peringatan"


def test_the_process_ends_without_teardown_once_output_is_flushed(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('teardown'))\n"
        f"sys.argv = ['lampiran', 'check', {str(CONTENT_2024)!r}]\n"
        "print('awal', end=' ')\n"
        "from lampiran.cli import main\n"
        "main()\n"
    )

    result = python(code)

    assert result.returncode == 0
    assert result.stdout.startswith("awal ")
    assert result.stdout.endswith("0 kesalahan, 0 peringatan\n")
    assert "teardown" not in result.stdout


def test_usage_mistakes_keep_exit_code_2_as_a_program(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lampiran", "check", "tidak-ada"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (
        2,
        "Galat: folder 'tidak-ada' tidak ada; periksa penulisannya\n",
    )


def test_pydantic_is_imported_without_package_metadata_which_still_works() -> None:
    code = (
        "import sys\n"
        "import lampiran.content.loading\n"
        "print('email' in sys.modules, type(sys.modules['importlib.metadata']).__name__)\n"
        "import importlib.metadata\n"
        "from importlib.metadata import entry_points, version\n"
        "print(version('pydantic') == importlib.metadata.version('pydantic'))\n"
        "print(bool(entry_points(group='console_scripts')))\n"
        "print(type(sys.modules['importlib.metadata']).__name__)\n"
    )

    result = python(code)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["False _StandIn", "True", "True", "module"]


def test_a_user_who_enables_pydantic_plugins_gets_the_real_metadata() -> None:
    code = (
        "import sys\n"
        "import lampiran.content.loading\n"
        "print(type(sys.modules['importlib.metadata']).__name__)\n"
    )

    result = python(code, PYDANTIC_DISABLE_PLUGINS="")

    assert result.returncode == 0, result.stderr
    assert result.stdout == "module\n"
