"""Indonesian words, dates, amounts and NIP as documents print them: small pure functions.

Numbers in words come from num2words' Indonesian converter and dates from Babel's CLDR
data, never from hand-made tables. Both libraries have traps (see pitfalls.md): the
converter is given an ``int`` only, and dates use an explicit pattern.
"""

from __future__ import annotations

import datetime
import importlib.util
import re
from functools import cache
from typing import Any

_NIP_GROUPS = (8, 6, 1, 3)


@cache
def _indonesian_converter() -> Any:
    """num2words' Indonesian converter, loaded without the package's ``__init__``.

    ``import num2words`` loads every language (about 50 ms at each start); the Indonesian
    module needs nothing from the rest of the package, so it is loaded on its own. Should a
    later num2words version make it depend on the package, the ordinary import is used.
    """
    package = importlib.util.find_spec("num2words")
    locations = package.submodule_search_locations if package is not None else None
    if locations:
        spec = importlib.util.spec_from_file_location(
            "_lampiran_num2words_id", f"{next(iter(locations))}/lang_ID.py"
        )
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
                return module.Num2Word_ID()
            except ImportError:
                pass
    from num2words.lang_ID import Num2Word_ID

    return Num2Word_ID()


def terbilang(number: int) -> str:
    """A whole number in Indonesian words: 1 -> "satu", 11 -> "sebelas", 12 -> "dua belas"."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise ValueError(f"terbilang needs a non-negative int, got {number!r}")
    if number == 0:
        return "nol"
    return str(_indonesian_converter().to_cardinal(number))


def tanggal_indonesia(date: datetime.date) -> str:
    """A date as Indonesian documents print it: ``31 Januari 2024`` (no leading zero)."""
    from babel.dates import format_date

    return str(format_date(date, "d MMMM y", locale="id"))


def ribuan(amount: int) -> str:
    """A whole number with Indonesian thousands dots: ``4100832755`` -> ``4.100.832.755``."""
    from babel.numbers import format_decimal

    return str(format_decimal(amount, format="#,##0", locale="id"))


def rupiah(amount: int) -> str:
    """Whole rupiah as Indonesian documents print it: ``Rp4.100.832.755``.

    CLDR's Indonesian currency pattern and the spelling rules (PUEBI: ``Rp5.000,00``)
    agree on "Rp" with neither a dot nor a space; the amounts are whole rupiah, so the
    ",00" is left out.
    """
    from babel.numbers import format_currency

    return str(
        format_currency(amount, "IDR", format="\u00a4#,##0", currency_digits=False, locale="id")
    )


def format_nip(nip: str) -> str:
    """An 18-digit NIP spaced 8-6-1-3: ``19700101 199003 1 001``.

    The model has already checked the 18 digits; anything else is printed unchanged.
    """
    digits = re.sub(r"\s+", "", nip)
    if len(digits) != sum(_NIP_GROUPS) or not digits.isdigit():
        return nip
    parts = []
    start = 0
    for size in _NIP_GROUPS:
        parts.append(digits[start : start + size])
        start += size
    return " ".join(parts)
