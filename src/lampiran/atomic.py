"""Publishing output files so that a reader only ever sees the old file or the new one.

A file is first written completely under a hidden temporary name in the target's own
folder (so that the final rename never crosses disks), then renamed over the target.
A failure at either step removes the temporary file and leaves the old target as it was.

Files that belong together (a .docx and the PDF made from it) are published as a set by
:func:`publish_all`: every file is staged before anything is renamed, and the renames run
with Ctrl-C held back, so that a signal never leaves half of a set behind.
Errors stay :class:`OSError` (or :class:`PublishFailed` for a set); each caller words
them for its own users.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from lampiran import interrupts


def stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a fresh temporary file beside ``target``; return its path."""
    temporary = temporary_for(target)
    _write_new(temporary, data)
    return temporary


def temporary_for(target: Path) -> Path:
    """A fresh hidden name beside ``target``, for staging it (the file is not created)."""
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")


def _write_new(temporary: Path, data: bytes) -> None:
    """Create ``temporary`` with ``data``, synced to disk; on any failure remove it.

    Not :func:`tempfile.mkstemp`: its 0600 mode would stick to the published file,
    whereas ``open`` gives the mode the user's umask asks for.
    """
    try:
        with open(temporary, "xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        discard([temporary])
        raise


def publish(temporary: Path, target: Path) -> None:
    """Rename a staged file over ``target``; on failure the staged file is removed."""
    try:
        os.replace(temporary, target)
    except BaseException:
        discard([temporary])
        raise


def write_atomically(target: Path, data: bytes) -> None:
    """Stage and publish in one step."""
    publish(stage(target, data), target)


def discard(temporaries: Iterable[Path]) -> None:
    """Remove staged files that will not be published; a second Ctrl-C waits for it."""
    with interrupts.deferred():
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


class PublishFailed(Exception):
    """A set stopped at ``path``: nothing was changed when ``staging``, else ``done`` was.

    ``done`` lists the targets already replaced or removed, in order; ``not_removed``
    the files that were to be removed but could not be, with the reason.
    """

    def __init__(
        self,
        path: Path,
        error: OSError,
        *,
        staging: bool,
        done: Sequence[Path] = (),
        not_removed: Sequence[tuple[Path, OSError]] = (),
    ) -> None:
        super().__init__(path, error)
        self.path = path
        self.error = error
        self.staging = staging
        self.done = list(done)
        self.not_removed = list(not_removed)


def publish_all(changes: Sequence[tuple[Path, bytes | None]]) -> list[tuple[Path, OSError]]:
    """Apply ``changes`` in order: write ``data`` to the path, or remove it for ``None``.

    Writing and syncing every file (the slow part) comes first and may be interrupted;
    it then leaves nothing behind and changes nothing. The renames and removals run with
    Ctrl-C and SIGTERM held back, so a signal arriving then takes effect only once the
    whole set is in place. A rename that fails stops the set there (raising
    :class:`PublishFailed`, the later staged files removed); a removal that fails does
    not, and is returned with its reason.
    """
    staged: dict[int, Path] = {}
    try:
        for index, (target, data) in enumerate(changes):
            if data is not None:
                # Named before it exists, so that an interrupt at any point finds it.
                staged[index] = temporary = temporary_for(target)
                _write_new(temporary, data)
    except OSError as exc:
        discard(staged.values())
        raise PublishFailed(target, exc, staging=True) from exc
    except BaseException:
        discard(staged.values())
        raise
    done: list[Path] = []
    not_removed: list[tuple[Path, OSError]] = []
    with interrupts.deferred():
        try:
            for index, (target, _) in enumerate(changes):
                staged_file = staged.pop(index) if index in staged else None
                if staged_file is None:
                    try:
                        target.unlink(missing_ok=True)
                    except OSError as exc:
                        not_removed.append((target, exc))
                        continue
                else:
                    try:
                        os.replace(staged_file, target)
                    except OSError as exc:
                        discard([staged_file])
                        raise PublishFailed(
                            target, exc, staging=False, done=done, not_removed=not_removed
                        ) from exc
                done.append(target)
        finally:
            discard(staged.values())
    return not_removed
