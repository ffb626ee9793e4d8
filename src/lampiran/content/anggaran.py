"""Anggaran: a program's budget in whole rupiah, read from the author's text.

The amount is signed by the agency head, so a budget that is read wrongly is worse than
one that is refused: only whole rupiah written the Indonesian way are accepted
(``4.100.832.755`` with dots grouping thousands, ``4100832755``, an optional ``,00``).
The reader keeps an unquoted ``4.100.832.755`` as the text typed (YAML alone would take
it for the float 4.100832755), so quoting never matters here.

Everything else is refused with a message that says what was read, what to write
instead when that can be told (``1,5 M`` -> ``1.500.000.000``, ``Rp 5 juta`` ->
``5.000.000``) and the accepted forms.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lampiran.errors import shorten

ACCEPTED_FORMS = "4.100.832.755, 4100832755 atau 4.100.832.755,00"
"""The accepted ways of writing an anggaran, as every refusal lists them."""

MAX_ANGGARAN = 10**15 - 1
"""The largest amount accepted (just under Rp1.000 triliun): more is a typing slip."""

_MAX_DIGITS = len(str(MAX_ANGGARAN))

_ACCEPTED = re.compile(r"(?P<number>0|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*)(?:,00)?")
_CURRENCY = re.compile(r"(?i)rp\.?\s*")
_MINUS = "-\u2212\u2013"
_MULTIPLIERS = {
    "rb": 10**3,
    "ribu": 10**3,
    "k": 10**3,
    "jt": 10**6,
    "juta": 10**6,
    "m": 10**9,
    "miliar": 10**9,
    "milyar": 10**9,
    "t": 10**12,
    "triliun": 10**12,
}
_WITH_MULTIPLIER = re.compile(r"(?P<number>\d[\d.,]*)\s*(?P<word>[A-Za-z]+)\.?")
_ENGLISH_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_SPACED_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?: \d{3})+")
_UNDERSCORED = re.compile(r"[1-9]\d{0,2}(?:_\d{3})+")
_DASH_END = re.compile(r"(?P<number>.+?),\s*-+")
_WITH_CENTS = re.compile(r"(?P<number>0|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*),\d+")


class AnggaranTextError(ValueError):
    """The anggaran cannot be accepted; the message says what to write."""


def parse_anggaran(text: str) -> int:
    """The whole rupiah ``text`` stands for, or :class:`AnggaranTextError`."""
    written = text.strip()
    if not written:
        raise AnggaranTextError(
            "anggaran tidak boleh kosong; tulis jumlah rupiahnya, misalnya 4.100.832.755"
        )
    accepted = _ACCEPTED.fullmatch(written)
    if accepted is not None:
        return _within_bounds(written, accepted["number"])
    raise AnggaranTextError(_refusal(written))


def check_amount(amount: int) -> int:
    """An amount given as a number (not text): whole, not negative, within bounds."""
    if amount < 0:
        raise AnggaranTextError(_negative(str(amount)))
    return _within_bounds(str(amount), str(amount))


def format_ribuan(amount: int) -> str:
    """``4100832755`` -> ``4.100.832.755``, for messages (documents use Babel)."""
    return f"{amount:,}".replace(",", ".")


def _within_bounds(written: str, number: str) -> int:
    digits = number.replace(".", "")
    if len(digits) > _MAX_DIGITS or int(digits) > MAX_ANGGARAN:
        raise AnggaranTextError(
            f"anggaran '{shorten(written)}' lebih dari {format_ribuan(MAX_ANGGARAN)} rupiah "
            "(hampir seribu triliun); periksa jumlah angkanya"
        )
    return int(digits)


def _refusal(written: str) -> str:
    """What is wrong with ``written`` and, when it can be told, what to write."""
    if written[0] in _MINUS:
        return _negative(written)
    rest = written
    currency = _CURRENCY.match(rest)
    if currency is not None:
        rest = rest[currency.end() :].strip()
    multiplied = _with_multiplier(rest)
    if multiplied is not None:
        word, amount = multiplied
        marks = f"'Rp' dan singkatan '{word}'" if currency else f"singkatan '{word}'"
        fix = (
            f"tulis angkanya saja dalam rupiah penuh: {format_ribuan(amount)}"
            if amount is not None
            else "tulis angkanya saja dalam rupiah penuh"
        )
        return _with_forms(f"anggaran '{shorten(written)}' memakai {marks}; {fix}")
    if currency is not None and rest and _ACCEPTED.fullmatch(rest):
        return _with_forms(
            f"anggaran '{shorten(written)}' memakai 'Rp', yang sudah dicetak oleh templat; "
            f"tulis angkanya saja: {rest}"
        )
    return _with_forms(f"anggaran '{shorten(written)}' {_misreading(rest)}")


def _misreading(rest: str) -> str:
    """Why ``rest`` (the text after any 'Rp') is not an accepted amount."""
    dash = _DASH_END.fullmatch(rest)
    if dash is not None and _ACCEPTED.fullmatch(dash["number"]):
        return f"diakhiri ',-'; tulis {dash['number']}"
    if _ENGLISH_THOUSANDS.fullmatch(rest):
        return (
            "memakai koma sebagai pemisah ribuan; tulis "
            f"{rest.replace(',', '.')} (titik sebagai pemisah ribuan)"
        )
    if _SPACED_THOUSANDS.fullmatch(rest):
        return f"memakai spasi sebagai pemisah ribuan; tulis {rest.replace(' ', '.')}"
    if _UNDERSCORED.fullmatch(rest):
        return f"memakai '_' sebagai pemisah ribuan; tulis {rest.replace('_', '.')}"
    if _WITH_CENTS.fullmatch(rest):
        return "memuat sen; tulis rupiah penuh tanpa sen (hanya ',00' yang boleh)"
    if re.fullmatch(r"\d+(?:[.,]\d+)+", rest):
        return (
            "bukan rupiah penuh: titik hanya memisahkan ribuan (tepat tiga angka "
            "sesudahnya) dan rupiah ditulis tanpa desimal"
        )
    if re.fullmatch(r"0\d+", rest):
        return f"diawali angka 0; tulis {int(rest)}"
    return "tidak dapat dibaca sebagai jumlah rupiah; tulis angkanya saja dalam rupiah penuh"


def _negative(written: str) -> str:
    return _with_forms(
        f"anggaran tidak boleh negatif (tertulis '{shorten(written)}'); "
        "tulis jumlah rupiahnya tanpa tanda minus"
    )


def _with_multiplier(rest: str) -> tuple[str, int | None] | None:
    """``1,5 M`` -> ``("M", 1500000000)``; the amount is ``None`` when it is not whole."""
    found = _WITH_MULTIPLIER.fullmatch(rest)
    if found is None or found["word"].lower() not in _MULTIPLIERS:
        return None
    word = found["word"]
    number = _loose_number(found["number"])
    if number is None:
        return word, None
    amount = number * _MULTIPLIERS[word.lower()]
    if amount != amount.to_integral_value() or amount > MAX_ANGGARAN:
        return word, None
    return word, int(amount)


def _loose_number(text: str) -> Decimal | None:
    """A number written before a multiplier, in either convention (``1,5``, ``1.5``,
    ``1.500``): only used to propose the amount, never to accept it."""
    if "," in text:
        text = text.replace(".", "").replace(",", ".", 1)
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _with_forms(message: str) -> str:
    return f"{message}; bentuk yang diterima: {ACCEPTED_FORMS}"
