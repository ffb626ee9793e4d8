"""Where the files of a year come from: its folder on the disk, or a git revision.

The loader needs very little of a folder: what kind of entry a name is, the names in a
folder, and a YAML file read with its positions. It asks for those through
:class:`YearFiles` instead of the disk, so that ``lampiran diff --rev`` can load a year
from git objects held in memory: a revision is untrusted input, and its paths are never
joined onto the disk (see ``history/gitrev.py``).

Paths are relative to the year folder, written with ``/`` (``sasaran/01-disiplin.yaml``;
``""`` is the year folder itself). :meth:`YearFiles.shown` turns one into the path that
messages show, which for a revision is not a place on the disk at all
(``main:content/2024/dokumen.yaml``).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Literal, Protocol

from lampiran.errors import Problem
from lampiran.source.files import FileRefused, check_real_folder, list_folder, status_of
from lampiran.source.yamlreader import SourceFile, read_yaml_file

Kind = Literal["file", "dir"]


class YearFiles(Protocol):
    """The files of one year folder, wherever they are kept."""

    @property
    def name(self) -> str:
        """The year folder's own name, which ``tahun`` must equal."""

    @property
    def root(self) -> Path:
        """The year folder as messages show it."""

    def shown(self, relative: str) -> Path:
        """A path inside the year as messages show it."""

    def kind(self, relative: str) -> Kind | None:
        """``"file"``, ``"dir"``, or ``None`` when nothing readable has that name."""

    def names(self, relative: str) -> list[str]:
        """The names inside a folder (that :meth:`kind` calls ``"dir"``), sorted."""

    def read_yaml(self, relative: str) -> tuple[SourceFile | None, list[Problem]]:
        """A file read as YAML, keeping what comes before a syntax error; see yamlreader."""

    def refusal(self, relative: str) -> Problem | None:
        """Why an existing folder cannot be entered (a link, no permission), or ``None``."""


class FolderFiles:
    """A year folder on the disk: the working tree, read by the rules of ``files.py``.

    Only real folders are folders here: a link to one is an entry that reading refuses,
    so nothing it points to is ever listed or read.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def name(self) -> str:
        return self.folder.resolve().name

    @property
    def root(self) -> Path:
        return self.folder

    def shown(self, relative: str) -> Path:
        return self.folder / relative

    def kind(self, relative: str) -> Kind | None:
        try:
            status = status_of(self.folder / relative)
        except FileRefused:
            return "file"  # reading it says why it cannot be opened
        if status is None:
            return None
        return "dir" if stat.S_ISDIR(status.st_mode) else "file"

    def names(self, relative: str) -> list[str]:
        return [entry.name for entry in list_folder(self.folder / relative)]

    def read_yaml(self, relative: str) -> tuple[SourceFile | None, list[Problem]]:
        return read_yaml_file(self.folder / relative, keep_partial=True)

    def refusal(self, relative: str) -> Problem | None:
        try:
            check_real_folder(self.folder / relative)
        except FileRefused as exc:
            return None if exc.missing else exc.problem()
        return None
