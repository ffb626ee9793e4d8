"""The errors a user can cause, and located content problems.

Every failure that the user, their content, their template or their machine can cause
derives from :class:`LampiranError`, which carries its Indonesian message and the exit
code it deserves; the command line turns it into output in one place
(:func:`lampiran.cli.main`). Anything else that escapes is a bug of lampiran.

Every problem the tool finds in content is a :class:`Problem` carrying the file, line,
column and field it belongs to, so that a planning officer can go straight to the place
to fix. Problems are collected in a :class:`Report` and never printed here: the command
line decides how to show them.
"""

from __future__ import annotations

import enum
import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.Enum):
    """Whether a problem stops a build (error) or only deserves a look (warning)."""

    ERROR = "kesalahan"
    WARNING = "peringatan"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, at a place in a file.

    ``line`` and ``column`` are 1-based, as editors count them. ``field`` is the path of
    the value inside the file in the user's own key names (``indikator[0].target``), or
    empty for a problem with the file as a whole.
    """

    path: Path
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self, relative_to: Path | None = None) -> str:
        """Render as ``file:line:column: field: message`` (compiler style, for editors)."""
        where = f"{self.shown_path(relative_to)}:{self.line}:{self.column}:"
        parts = [where]
        if self.field:
            parts.append(f"{self.field}:")
        if self.severity is Severity.WARNING:
            parts.append("peringatan:")
        parts.append(self.message)
        return " ".join(parts)

    def shown_path(self, relative_to: Path | None = None) -> str:
        """The file as :meth:`format` shows it: relative when possible, with ``/``."""
        return _display_path(self.path, relative_to)


def shorten(text: str, limit: int = 40) -> str:
    """Cut what the author wrote to a length that can be quoted inside a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


_OS_REASONS = {
    errno.ENOENT: "berkasnya tidak ada (mungkin pintasan yang rusak)",
    errno.EACCES: "tidak ada izin untuk membukanya",
    errno.EPERM: "tidak ada izin untuk membukanya",
    errno.EISDIR: "itu sebuah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian lokasinya bukan folder",
    errno.ENOSPC: "ruang disk penuh",
    errno.EROFS: "disknya hanya dapat dibaca",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Indonesian when the reason is a common one."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return exc.strerror or str(exc)


def _display_path(path: Path, relative_to: Path | None) -> str:
    """Show paths relative to the working directory when possible, with forward slashes."""
    base = relative_to if relative_to is not None else Path.cwd()
    # Without following links first: a broken link must be shown where it is.
    for shown_path, shown_base in (
        (Path(os.path.abspath(path)), Path(os.path.abspath(base))),
        (path.resolve(), base.resolve()),
    ):
        try:
            return shown_path.relative_to(shown_base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


@dataclass
class Report:
    """All problems found in one run, errors and warnings together."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def error(self, path: Path, line: int, column: int, field: str, message: str) -> None:
        self.add(Problem(path, line, column, field, message, Severity.ERROR))

    def warning(self, path: Path, line: int, column: int, field: str, message: str) -> None:
        self.add(Problem(path, line, column, field, message, Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        """The errors, sorted and counted once each, as they are shown."""
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """The warnings, sorted and counted once each, as they are shown."""
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def sorted(self) -> list[Problem]:
        """Problems ordered by file, then line and column, with duplicates removed."""
        return sorted(
            set(self.problems), key=lambda p: (str(p.path), p.line, p.column, p.field, p.message)
        )

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def summary(self) -> str:
        """The closing line of a check, such as ``2 kesalahan, 1 peringatan``."""
        return f"{len(self.errors)} kesalahan, {len(self.warnings)} peringatan"


EXIT_FAILED = 1
"""Exit code of a content error or a failed step (a template, LibreOffice, the disk)."""
EXIT_USAGE = 2
"""Exit code of a mistake in how the command was called."""
EXIT_INTERRUPTED = 130
"""Exit code after Ctrl-C, as shells report a process ended by SIGINT."""


class LampiranError(Exception):
    """A failure the user can cause and fix; ``str(error)`` is the Indonesian message.

    Subclasses say which step failed; the command line prints the message (``Galat: ...``)
    and exits with :attr:`exit_code`. Nothing below the command line prints or exits.
    """

    exit_code: int = EXIT_FAILED


class ContentError(LampiranError):
    """Raised when content has errors and an operation cannot go on.

    Carries the whole report so that the command line can show every problem at once.
    """

    def __init__(self, report: Report) -> None:
        super().__init__(report.summary())
        self.report = report


class UsageProblem(LampiranError):
    """A mistake in how the command was called (missing folder, not a year): exit 2."""

    exit_code = EXIT_USAGE


class StepFailed(LampiranError):
    """A step outside the content failed (LibreOffice, a template, the disk): exit 1."""
