"""The ``lampiran`` command line: the only place that prints and picks exit codes.

:func:`main` is the one error boundary: every :class:`~lampiran.errors.LampiranError`
becomes its Indonesian message and exit code here; anything else is a bug of lampiran.
The commands are in one module each and register themselves on the group
(:mod:`lampiran.cli.app`) when imported below.

Exit codes: 0 no error, 1 an error in the content (or a failed step), 2 a usage mistake,
130 after Ctrl-C and 128 + N after signal N (143 for SIGTERM, 129 for SIGHUP).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from lampiran import interrupts
from lampiran.cli import (  # noqa: F401  (registers the commands)
    build,
    check,
    history,
    importer,
    init,
    rekap,
    schema,
    spelling,
    watch,
)
from lampiran.cli.app import cli, fail, print_report
from lampiran.errors import (
    EXIT_FAILED,
    EXIT_USAGE,
    ContentError,
    LampiranError,
    visible,
)

EXIT_OK = 0


def _show_click_error(exc: click.ClickException) -> None:
    """click's own message (usage, bad option), with what the user typed made visible.

    click repeats the offending argument; an escape sequence in it must not reach the
    terminal raw.
    """
    buffer = io.StringIO()
    exc.show(file=buffer)
    click.echo(visible(buffer.getvalue()), err=True, nl=False)


def _with_debug_flag_first(argv: Sequence[str]) -> list[str]:
    """Accept ``--debug`` anywhere on the line (``lampiran check --debug``)."""
    args = list(argv)
    if "--debug" in args:
        args = ["--debug", *[a for a in args if a != "--debug"]]
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the console script (``argv`` None) and of in-process callers.

    Run as the console script, the process ends with :func:`os._exit` once everything
    is written and flushed: tearing down the interpreter (freeing every module and
    object of pydantic, Jinja, lxml...) takes longer than a small build itself, and
    nothing of it is needed. Every temporary file and child process has been cleaned
    up by then, on every path (``finally`` blocks and :mod:`lampiran.interrupts`).
    """
    if argv is not None:
        run(argv)
        return
    try:
        run(sys.argv[1:])
    except SystemExit as exc:
        _exit_without_teardown(exc.code)
    _exit_without_teardown(0)


def _exit_without_teardown(code: object) -> NoReturn:
    status = code if isinstance(code, int) else (0 if code is None else EXIT_FAILED)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (lampiran ... | head): nothing to lose
        pass
    os._exit(status)


EXIT_BROKEN_PIPE = EXIT_FAILED
"""When the reader closed the pipe: what click itself exits with inside a command."""


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the final flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests)
        pass


def run(argv: Sequence[str]) -> None:
    """Run the command, turning every expected failure into a message and exit code.

    A reader that closed the pipe early (``lampiran check | head -1``) ends the run
    quietly, also while a problem report or message is being printed.
    """
    try:
        _run(argv)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)


def _run(argv: Sequence[str]) -> None:
    args = _with_debug_flag_first(argv)
    debug = "--debug" in args
    try:
        with interrupts.terminate_as_interrupt():
            cli.main(args=args, prog_name="lampiran", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _show_click_error(exc)
        sys.exit(EXIT_USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except (click.Abort, KeyboardInterrupt) as exc:
        # click turns Ctrl-C into Abort; SIGTERM and SIGHUP arrive as Terminated, a
        # KeyboardInterrupt. The code is the shell's: 130 for Ctrl-C, 143 for SIGTERM.
        with interrupts.ignored():
            fail(
                f"dihentikan ({interrupts.describe(exc)}); tidak ada berkas yang setengah jadi.",
                interrupts.exit_code(exc),
            )
    except ContentError as exc:
        print_report(exc.report)
        sys.exit(exc.exit_code)
    except LampiranError as exc:
        fail(str(exc), exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        fail(
            f"terjadi kesalahan di dalam lampiran sendiri ({type(exc).__name__}: {exc}). "
            "Ini bukan kesalahan isi Anda; jalankan ulang dengan --debug dan laporkan hasilnya.",
            EXIT_FAILED,
        )
