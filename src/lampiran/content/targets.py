"""Targets: the author's text, kept exactly, and its reading as an Indonesian number.

A target is a promise, so what is printed is what the author wrote. The number at its
start (comma for decimals, dot for thousands) is read only for diffs and checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from lampiran.source import pasted

_PLAIN_INTEGER = re.compile(r"[+-]?\d+")
_PLAIN_DECIMAL = re.compile(r"([+-]?\d+)\.(\d+)")
_DOT_DECIMAL = re.compile(r"([+-]?\d+)\.(\d{1,2})(?!\d)(.*)", re.DOTALL)
_ENGLISH_THOUSANDS = re.compile(r"([+-]?\d{1,3}(?:,\d{3})+)\.(\d+)(.*)", re.DOTALL)
_LEADING_NUMBER = re.compile(
    r"(?P<number>[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:,\d+)?)(?P<unit>.*)", re.DOTALL
)


_PERCENT_FIRST = re.compile(r"%\s*(\d[\d.,]*)")


class TargetTextError(ValueError):
    """The target text cannot be accepted; the message says how to write it."""


def normalize_target(text: str, *, unquoted_number: bool) -> str:
    """Return the target as it will be printed, or raise :class:`TargetTextError`.

    ``unquoted_number`` is true when YAML would have read the value as a number
    (``target: 83.50``): its decimals are kept and the separator becomes a comma.
    """
    text = text.strip()
    if unquoted_number:
        if _PLAIN_INTEGER.fullmatch(text):
            return text
        decimal = _PLAIN_DECIMAL.fullmatch(text)
        if decimal:
            whole, fraction = decimal.groups()
            if len(fraction) == 3:
                raise TargetTextError(
                    f"angka {text} bisa dibaca seribu atau desimal; "
                    f"tulis '{whole}.{fraction}' dalam tanda kutip bila ribuan, "
                    f"atau {whole},{fraction} bila desimal"
                )
            return f"{whole},{fraction}"
        if ":" in text:
            return text  # a ratio such as 1:30, which YAML 1.1 reads as a number in base 60
        # YAML also reads .5, 1_000, 1.5e+3 and 0x10 as numbers; none of them is how a
        # target is printed, so the author has to write it out.
        leading_dot = re.fullmatch(r"([+-]?)\.(\d+)", text)
        if leading_dot:
            raise TargetTextError(
                f"angka {text} perlu angka 0 di depannya dan koma sebagai pemisah desimal; "
                f"tulis {leading_dot[1]}0,{leading_dot[2]}"
            )
        if re.fullmatch(r"\d{1,3}(?:_\d{3})+", text):
            raise TargetTextError(
                f"angka {text} tidak dapat dicetak seperti itu; tulis "
                f"'{text.replace('_', '.')}' (titik sebagai pemisah ribuan, dalam tanda kutip)"
            )
        raise TargetTextError(
            f"angka {text} tidak dapat dicetak seperti itu; tulis targetnya seperti akan "
            "dicetak, dengan koma sebagai pemisah desimal, dalam tanda kutip"
        )
    if not text:
        raise TargetTextError("target tidak boleh kosong; tulis targetnya, misalnya 99,99%")
    if "\n" in text:
        raise TargetTextError("target harus ditulis dalam satu baris")
    if len(text) > 1 and text[0] in pasted.SMART_QUOTES and text[-1] in pasted.SMART_QUOTES:
        raise TargetTextError(
            f"target diapit tanda kutip miring ({text[0]}{text[-1]}) dari Word, yang akan ikut "
            f"tercetak; hapus tanda kutip itu: {text[1:-1].strip()}"
        )
    percent_first = _PERCENT_FIRST.fullmatch(text)
    if percent_first:
        raise TargetTextError(
            f"tanda '%' ditulis di belakang angka, tidak di depannya; tulis {percent_first[1]}%"
        )
    english = _ENGLISH_THOUSANDS.fullmatch(text)
    if english:
        whole, fraction, rest = english.groups()
        suggestion = f"{whole.replace(',', '.')},{fraction}{rest}"
        raise TargetTextError(
            f"target '{text}' memakai penulisan angka bahasa Inggris; tulis {suggestion}"
        )
    dotted = _DOT_DECIMAL.fullmatch(text)
    if dotted:
        whole, fraction, rest = dotted.groups()
        raise TargetTextError(
            f"target '{text}' memakai titik sebagai pemisah desimal; tulis {whole},{fraction}{rest}"
        )
    return text


@dataclass(frozen=True)
class TargetReading:
    """A target read as a number and a unit (``99,99%`` -> 99.99 and ``%``).

    ``number`` is ``None`` for a target that does not start with a number (``WTP``).
    """

    text: str
    number: Decimal | None
    unit: str


def read_target(text: str) -> TargetReading:
    """Read the leading Indonesian number of a target and the unit after it."""
    match = _LEADING_NUMBER.fullmatch(text.strip())
    if match is None:
        return TargetReading(text, None, text.strip())
    number = match["number"].replace(".", "").replace(",", ".")
    return TargetReading(text, Decimal(number), match["unit"].strip())
