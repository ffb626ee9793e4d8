"""Publishing output files so that a reader only ever sees the old file or the new one.

A file is first written completely under a hidden temporary name in the target's own
folder (so that the final rename never crosses disks), then renamed over the target.
A failure at either step removes the temporary file and leaves the old target as it was.
Errors stay :class:`OSError`; each caller words them for its own users.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def stage(target: Path, data: bytes) -> Path:
    """Write ``data`` to a fresh temporary file beside ``target``; return its path.

    Not :func:`tempfile.mkstemp`: its 0600 mode would stick to the published file,
    whereas ``open`` gives the mode the user's umask asks for.
    """
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temporary, "xb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def publish(temporary: Path, target: Path) -> None:
    """Rename a staged file over ``target``; on failure the staged file is removed."""
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(target: Path, data: bytes) -> None:
    """Stage and publish in one step."""
    publish(stage(target, data), target)
