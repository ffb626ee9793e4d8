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

from pathlib import Path
from typing import Literal, Protocol

from lampiran.errors import Problem
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


class FolderFiles:
    """A year folder on the disk: the working tree."""

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
        path = self.folder / relative
        if path.is_dir():
            return "dir"
        return "file" if path.is_file() else None

    def names(self, relative: str) -> list[str]:
        return sorted(entry.name for entry in (self.folder / relative).iterdir())

    def read_yaml(self, relative: str) -> tuple[SourceFile | None, list[Problem]]:
        return read_yaml_file(self.folder / relative, keep_partial=True)
