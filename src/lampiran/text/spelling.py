"""Spelling of the prose in sasaran files, against the Indonesian Hunspell dictionary.

The signed 2024 document carries typos ("pengembangn", "melaui") that nobody caught, so
``lampiran check --spelling`` and ``lampiran spelling`` report every word that neither
the dictionary (Debian ``hunspell-id``) nor the project's own word list
(``content/kamus.txt``: acronyms, names, terms) knows, as a warning at its exact file,
line and column, with up to three suggestions.

The dictionary is read through pyenchant (libenchant with its Hunspell provider): it
loads in about 10 ms and suggests in about 15 ms a word, where the pure-Python spylls
needs 300 ms to load and 100-400 ms a suggestion. It is imported only here, and this
module only by the commands that check spelling, so ``lampiran check`` stays lean.

Positions come from the YAML parser's marks of each value, over the raw text of the
file: words are found in the file's own characters, so a word in a ``|`` block is
reported on its own line and column. What is not a word is masked first: URLs, e-mail
addresses, inline code, and everything with a digit (numbers, ``Tahun 2021``, ``ke-2``);
Markdown markup (``**``, ``*``, ``_``, list markers) simply separates words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lampiran.blocks import prose_blocks, runs_text
from lampiran.content.loading import SASARAN_DIR, sasaran_paths
from lampiran.errors import ContentError, Problem, Report, Severity, StepFailed
from lampiran.source.files import FileRefused, check_real_folder, read_regular_file
from lampiran.source.yamlreader import FieldPath, decode_utf8, format_field
from lampiran.text.markdown import parse_prose

DICTIONARY_TAG = "id_ID"
KAMUS_FILE = "kamus.txt"
MAX_SUGGESTIONS = 3

INSTALL_HINT = "sudo apt-get install hunspell-id libenchant-2-2"

_PROSE_KEYS = {"sasaran", "uraian"}
_ONE_LINE_KEYS = {"sasaran", "nama"}
"""Keys printed as written, never read as Markdown."""
_INDIKATOR_PROSE_KEYS = {"nama", "relevansi", "formulasi", "sumber_data", "penjelasan_target"}

# Text that is not words: replaced by spaces (so positions stay) before words are found.
_NOT_WORDS = re.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|`[^`\n]*`"  # inline code
    r"|\]\([^)\s]*\)"  # the target of a Markdown link
)
_DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
# A run of letters and digits, with hyphens and apostrophes inside (masing-masing, Jum'at),
# and the invisible characters Word leaves inside words (soft hyphens, joiners): they do
# not split a word, and ``lampiran check`` already warns about them.
_INSIDE_WORDS = "\u00ad\u200c\u200d\u2060"
_RUN = re.compile(f"(?:[^\\W_]|['’-]|[{_INSIDE_WORDS}])+")
_HIDDEN = re.compile(f"[{_INSIDE_WORDS}]")
_EDGE_PUNCTUATION = "'’-"
# A word with a number glued to it: "Tahun2021", "2021tentang".
_GLUED_NUMBER = re.compile(r"([^\W\d_]{4,})(\d+)|(\d+)([^\W\d_]{4,})")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


class SpellingUnavailable(StepFailed):
    """The dictionary or the library that reads it is missing; says how to install it."""


@dataclass
class Speller:
    """The Hunspell dictionary with the project's word list on top of it."""

    dictionary: Any
    """An ``enchant.Dict`` for ``id_ID``."""

    kamus: frozenset[str] = frozenset()
    """The accepted spellings of the word list, with their capitalised forms."""

    _suggestions: dict[str, list[str]] = field(default_factory=dict)

    def knows(self, word: str) -> bool:
        """Whether ``word`` is spelled right (each part of a hyphenated word may be)."""
        if self._knows_whole(word):
            return True
        parts = word.split("-")
        return len(parts) > 1 and all(self._knows_whole(part) for part in parts if part)

    def _knows_whole(self, word: str) -> bool:
        word = word.replace("’", "'")
        return word in self.kamus or bool(self.dictionary.check(word))

    def suggest(self, word: str) -> list[str]:
        """Up to three corrections, best first (computed once per word)."""
        if word not in self._suggestions:
            found: list[str] = []
            for candidate in self.dictionary.suggest(word):
                if candidate != word and candidate not in found:
                    found.append(candidate)
                if len(found) == MAX_SUGGESTIONS:
                    break
            self._suggestions[word] = found
        return self._suggestions[word]


def kamus_path(folder: Path) -> Path:
    """The word list of a year folder: ``content/kamus.txt`` beside ``content/2024``.

    For an agency (``content/<instansi>/2024``) it is the agency's own list,
    ``content/<instansi>/kamus.txt``; the shared ``content/kamus.txt`` is read as well
    (:func:`kamus_paths`).
    """
    return folder.parent / KAMUS_FILE


