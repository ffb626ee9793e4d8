"""Ctrl-C and termination signals: one way out, and short stretches that must not be cut.

Python turns Ctrl-C (SIGINT) into :class:`KeyboardInterrupt`, so ``finally`` blocks and
``with`` exits run and clean up. SIGTERM (``kill``, a CI job's time limit, a desktop
session logging out) and SIGHUP (the terminal window closed) end a Python process at once
by default, leaving LibreOffice running and temporary files behind.
:func:`terminate_as_interrupt` makes them raise :class:`Terminated`, a subclass of
KeyboardInterrupt, so that they take exactly the path Ctrl-C takes.

Renaming a set of finished files into place (a .docx and its PDF) and removing temporary
files must not stop half-way: :func:`deferred` holds these signals back for such a short
stretch and delivers them as soon as it ends.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

from lampiran.errors import EXIT_INTERRUPTED

SIGNAL_EXIT_BASE = 128
"""Shells report a process ended by signal N with exit code 128 + N (SIGTERM: 143)."""


class Terminated(KeyboardInterrupt):
    """A termination signal arrived; handled like Ctrl-C, reported with its own code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _termination_signals() -> list[int]:
    """SIGTERM everywhere, SIGHUP where it exists (not on Windows)."""
    names = ("SIGTERM", "SIGHUP")
    return [int(getattr(signal, name)) for name in names if hasattr(signal, name)]


def _handled_signals() -> list[int]:
    return [int(signal.SIGINT), *_termination_signals()]


def _in_main_thread() -> bool:
    """Python only lets the main thread install signal handlers."""
    return threading.current_thread() is threading.main_thread()


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread.

    A signal the parent process set to be ignored (``nohup`` ignores SIGHUP) stays
    ignored. The previous handlers come back on the way out.
    """
    if not _in_main_thread():
        yield
        return
    previous: dict[int, Any] = {}
    for signum in _termination_signals():
        # None: a handler set outside Python, which could not be put back.
        if signal.getsignal(signum) in (signal.SIG_IGN, None):
            continue
        previous[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold Ctrl-C and the termination signals back until the block has ended.

    Only for short stretches (renames, removing temporary files). A signal that arrived
    meanwhile is delivered once the previous handlers are back, so it then acts exactly
    as it would have: KeyboardInterrupt, :class:`Terminated`, or the default action.
    """
    if not _in_main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous: dict[int, Any] = {}
    for signum in _handled_signals():
        if signal.getsignal(signum) in (signal.SIG_IGN, None):
            continue
        previous[signum] = signal.signal(signum, hold)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)


@contextlib.contextmanager
def ignored() -> Iterator[None]:
    """Ignore further Ctrl-C and termination signals while the block runs.

    For reporting an interrupt that has already been cleaned up after: pressing Ctrl-C
    again while the message is printed must not turn it into a traceback.
    """
    if not _in_main_thread():
        yield
        return
    previous = {
        signum: signal.signal(signum, signal.SIG_IGN)
        for signum in _handled_signals()
        if signal.getsignal(signum) is not None
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def exit_code(interrupt: BaseException) -> int:
    """The shell's code for the signal behind ``interrupt``: 130 Ctrl-C, 143 SIGTERM."""
    cause = _terminated(interrupt)
    return EXIT_INTERRUPTED if cause is None else SIGNAL_EXIT_BASE + cause.signum


def describe(interrupt: BaseException) -> str:
    """How the run was stopped, in Indonesian: ``Ctrl-C`` or ``sinyal SIGTERM``."""
    cause = _terminated(interrupt)
    return "Ctrl-C" if cause is None else f"sinyal {cause.name}"


def _terminated(interrupt: BaseException) -> Terminated | None:
    """The :class:`Terminated` behind ``interrupt`` (click wraps it in ``Abort``)."""
    seen: BaseException | None = interrupt
    while seen is not None:
        if isinstance(seen, Terminated):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
