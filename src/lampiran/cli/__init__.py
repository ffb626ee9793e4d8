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
    rekap,
    schema,
    spelling,
    watch,
)
from lampiran.cli.app import cli, print_report
from lampiran.errors import (
    EXIT_FAILED,
    EXIT_USAGE,
    ContentError,
    LampiranError,
    visible,
)

EXIT_OK = 0


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"Galat: {visible(message)}", err=True)
    sys.exit(code)


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
    """Entry point: run the command, turning every expected failure into a message.

    Called without ``argv`` (the ``lampiran`` program, ``python -m lampiran``), the
    process ends here: once everything is written and standard output and error are
    flushed, it exits at once instead of tearing the interpreter down module by module,
    which takes longer than many a command (:func:`_exit_now`). Called with ``argv``
    (tests, other Python code), it raises :class:`SystemExit` as usual.
    """
    if argv is not None:
        _run(argv)
        return
    try:
        _run(sys.argv[1:])
    except SystemExit as exc:
        _exit_now(exc.code)
    _exit_now(0)


def _exit_now(code: object) -> NoReturn:
    """Flush what was printed, then end the process without the interpreter's teardown.

    Every command has finished by now: files are written and closed, LibreOffice is
    stopped and temporary folders are removed (all in ``with`` and ``finally`` blocks).
    What is left for the teardown is freeing memory, which the system does anyway.
    """
    if code is None:
        status = EXIT_OK
    elif isinstance(code, int):
        status = code
    else:
        click.echo(str(code), err=True)  # sys.exit("text"), as Python would print it
        status = EXIT_FAILED
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            # A reader that went away (``lampiran check | head -1``): as Python does.
            status = status or _EXIT_FLUSH_FAILED
    os._exit(status)


_EXIT_FLUSH_FAILED = 120
"""Python's own exit code when standard output cannot be flushed at exit."""


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
            _fail(
                f"dihentikan ({interrupts.describe(exc)}); tidak ada berkas yang setengah jadi.",
                interrupts.exit_code(exc),
            )
    except ContentError as exc:
        print_report(exc.report)
        sys.exit(exc.exit_code)
    except LampiranError as exc:
        _fail(str(exc), exc.exit_code)
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"terjadi kesalahan di dalam lampiran sendiri ({type(exc).__name__}: {exc}). "
            "Ini bukan kesalahan isi Anda; jalankan ulang dengan --debug dan laporkan hasilnya.",
            EXIT_FAILED,
        )