def kamus_paths(folder: Path) -> list[Path]:
    """Every word list that applies to a year folder: the shared one, then the agency's."""
    from lampiran.workspace import agency_of

    own = kamus_path(folder)
    if agency_of(folder) is None:
        return [own]
    return [folder.parent.parent / KAMUS_FILE, own]


def read_kamus(path: Path) -> frozenset[str]:
    """The words of a word list (one a line, ``#`` starts a comment), with their variants.

    As in Hunspell, a word written in lower case is also accepted Capitalised and in
    CAPITALS, and a Capitalised one (``Menpan``) also in CAPITALS; an acronym (``ASN``)
    only as written. No list is no words; a list that cannot be read (a link, not UTF-8,
    too large) raises :class:`ContentError` at its place, since checking without it
    would flag every word the staff added.
    """
    try:
        raw = read_regular_file(path)
    except FileRefused as exc:
        if exc.missing:
            return frozenset()
        raise ContentError(Report([exc.problem()])) from None
    text, problem = decode_utf8(path, raw)
    if problem is not None:
        raise ContentError(Report([problem]))
    accepted: set[str] = set()
    for line in text.splitlines():
        for word in line.split("#", 1)[0].split():
            accepted.update({word, word.upper()})
            if word.islower():
                accepted.add(word[0].upper() + word[1:])
    return frozenset(accepted)


def load_speller(kamus: Path | Sequence[Path], tag: str | None = None) -> Speller:
    """Open the Hunspell dictionary (``id_ID`` unless ``tag``) and the word lists.

    The dictionary is opened once per process (it takes about 0.3 s), so checking many
    agencies in one run pays for it once. Raises :class:`SpellingUnavailable`, saying how
    to install what is missing.
    """
    lists = [kamus] if isinstance(kamus, Path) else list(kamus)
    words: frozenset[str] = frozenset()
    for path in lists:
        words |= read_kamus(path)
    return Speller(_dictionary(tag or DICTIONARY_TAG), words)


_DICTIONARIES: dict[str, Any] = {}


def _dictionary(tag: str) -> Any:
    if tag in _DICTIONARIES:
        return _DICTIONARIES[tag]
    try:
        import enchant
    except ImportError as exc:
        raise SpellingUnavailable(
            "pustaka Enchant untuk memeriksa ejaan belum terpasang "
            f"({exc}); pasang dengan: {INSTALL_HINT}"
        ) from None
    broker = enchant.Broker()
    broker.set_ordering(tag, "hunspell")
    if not broker.dict_exists(tag):
        raise SpellingUnavailable(
            f"kamus ejaan bahasa Indonesia ({tag}, paket hunspell-id) tidak ditemukan; "
            f"pasang dengan: {INSTALL_HINT}"
        )
    _DICTIONARIES[tag] = broker.request_dict(tag)
    return _DICTIONARIES[tag]


def check_year_spelling(folder: Path) -> Report:
    """Spelling warnings for the sasaran files of a year folder, with its word list.

    Stray files in ``sasaran/`` are not mentioned here: ``lampiran check`` reports them.
    """
    try:
        for real in (folder, folder / SASARAN_DIR):
            check_real_folder(real)
        paths = sasaran_paths(folder / SASARAN_DIR, Report())
    except FileRefused:
        paths = []  # 'lampiran check' says why the folder cannot be read
    return check_spelling(paths, load_speller(kamus_paths(folder)))


def check_spelling(paths: list[Path], speller: Speller) -> Report:
    """Warnings for every unknown word in the prose of the sasaran files ``paths``.

    A file that cannot be read as YAML gets one warning saying its spelling was not
    checked; ``lampiran check`` reports what is wrong with it.
    """
    report = Report()
    for path in paths:
        report.extend(_check_file(path, speller))
    return report


def _check_file(path: Path, speller: Speller) -> Iterator[Problem]:
    tree = _read_tree(path)
    if tree is None:
        yield Problem(
            path,
            1,
            1,
            "",
            "ejaan berkas ini tidak diperiksa karena berkasnya tidak dapat dibaca; "
            "perbaiki dulu kesalahan yang ditunjukkan 'lampiran check'",
            Severity.WARNING,
        )
        return
    text, root = tree
    lines = _LineIndex(text)
    for where, node in _prose_values(root):
        markdown = where[-1] not in _ONE_LINE_KEYS
        words = _printed_words(node.value, markdown=markdown)
        for offset, message in _unknown_words(_region(text, node), words, speller):
            line, column = lines.locate(offset)
            yield Problem(path, line, column, format_field(where), message, Severity.WARNING)


