"""Characters that come along when text is copied from Word or a PDF into a content file.

Staff write much of the prose in Word first. Pasting brings characters that look like
ordinary spaces, bullets and nothing at all, but that YAML and the document treat
differently: a non-breaking space in the indentation hides a key, a "•" bullet is not a
YAML list item nor a Markdown one, a zero-width space splits a word for the spelling
check and makes two equal indicator names differ. This module only knows these
characters and how to name them in a message; ``yamlsource`` decides where they are
errors (in the structure of the file) and where they deserve a warning (inside text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""Characters that look like a space but are not one for YAML (a regex character class)."""

INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
"""Characters that take no room on screen: zero-width spaces, direction marks and
isolates, soft hyphens (a regex character class)."""

SMART_QUOTES = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
"""Word's curly quotes, which YAML does not take for quotes."""

WORD_BULLETS = "•●▪◦‣⁃–—\uf0a7\uf0b7"
"""List markers of word processors (the last two are Word's Symbol/Wingdings bullets)."""

_ODD_SPACE_CHAR = re.compile(f"[{ODD_SPACES}]")
_INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")
_BULLET_LINE = re.compile(
    f"^[ \\t{ODD_SPACES}]*([{WORD_BULLETS}])[ \\t{ODD_SPACES}]+\\S", re.MULTILINE
)


def describe(char: str) -> str:
    """Name a pasted character for a message: what it is and its code."""
    code = f"kode {ord(char):#06x}"
    if char in "\u00a0\u202f":
        return f"spasi tak-putus ({code})"
    if _ODD_SPACE_CHAR.fullmatch(char):
        return f"spasi khusus ({code})"
    if char == "\ufeff":
        return f"tanda BOM tak terlihat ({code})"
    if char == "\u00ad":
        return f"tanda pemenggalan tersembunyi ({code})"
    return f"karakter tak terlihat ({code})"


def is_odd(char: str) -> bool:
    """Whether a character is a look-alike space or an invisible character."""
    return bool(_ODD_SPACE_CHAR.fullmatch(char) or _INVISIBLE_CHAR.fullmatch(char))


def is_invisible(char: str) -> bool:
    """Whether a character takes no room on screen."""
    return bool(_INVISIBLE_CHAR.fullmatch(char))


def without_invisible(text: str) -> str:
    """``text`` with every invisible character removed."""
    return _INVISIBLE_CHAR.sub("", text)


def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """(offset, character) of each invisible character in ``text``."""
    for found in _INVISIBLE_CHAR.finditer(text):
        yield found.start(), found.group()


def bullet_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, bullet) for each line of ``text`` that starts with a word processor's bullet."""
    for found in _BULLET_LINE.finditer(text):
        yield found.start(1), found.group(1)


INVISIBLE_WARNING = (
    "ada {what} di sini (biasanya terbawa saat menyalin dari Word); hapus karakter itu "
    "agar teks tercetak, dicari dan diperiksa ejaannya dengan benar"
)
ESCAPED_INVISIBLE_WARNING = (
    "teks dalam tanda kutip ganda ini memuat {what} lewat kode '\\u...'; hapus kode itu "
    "agar teks tercetak, dicari dan diperiksa ejaannya dengan benar"
)

BULLET_WARNING = (
    "baris ini diawali '{bullet}' (tanda butir dari Word), yang tidak menjadi butir daftar "
    "(baris-barisnya digabung menjadi satu paragraf); untuk daftar butir, ganti '{bullet}' "
    "dengan '- '"
)
