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
import re
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
        return visible(" ".join(parts), keep_newlines=False)

    def shown_path(self, relative_to: Path | None = None) -> str:
        """The file as :meth:`format` shows it: relative when possible, with ``/``."""
        return _display_path(self.path, relative_to)


def shorten(text: str, limit: int = 40) -> str:
    """Cut what the author wrote to a length that can be quoted inside a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Characters that must never reach a terminal raw: C0 and C1 controls (ESC starts
sequences that retitle the window or rewrite the screen), DEL, line separators, and the
bidirectional marks and overrides that make text read differently than it is stored."""


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` safe to print: every control character shown as an escape such as ``\\x1b``.

    Used for every line printed from what a user (or a stranger's file) wrote: keys,
    values, file names. Tabs are kept; line breaks too, unless ``keep_newlines`` is false
    (one-line messages, where a break in a file name would fake another line).
    """
    return _CONTROL.sub(lambda m: _escape(m.group(), keep_newlines), text)


def _escape(char: str, keep_newlines: bool) -> str:
    if char == "\n" and keep_newlines:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_OS_REASONS = {
    errno.ENOENT: "berkasnya tidak ada (mungkin pintasan yang rusak)",
    errno.EACCES: "tidak ada izin untuk membukanya",
    errno.EPERM: "tidak ada izin untuk membukanya",
    errno.EISDIR: "itu sebuah folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian lokasinya bukan folder",
    errno.ENOSPC: "ruang disk penuh",
    errno.EROFS: "disknya hanya dapat dibaca",
    errno.EDQUOT: "kuota disk penuh",
    errno.EIO: "terjadi kesalahan baca/tulis pada disk",
    errno.ENAMETOOLONG: "nama atau lokasinya terlalu panjang",
    errno.ELOOP: "lokasinya memuat pintasan (symlink) yang berputar atau tidak diikuti",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Indonesian when the reason is a common one."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    if exc.strerror:
        return f"sistem menolaknya ({exc.strerror})"
    if exc.errno:
        return f"sistem menolaknya ({os.strerror(exc.errno)})"
    # No code and no text (``OSError()``, or a library that passes None): still a sentence.
    detail = " ".join(str(arg) for arg in exc.args if arg is not None)
    return f"sistem menolaknya ({detail})" if detail else "sistem menolaknya tanpa menyebut alasan"


def _display_path(path: Path, relative_to: Path | None) -> str:
    """Show paths relative to the working directory when possible, with forward slashes."""
    base = relative_to if relative_to is not None else Path.cwd()
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix()
    except ValueError:
        pass
    # Folders may be reached through links (``/tmp`` on macOS); the file itself is never
    # followed: a link is shown where it is, not where it points (nor looped through).
    real = Path(os.path.realpath(path.parent), path.name)
    try:
        return real.relative_to(os.path.realpath(base)).as_posix()
    except ValueError:
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