def _read_tree(path: Path) -> tuple[str, yaml.Node | None] | None:
    """The file's text (as the loader sees it) and its YAML node tree; ``None`` if unreadable."""
    try:
        text, problem = decode_utf8(path, read_regular_file(path))
        if problem is not None:
            return None
        # libyaml when installed (the same nodes, some thirty times faster).
        return text, yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (FileRefused, yaml.YAMLError):
        return None


def _prose_values(root: Any) -> Iterator[tuple[FieldPath, yaml.ScalarNode]]:
    """The scalar nodes of the prose fields of a sasaran file, with their field paths."""
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if key.value in _PROSE_KEYS and isinstance(value, yaml.ScalarNode):
            yield (key.value,), value
        elif key.value == "indikator" and isinstance(value, yaml.SequenceNode):
            for index, item in enumerate(value.value):
                if not isinstance(item, yaml.MappingNode):
                    continue
                for item_key, item_value in item.value:
                    if item_key.value in _INDIKATOR_PROSE_KEYS and isinstance(
                        item_value, yaml.ScalarNode
                    ):
                        yield ("indikator", index, item_key.value), item_value


@dataclass(frozen=True)
class _Region:
    """Where a value's text lies in the file, and that text with non-words masked."""

    offset: int
    text: str


def _region(text: str, node: yaml.ScalarNode) -> _Region:
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in {"|", ">"}:
        # The header line holds only the indicator (and maybe a comment).
        newline = text.find("\n", start, end)
        start = end if newline == -1 else newline + 1
    raw = text[start:end]
    if node.style == '"':
        raw = _DOUBLE_QUOTED_ESCAPE.sub(_blank, raw)
    return _Region(start, _NOT_WORDS.sub(_blank, raw))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _unknown_words(
    region: _Region, words: Iterable[str], speller: Speller
) -> Iterator[tuple[int, str]]:
    """(offset in the file, message) for each printed word the speller does not know.

    The words are those the document prints (:func:`_printed_words`); each is found, in
    order, in the file's text, which gives its line and column.
    """
    cursor = 0
    for written in words:
        word = _HIDDEN.sub("", written)
        found = re.compile(rf"(?<![^\W_]){re.escape(written)}(?![^\W_])").search(
            region.text, cursor
        )
        if not word or found is None:
            continue
        cursor = found.end()
        offset = region.offset + found.start()
        if any(char.isdigit() for char in word):
            glued = _glued_number(word, speller)
            if glued is not None:
                yield offset, f"angka menempel pada kata '{word}'; tulis '{glued}'"
            continue
        if len(word) < 2 or _ROMAN_NUMERAL.fullmatch(word) or speller.knows(word):
            continue
        yield offset, _unknown_message(word, speller.suggest(word))


def _printed_words(value: str, *, markdown: bool) -> Iterator[str]:
    """The words of a value as printed, each without edge punctuation.

    Prose goes through the Markdown parser of every output
    (:func:`lampiran.text.markdown.parse_prose`), so list markers, stars and escapes are
    never words; one-line values (a title, an indicator name) print as written.
    """
    texts = [runs_text(p.runs) for p in prose_blocks(parse_prose(value))] if markdown else [value]
    for printed in texts:
        text = _NOT_WORDS.sub(_blank, printed)
        for run in _RUN.finditer(text):
            written = run.group().strip(_EDGE_PUNCTUATION + _INSIDE_WORDS)
            if written:
                yield written


def _glued_number(word: str, speller: Speller) -> str | None:
    """``Tahun 2021`` for ``Tahun2021``, when the letters are a known word (not a code)."""
    match = _GLUED_NUMBER.fullmatch(word)
    if match is None:
        return None
    letters = match.group(1) or match.group(4)
    if letters.isupper() or not speller.knows(letters):
        return None
    if match.group(1):
        return f"{match.group(1)} {match.group(2)}"
    return f"{match.group(3)} {match.group(4)}"


def _unknown_message(word: str, suggestions: list[str]) -> str:
    if suggestions:
        return f"ejaan '{word}' tidak dikenal; maksud Anda: {', '.join(suggestions)}?"
    return f"ejaan '{word}' tidak dikenal"


def kamus_hint(folder: Path) -> str:
    """What to do with a word that is right but unknown: said once, after the warnings."""
    return (
        "Kata yang sudah benar tetapi belum dikenal (singkatan, nama, istilah) tambahkan ke "
        f"{kamus_path(folder).as_posix()}, satu kata per baris."
    )


class _LineIndex:
    """Turns offsets in a text into 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
